package nltest_test

import (
	"errors"
	"fmt"

	"github.com/nlwire/nlwire"
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
