package nltest_test

import (
	"encoding/binary"
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// got is a received datagram and its group.
type got struct {
	Data  []byte
	Group uint32
}

// drain returns every datagram queued on c.
func drain(t *testing.T, c *nltest.Conn) []got {
	t.Helper()
	var out []got
	buf := make([]byte, 1<<16)
	for {
		n, g, err := c.ReceiveFrom(buf)
		if errors.Is(err, nltest.ErrWouldBlock) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, got{append([]byte(nil), buf[:n]...), g})
	}
}

// addrNotification is an RTM_NEWADDR message of 10.0.0.1/32 on ifindex
// 1 with the given sequence number and port ID.
func addrNotification(seq, pid uint32) []byte {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: route.RTM_NEWADDR, Seq: seq, PID: pid})
	h := b.FamilyHeader(8)
	h[0], h[1] = route.AF_INET, 32
	binary.NativeEndian.PutUint32(h[4:], 1)
	b.Attrs().Put(route.IFA_LOCAL, []byte{10, 0, 0, 1})
	b.End(m)
	out, err := b.Finish()
	if err != nil {
		panic(err)
	}
	return out
}

func TestMulticastRoute(t *testing.T) {
	k := nltest.NewKernel()
	in, out := k.DialRoute(nil), k.DialRoute(nil)
	gen := k.Dial(nil)
	if err := in.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
		t.Fatal(err)
	}
	if err := gen.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
		t.Fatal(err)
	}
	msg := addrNotification(0, 0)
	if n := k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, msg); n != 1 {
		t.Errorf("Multicast reached %d sockets, want 1", n)
	}
	if n := k.Multicast(12, route.RTNLGRP_IPV4_IFADDR, msg); n != 0 {
		t.Errorf("Multicast to NETLINK_NETFILTER reached %d sockets", n)
	}
	if n := k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_LINK, msg); n != 0 {
		t.Errorf("Multicast to a group nobody joined reached %d sockets", n)
	}
	if diff := cmp.Diff([]got{{msg, route.RTNLGRP_IPV4_IFADDR}}, drain(t, in)); diff != "" {
		t.Errorf("member received (-want +got):\n%s", diff)
	}
	if g := drain(t, out); len(g) != 0 {
		t.Errorf("a socket that joined nothing received %d datagrams", len(g))
	}
	if g := drain(t, gen); len(g) != 0 {
		t.Errorf("a NETLINK_GENERIC socket received %d rtnetlink datagrams", len(g))
	}
	if err := in.LeaveGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
		t.Fatal(err)
	}
	if n := k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, msg); n != 0 {
		t.Errorf("Multicast after LeaveGroup reached %d sockets", n)
	}
	in.JoinGroup(route.RTNLGRP_IPV4_IFADDR)
	in.Close()
	if n := k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, msg); n != 0 {
		t.Errorf("Multicast after Close reached %d sockets", n)
	}
}

// TestJoinGroupRange: the group numbers a socket may join, as Linux 6.18
// answered them (1..RTNLGRP_MAX for rtnetlink, 1..64 for generic
// netlink, whether a family has the group or not), and the generic
// range growing with a family's group past 64.
func TestJoinGroupRange(t *testing.T) {
	k := nltest.NewKernel()
	for _, tc := range []struct {
		route bool
		group uint32
		want  error
	}{
		{true, 0, nlwire.EINVAL},
		{true, 1, nil},
		{true, route.RTNLGRP_MAX, nil},
		{true, route.RTNLGRP_MAX + 1, nlwire.EINVAL},
		{false, 0, nlwire.EINVAL},
		{false, 1, nil},
		{false, genl.GENL_ID_CTRL, nil},
		{false, 40, nil},
		{false, 64, nil},
		{false, 65, nlwire.EINVAL},
		{false, 1000, nlwire.EINVAL},
	} {
		c := k.Dial(nil)
		if tc.route {
			c = k.DialRoute(nil)
		}
		if err := c.JoinGroup(tc.group); err != tc.want {
			t.Errorf("route %v: JoinGroup(%d) = %v, want %v", tc.route, tc.group, err, tc.want)
		}
		if err := c.LeaveGroup(tc.group); err != tc.want {
			t.Errorf("route %v: LeaveGroup(%d) = %v, want %v", tc.route, tc.group, err, tc.want)
		}
	}
	if _, err := k.Register(&nltest.Family{Name: "wide", Groups: []nltest.Group{{Name: "g", ID: 70}}, Ops: []nltest.Op{{Cmd: 1, Do: nop}}}); err != nil {
		t.Fatal(err)
	}
	c := k.Dial(nil)
	if err := c.JoinGroup(128); err != nil {
		t.Errorf("JoinGroup(128) with a group 70 registered: %v", err)
	}
	if err := c.JoinGroup(129); err != nlwire.EINVAL {
		t.Errorf("JoinGroup(129) with a group 70 registered: %v, want EINVAL", err)
	}
	c.Close()
	if err := c.JoinGroup(1); err != nltest.ErrClosed {
		t.Errorf("JoinGroup on a closed Conn: %v", err)
	}
}

func nop(*nltest.Request, *nltest.Reply) error { return nil }

// genlMsg is a generic netlink message as the kernel builds it.
func genlMsg(h wire.Header, cmd, version uint8, attrs func(e *attr.Encoder)) []byte {
	b := wire.NewBuilder(nil)
	m := b.Start(h)
	wire.PutFixedHeader(&b, genl.Header{Cmd: cmd, Version: version})
	attrs(b.Attrs())
	b.End(m)
	out, err := b.Finish()
	if err != nil {
		panic(err)
	}
	return out
}

func TestNotifyGenl(t *testing.T) {
	k, id := testKernel(t, 0)
	g, err := k.GenlGroup("test", "events")
	if err != nil {
		t.Fatal(err)
	}
	c, other := k.Dial(nil), k.Dial(nil)
	if err := c.JoinGroup(g); err != nil {
		t.Fatal(err)
	}
	payload := attr.NewEncoder(nil)
	payload.Uint32(1, 42)
	p, _ := payload.Finish()
	if n, err := k.NotifyGenl("test", "events", 5, p); n != 1 || err != nil {
		t.Errorf("NotifyGenl = %d, %v; want 1, nil", n, err)
	}
	want := genlMsg(wire.Header{Type: id}, 5, 3, func(e *attr.Encoder) { e.Uint32(1, 42) })
	if diff := cmp.Diff([]got{{want, g}}, drain(t, c)); diff != "" {
		t.Errorf("notification (-want +got):\n%s", diff)
	}
	if n := len(drain(t, other)); n != 0 {
		t.Errorf("a socket outside the group got %d datagrams", n)
	}
	for _, tc := range [][2]string{{"test", "nope"}, {"nope", "events"}} {
		_, err := k.NotifyGenl(tc[0], tc[1], 1, nil)
		var ge *nltest.UnknownGroupError
		if !errors.As(err, &ge) || ge.Family != tc[0] || ge.Group != tc[1] {
			t.Errorf("NotifyGenl(%q, %q): %v, want an UnknownGroupError naming them", tc[0], tc[1], err)
		}
	}
}

// TestNotifyFromHandler: a handler's notification reaches the requester,
// if it joined, before the acknowledgement, as in the kernel (the
// notification is queued while the handler runs, the ACK after it).
func TestNotifyFromHandler(t *testing.T) {
	k := nltest.NewKernel()
	err := k.RegisterRoute(route.AF_INET, route.RTM_NEWADDR, nltest.RouteOp{Do: func(req *nltest.Request, rep *nltest.Reply) error {
		k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, addrNotification(req.Header.Seq, req.PortID))
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	c := k.DialRoute(nil)
	c.JoinGroup(route.RTNLGRP_IPV4_IFADDR)
	req := addrNotification(9, 0)
	binary.NativeEndian.PutUint16(req[6:], uint16(wire.Request|wire.Ack|wire.Create))
	if err := c.Send(req); err != nil {
		t.Fatal(err)
	}
	ack, err := wire.AppendAck(nil, req, wire.AckOptions{Order: nlwire.Native, PortID: c.PortID()})
	if err != nil {
		t.Fatal(err)
	}
	want := []got{{addrNotification(9, c.PortID()), route.RTNLGRP_IPV4_IFADDR}, {ack, 0}}
	if diff := cmp.Diff(want, drain(t, c)); diff != "" {
		t.Errorf("requester received (-want +got):\n%s", diff)
	}
}

// TestCtrlNotifications: registering and unregistering a family sends
// nlctrl's notifications to its group "notify", as genl_register_family
// and genl_unregister_family do; the family description is the one
// CTRL_CMD_GETFAMILY answers, with port ID and sequence number 0.
func TestCtrlNotifications(t *testing.T) {
	k := nltest.NewKernel()
	c, q := k.Dial(nil), k.Dial(nil)
	if err := c.JoinGroup(genl.GENL_ID_CTRL); err != nil {
		t.Fatal(err)
	}
	id, err := k.Register(&nltest.Family{Name: "ev", Version: 4, Groups: []nltest.Group{{Name: "a"}, {Name: "b"}}, Ops: []nltest.Op{{Cmd: 1, Do: nop}}})
	if err != nil {
		t.Fatal(err)
	}
	ga, _ := k.GenlGroup("ev", "a")
	gb, _ := k.GenlGroup("ev", "b")
	// The description as CTRL_CMD_GETFAMILY answers it.
	q.Send(request(genl.GENL_ID_CTRL, wire.Request, genl.CTRL_CMD_GETFAMILY, func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, "ev") }))
	desc := drain(t, q)
	if len(desc) != 1 {
		t.Fatalf("CTRL_CMD_GETFAMILY answered %d datagrams", len(desc))
	}
	info := desc[0].Data
	binary.NativeEndian.PutUint32(info[8:], 0)  // seq
	binary.NativeEndian.PutUint32(info[12:], 0) // port ID
	withCmd := func(cmd uint8) []byte {
		b := append([]byte(nil), info...)
		b[16] = cmd
		return b
	}
	grp := func(cmd uint8, name string, gid uint32) []byte {
		return genlMsg(wire.Header{Type: genl.GENL_ID_CTRL}, cmd, 2, func(e *attr.Encoder) {
			e.String(genl.CTRL_ATTR_FAMILY_NAME, "ev")
			e.Uint16(genl.CTRL_ATTR_FAMILY_ID, id)
			n := e.BeginNoFlag(genl.CTRL_ATTR_MCAST_GROUPS)
			m := e.BeginNoFlag(1)
			e.Uint32(genl.CTRL_ATTR_MCAST_GRP_ID, gid)
			e.String(genl.CTRL_ATTR_MCAST_GRP_NAME, name)
			e.End(m)
			e.End(n)
		})
	}
	want := []got{
		{withCmd(genl.CTRL_CMD_NEWFAMILY), genl.GENL_ID_CTRL},
		{grp(genl.CTRL_CMD_NEWMCAST_GRP, "a", ga), genl.GENL_ID_CTRL},
		{grp(genl.CTRL_CMD_NEWMCAST_GRP, "b", gb), genl.GENL_ID_CTRL},
	}
	if diff := cmp.Diff(want, drain(t, c)); diff != "" {
		t.Errorf("on Register (-want +got):\n%s", diff)
	}

	// Unregistering removes the members of the family's groups.
	if err := q.JoinGroup(ga); err != nil {
		t.Fatal(err)
	}
	if !k.Unregister("ev") {
		t.Fatal("Unregister found no family")
	}
	want = []got{
		{grp(genl.CTRL_CMD_DELMCAST_GRP, "a", ga), genl.GENL_ID_CTRL},
		{grp(genl.CTRL_CMD_DELMCAST_GRP, "b", gb), genl.GENL_ID_CTRL},
		{withCmd(genl.CTRL_CMD_DELFAMILY), genl.GENL_ID_CTRL},
	}
	if diff := cmp.Diff(want, drain(t, c)); diff != "" {
		t.Errorf("on Unregister (-want +got):\n%s", diff)
	}
	if _, err := k.Register(&nltest.Family{Name: "ev", Groups: []nltest.Group{{Name: "a", ID: ga}}, Ops: []nltest.Op{{Cmd: 1, Do: nop}}}); err != nil {
		t.Fatal(err)
	}
	if n, _ := k.NotifyGenl("ev", "a", 1, nil); n != 0 {
		t.Errorf("a member of an unregistered family's group still got a notification (%d)", n)
	}
}

// TestMulticastAllocs: a notification delivered and received costs no
// allocation once the queues have grown.
func TestMulticastAllocs(t *testing.T) {
	k, _ := testKernel(t, 0)
	g, _ := k.GenlGroup("test", "events")
	var cs []*nltest.Conn
	for range 3 {
		c := k.DialRoute(nil)
		c.JoinGroup(route.RTNLGRP_IPV4_IFADDR)
		d := k.Dial(nil)
		d.JoinGroup(g)
		cs = append(cs, c, d)
	}
	msg := addrNotification(0, 0)
	p := make([]byte, 8)
	buf := make([]byte, 512)
	allocs := testing.AllocsPerRun(200, func() {
		if k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, msg) != 3 {
			t.Fatal("Multicast missed a member")
		}
		if n, err := k.NotifyGenl("test", "events", 1, p); n != 3 || err != nil {
			t.Fatal("NotifyGenl missed a member", err)
		}
		for _, c := range cs {
			if _, _, err := c.ReceiveFrom(buf); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("%.1f allocations per round of 6 notifications", allocs)
	}
}

// TestMulticastConcurrent: notifications sent from other goroutines
// while a socket sends requests and receives all arrive, whole (run
// with -race).
func TestMulticastConcurrent(t *testing.T) {
	k, id := testKernel(t, 0)
	g, _ := k.GenlGroup("test", "events")
	c := k.Dial(nil)
	c.JoinGroup(g)
	const senders, each = 4, 50
	var wg sync.WaitGroup
	for range senders {
		wg.Go(func() {
			for range each {
				k.NotifyGenl("test", "events", 9, nil)
			}
		})
	}
	req := request(id, wire.Request|wire.Ack, 3, nil)
	notes, acks := 0, 0
	buf := make([]byte, 4096)
	for i := 0; notes < senders*each || acks < 100; i++ {
		if i < 100 {
			c.Send(req)
		}
		n, grp, err := c.ReceiveFrom(buf)
		if errors.Is(err, nltest.ErrWouldBlock) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		h, _ := wire.ParseHeader(buf[:n], nlwire.Native)
		switch {
		case grp == g && h.Type == id && n == 20 && buf[16] == 9:
			notes++
		case grp == 0 && h.Type == wire.TypeError:
			acks++
		default:
			t.Fatalf("unexpected datagram in group %d: %x", grp, buf[:n])
		}
	}
	wg.Wait()
	if c.Pending() != 0 {
		t.Errorf("%d datagrams left over", c.Pending())
	}
}

// TestGroupIDs: groups without IDs are numbered as the kernel numbered
// them on Linux 6.18, where thermal, netdev, ethtool, acpi_event,
// mptcp_pm and IOAM6 registered in turn got 2-3, 4-5, 6, 7, 8-9 and 10:
// a run of free IDs from 2 up, past the reserved 16 to 18.
func TestGroupIDs(t *testing.T) {
	k := nltest.NewKernel()
	reg := func(name string, ids ...uint32) []uint32 {
		f := &nltest.Family{Name: name, Ops: []nltest.Op{{Cmd: 1, Do: nop}}}
		for i, id := range ids {
			f.Groups = append(f.Groups, nltest.Group{Name: "g" + string(rune('a'+i)), ID: id})
		}
		if _, err := k.Register(f); err != nil {
			t.Fatal(err)
		}
		var got []uint32
		for i := range ids {
			g, err := k.GenlGroup(name, "g"+string(rune('a'+i)))
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, g)
		}
		return got
	}
	for _, tc := range []struct {
		name string
		ids  []uint32
		want []uint32
	}{
		{"thermal", []uint32{0, 0}, []uint32{2, 3}},
		{"netdev", []uint32{0, 0}, []uint32{4, 5}},
		{"ethtool", []uint32{0}, []uint32{6}},
		{"fixed", []uint32{12, 14}, []uint32{12, 14}},
		{"run3", []uint32{0, 0, 0}, []uint32{7, 8, 9}},
		{"run4", []uint32{0, 0, 0, 0}, []uint32{19, 20, 21, 22}}, // 10-11 and 13 too short, 16-18 reserved
		{"mixed", []uint32{0, 11}, []uint32{10, 11}},
	} {
		if diff := cmp.Diff(tc.want, reg(tc.name, tc.ids...)); diff != "" {
			t.Errorf("%s: group IDs (-want +got):\n%s", tc.name, diff)
		}
	}
}
