//go:build linux

package bench

import (
	"os"
	"testing"

	"github.com/nlwire/nlwire/internal/testenv"
)

// linkNS creates the namespace of newLinkNS for the benchmark and
// deletes it after; it skips the benchmark when not run as root.
func linkNS(b *testing.B) string {
	if os.Geteuid() != 0 {
		testenv.Skip(b, "the socket benchmark needs root")
	}
	testenv.LookPath(b, "ip")
	path, del, err := newLinkNS()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(del)
	return path
}

// BenchmarkLinkDump dumps the links of a namespace through a real socket
// and reads every top-level attribute of every link: nlsock's Execute
// against mdlayher/netlink's Conn.Execute and against the floor, the
// socket's bare Send and Receive walked by hand (linkDumpers).
func BenchmarkLinkDump(b *testing.B) {
	path := linkNS(b)
	nlw, md, hand, closeSocks, err := linkDumpers(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(closeSocks)
	for _, d := range []struct {
		name string
		dump func() (int, error)
	}{{"nlwire", nlw}, {"mdlayher", md}, {"handwritten", hand}} {
		b.Run(d.name, func(b *testing.B) {
			msgs := 0
			b.ReportAllocs()
			for b.Loop() {
				n, err := d.dump()
				if err != nil {
					b.Fatal(err)
				}
				msgs += n
			}
			b.ReportMetric(float64(msgs)/float64(b.N), "msgs/op")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(msgs), "ns/msg")
		})
	}
}
