//go:build linux

package nltest_test

import (
	"encoding/binary"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// TestLiveNotifyEcho compares nlmsg_notify's NLM_F_ECHO with the fake's
// Reply.Notify: in a namespace made for the test, a socket adds an IPv4
// address to lo with NLM_F_ECHO and NLM_F_ACK while a second socket is
// a member of RTNLGRP_IPV4_IFADDR, the requester being a member or not.
// The fake's handler notifies with the kernel's payload; each socket
// must receive the same datagrams in the same groups and order (the
// requester: its echo, marked with the group, then the ACK), port IDs
// aside.
func TestLiveNotifyEcho(t *testing.T) {
	ns := liveNS(t, "nlwecho")
	for i, joins := range []bool{true, false} {
		dial := func(join bool) *nlsock.Conn {
			c, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNS: ns})
			if err != nil {
				testenv.Skip(t, "dial NETLINK_ROUTE in the namespace: "+err.Error())
			}
			t.Cleanup(func() { c.Close() })
			if join {
				if err := c.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
					t.Fatal(err)
				}
			}
			return c
		}
		req, listen := dial(joins), dial(true)
		request := addrNotification(21+uint32(i), 0)
		request[wire.HeaderLen+8+4+3] = byte(1 + i) // 10.0.0.1, then 10.0.0.2
		binary.NativeEndian.PutUint16(request[6:], uint16(wire.Request|wire.Ack|wire.Echo|wire.Create|wire.Excl))
		if err := req.Send(request); err != nil {
			t.Fatal(err)
		}
		realReq := receiveLive(t, req, 2)
		realListen := receiveLive(t, listen, 1)
		if len(realReq) != 2 || len(realListen) != 1 {
			t.Fatalf("requester a member %v: the kernel sent %d datagrams to the requester and %d to the listener, want 2 and 1", joins, len(realReq), len(realListen))
		}
		payload := realListen[0].Data[wire.HeaderLen:]

		k := nltest.NewKernel()
		err := k.RegisterRoute(route.AF_INET, route.RTM_NEWADDR, nltest.RouteOp{Do: func(r *nltest.Request, rep *nltest.Reply) error {
			h := wire.Header{Len: uint32(wire.HeaderLen + len(payload)), Type: route.RTM_NEWADDR, Seq: r.Header.Seq, PID: r.PortID}
			rep.Notify(route.RTNLGRP_IPV4_IFADDR, append(h.Append(nil, 0), payload...))
			return nil
		}})
		if err != nil {
			t.Fatal(err)
		}
		fdial := func(join bool) *nltest.Conn {
			c := k.DialRoute(nil)
			if join {
				if err := c.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
					t.Fatal(err)
				}
			}
			return c
		}
		freq, flisten := fdial(joins), fdial(true)
		if err := freq.Send(request); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(withPort(realReq, req.PortID(), freq.PortID()), drain(t, freq)); diff != "" {
			t.Errorf("requester a member %v: kernel (-) and fake (+) differ:\n%s", joins, diff)
		}
		if diff := cmp.Diff(withPort(realListen, req.PortID(), freq.PortID()), drain(t, flisten)); diff != "" {
			t.Errorf("requester a member %v: listener: kernel (-) and fake (+) differ:\n%s", joins, diff)
		}
	}
}

// withPort writes port to over from in the nlmsghdrs of ds.
func withPort(ds []got, from, to uint32) []got {
	for _, d := range ds {
		r := wire.NewReader(d.Data)
		for off := 0; r.Next(); {
			if h := r.Header(); h.PID == from {
				binary.NativeEndian.PutUint32(d.Data[off+12:], to)
			}
			off += wire.Align(int(r.Header().Len))
		}
	}
	return ds
}

// TestLiveDumpIntr interrupts a real link dump: in a namespace with 24
// bridges, a dump received through nlsock with buffers of GoodSize
// is interrupted after its first datagram by adding a link (which
// changes dev_base_seq). The kernel flags the first message of the
// first datagram it fills after the change, as rtnl_dump_ifinfo's
// nl_dump_check_consistent(cb, nlmsg_hdr(skb)) does, and nothing else.
// A fake link dump handler writing the kernel's messages, datagram by
// datagram, with the generation read at each call, must flag the same
// messages: the fake paces the dump as the kernel does, so the change
// is seen by the same datagram.
func TestLiveDumpIntr(t *testing.T) {
	ns := liveNS(t, "nlwintr")
	name := ns[len("/run/netns/"):]
	ip := testenv.LookPath(t, "ip")
	addLink := func(n int) {
		if out, err := exec.Command(ip, "-n", name, "link", "add", "d"+strconv.Itoa(n), "type", "bridge").CombinedOutput(); err != nil {
			testenv.Skip(t, "ip link add type bridge: "+err.Error()+": "+string(out))
		}
	}
	for n := range 24 {
		addLink(n)
	}
	c, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNS: ns})
	if err != nil {
		testenv.Skip(t, "dial NETLINK_ROUTE in the namespace: "+err.Error())
	}
	defer c.Close()
	dump := append(wire.Header{Len: 32, Type: route.RTM_GETLINK, Flags: wire.Request | wire.Dump, Seq: 5}.Append(nil, 0), make([]byte, 16)...)
	if err := c.Send(dump); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, nltest.GoodSize)
	var real []got
	for {
		c.SetReadDeadline(time.Now().Add(2 * time.Second))
		n, err := c.Receive(buf)
		if err != nil {
			t.Fatal(err)
		}
		real = append(real, got{append([]byte(nil), buf[:n]...), 0})
		if len(real) == 1 {
			addLink(24)
		}
		if finals(buf[:n]) > 0 {
			break
		}
	}
	want := shape(real)
	if len(want) < 4 {
		testenv.Skip(t, "the link dump took "+strconv.Itoa(len(want))+" datagrams; the test needs 4")
	}

	// The fake: each call writes the kernel's next datagram's messages
	// (without their flags) and checks consistency as rtnl_dump_ifinfo
	// does, with the generation the test bumps after the first receive.
	var gen uint32 = 1
	k := nltest.NewKernel()
	err = k.RegisterRoute(route.AF_UNSPEC, route.RTM_GETLINK, nltest.RouteOp{Dump: func(req *nltest.Request, rep *nltest.Reply) error {
		i := int(req.Args[0])
		req.Args[0]++
		r := wire.NewReader(real[i].Data)
		for off := 0; r.Next(); {
			h := r.Header()
			m := append([]byte(nil), real[i].Data[off:off+int(h.Len)]...)
			off += wire.Align(int(h.Len))
			if h.Type == wire.TypeDone {
				continue
			}
			binary.NativeEndian.PutUint16(m[6:], uint16(h.Flags&^wire.DumpIntr))
			rep.Raw(m)
		}
		rep.SetDumpSeq(gen)
		rep.CheckDumpConsistent()
		if finals(real[i].Data) > 0 {
			return nil
		}
		return nltest.ErrMore
	}})
	if err != nil {
		t.Fatal(err)
	}
	fc := k.DialRoute(nil)
	if err := fc.Send(dump); err != nil {
		t.Fatal(err)
	}
	var fake []got
	for {
		n, err := fc.Receive(buf)
		if err != nil {
			t.Fatal(err)
		}
		fake = append(fake, got{append([]byte(nil), buf[:n]...), 0})
		if len(fake) == 1 {
			gen++
		}
		if finals(buf[:n]) > 0 {
			break
		}
	}
	if diff := cmp.Diff(want, shape(fake)); diff != "" {
		t.Errorf("datagrams: kernel (-) and fake (+) differ:\n%s", diff)
	}
	intr := 0
	for _, d := range want {
		for _, m := range d {
			if m[len(m)-1] == '!' {
				intr++
			}
		}
	}
	if intr != 1 {
		t.Errorf("the kernel flagged %d messages: %q", intr, want)
	}
}
