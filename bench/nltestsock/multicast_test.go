package nltestsock_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/mdlayher/genetlink"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/bench/nltestsock"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// A genetlink.Conn joins the test family's group "alerts", found
// through the fake's nlctrl, and receives the family's NotifyGenl
// notification: its command, version and attributes, with nlmsg_seq
// and nlmsg_pid 0. Once it has left the group it receives nothing.
func TestGenetlinkNotification(t *testing.T) {
	k, id := testKernel(t)
	c := genetlink.NewConn(nltestsock.Dial(k, nil))
	defer c.Close()
	var group uint32
	for _, g := range getFamily(t, c, testName).Groups {
		if g.Name == "alerts" {
			group = g.ID
		}
	}
	if group != 41 {
		t.Fatalf("group alerts has ID %d, want 41", group)
	}
	if err := c.JoinGroup(group); err != nil {
		t.Fatal(err)
	}
	ae := netlink.NewAttributeEncoder()
	ae.Uint16(1, 7)
	payload, err := ae.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if n, err := k.NotifyGenl(testName, "alerts", cmdDouble, payload); n != 1 || err != nil {
		t.Fatalf("NotifyGenl: %d, %v; want 1 socket", n, err)
	}
	msgs, nmsgs, err := c.Receive()
	if err != nil {
		t.Fatal(err)
	}
	want := []genetlink.Message{{Header: genetlink.Header{Command: cmdDouble, Version: testVersion}, Data: payload}}
	if diff := cmp.Diff(want, msgs); diff != "" {
		t.Errorf("notification (-want +got):\n%s", diff)
	}
	if len(nmsgs) != 1 || nmsgs[0].Header.Type != netlink.HeaderType(id) || nmsgs[0].Header.Sequence != 0 || nmsgs[0].Header.PID != 0 {
		t.Errorf("notification's netlink header: %+v", nmsgs)
	}
	if err := c.LeaveGroup(group); err != nil {
		t.Fatal(err)
	}
	if n, _ := k.NotifyGenl(testName, "alerts", cmdDouble, payload); n != 0 {
		t.Errorf("NotifyGenl after LeaveGroup reached %d sockets", n)
	}
	if err := c.JoinGroup(0); err == nil {
		t.Error("JoinGroup(0) succeeded")
	}
}

// An rtnetlink listener, jsimonetti/rtnetlink's Conn on a netlink.Conn
// that joined RTNLGRP_LINK, receives the fake's RTM_NEWLINK
// notification as a *rtnetlink.LinkMessage; a plain netlink.Conn on
// another socket receives the same message.
func TestRtnetlinkNotification(t *testing.T) {
	k := nltest.NewKernel()
	nc, plain := nltestsock.DialRoute(k, nil), nltestsock.DialRoute(k, nil)
	defer nc.Close()
	defer plain.Close()
	for _, c := range []*netlink.Conn{nc, plain} {
		if err := c.JoinGroup(route.RTNLGRP_LINK); err != nil {
			t.Fatal(err)
		}
	}
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: route.RTM_NEWLINK})
	wire.PutFixedHeader(&b, route.IfInfoMsg{Index: 9, Flags: 1, Change: 0xffffffff})
	b.Attrs().String(route.IFLA_IFNAME, "veth9")
	b.Attrs().Uint32(route.IFLA_MTU, 9000)
	b.End(m)
	note, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if n := k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_LINK, note); n != 2 {
		t.Fatalf("Multicast reached %d sockets, want 2", n)
	}
	rc := rtnetlinkConn(t, nc)
	msgs, _, err := rc.Receive()
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	lm, ok := msgs[0].(*rtnetlink.LinkMessage)
	if !ok || lm.Index != 9 || lm.Attributes == nil || lm.Attributes.Name != "veth9" || lm.Attributes.MTU != 9000 {
		t.Errorf("notification: %#v", msgs[0])
	}
	pm, err := plain.Receive()
	if err != nil {
		t.Fatal(err)
	}
	if len(pm) != 1 || pm[0].Header.Type != route.RTM_NEWLINK || !cmp.Equal(pm[0].Data, note[wire.HeaderLen:]) {
		t.Errorf("plain netlink.Conn received %+v", pm)
	}
}

// A receive queue overrun reaches netlink.Conn's user as an OpError
// matching nltest.ErrOverrun and ENOBUFS, once, before the queued
// notification; SetOption confirms NoENOBUFS as the Config set it.
func TestSocketOverrun(t *testing.T) {
	k := nltest.NewKernel()
	c := k.DialRoute(nil)
	nc := netlink.NewConn(nltestsock.New(c, nil), c.PortID())
	defer nc.Close()
	if err := nc.JoinGroup(route.RTNLGRP_LINK); err != nil {
		t.Fatal(err)
	}
	k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_LINK, wire.Header{Len: 16, Type: route.RTM_NEWLINK}.Append(nil, nlwire.Native))
	c.InjectOverrun()
	_, err := nc.Receive()
	var oe *netlink.OpError
	if !errors.As(err, &oe) || !errors.Is(err, nltest.ErrOverrun) || !errors.Is(err, nlwire.ENOBUFS) {
		t.Fatalf("Receive after an overrun: %v, want an OpError of ENOBUFS", err)
	}
	checkErrno(t, err, nlwire.ENOBUFS)
	if msgs, err := nc.Receive(); err != nil || len(msgs) != 1 {
		t.Errorf("then Receive: %d messages, %v; want the notification", len(msgs), err)
	}
	if err := nc.SetOption(netlink.NoENOBUFS, false); err != nil {
		t.Errorf("SetOption(NoENOBUFS, false): %v", err)
	}
	if err := nc.SetOption(netlink.NoENOBUFS, true); !errors.Is(err, nltestsock.ErrOption) {
		t.Errorf("SetOption(NoENOBUFS, true): %v, want ErrOption", err)
	}
}
