//go:build linux

package nlsock_test

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
	"golang.org/x/sys/unix"
)

// addrReq is an RTM_NEWADDR request for the IPv4 address a/32 on
// ifindex 1 (lo), with extra flags.
func addrReq(t *testing.T, a [4]byte, flags wire.Flags) []byte {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: unix.RTM_NEWADDR, Flags: wire.Request | wire.Create | wire.Excl | flags})
	h := b.FamilyHeader(ifaddrmsgLen)
	h[0], h[1] = unix.AF_INET, 32
	ne.PutUint32(h[4:], 1)
	b.Attrs().Put(unix.IFA_LOCAL, a[:])
	b.Attrs().Put(unix.IFA_ADDRESS, a[:])
	return finish(t, &b, m)
}

// TestExecuteDropsNotifications: a Conn that joined RTNLGRP_IPV4_IFADDR
// and adds an address receives the kernel's notification of it, which
// carries the request's sequence number and port ID. It is not a reply:
// Execute must not hand it to fn, and counts it in Stats.Notifications.
func TestExecuteDropsNotifications(t *testing.T) {
	ns := newNS(t)
	c := ns.Dial(t, nlsock.Route, nil)
	if err := c.JoinGroup(unix.RTNLGRP_IPV4_IFADDR); err != nil {
		t.Fatal(err)
	}
	err := c.Execute(addrReq(t, [4]byte{10, 97, 0, 1}, 0), func(msg wire.Message) error {
		t.Errorf("fn called with %+v; an RTM_NEWADDR with NLM_F_ACK has no reply", msg.Header())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st := c.Stats()
	if st.Unexpected != 0 || st.Notifications != 1 {
		t.Errorf("stats %+v, want 1 notification and 0 unexpected", st)
	}
}

// TestExecuteEcho: the echo an NLM_F_ECHO request asks for is the
// notification sent to the requester alone, still marked with its group.
// It is a reply, for fn, whether the Conn joined the group or not.
func TestExecuteEcho(t *testing.T) {
	ns := newNS(t)
	for i, groups := range [][]uint32{nil, {unix.RTNLGRP_IPV4_IFADDR}} {
		c := ns.Dial(t, nlsock.Route, &nlsock.Config{Groups: groups})
		var got []wire.Header
		err := c.Execute(addrReq(t, [4]byte{10, 97, 0, byte(2 + i)}, wire.Echo), func(msg wire.Message) error {
			got = append(got, msg.Header())
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Type != unix.RTM_NEWADDR || got[0].PID != c.PortID() {
			t.Errorf("groups %v: fn saw %+v, want the echoed RTM_NEWADDR", groups, got)
		}
		if st := c.Stats(); st.Unexpected != 0 || st.Notifications != 0 {
			t.Errorf("groups %v: stats %+v, want nothing dropped", groups, st)
		}
	}
}

// TestReceiveFromGroup: ReceiveFrom tells a reply (group 0) from a
// notification and names its group, also above 32, where the source
// address's nl_groups bit mask says 0.
func TestReceiveFromGroup(t *testing.T) {
	ns := newNS(t)
	c := ns.Dial(t, nlsock.Route, &nlsock.Config{Groups: []uint32{unix.RTNLGRP_IPV4_IFADDR, unix.RTNLGRP_IPV4_MCADDR}})
	buf := make([]byte, 1<<16)
	next := func() (wire.Header, uint32) {
		t.Helper()
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		n, g, err := c.ReceiveFrom(buf)
		if err != nil {
			t.Fatal(err)
		}
		h, err := wire.ParseHeader(buf[:n], 0)
		if err != nil {
			t.Fatal(err)
		}
		return h, g
	}
	if err := c.Send(getLoReq(3)); err != nil {
		t.Fatal(err)
	}
	if h, g := next(); h.Type != unix.RTM_NEWLINK || h.Seq != 3 || g != 0 {
		t.Errorf("reply %+v in group %d, want RTM_NEWLINK in group 0", h, g)
	}
	ns.IP(t, "addr", "add", "10.97.0.9/32", "dev", "lo")
	if h, g := next(); h.Type != unix.RTM_NEWADDR || g != unix.RTNLGRP_IPV4_IFADDR {
		t.Errorf("notification %+v in group %d, want RTM_NEWADDR in RTNLGRP_IPV4_IFADDR", h, g)
	}
	// A link coming up joins 224.0.0.1: RTM_NEWMULTICAST in
	// RTNLGRP_IPV4_MCADDR (37, Linux 6.15 and later).
	ns.IP(t, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
	ns.IP(t, "link", "set", "v0", "up")
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	n, g, err := c.ReceiveFrom(buf)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		testenv.Skip(t, "no RTNLGRP_IPV4_MCADDR notification: kernel older than 6.15")
	}
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := wire.ParseHeader(buf[:n], 0); h.Type != unix.RTM_NEWMULTICAST || g != unix.RTNLGRP_IPV4_MCADDR {
		t.Errorf("notification %+v in group %d, want RTM_NEWMULTICAST in RTNLGRP_IPV4_MCADDR", h, g)
	}
}
