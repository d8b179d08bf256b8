package nltestsock_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire/bench/nltestsock"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// genlRequest is a request of family id: a genlmsghdr of command cmd,
// then the attributes attrs.
func genlRequest(flags netlink.HeaderFlags, seq uint32, cmd uint8, id uint16, attrs ...[]byte) netlink.Message {
	data := []byte{cmd, testVersion, 0, 0}
	for _, a := range attrs {
		data = append(data, a...)
	}
	return netlink.Message{
		Header: netlink.Header{Length: uint32(16 + len(data)), Type: netlink.HeaderType(id), Flags: flags, Sequence: seq},
		Data:   data,
	}
}

// u16 returns attribute 1 = v (u16), the test family's argument.
func u16(v uint16) []byte { return nla(1, binary.NativeEndian.AppendUint16(nil, v)...) }

// datagrams sends req to c and returns the datagrams it answers with.
func datagrams(t *testing.T, c *nltest.Conn, req []byte) [][]byte {
	t.Helper()
	if err := c.Send(req); err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for {
		buf := make([]byte, nltest.MaxDumpSize)
		n, err := c.Receive(buf)
		if errors.Is(err, nltest.ErrWouldBlock) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, buf[:n])
	}
}

// The messages netlink.Conn receives through the Socket are, byte for
// byte, those the fake queues for the same request on a Conn used
// directly, for a do request, a refused one and a dump.
func TestSocketSameBytes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cmd   uint8
		flags netlink.HeaderFlags
		attrs [][]byte
	}{
		{"do", cmdDouble, netlink.Request | netlink.Acknowledge, [][]byte{u16(7)}},
		{"refused", cmdDouble, netlink.Request, [][]byte{u16(101)}},
		{"dump", cmdList, netlink.Request | netlink.Dump, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := &nltest.Config{PortID: 77}
			k1, id := testKernel(t)
			k2, _ := testKernel(t)
			req := genlRequest(tc.flags, 5, tc.cmd, id, tc.attrs...)
			req.Header.PID = cfg.PortID
			raw, err := req.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var want [][]byte
			for _, d := range datagrams(t, k1.Dial(cfg), raw) {
				r := wire.NewReader(d)
				for r.Next() {
					want = append(want, r.Message())
				}
			}

			s := nltestsock.New(k2.Dial(cfg), cfg)
			if err := s.Send(req); err != nil {
				t.Fatal(err)
			}
			var got [][]byte
			for s.Conn().Pending() > 0 {
				msgs, err := s.Receive()
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range msgs {
					b, err := m.MarshalBinary()
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, b)
				}
			}
			if len(want) < 1 {
				t.Fatal("the fake answered nothing")
			}
			if !slices.EqualFunc(want, got, bytes.Equal) {
				t.Errorf("messages (-direct +through Socket):\n%s", cmp.Diff(want, got))
			}
		})
	}
}

// Each Receive takes one datagram, read into a buffer of its exact
// size as mdlayher/netlink's Linux socket reads it, so the fake fills
// dump datagrams up to NLMSG_GOODSIZE, as the kernel does for that
// socket; the last datagram holds NLMSG_DONE.
func TestSocketDumpDatagrams(t *testing.T) {
	k, id := testKernel(t)
	s := nltestsock.New(k.Dial(nil), nil)
	if err := s.Send(genlRequest(netlink.Request|netlink.Dump, 1, cmdList, id)); err != nil {
		t.Fatal(err)
	}
	var sizes []int
	data, done := 0, false
	for !done {
		msgs, err := s.Receive()
		if err != nil {
			t.Fatal(err)
		}
		size := 0
		for _, m := range msgs {
			size += int(m.Header.Length+3) &^ 3
			switch m.Header.Type {
			case netlink.Done:
				done = true
			case netlink.HeaderType(id):
				data++
			default:
				t.Fatalf("unexpected message %+v", m)
			}
		}
		sizes = append(sizes, size)
	}
	if data != testDumpLen || len(sizes) < 2 {
		t.Fatalf("%d data messages in %d datagrams, want %d in several", data, len(sizes), testDumpLen)
	}
	t.Logf("datagram sizes: %v", sizes)
	for i, n := range sizes {
		if n > nltest.GoodSize || (i < len(sizes)-1 && n < nltest.GoodSize-300) {
			t.Errorf("datagram %d of %d bytes; sizes %v; want up to NLMSG_GOODSIZE (%d), full but the last", i, n, sizes, nltest.GoodSize)
		}
	}
}

// SendMessages sends one datagram of several requests; their answers
// come back one datagram per Receive, and then Receive reports
// nltest.ErrWouldBlock, where a real socket would block, wrapped in
// netlink.Conn's *netlink.OpError.
func TestSocketSendMessagesAndWouldBlock(t *testing.T) {
	k, id := testKernel(t)
	c := nltestsock.Dial(k, nil)
	defer c.Close()
	reqs := []netlink.Message{
		genlRequest(netlink.Request, 0, cmdDouble, id, u16(1)),
		genlRequest(netlink.Request, 0, cmdDouble, id, u16(2)),
	}
	for i := range reqs {
		reqs[i].Header.Length = 0 // netlink.Conn fills it in
	}
	sent, err := c.SendMessages(reqs)
	if err != nil {
		t.Fatal(err)
	}
	for i, req := range sent {
		msgs, err := c.Receive()
		if err != nil {
			t.Fatal(err)
		}
		if len(msgs) != 1 || msgs[0].Header.Sequence != req.Header.Sequence || msgs[0].Header.PID != req.Header.PID {
			t.Fatalf("answer %d: %+v, want one message to %+v", i, msgs, req.Header)
		}
	}
	_, err = c.Receive()
	if oe := opError(t, err); oe.Op != "receive" || !errors.Is(err, nltest.ErrWouldBlock) {
		t.Errorf("Receive with nothing queued: %v, want nltest.ErrWouldBlock", err)
	}
}

// A message whose nlmsg_len netlink.Message.MarshalBinary would refuse
// is refused with a *MessageError naming it; a closed socket reports
// nltest.ErrClosed.
func TestSocketErrors(t *testing.T) {
	k, id := testKernel(t)
	s := nltestsock.New(k.Dial(nil), nil)
	ok := genlRequest(netlink.Request, 1, cmdDouble, id, u16(1))
	for _, l := range []uint32{0, 15, ok.Header.Length + 2} {
		bad := ok
		bad.Header.Length = l
		err := s.SendMessages([]netlink.Message{ok, bad})
		var me *nltestsock.MessageError
		if !errors.As(err, &me) || !errors.Is(err, nltestsock.ErrMessage) {
			t.Fatalf("nlmsg_len %d: %v, want a *MessageError", l, err)
		}
		want := nltestsock.MessageError{Op: "send", Offset: int(ok.Header.Length), Len: l, Room: len(bad.Data) + 16}
		if diff := cmp.Diff(want, *me); diff != "" {
			t.Errorf("nlmsg_len %d (-want +got):\n%s", l, diff)
		}
	}
	if s.Conn().Pending() != 0 {
		t.Errorf("a refused datagram reached the fake: %d answers queued", s.Conn().Pending())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ok); !errors.Is(err, nltest.ErrClosed) {
		t.Errorf("Send after Close: %v, want nltest.ErrClosed", err)
	}
	if _, err := s.Receive(); !errors.Is(err, nltest.ErrClosed) {
		t.Errorf("Receive after Close: %v, want nltest.ErrClosed", err)
	}
}

// SetOption confirms the options the nltest.Config gave and refuses to
// change them, or to set one the fake does not model.
func TestSocketSetOption(t *testing.T) {
	k := nltest.NewKernel()
	for _, cfg := range []*nltest.Config{nil, {NoExtAck: true, CapAck: true, NoStrictCheck: true}} {
		on := cfg == nil
		c := netlink.NewConn(nltestsock.New(k.Dial(cfg), cfg), 0)
		for _, o := range []netlink.ConnOption{netlink.ExtendedAcknowledge, netlink.GetStrictCheck, netlink.CapAcknowledge} {
			want := on
			if o == netlink.CapAcknowledge {
				want = !on
			}
			if err := c.SetOption(o, want); err != nil {
				t.Errorf("config %+v: SetOption(%d, %v): %v", cfg, o, want, err)
			}
			var oe *nltestsock.OptionError
			if err := c.SetOption(o, !want); !errors.As(err, &oe) || !oe.Fixed || !errors.Is(err, nltestsock.ErrOption) {
				t.Errorf("config %+v: SetOption(%d, %v): %v, want a fixed *OptionError", cfg, o, !want, err)
			}
		}
		var oe *nltestsock.OptionError
		if err := c.SetOption(netlink.PacketInfo, true); !errors.As(err, &oe) || oe.Fixed {
			t.Errorf("SetOption(PacketInfo): %v, want an *OptionError, not fixed", err)
		}
	}
}

// Sending costs the adapter no allocation once its buffer has grown;
// receiving a datagram costs what the Linux socket's costs (the
// datagram's own buffer, which the messages are views of, and the
// message slice) plus the fake's *TruncatedError of the size probe.
func TestSocketAllocs(t *testing.T) {
	k, _ := testKernel(t)
	s := nltestsock.New(k.Dial(nil), nil)
	buf := make([]byte, 8192)
	ask := genlRequest(netlink.Request, 1, genl.CTRL_CMD_GETFAMILY, genl.GENL_ID_CTRL,
		nla(genl.CTRL_ATTR_FAMILY_NAME, 'n', 'l', 'c', 't', 'r', 'l', 0))
	send := testing.AllocsPerRun(100, func() {
		if err := s.Send(ask); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Conn().Receive(buf); err != nil {
			t.Fatal(err)
		}
	})
	recv := testing.AllocsPerRun(100, func() {
		if err := s.Send(ask); err != nil {
			t.Fatal(err)
		}
		msgs, err := s.Receive()
		if err != nil || len(msgs) != 1 {
			t.Fatal(msgs, err)
		}
	})
	t.Logf("allocations: %v per Send, %v per Send and Receive", send, recv)
	if send != 0 || recv > 3 {
		t.Errorf("allocations: %v per Send, %v per Send and Receive; want 0 and at most 3", send, recv)
	}
}
