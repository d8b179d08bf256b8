package nltest_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// A family "demo" with one command whose attribute 1 is a u16 up to 100:
// a client finds it through nlctrl and is answered as Linux would.
func Example() {
	k := nltest.NewKernel()
	policy := &validate.Policy{Rules: []validate.Rule{1: validate.Range(validate.U16, 0, 100)}}
	id, err := k.Register(&nltest.Family{
		Name: "demo", Version: 1,
		Ops: []nltest.Op{{
			Cmd:    1,
			Policy: policy,
			Do: func(req *nltest.Request, rep *nltest.Reply) error {
				v, _ := req.Attr(1)
				e := rep.Start(1)
				e.Uint16(1, v.Uint16()*2)
				rep.End()
				return nil
			},
		}},
	})
	if err != nil {
		panic(err)
	}
	c := k.Dial(nil)
	buf := make([]byte, 8192)

	// Resolve the family by name.
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Request, Seq: 1})
	wire.PutFixedHeader(&b, genl.Header{Cmd: genl.CTRL_CMD_GETFAMILY, Version: 2})
	b.Attrs().String(genl.CTRL_ATTR_FAMILY_NAME, "demo")
	b.End(m)
	req, _ := b.Finish()
	c.Send(req)
	n, _ := c.Receive(buf)
	msg, _ := wire.ParseMessage(buf[:n], nlwire.Native)
	d := msg.Attrs(genl.HeaderLen)
	for d.Next() {
		if d.Type() == genl.CTRL_ATTR_FAMILY_ID {
			fmt.Println("family id", d.Uint16() == id)
		}
	}

	// A value out of range is refused with the kernel's extended ACK.
	for _, v := range []uint16{21, 200} {
		b := wire.NewBuilder(nil)
		m := b.Start(wire.Header{Type: id, Flags: wire.Request | wire.Ack, Seq: 2})
		wire.PutFixedHeader(&b, genl.Header{Cmd: 1, Version: 1})
		b.Attrs().Uint16(1, v)
		b.End(m)
		req, _ := b.Finish()
		c.Send(req)
		for c.Pending() > 0 {
			n, _ := c.Receive(buf)
			msg, _ := wire.ParseMessage(buf[:n], nlwire.Native)
			if msg.Header().Type != wire.TypeError {
				a := msg.Attrs(genl.HeaderLen)
				a.Next()
				fmt.Println("reply", a.Uint16())
				continue
			}
			e, _ := wire.ParseError(msg.Bytes(), nlwire.Native)
			if e.Errno == 0 {
				fmt.Println("ack")
				continue
			}
			werr := error(&e)
			fmt.Println(errors.Is(werr, nlwire.ERANGE), string(e.Msg), e.Offset)
		}
	}
	// Output:
	// family id true
	// reply 42
	// ack
	// true integer out of range 20
}

// A family's handler announces a change to the members of its group
// "events": a socket that joined it receives the notification (sequence
// number and port ID 0, as genlmsg_multicast sends it) and tells it from
// a reply by its group.
func ExampleKernel_NotifyGenl() {
	k := nltest.NewKernel()
	var setCmd uint8 = 1
	id, err := k.Register(&nltest.Family{
		Name: "demo", Version: 1,
		Groups: []nltest.Group{{Name: "events"}},
		Ops: []nltest.Op{{
			Cmd: setCmd,
			Do: func(req *nltest.Request, rep *nltest.Reply) error {
				e := attr.NewEncoder(make([]byte, 0, 8))
				e.Uint32(1, 7)
				payload, _ := e.Finish()
				_, err := k.NotifyGenl("demo", "events", 2, payload)
				return err
			},
		}},
	})
	if err != nil {
		panic(err)
	}
	group, _ := k.GenlGroup("demo", "events")
	listener, client := k.Dial(nil), k.Dial(nil)
	if err := listener.JoinGroup(group); err != nil {
		panic(err)
	}

	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: id, Flags: wire.Request | wire.Ack, Seq: 5})
	wire.PutFixedHeader(&b, genl.Header{Cmd: setCmd, Version: 1})
	b.End(m)
	req, _ := b.Finish()
	client.Send(req)

	buf := make([]byte, 8192)
	n, g, _ := listener.ReceiveFrom(buf)
	msg, _ := wire.ParseMessage(buf[:n], nlwire.Native)
	h := msg.Header()
	fmt.Println("group", g == group, "cmd", msg.Payload()[0], "seq", h.Seq, "pid", h.PID)
	n, g, _ = client.ReceiveFrom(buf)
	e, _ := wire.ParseError(buf[:n], nlwire.Native)
	fmt.Println("client: group", g, "errno", int(e.Errno))
	// Output:
	// group true cmd 2 seq 0 pid 0
	// client: group 0 errno 0
}

// A capture recorded on a real machine (testdata/genl-ctrl.pcapng, from
// a little-endian x86-64 Linux) pins its answers: the Kernel Replay
// makes answers the recorded request for an unknown family as that
// kernel did, with the new request's sequence number and the socket's
// port ID.
func ExampleReplay() {
	f, err := os.Open("../testdata/genl-ctrl.pcapng")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	k, err := nltest.Replay(f)
	if err != nil {
		panic(err)
	}
	c := k.Dial(&nltest.Config{PortID: 77})

	// The recorded request, in the recording machine's byte order.
	b := wire.NewBuilder(nil).WithOrder(nlwire.LittleEndian)
	m := b.Start(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Request | wire.Ack, Seq: 42})
	wire.PutFixedHeader(&b, genl.Header{Cmd: genl.CTRL_CMD_GETFAMILY, Version: 1})
	b.Attrs().String(genl.CTRL_ATTR_FAMILY_NAME, "no-such-family")
	b.End(m)
	req, _ := b.Finish()
	if err := c.Send(req); err != nil {
		panic(err)
	}
	buf := make([]byte, 8192)
	n, _ := c.Receive(buf)
	msg, _ := wire.ParseMessage(buf[:n], nlwire.LittleEndian)
	e, _ := wire.ParseError(msg.Bytes(), nlwire.LittleEndian)
	fmt.Println("seq", msg.Header().Seq, "pid", msg.Header().PID, "errno", e.Errno == nlwire.ENOENT)

	// A request the capture does not hold is a Go error naming the
	// recorded request closest to it.
	b = wire.NewBuilder(nil).WithOrder(nlwire.LittleEndian)
	m = b.Start(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Request | wire.Ack, Seq: 43})
	wire.PutFixedHeader(&b, genl.Header{Cmd: genl.CTRL_CMD_GETFAMILY, Version: 1})
	b.Attrs().String(genl.CTRL_ATTR_FAMILY_NAME, "no-such-famil")
	b.End(m)
	req, _ = b.Finish()
	fmt.Println(c.Send(req))
	// Output:
	// seq 42 pid 77 errno true
	// nltest: no recorded request matches the NETLINK_GENERIC request of type 16 (40 bytes); the closest, capture record 5, differs from byte 20
}
