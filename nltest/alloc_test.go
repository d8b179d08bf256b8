package nltest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

var (
	allocInner  = validate.Policy{Rules: []validate.Rule{1: validate.Range(validate.U32, 5, 10)}}
	allocPolicy = validate.Policy{Rules: []validate.Rule{
		1: validate.Range(validate.U16, 0, 100),
		2: validate.NestedPolicy(&allocInner),
		3: validate.NestedArrayPolicy(&allocInner),
		4: {Kind: validate.U32},
	}}
	// errMissing is what a handler returns for a request without
	// attribute 4, as GENL_REQ_ATTR_CHECK sets it.
	errMissing = &wire.Error{Errno: nlwire.EINVAL, Msg: []byte("Missing attribute"), MissType: 4}
)

// allocKernel has the family "alloc": cmd 1 (do and dump, strict),
// whose do requires attribute 4.
func allocKernel(t *testing.T) (*nltest.Kernel, uint16) {
	k := nltest.NewKernel()
	id, err := k.Register(&nltest.Family{Name: "alloc", Version: 1, MaxAttr: 4, Ops: []nltest.Op{{
		Cmd: 1, Policy: &allocPolicy,
		Do: func(req *nltest.Request, rep *nltest.Reply) error {
			if _, ok := req.Attr(4); !ok {
				return errMissing
			}
			return nil
		},
		Dump: func(req *nltest.Request, rep *nltest.Reply) error { return nil },
	}}})
	if err != nil {
		t.Fatal(err)
	}
	return k, id
}

// errAnswer is what a test compares of an NLMSG_ERROR reply.
type errAnswer struct {
	Errno    nlwire.Errno
	Msg      string
	Offset   uint32
	Policy   bool
	MissType uint32
	Echoed   int
}

// TestAllocsRejected: a request the kernel rejects, in validation or in
// its handler, is answered with the kernel's NLMSG_ERROR and extended
// ACK without allocating, with and without NETLINK_CAP_ACK.
func TestAllocsRejected(t *testing.T) {
	k, id := allocKernel(t)
	req := func(fl wire.Flags, attrs func(e *attr.Encoder)) []byte {
		return request(id, wire.Request|wire.Ack|fl, 1, attrs)
	}
	attrsAt := wire.HeaderLen + genl.HeaderLen
	cases := []struct {
		name string
		cfg  *nltest.Config
		req  []byte
		want errAnswer
	}{
		{"out of range", nil, req(0, func(e *attr.Encoder) { e.Uint16(1, 500) }),
			errAnswer{nlwire.ERANGE, validate.MsgOutOfRange, uint32(attrsAt), true, 0, 28}},
		{"nested out of range", nil, req(0, func(e *attr.Encoder) {
			n := e.Begin(2)
			e.Uint32(1, 50)
			e.End(n)
		}), errAnswer{nlwire.ERANGE, validate.MsgOutOfRange, uint32(attrsAt + 4), true, 0, 32}},
		{"array element out of range", nil, req(0, func(e *attr.Encoder) {
			n := e.Begin(3)
			el := e.Begin(1)
			e.Uint32(1, 4)
			e.End(el)
			e.End(n)
		}), errAnswer{nlwire.ERANGE, validate.MsgOutOfRange, uint32(attrsAt + 8), true, 0, 36}},
		{"unknown type", nil, req(0, func(e *attr.Encoder) { e.Uint16(9, 5) }),
			errAnswer{nlwire.EINVAL, validate.MsgUnknownType, uint32(attrsAt), false, 0, 28}},
		{"missing attribute", nil, req(0, func(e *attr.Encoder) { e.Uint16(1, 5) }),
			errAnswer{nlwire.EINVAL, "Missing attribute", 0, false, 4, 28}},
		{"dump out of range", nil, req(wire.Dump, func(e *attr.Encoder) { e.Uint16(1, 500) }),
			errAnswer{nlwire.ERANGE, validate.MsgOutOfRange, uint32(attrsAt), true, 0, 28}},
		{"genlmsghdr flags", nil, req(wire.Flags(0x20), func(e *attr.Encoder) { e.Uint16(1, 5) }),
			errAnswer{nlwire.EINVAL, validate.MsgGenlFlags, 0, false, 0, 28}},
		{"out of range, CAP_ACK", &nltest.Config{CapAck: true}, req(0, func(e *attr.Encoder) { e.Uint16(1, 500) }),
			errAnswer{nlwire.ERANGE, validate.MsgOutOfRange, uint32(attrsAt), true, 0, 16}},
		{"nested out of range, CAP_ACK", &nltest.Config{CapAck: true}, req(0, func(e *attr.Encoder) {
			n := e.Begin(2)
			e.Uint32(1, 50)
			e.End(n)
		}), errAnswer{nlwire.ERANGE, validate.MsgOutOfRange, uint32(attrsAt + 4), true, 0, 16}},
	}
	buf := make([]byte, 8192)
	for _, tc := range cases {
		c := k.Dial(tc.cfg)
		exchange := func() int {
			if err := c.Send(tc.req); err != nil {
				t.Fatal(err)
			}
			n, err := c.Receive(buf)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		n := exchange()
		if c.Pending() != 0 {
			t.Fatalf("%s: %d datagrams left after the error", tc.name, c.Pending())
		}
		r := wire.NewReader(buf[:n])
		if !r.Next() || r.Header().Type != wire.TypeError {
			t.Fatalf("%s: no NLMSG_ERROR in % x", tc.name, buf[:n])
		}
		e, err := wire.ParseError(r.View().Bytes(), nlwire.Native)
		if err != nil {
			t.Fatal(tc.name, err)
		}
		got := errAnswer{e.Errno, string(e.Msg), e.Offset, e.Policy != nil, e.MissType, len(e.Request)}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: answer (-want +got):\n%s", tc.name, diff)
		}
		if a := testing.AllocsPerRun(100, func() { exchange() }); a != 0 {
			t.Errorf("%s: %v allocations per request, want 0", tc.name, a)
		}
		c.Close()
	}
}

// TestAllocsGetPolicy: nlctrl's GETPOLICY dump, of a whole family and
// of one operation, allocates nothing once the socket has made one, and
// reusing its storage changes nothing in what it sends, whatever dump
// came before.
func TestAllocsGetPolicy(t *testing.T) {
	k, id := allocKernel(t)
	whole := request(genl.GENL_ID_CTRL, wire.Request|wire.Dump|wire.Ack, genl.CTRL_CMD_GETPOLICY,
		func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, id) })
	ctrl := request(genl.GENL_ID_CTRL, wire.Request|wire.Dump, genl.CTRL_CMD_GETPOLICY,
		func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, "nlctrl") })
	oneOp := request(genl.GENL_ID_CTRL, wire.Request|wire.Dump, genl.CTRL_CMD_GETPOLICY,
		func(e *attr.Encoder) {
			e.Uint16(genl.CTRL_ATTR_FAMILY_ID, id)
			e.Uint32(genl.CTRL_ATTR_OP, 1)
		})
	buf := make([]byte, 32768)
	dump := func(c *nltest.Conn, req []byte, out []byte) []byte {
		if err := c.Send(req); err != nil {
			t.Fatal(err)
		}
		for c.Pending() > 0 {
			n, err := c.Receive(buf)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, buf[:n]...)
		}
		return out
	}
	// Each dump's bytes from a fresh socket, the reference.
	fresh := map[string][]byte{}
	for name, req := range map[string][]byte{"family": whole, "nlctrl": ctrl, "one op": oneOp} {
		fresh[name] = dump(k.Dial(&nltest.Config{PortID: 77}), req, nil)
		var types []uint16
		for r := wire.NewReader(fresh[name]); r.Next(); {
			types = append(types, r.Header().Type)
		}
		if len(types) < 3 || types[0] != genl.GENL_ID_CTRL || types[len(types)-1] != wire.TypeDone {
			t.Fatalf("%s: dump of messages %v, want policies and NLMSG_DONE", name, types)
		}
	}
	c := k.Dial(&nltest.Config{PortID: 77})
	var scratch []byte
	for _, name := range []string{"nlctrl", "family", "one op", "family", "nlctrl", "one op"} {
		req := map[string][]byte{"family": whole, "nlctrl": ctrl, "one op": oneOp}[name]
		scratch = dump(c, req, scratch[:0])
		if diff := cmp.Diff(fresh[name], scratch); diff != "" {
			t.Fatalf("%s after other dumps on the socket (-fresh +reused):\n%s", name, diff)
		}
	}
	for name, req := range map[string][]byte{"family": whole, "nlctrl": ctrl, "one op": oneOp} {
		if a := testing.AllocsPerRun(50, func() { scratch = dump(c, req, scratch[:0]) }); a != 0 {
			t.Errorf("GETPOLICY %s: %v allocations per dump, want 0", name, a)
		}
	}
}
