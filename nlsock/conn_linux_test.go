//go:build linux

package nlsock_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
	"golang.org/x/sys/unix"
)

// getLoReq is an RTM_GETLINK request for ifindex 1 (lo), read-only.
func getLoReq(seq uint32) []byte {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: unix.RTM_GETLINK, Flags: wire.Request, Seq: seq})
	ne.PutUint32(b.FamilyHeader(ifinfomsgLen)[4:], 1)
	b.End(m)
	out, _ := b.Finish()
	return out
}

func TestDialOptions(t *testing.T) {
	needRoot(t)
	c := dialHost(t, nlsock.Route, &nlsock.Config{CapAck: true, NoENOBUFS: true, ListenAllNSID: true, ReadBuffer: 1 << 20})
	if c.PortID() == 0 || c.Family() != nlsock.Route {
		t.Errorf("port ID %d, family %d", c.PortID(), c.Family())
	}
	// CAP_ACK: the error echoes only the request's header.
	req := getLoReq(0)
	ne.PutUint32(req[wire.HeaderLen+4:], 0x7fffffff) // no such ifindex
	err := c.Execute(req, nil)
	var we *wire.Error
	if !errors.As(err, &we) || we.Errno != nlwire.ENODEV {
		t.Fatalf("got %v, want ENODEV", err)
	}
	if we.Flags&wire.Capped == 0 || len(we.Request) != wire.HeaderLen {
		t.Errorf("flags %v, echoed %d bytes: want a capped ACK", we.Flags, len(we.Request))
	}
	// Without extended ACK nothing but the errno comes back.
	c2 := dialHost(t, nlsock.Generic, &nlsock.Config{NoExtAck: true, NoStrictCheck: true})
	_, err = c2.GenlFamily("no such family")
	if !errors.As(err, &we) || we.Errno != nlwire.ENOENT || we.Flags&wire.AckTLVs != 0 {
		t.Errorf("got %v flags %v, want ENOENT without TLVs", err, we.Flags)
	}
	if err := c2.Close(); err != nil {
		t.Error(err)
	}
	if _, err := c2.GenlFamily("nlctrl"); err == nil {
		t.Error("closed Conn works")
	}
	if _, err := c.GenlFamily("nlctrl"); !errors.Is(err, nlsock.ErrNotGeneric) {
		t.Errorf("GenlFamily on a route socket: %v", err)
	}
}

func TestGenlFamilyAndPolicy(t *testing.T) {
	c := dialHost(t, nlsock.Generic, nil)
	f, err := c.GenlFamily("nlctrl")
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != 0x10 || f.Name != "nlctrl" || f.Version == 0 {
		t.Errorf("nlctrl: %+v", f)
	}
	if id, ok := f.Group("notify"); !ok || id == 0 {
		t.Errorf("nlctrl groups %+v", f.Groups)
	}
	if _, err := c.GenlFamily("nlwnosuchfam"); !errors.Is(err, nlwire.ENOENT) {
		t.Errorf("unknown family: %v", err)
	}
	pd, err := c.GenlPolicy(f.ID)
	if err != nil {
		t.Fatal(err)
	}
	do, dump := pd.Op(3) // CTRL_CMD_GETFAMILY
	if do == nil || dump == nil {
		t.Fatalf("GETFAMILY policies %v %v", do, dump)
	}
	if r := do.Rule(2); r == nil || r.Len != 15 { // CTRL_ATTR_FAMILY_NAME: NLA_NUL_STRING, len GENL_NAMSIZ-1
		t.Errorf("CTRL_ATTR_FAMILY_NAME rule %+v", r)
	}
	fams, err := c.GenlFamilies()
	if err != nil || len(fams) < 2 {
		t.Fatalf("%d families, %v", len(fams), err)
	}

	// One operation's policies: GETFAMILY has both handlers; GETPOLICY
	// is dump-only, which the kernel lists under command 0.
	pd, err = c.GenlOpPolicy(f.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	if do, dump := pd.Op(3); do == nil || dump == nil || len(pd.Ops) != 1 || pd.Ops[0].Cmd != 3 {
		t.Errorf("GETFAMILY alone: ops %+v, policies %v %v", pd.Ops, do, dump)
	}
	pd, err = c.GenlOpPolicy(f.ID, 10) // CTRL_CMD_GETPOLICY
	if err != nil {
		t.Fatal(err)
	}
	if do, dump := pd.Op(10); do != nil || dump == nil || dump.Rule(10) == nil || len(pd.Ops) != 1 || pd.Ops[0].Cmd != 0 {
		t.Errorf("GETPOLICY alone: ops %+v, policies %v %v", pd.Ops, do, dump)
	}
}

// TestForeignSenderDropped: a datagram sent to our port ID by another
// user-space socket is not taken for the kernel's, whatever it says.
func TestForeignSenderDropped(t *testing.T) {
	needRoot(t)
	c := dialHost(t, nlsock.Route, nil)
	spoofer, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(spoofer)
	if err := unix.Bind(spoofer, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		t.Fatal(err)
	}
	spoof := func(seq uint32) {
		t.Helper()
		// A forged success: NLMSG_DONE ending any dump, and an ACK.
		req := getLoReq(seq)
		b, _ := wire.AppendDone(nil, req, 0, &wire.Error{}, wire.AckOptions{PortID: c.PortID()})
		b, _ = wire.AppendAck(b, req, wire.AckOptions{PortID: c.PortID()})
		if err := unix.Sendto(spoofer, b, 0, &unix.SockaddrNetlink{Family: unix.AF_NETLINK, Pid: c.PortID()}); err != nil {
			t.Fatal(err)
		}
	}
	// Through Receive: the forged datagram is skipped, the kernel's returned.
	spoof(7)
	if err := c.Send(getLoReq(7)); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1<<16)
	n, err := c.Receive(buf)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := wire.ParseHeader(buf[:n], nlwire.Native)
	if h.Type != unix.RTM_NEWLINK || h.PID != c.PortID() {
		t.Errorf("received %+v, want the kernel's RTM_NEWLINK", h)
	}
	if got := c.Stats().ForeignSender; got != 1 {
		t.Errorf("ForeignSender = %d, want 1", got)
	}
	// Through Execute, for every sequence number near the current one.
	for seq := range uint32(4) {
		spoof(seq)
	}
	links := 0
	err = c.Execute(dumpReq(unix.RTM_GETLINK, ifinfomsgLen, 0), func(wire.Message) error { links++; return nil })
	if err != nil || links == 0 {
		t.Fatalf("dump after forged replies: %d links, %v", links, err)
	}
	if st := c.Stats(); st.ForeignSender != 5 {
		t.Errorf("stats %+v, want 5 foreign datagrams", st)
	}
	// Late replies of another request are dropped as unexpected.
	if err := c.Send(getLoReq(12345)); err != nil {
		t.Fatal(err)
	}
	if err := c.Execute(getLoReq(0), nil); err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.Unexpected != 1 {
		t.Errorf("stats %+v, want 1 unexpected", st)
	}
}

func TestReceiveTruncated(t *testing.T) {
	c := dialHost(t, nlsock.Route, nil)
	if err := c.Send(getLoReq(1)); err != nil {
		t.Fatal(err)
	}
	_, err := c.Receive(make([]byte, 64))
	var te *nlsock.TruncatedError
	if !errors.As(err, &te) || te.Size <= 64 || te.BufLen != 64 {
		t.Fatalf("got %v, want a *TruncatedError", err)
	}
	buf := make([]byte, te.Size)
	n, err := c.Receive(buf)
	if err != nil || n != te.Size {
		t.Fatalf("second Receive: %d bytes, %v; want %d", n, err, te.Size)
	}
	r := wire.NewReader(buf[:n])
	if !r.Next() || r.Header().Type != unix.RTM_NEWLINK || int(r.Header().Len) != n {
		t.Errorf("datagram %+v, err %v", r.Header(), r.Err())
	}
}

func TestReceiveAllocs(t *testing.T) {
	c := dialHost(t, nlsock.Route, nil)
	req := getLoReq(1)
	buf := make([]byte, 1<<16)
	round := func() {
		if err := c.Send(req); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Receive(buf); err != nil {
			t.Fatal(err)
		}
	}
	round()
	if n := testing.AllocsPerRun(200, round); n != 0 {
		t.Errorf("Send+Receive: %v allocs, want 0", n)
	}
	// Execute and Messages, each reply decoded as a caller would: its
	// header and every attribute.
	dump := dumpReq(unix.RTM_GETLINK, ifinfomsgLen, 0)
	msgs, attrs := 0, 0
	fn := func(msg wire.Message) error {
		if msg.Header().Type != unix.RTM_NEWLINK {
			t.Errorf("reply %+v", msg.Header())
		}
		d := msg.Attrs(ifinfomsgLen)
		for d.Next() {
			attrs++
		}
		msgs++
		return d.Err()
	}
	exec := func() {
		if err := c.Execute(dump, fn); err != nil {
			t.Fatal(err)
		}
	}
	exec()
	perDump, attrsPerDump := msgs, attrs
	if n := testing.AllocsPerRun(100, exec); n != 0 {
		t.Errorf("Execute of a link dump: %v allocs, want 0", n)
	}
	iterate := func() {
		for msg, err := range c.Messages(dump) {
			if err != nil {
				t.Fatal(err)
			}
			if err := fn(msg); err != nil {
				t.Fatal(err)
			}
		}
	}
	iterate()
	if n := testing.AllocsPerRun(100, iterate); n != 0 {
		t.Errorf("Messages over a link dump: %v allocs, want 0", n)
	}
	t.Logf("0 allocs per Send+Receive; 0 per Execute or Messages of a %d-link dump (%d attributes decoded)", perDump, attrsPerDump)
}

func TestMulticastAndOverrun(t *testing.T) {
	ns := newNS(t)
	ns.IP(t, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
	c := ns.Dial(t, nlsock.Route, &nlsock.Config{Groups: []uint32{unix.RTNLGRP_LINK}})
	ns.IP(t, "link", "set", "v0", "mtu", "1300")
	buf := make([]byte, 1<<16)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, err := c.Receive(buf)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := wire.ParseHeader(buf[:n], nlwire.Native)
	if h.Type != unix.RTM_NEWLINK || h.Seq != 0 {
		t.Errorf("notification %+v", h)
	}
	// After leaving the group, nothing comes.
	if err := c.LeaveGroup(unix.RTNLGRP_LINK); err != nil {
		t.Fatal(err)
	}
	for drained := false; !drained; {
		c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
		_, err := c.Receive(buf)
		drained = errors.Is(err, os.ErrDeadlineExceeded)
	}
	ns.IP(t, "link", "set", "v0", "mtu", "1301")
	c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
	if _, err := c.Receive(buf); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("after LeaveGroup: %v, want a deadline error", err)
	}

	// Overrun: a small receive buffer, many notifications, no reading.
	small := ns.Dial(t, nlsock.Route, &nlsock.Config{Groups: []uint32{unix.RTNLGRP_LINK}, ReadBuffer: 4096})
	var batch strings.Builder
	for i := range 200 {
		fmt.Fprintf(&batch, "link set v0 mtu %d\n", 1200+i)
	}
	cmd := exec.Command(ns.ip, "-n", ns.Name, "-batch", "-")
	cmd.Stdin = strings.NewReader(batch.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ip -batch: %v: %s", err, out)
	}
	small.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, err := small.Receive(buf)
		if err == nil {
			continue
		}
		if !errors.Is(err, nlsock.ErrOverrun) || !errors.Is(err, unix.ENOBUFS) {
			t.Errorf("got %v, want ErrOverrun", err)
		}
		break
	}
}

var _ nlsock.Recorder = (*capture.Recorder)(nil)

func TestRecorder(t *testing.T) {
	var file bytes.Buffer
	w, err := capture.NewWriter(&file, capture.PCAPNG)
	if err != nil {
		t.Fatal(err)
	}
	rec := capture.NewRecorder(w, nlsock.Route)
	c := dialHost(t, nlsock.Route, &nlsock.Config{Recorder: rec})
	if err := c.Execute(dumpReq(unix.RTM_GETLINK, ifinfomsgLen, 0), nil); err != nil {
		t.Fatal(err)
	}
	if err := rec.Err(); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	st := c.Stats()
	r, err := capture.NewReader(&file)
	if err != nil {
		t.Fatal(err)
	}
	var out, in int
	for r.Next() {
		rec := r.Record()
		if rec.Protocol != nlsock.Route {
			t.Errorf("protocol %d", rec.Protocol)
		}
		switch rec.Direction {
		case capture.DirectionOutbound:
			out++
		case capture.DirectionInbound:
			in++
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if uint64(out) != st.Sent || uint64(in) != st.Received || out != 1 || in < 1 {
		t.Errorf("captured %d out, %d in; stats %+v", out, in, st)
	}
}

func BenchmarkLinkDump(b *testing.B) {
	ns := newNS(b)
	var batch strings.Builder
	for i := range 32 {
		fmt.Fprintf(&batch, "link add b%d type veth peer name p%d\n", i, i)
	}
	cmd := exec.Command(ns.ip, "-n", ns.Name, "-batch", "-")
	cmd.Stdin = strings.NewReader(batch.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("ip -batch: %v: %s", err, out)
	}
	c := ns.Dial(b, nlsock.Route, nil)
	req := dumpReq(unix.RTM_GETLINK, ifinfomsgLen, 0)
	msgs := 0
	fn := func(msg wire.Message) error {
		d := msg.Attrs(ifinfomsgLen)
		for d.Next() {
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
	b.ReportMetric(float64(msgs)/b.Elapsed().Seconds(), "msgs/s")
	b.ReportMetric(float64(msgs)/float64(b.N), "msgs/op")
}

// TestNetNSByFD opens sockets in a namespace by descriptor and checks that
// the calling thread stays in its own namespace.
func TestNetNSByFD(t *testing.T) {
	ns := newNS(t)
	fd, err := unix.Open(ns.Path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	countLinks := func(c *nlsock.Conn) int {
		n := 0
		if err := c.Execute(dumpReq(unix.RTM_GETLINK, ifinfomsgLen, 0), func(wire.Message) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	host := dialHost(t, nlsock.Route, nil)
	hostLinks := countLinks(host)
	for range 20 {
		c, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNSFD: fd})
		if err != nil {
			t.Fatal(err)
		}
		if n := countLinks(c); n != 1 {
			t.Errorf("%d links in the new namespace, want only lo", n)
		}
		c.Close()
	}
	again := dialHost(t, nlsock.Route, nil)
	if n := countLinks(again); n != hostLinks {
		t.Errorf("host namespace now shows %d links, had %d: a thread stayed in the test namespace", n, hostLinks)
	}
	if _, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNS: "/nonexistent/netns"}); err == nil {
		t.Error("Dial into a missing namespace succeeded")
	}
}
