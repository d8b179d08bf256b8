//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family/ethtool"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
)

// genlCapture is the live capture of generic netlink families with YNL
// specs that TestGolden decodes.
const genlCapture = "testdata/genl-ynl.pcap"

// TestRecordGenlTraffic records, with -record, read-only requests to the
// netdev and ethtool families and the kernel's answers, in a namespace it
// creates (lo and a veth pair) and deletes, into genlCapture: each family
// is resolved first (CTRL_CMD_GETFAMILY), so that nldump learns its id
// from the capture.
func TestRecordGenlTraffic(t *testing.T) {
	if !*recordTools {
		t.Skip("records only with -record")
	}
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	ip := testenv.LookPath(t, "ip")
	ns := "nldumpgenl-" + strconv.Itoa(os.Getpid())
	shell(t, ip, "netns", "add", ns)
	t.Cleanup(func() { exec.Command(ip, "netns", "del", ns).Run() })
	in := func(args ...string) { shell(t, ip, append([]string{"-n", ns}, args...)...) }
	in("link", "set", "lo", "up")
	in("link", "add", "v0", "type", "veth", "peer", "name", "v1")
	in("link", "set", "v0", "up")

	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf, capture.PCAP)
	if err != nil {
		t.Fatal(err)
	}
	c, err := nlsock.Dial(nlsock.Generic, &nlsock.Config{NetNS: "/run/netns/" + ns, Recorder: capture.NewRecorder(w, nlsock.Generic)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	seq := uint32(100)
	request := func(id uint16, cmd, version uint8, flags wire.Flags, attrs func(e *attr.Encoder)) {
		t.Helper()
		seq++
		b := wire.NewBuilder(nil)
		m := b.Start(wire.Header{Type: id, Flags: wire.Request | wire.Ack | flags, Seq: seq})
		h := b.FamilyHeader(4)
		h[0], h[1] = cmd, version
		if attrs != nil {
			attrs(b.Attrs())
		}
		b.End(m)
		req, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ExecuteAck(req, func(wire.Message) error { return nil }); err != nil {
			t.Fatalf("family %d command %d: %v", id, cmd, err)
		}
	}
	nd, err := c.GenlFamily("netdev")
	if err != nil {
		t.Fatal(err)
	}
	request(nd.ID, netdev.NETDEV_CMD_DEV_GET, 1, wire.Dump, nil)
	et, err := c.GenlFamily("ethtool")
	if err != nil {
		t.Fatal(err)
	}
	header := func(hdr uint16, dev string, flags uint32) func(e *attr.Encoder) {
		return func(e *attr.Encoder) {
			n := e.Begin(hdr)
			if dev != "" {
				e.String(ethtool.ETHTOOL_A_HEADER_DEV_NAME, dev)
			}
			if flags != 0 {
				e.Uint32(ethtool.ETHTOOL_A_HEADER_FLAGS, flags)
			}
			e.End(n)
		}
	}
	const compact = 1 // ETHTOOL_FLAG_COMPACT_BITSETS
	request(et.ID, ethtool.ETHTOOL_MSG_LINKINFO_GET, 1, 0, header(ethtool.ETHTOOL_A_LINKINFO_HEADER, "v0", 0))
	request(et.ID, ethtool.ETHTOOL_MSG_LINKINFO_GET, 1, wire.Dump, header(ethtool.ETHTOOL_A_LINKINFO_HEADER, "", 0))
	request(et.ID, ethtool.ETHTOOL_MSG_LINKSTATE_GET, 1, 0, header(ethtool.ETHTOOL_A_LINKSTATE_HEADER, "v0", 0))
	request(et.ID, ethtool.ETHTOOL_MSG_CHANNELS_GET, 1, 0, header(ethtool.ETHTOOL_A_CHANNELS_HEADER, "v0", 0))
	request(et.ID, ethtool.ETHTOOL_MSG_FEATURES_GET, 1, 0, header(ethtool.ETHTOOL_A_FEATURES_HEADER, "lo", compact))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(genlCapture, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded %d bytes", buf.Len())
}
