package nltest_test

import (
	"encoding/binary"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// echoKernel has an RTM_NEWADDR handler notifying RTNLGRP_IPV4_IFADDR
// (or group 0) of addrNotification with the request's sequence number
// and port ID, as rtmsg_ifa does through rtnl_notify.
func echoKernel(t *testing.T, group uint32) *nltest.Kernel {
	k := nltest.NewKernel()
	err := k.RegisterRoute(route.AF_INET, route.RTM_NEWADDR, nltest.RouteOp{Do: func(r *nltest.Request, rep *nltest.Reply) error {
		rep.Notify(group, addrNotification(r.Header.Seq, r.PortID))
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// addrRequest is addrNotification as an RTM_NEWADDR request.
func addrRequest(seq uint32, flags wire.Flags) []byte {
	m := addrNotification(seq, 0)
	binary.NativeEndian.PutUint16(m[6:], uint16(wire.Request|wire.Ack|wire.Create|wire.Excl|flags))
	return m
}

// TestNotifyEcho: a notification tied to a request (nlmsg_notify) goes
// to the group's members; with NLM_F_ECHO the requester is left out of
// the multicast and gets it alone, marked with the group, before its
// acknowledgement, whether it is a member or not.
func TestNotifyEcho(t *testing.T) {
	const g = route.RTNLGRP_IPV4_IFADDR
	for _, tc := range []struct {
		name        string
		group       uint32
		echo, joins bool
		// notes are the groups of the notifications the requester
		// receives before its ACK; listener says whether the listener
		// receives one.
		notes    []uint32
		listener bool
	}{
		{"echo, requester a member", g, true, true, []uint32{g}, true},
		{"echo, requester not a member", g, true, false, []uint32{g}, true},
		{"no echo, requester a member", g, false, true, []uint32{g}, true},
		{"no echo, requester not a member", g, false, false, nil, true},
		{"echo without a group", 0, true, true, []uint32{0}, false},
	} {
		k := echoKernel(t, tc.group)
		req, listen := k.DialRoute(nil), k.DialRoute(nil)
		if err := listen.JoinGroup(g); err != nil {
			t.Fatal(err)
		}
		if tc.joins {
			if err := req.JoinGroup(g); err != nil {
				t.Fatal(err)
			}
		}
		var fl wire.Flags
		if tc.echo {
			fl = wire.Echo
		}
		request := addrRequest(7, fl)
		if err := req.Send(request); err != nil {
			t.Fatal(err)
		}
		note := addrNotification(7, req.PortID())
		var wantReq, wantListen []got
		for _, gr := range tc.notes {
			wantReq = append(wantReq, got{note, gr})
		}
		wantReq = append(wantReq, got{ackOf(t, request, req.PortID()), 0})
		if tc.listener {
			wantListen = []got{{note, g}}
		}
		if diff := cmp.Diff(wantReq, drain(t, req)); diff != "" {
			t.Errorf("%s: requester (-want +got):\n%s", tc.name, diff)
		}
		if diff := cmp.Diff(wantListen, drain(t, listen)); diff != "" {
			t.Errorf("%s: listener (-want +got):\n%s", tc.name, diff)
		}
	}
}

// ackOf is the kernel's acknowledgement of request to port.
func ackOf(t *testing.T, request []byte, port uint32) []byte {
	t.Helper()
	b, err := wire.AppendAck(nil, request, wire.AckOptions{PortID: port})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNotifyGenlEcho: Reply.NotifyGenl sends the family's message with
// the request's sequence number and port ID to the group, and with
// NLM_F_ECHO to the requester alone, before its acknowledgement.
func TestNotifyGenlEcho(t *testing.T) {
	k := nltest.NewKernel()
	e := attr.NewEncoder(nil)
	e.Uint32(1, 42)
	payload, err := e.Finish()
	if err != nil {
		t.Fatal(err)
	}
	id, err := k.Register(&nltest.Family{Name: "echo", Version: 2, Groups: []nltest.Group{{Name: "events"}}, Ops: []nltest.Op{{Cmd: 1, Do: func(req *nltest.Request, rep *nltest.Reply) error {
		if _, err := rep.NotifyGenl("nope", 3, payload); err == nil {
			t.Error("NotifyGenl to an unknown group: no error")
		}
		n, err := rep.NotifyGenl("events", 3, payload)
		if err != nil || n != 2 {
			t.Errorf("NotifyGenl: %d, %v; want 2 sockets", n, err)
		}
		return err
	}}}})
	if err != nil {
		t.Fatal(err)
	}
	gid, err := k.GenlGroup("echo", "events")
	if err != nil {
		t.Fatal(err)
	}
	req, listen := k.Dial(nil), k.Dial(nil)
	for _, c := range []*nltest.Conn{req, listen} {
		if err := c.JoinGroup(gid); err != nil {
			t.Fatal(err)
		}
	}
	request := genlReq(id, 1, wire.Ack|wire.Echo, 9)
	if err := req.Send(request); err != nil {
		t.Fatal(err)
	}
	note := genlMsg(wire.Header{Type: id, Seq: 9, PID: req.PortID()}, 3, 2, func(e *attr.Encoder) { e.Uint32(1, 42) })
	if diff := cmp.Diff([]got{{note, gid}, {ackOf(t, request, req.PortID()), 0}}, drain(t, req)); diff != "" {
		t.Errorf("requester (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]got{{note, gid}}, drain(t, listen)); diff != "" {
		t.Errorf("listener (-want +got):\n%s", diff)
	}
}

// TestNotifyAllocs: in steady state a request whose handler sends an
// echoed notification, a notification dropped by a full queue, an
// overrun's receive and a dump that checks its consistency allocate
// nothing.
func TestNotifyAllocs(t *testing.T) {
	k := nltest.NewKernel()
	out := addrNotification(0, 0)
	err := k.RegisterRoute(route.AF_INET, route.RTM_NEWADDR, nltest.RouteOp{Do: func(r *nltest.Request, rep *nltest.Reply) error {
		binary.NativeEndian.PutUint32(out[8:], r.Header.Seq)
		binary.NativeEndian.PutUint32(out[12:], r.PortID)
		rep.Notify(route.RTNLGRP_IPV4_IFADDR, out)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	req, listen := k.DialRoute(nil), k.DialRoute(&nltest.Config{ReadBuffer: 1}) // room for two
	if err := listen.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
		t.Fatal(err)
	}
	request := addrRequest(3, wire.Echo)
	note := addrNotification(0, 0)
	buf := make([]byte, 512)
	run := func() {
		if err := req.Send(request); err != nil {
			t.Fatal(err)
		}
		// Two notifications fill the listener's queue; the third is
		// dropped and the first receive reports it.
		k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, note)
		k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, note)
		for _, c := range []*nltest.Conn{req, req, listen, listen, listen} {
			if _, err := c.Receive(buf); err != nil && err != nltest.ErrOverrun {
				t.Fatal(err)
			}
		}
		if req.Pending() != 0 || listen.Pending() != 0 {
			t.Fatalf("%d and %d datagrams left", req.Pending(), listen.Pending())
		}
	}
	run()
	if d := listen.Dropped(); d != 1 {
		t.Fatalf("Dropped() = %d, want 1", d)
	}
	if allocs := testing.AllocsPerRun(200, run); allocs != 0 {
		t.Errorf("%.1f allocations per request and notifications, want 0", allocs)
	}

	var parts []part
	kd := nltest.NewKernel()
	id, err := kd.Register(&nltest.Family{Name: "intr", Ops: []nltest.Op{{Cmd: 1, Dump: func(req *nltest.Request, rep *nltest.Reply) error {
		return playParts(&parts, req, rep)
	}}}})
	if err != nil {
		t.Fatal(err)
	}
	parts = []part{{seq: 5, msgs: 2, genl: true}, {seq: 6, msgs: 2, genl: true, last: true}}
	c := kd.Dial(nil)
	dump := genlReq(id, 1, wire.Dump, 1)
	runDump := func() {
		if err := c.Send(dump); err != nil {
			t.Fatal(err)
		}
		for c.Pending() > 0 {
			if _, err := c.Receive(buf); err != nil {
				t.Fatal(err)
			}
		}
	}
	runDump()
	if allocs := testing.AllocsPerRun(200, runDump); allocs != 0 {
		t.Errorf("%.1f allocations per interrupted dump, want 0", allocs)
	}
}
