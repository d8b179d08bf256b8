package nltest_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// receiveSizes receives until ErrWouldBlock and returns, per receive, the
// length or the error's name.
func receiveSizes(t *testing.T, c *nltest.Conn, buf []byte) []string {
	t.Helper()
	var out []string
	for range 1000 {
		n, err := c.Receive(buf)
		switch {
		case errors.Is(err, nltest.ErrWouldBlock):
			return out
		case errors.Is(err, nlwire.ENOBUFS):
			out = append(out, "ENOBUFS")
		case err != nil:
			t.Fatal(err)
		default:
			out = append(out, itoa(n))
		}
	}
	t.Fatal("the queue never emptied")
	return nil
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestOverrunMulticast: a listener with SO_RCVBUF 4096 (sk_rcvbuf 8192)
// queues notifications of 32 bytes (charged 832 each) while they fit:
// nine; the tenth is dropped, the socket becomes congested and drops the
// eleventh though nothing changed, and its next Receive fails with
// ENOBUFS before the nine queued ones. Once it has been emptied it
// queues again. With NETLINK_NO_ENOBUFS the drops are silent and there
// is no congestion.
func TestOverrunMulticast(t *testing.T) {
	for _, noENOBUFS := range []bool{false, true} {
		k := nltest.NewKernel()
		c := k.DialRoute(&nltest.Config{ReadBuffer: 4096, NoENOBUFS: noENOBUFS})
		if err := c.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
			t.Fatal(err)
		}
		note := addrNotification(0, 0)
		var sent []int
		for range 11 {
			sent = append(sent, k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, note))
		}
		want := []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0}
		if diff := cmp.Diff(want, sent); diff != "" {
			t.Errorf("NoENOBUFS %v: deliveries (-want +got):\n%s", noENOBUFS, diff)
		}
		if rmem, rcvbuf := c.Queued(); rmem != 9*832 || rcvbuf != 8192 {
			t.Errorf("NoENOBUFS %v: Queued() = %d, %d, want %d, 8192", noENOBUFS, rmem, rcvbuf, 9*832)
		}
		if c.Dropped() != 2 {
			t.Errorf("NoENOBUFS %v: Dropped() = %d, want 2", noENOBUFS, c.Dropped())
		}
		// Receiving one makes room, but a congested socket takes nothing
		// until its queue is empty.
		buf := make([]byte, 64)
		if _, err := c.Receive(buf); noENOBUFS != (err == nil) {
			t.Fatalf("NoENOBUFS %v: first Receive: %v", noENOBUFS, err)
		}
		if !noENOBUFS {
			if !errors.Is(nltest.ErrOverrun, nlwire.ENOBUFS) {
				t.Error("ErrOverrun does not match nlwire.ENOBUFS")
			}
			if _, err := c.Receive(buf); err != nil {
				t.Fatal(err)
			}
		}
		got := k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, note)
		if want := map[bool]int{false: 0, true: 1}[noENOBUFS]; got != want {
			t.Errorf("NoENOBUFS %v: a notification with room delivered to %d, want %d", noENOBUFS, got, want)
		}
		n := len(receiveSizes(t, c, buf))
		if want := map[bool]int{false: 8, true: 9}[noENOBUFS]; n != want {
			t.Errorf("NoENOBUFS %v: %d datagrams left, want %d", noENOBUFS, n, want)
		}
		if got := k.Multicast(nltest.NETLINK_ROUTE, route.RTNLGRP_IPV4_IFADDR, note); got != 1 {
			t.Errorf("NoENOBUFS %v: after emptying the queue delivered to %d, want 1", noENOBUFS, got)
		}
		if rmem, _ := c.Queued(); rmem != 832 {
			t.Errorf("NoENOBUFS %v: rmem %d, want 832", noENOBUFS, rmem)
		}
	}
}

// TestInjectOverrun: the next Receive fails once with ErrOverrun, before
// what is queued; notifications are dropped until the queue is emptied.
// With NoENOBUFS only the drop is counted.
func TestInjectOverrun(t *testing.T) {
	k, id := testKernel(t, 0)
	for _, noENOBUFS := range []bool{false, true} {
		c := k.Dial(&nltest.Config{NoENOBUFS: noENOBUFS})
		if err := c.Send(genlReq(id, 3, wire.Ack, 1)); err != nil {
			t.Fatal(err)
		}
		c.InjectOverrun()
		if c.Dropped() != 1 {
			t.Errorf("NoENOBUFS %v: Dropped() = %d, want 1", noENOBUFS, c.Dropped())
		}
		buf := make([]byte, 256)
		got := receiveSizes(t, c, buf)
		want := []string{"ENOBUFS", "36"}
		if noENOBUFS {
			want = want[1:]
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("NoENOBUFS %v: receives (-want +got):\n%s", noENOBUFS, diff)
		}
		c.Close()
	}
}

// TestUnicastOverrun: acknowledgements to a full queue are dropped as
// netlink_attachskb drops them, and counted.
func TestUnicastOverrun(t *testing.T) {
	k, id := testKernel(t, 0)
	c := k.Dial(&nltest.Config{ReadBuffer: 1}) // sk_rcvbuf MinRcvbuf
	if _, rcvbuf := c.Queued(); rcvbuf != nltest.MinRcvbuf {
		t.Fatalf("sk_rcvbuf %d, want %d", rcvbuf, nltest.MinRcvbuf)
	}
	for seq := range uint32(4) {
		if err := c.Send(genlReq(id, 3, wire.Ack, seq)); err != nil {
			t.Fatal(err)
		}
	}
	// 832 + 832 = 1664 fits 2304; a third does not.
	if got, want := receiveSizes(t, c, make([]byte, 256)), []string{"ENOBUFS", "36", "36"}; !cmp.Equal(got, want) {
		t.Errorf("receives %q, want %q", got, want)
	}
	if c.Dropped() != 2 {
		t.Errorf("Dropped() = %d, want 2", c.Dropped())
	}
}

// TestDumpFlowControl: a dump goes on after a receive (the peek and the
// read) only while at most half the receive buffer is taken, so with the
// default buffer the queue grows by a datagram per Receive, and with
// sk_rcvbuf 8192 (a datagram of GoodSize is charged 4352) it holds one.
// A dump started on a full queue answers ENOBUFS, dropped in turn, and
// goes on once the queue drains.
func TestDumpFlowControl(t *testing.T) {
	k, id := testKernel(t, 300) // 300 messages of 132 bytes: 11 datagrams
	dump := genlReq(id, 1, wire.Dump, 7)
	buf := make([]byte, nltest.GoodSize)
	for _, tc := range []struct {
		readBuffer int
		pending    []int // after the Send, then after each Receive
	}{
		{0, []int{1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1, 0}},
		{4096, []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}},
	} {
		c := k.Dial(&nltest.Config{ReadBuffer: tc.readBuffer})
		if err := c.Send(dump); err != nil {
			t.Fatal(err)
		}
		pending := []int{c.Pending()}
		for c.Pending() > 0 {
			if _, err := c.Receive(buf); err != nil {
				t.Fatal(err)
			}
			pending = append(pending, c.Pending())
		}
		if diff := cmp.Diff(tc.pending, pending); diff != "" {
			t.Errorf("ReadBuffer %d: queued datagrams (-want +got):\n%s", tc.readBuffer, diff)
		}
	}

	// A full queue: the dump's start finds no room.
	c := k.Dial(&nltest.Config{ReadBuffer: 4096})
	gid, err := k.GenlGroup("test", "events")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.JoinGroup(gid); err != nil {
		t.Fatal(err)
	}
	for range 9 {
		if _, err := k.NotifyGenl("test", "events", 1, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Send(dump); err != nil {
		t.Fatal(err)
	}
	if c.Pending() != 9 || c.Dropped() != 1 {
		t.Fatalf("%d queued, %d dropped; want 9 notifications and the dump's ENOBUFS dropped", c.Pending(), c.Dropped())
	}
	got := receiveSizes(t, c, buf)
	want := []string{"ENOBUFS", "20", "20", "20", "20", "20", "20", "20", "20", "20"}
	if len(got) != len(want)+11 || !cmp.Equal(got[:len(want)], want) {
		t.Errorf("receives %q: want ENOBUFS, the 9 notifications, then the dump's 11 datagrams", got)
	}
}

// genlReq is a request of the test family without attributes.
func genlReq(id uint16, cmd uint8, flags wire.Flags, seq uint32) []byte {
	return genlMsg(wire.Header{Type: id, Flags: wire.Request | flags, Seq: seq}, cmd, 0, func(*attr.Encoder) {})
}
