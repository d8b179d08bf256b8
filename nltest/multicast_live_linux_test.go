//go:build linux

package nltest_test

import (
	"encoding/binary"
	"errors"
	"os"
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

// TestLiveNotification compares the kernel's RTM_NEWADDR notification
// with the fake's: in a namespace made for the test, a socket adds an
// IPv4 address to lo with NLM_F_ACK while it and a second socket are
// members of RTNLGRP_IPV4_IFADDR. The fake's handler multicasts the
// message as rtmsg_ifa builds it (flags 0, the request's sequence
// number and port ID) with the kernel's payload; both sockets must
// receive the same datagrams, in the same groups and order (the
// requester: notification, then ACK), the port IDs aside.
func TestLiveNotification(t *testing.T) {
	ns := liveNS(t, "nlwmcast")
	dial := func() *nlsock.Conn {
		c, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNS: ns})
		if err != nil {
			testenv.Skip(t, "dial NETLINK_ROUTE in the namespace: "+err.Error())
		}
		t.Cleanup(func() { c.Close() })
		if err := c.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
			t.Fatal(err)
		}
		return c
	}
	req, listen := dial(), dial()
	msg := addrNotification(11, 0)
	binary.NativeEndian.PutUint16(msg[6:], uint16(wire.Request|wire.Ack|wire.Create|wire.Excl))
	if err := req.Send(msg); err != nil {
		t.Fatal(err)
	}
	realReq := receiveLive(t, req, 2)
	realListen := receiveLive(t, listen, 1)
	if len(realReq) != 2 || len(realListen) != 1 {
		t.Fatalf("the kernel sent %d datagrams to the requester and %d to the listener, want 2 and 1", len(realReq), len(realListen))
	}
	note := realListen[0].Data
	if h, _ := wire.ParseHeader(note, 0); h.Type != route.RTM_NEWADDR || int(h.Len) != len(note) {
		t.Fatalf("the kernel's notification: %+v in %d bytes", h, len(note))
	}
	payload := note[wire.HeaderLen:]

	k := nltest.NewKernel()
	err := k.RegisterRoute(route.AF_INET, route.RTM_NEWADDR, nltest.RouteOp{Do: func(r *nltest.Request, rep *nltest.Reply) error {
		h := wire.Header{Len: uint32(wire.HeaderLen + len(payload)), Type: route.RTM_NEWADDR, Seq: r.Header.Seq, PID: r.PortID}
		k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, append(h.Append(nil, 0), payload...))
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	fdial := func() *nltest.Conn {
		c := k.DialRoute(nil)
		if err := c.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
			t.Fatal(err)
		}
		return c
	}
	freq, flisten := fdial(), fdial()
	if err := freq.Send(msg); err != nil {
		t.Fatal(err)
	}
	// The fake's port IDs in the real port IDs' place.
	norm := func(ds []got, from, to uint32) []got {
		for _, d := range ds {
			for off := 0; off+wire.HeaderLen <= len(d.Data); {
				h, _ := wire.ParseHeader(d.Data[off:], 0)
				if h.PID == from {
					binary.NativeEndian.PutUint32(d.Data[off+12:], to)
				}
				if h.Len < wire.HeaderLen {
					break
				}
				off += wire.Align(int(h.Len))
			}
		}
		return ds
	}
	if diff := cmp.Diff(norm(realReq, req.PortID(), freq.PortID()), drain(t, freq)); diff != "" {
		t.Errorf("requester: kernel (-) and fake (+) differ:\n%s", diff)
	}
	if diff := cmp.Diff(norm(realListen, req.PortID(), freq.PortID()), drain(t, flisten)); diff != "" {
		t.Errorf("listener: kernel (-) and fake (+) differ:\n%s", diff)
	}
}

// receiveLive returns up to n datagrams c receives within two seconds.
func receiveLive(t *testing.T, c *nlsock.Conn, n int) []got {
	t.Helper()
	var out []got
	buf := make([]byte, 1<<16)
	for len(out) < n {
		c.SetReadDeadline(time.Now().Add(2 * time.Second))
		m, g, err := c.ReceiveFrom(buf)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, got{append([]byte(nil), buf[:m]...), g})
	}
	return out
}

// liveNS makes a network namespace with lo up, deleted when the test
// ends, and returns its path.
func liveNS(t *testing.T, prefix string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	ip := testenv.LookPath(t, "ip")
	name := prefix + "-" + strconv.Itoa(os.Getpid())
	if out, err := exec.Command(ip, "netns", "add", name).CombinedOutput(); err != nil {
		testenv.Skip(t, "ip netns add: "+err.Error()+": "+string(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command(ip, "netns", "del", name).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", name, err, out)
		}
	})
	if out, err := exec.Command(ip, "-n", name, "link", "set", "lo", "up").CombinedOutput(); err != nil {
		t.Fatalf("ip link set lo up: %v: %s", err, out)
	}
	return "/run/netns/" + name
}
