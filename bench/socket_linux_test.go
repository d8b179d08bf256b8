//go:build linux

package bench

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	mdl "github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
)

// linkNS creates a network namespace with 32 veth pairs (66 links with lo
// and the peers' ends) and returns its path; it is deleted after the
// benchmark. It needs root and the ip command.
func linkNS(b *testing.B) string {
	if os.Geteuid() != 0 {
		testenv.Skip(b, "the socket benchmark needs root")
	}
	ip := testenv.LookPath(b, "ip")
	name := "nlwbench-" + strconv.Itoa(os.Getpid())
	if out, err := exec.Command(ip, "netns", "add", name).CombinedOutput(); err != nil {
		b.Fatalf("ip netns add: %v: %s", err, out)
	}
	b.Cleanup(func() { exec.Command(ip, "netns", "del", name).Run() })
	var batch strings.Builder
	for i := range 32 {
		batch.WriteString("link add b" + strconv.Itoa(i) + " type veth peer name p" + strconv.Itoa(i) + "\n")
	}
	cmd := exec.Command(ip, "-n", name, "-batch", "-")
	cmd.Stdin = strings.NewReader(batch.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("ip -batch: %v: %s", err, out)
	}
	return "/run/netns/" + name
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
