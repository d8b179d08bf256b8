//go:build linux

package bench

import (
	"os"
	"testing"

	mdl "github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
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
// against mdlayher/netlink's Conn.Execute.
func BenchmarkLinkDump(b *testing.B) {
	path := linkNS(b)
	ifinfomsg := make([]byte, 16)

	b.Run("nlwire", func(b *testing.B) {
		c, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNS: path})
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		bl := wire.NewBuilder(nil)
		m := bl.Start(wire.Header{Type: unix.RTM_GETLINK, Flags: wire.Request | wire.Dump})
		copy(bl.FamilyHeader(16), ifinfomsg)
		bl.End(m)
		req, _ := bl.Finish()
		msgs, attrs := 0, 0
		fn := func(msg wire.Message) error {
			d := msg.Attrs(16)
			for d.Next() {
				attrs++
			}
			msgs++
			return d.Err()
		}
		b.ReportAllocs()
		for b.Loop() {
			if err := c.Execute(req, fn); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(msgs)/float64(b.N), "msgs/op")
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(msgs), "ns/msg")
	})

	b.Run("mdlayher", func(b *testing.B) {
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			b.Fatal(err)
		}
		defer unix.Close(fd)
		c, err := mdl.Dial(unix.NETLINK_ROUTE, &mdl.Config{NetNS: fd})
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		req := mdl.Message{Header: mdl.Header{Type: unix.RTM_GETLINK, Flags: mdl.Request | mdl.Dump}, Data: ifinfomsg}
		msgs := 0
		b.ReportAllocs()
		for b.Loop() {
			replies, err := c.Execute(req)
			if err != nil {
				b.Fatal(err)
			}
			for _, m := range replies {
				ad, err := mdl.NewAttributeDecoder(m.Data[16:])
				if err != nil {
					b.Fatal(err)
				}
				for ad.Next() {
				}
				if err := ad.Err(); err != nil {
					b.Fatal(err)
				}
				msgs++
			}
		}
		b.ReportMetric(float64(msgs)/float64(b.N), "msgs/op")
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(msgs), "ns/msg")
	})
}
