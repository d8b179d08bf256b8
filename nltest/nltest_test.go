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
	innerPolicy = validate.Policy{Rules: []validate.Rule{
		1: {Kind: validate.U32},
		2: {Kind: validate.NulString, Len: 15},
	}}
	testPolicy = validate.Policy{Rules: []validate.Rule{
		1: validate.Range(validate.U16, 1, 100),
		2: {Kind: validate.String},
		3: validate.NestedPolicy(&innerPolicy),
		4: validate.NestedArrayPolicy(&innerPolicy),
		5: {Kind: validate.Flag},
		6: validate.Mask(validate.U32, 0xf),
	}}
)

// testKernel has the family "test": cmd 1 (do and dump, strict), cmd 2
// (do, liberal), cmd 3 (do without a policy); its dump sends n
// messages, one per item, with Args[0] counting.
func testKernel(t testing.TB, n int) (*nltest.Kernel, uint16) {
	k := nltest.NewKernel()
	id, err := k.Register(&nltest.Family{
		Name: "test", Version: 3, MaxAttr: 6, ResvStartOp: 3,
		Groups: []nltest.Group{{Name: "events"}},
		Ops: []nltest.Op{{
			Cmd: 1, Policy: &testPolicy,
			Do: func(req *nltest.Request, rep *nltest.Reply) error { return nil },
			Dump: func(req *nltest.Request, rep *nltest.Reply) error {
				for ; req.Args[0] < int64(n); req.Args[0]++ {
					e := rep.Start(1)
					e.Uint32(1, uint32(req.Args[0]))
					e.Put(2, make([]byte, 100))
					if !rep.End() {
						return nltest.ErrMore
					}
				}
				return nil
			},
		}, {
			Cmd: 2, Policy: &testPolicy, Validate: nltest.DontValidateStrict,
			Do: func(req *nltest.Request, rep *nltest.Reply) error { return nlwire.ENODEV },
		}, {
			Cmd: 3,
			Do:  func(req *nltest.Request, rep *nltest.Reply) error { return nil },
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return k, id
}

func request(typ uint16, fl wire.Flags, cmd uint8, attrs func(e *attr.Encoder)) []byte {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: typ, Flags: fl, Seq: 7})
	wire.PutFixedHeader(&b, genl.Header{Cmd: cmd, Version: 1})
	if attrs != nil {
		attrs(b.Attrs())
	}
	b.End(m)
	out, err := b.Finish()
	if err != nil {
		panic(err)
	}
	return out
}

// answer is what a test compares of one reply message.
type answer struct {
	Type     uint16
	Flags    wire.Flags
	Seq, PID uint32
	Errno    nlwire.Errno
	Msg      string
	Offset   uint32
	Policy   string
	Echoed   int // bytes of the request echoed
}

// receiveAll returns every message queued, datagram by datagram.
func receiveAll(t *testing.T, c *nltest.Conn, bufSize int) [][]answer {
	t.Helper()
	var out [][]answer
	buf := make([]byte, bufSize)
	for c.Pending() > 0 {
		n, err := c.Receive(buf)
		if err != nil {
			t.Fatal(err)
		}
		var d []answer
		r := wire.NewReader(buf[:n])
		for r.Next() {
			h := r.Header()
			a := answer{Type: h.Type, Flags: h.Flags, Seq: h.Seq, PID: h.PID}
			if h.Type == wire.TypeError || h.Type == wire.TypeDone {
				e, err := wire.ParseError(r.View().Bytes(), nlwire.Native)
				if err != nil {
					t.Fatal(err)
				}
				a.Errno, a.Msg, a.Offset, a.Echoed = e.Errno, string(e.Msg), e.Offset, len(e.Request)
				if e.Policy != nil {
					ap, err := validate.ParseAttrPolicy(e.Policy, nlwire.Native)
					if err != nil {
						t.Fatal(err)
					}
					a.Policy = ap.String()
				}
			}
			d = append(d, a)
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

func TestRequests(t *testing.T) {
	k, id := testKernel(t, 3)
	const port = 4242
	ack := func(errno nlwire.Errno, msg string, off uint32, pol string, echoed int, fl wire.Flags) []answer {
		return []answer{{Type: wire.TypeError, Flags: fl, Seq: 7, PID: port, Errno: errno, Msg: msg, Offset: off, Policy: pol, Echoed: echoed}}
	}
	const rq, ak = wire.Request, wire.Ack
	tests := []struct {
		name string
		cfg  nltest.Config
		req  []byte
		want [][]answer
	}{
		{"ack", nltest.Config{}, request(id, rq|ak, 1, func(e *attr.Encoder) { e.Uint16(1, 5) }),
			[][]answer{ack(0, "", 0, "", 16, wire.Capped)}},
		{"no ack", nltest.Config{}, request(id, rq, 1, nil), nil},
		{"range", nltest.Config{}, request(id, rq, 1, func(e *attr.Encoder) { e.Uint16(1, 500) }),
			[][]answer{ack(nlwire.ERANGE, validate.MsgOutOfRange, 20, "NLA_U16 range [1, 100]", 28, wire.AckTLVs)}},
		{"cap ack", nltest.Config{CapAck: true}, request(id, rq, 1, func(e *attr.Encoder) { e.Uint16(1, 500) }),
			[][]answer{ack(nlwire.ERANGE, validate.MsgOutOfRange, 20, "NLA_U16 range [1, 100]", 16, wire.AckTLVs|wire.Capped)}},
		{"no ext ack", nltest.Config{NoExtAck: true}, request(id, rq, 1, func(e *attr.Encoder) { e.Uint16(1, 500) }),
			[][]answer{ack(nlwire.ERANGE, "", 0, "", 28, 0)}},
		{"unknown type strict", nltest.Config{}, request(id, rq, 1, func(e *attr.Encoder) { e.Uint32(9, 1) }),
			[][]answer{ack(nlwire.EINVAL, validate.MsgUnknownType, 20, "", 28, wire.AckTLVs)}},
		{"mask", nltest.Config{}, request(id, rq, 1, func(e *attr.Encoder) { e.Uint32(6, 0x10) }),
			[][]answer{ack(nlwire.EINVAL, validate.MsgReservedBit, 20, "", 28, wire.AckTLVs)}},
		{"leftover liberal", nltest.Config{}, append(request(id, rq|ak, 2, nil)[:0:0], withTrailing(request(id, rq|ak, 2, nil))...),
			[][]answer{ack(nlwire.ENODEV, validate.MsgLeftover, 0, "", 24, wire.AckTLVs)}},
		{"unknown family", nltest.Config{}, request(0x3ff, rq, 1, nil),
			[][]answer{ack(nlwire.ENOENT, "", 0, "", 20, 0)}},
		{"unknown command", nltest.Config{}, request(id, rq, 9, nil),
			[][]answer{ack(nlwire.EOPNOTSUPP, "", 0, "", 20, 0)}},
		{"no dump form", nltest.Config{}, request(id, rq|wire.Dump, 2, nil),
			[][]answer{ack(nlwire.EOPNOTSUPP, "", 0, "", 20, 0)}},
		{"reserved", nltest.Config{}, reserved(request(id, rq, 3, nil)),
			[][]answer{ack(nlwire.EINVAL, validate.MsgGenlReserved, 0, "", 20, wire.AckTLVs)}},
		{"flags", nltest.Config{}, request(id, rq|wire.Replace, 3, nil),
			[][]answer{{{Type: wire.TypeError, Flags: wire.AckTLVs, Seq: 7, PID: port, Errno: nlwire.EINVAL, Msg: validate.MsgGenlFlags, Echoed: 20}}}},
		{"short", nltest.Config{}, request(id, rq, 1, nil)[:18],
			nil}, // nlmsg_len says 20 but the datagram holds 18: dropped
		{"not a request", nltest.Config{}, request(id, ak, 1, nil),
			[][]answer{ack(0, "", 0, "", 16, wire.Capped)}},
		{"control type", nltest.Config{}, request(wire.TypeDone, rq|ak, 1, nil),
			[][]answer{ack(0, "", 0, "", 16, wire.Capped)}},
		{"reject all", nltest.Config{}, request(id, rq|ak, 3, func(e *attr.Encoder) { e.Uint32(9, 1) }),
			[][]answer{ack(nlwire.EINVAL, validate.MsgUnknownType, 20, "", 28, wire.AckTLVs)}},
		{"reject all 1", nltest.Config{}, request(id, rq|ak, 3, func(e *attr.Encoder) { e.Uint32(1, 1) }),
			[][]answer{ack(nlwire.EINVAL, validate.MsgFailed, 20, "", 28, wire.AckTLVs)}},
		{"reject all empty", nltest.Config{}, request(id, rq|ak, 3, nil),
			[][]answer{ack(0, "", 0, "", 16, wire.Capped)}},
		{"dump", nltest.Config{}, request(id, rq|wire.Dump, 1, nil),
			[][]answer{{
				{Type: id, Flags: wire.Multi, Seq: 7, PID: port},
				{Type: id, Flags: wire.Multi, Seq: 7, PID: port},
				{Type: id, Flags: wire.Multi, Seq: 7, PID: port},
				{Type: wire.TypeDone, Flags: wire.Multi, Seq: 7, PID: port},
			}}},
		{"dump invalid", nltest.Config{}, request(id, rq|wire.Dump, 1, func(e *attr.Encoder) { e.Uint16(1, 0) }),
			[][]answer{ack(nlwire.ERANGE, validate.MsgOutOfRange, 20, "NLA_U16 range [1, 100]", 28, wire.AckTLVs)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			cfg.PortID = port
			c := k.Dial(&cfg)
			if err := c.Send(tt.req); err != nil {
				t.Fatal(err)
			}
			got := receiveAll(t, c, 8192)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
		})
	}
}

// withTrailing appends 4 bytes that are no attribute to a request.
func withTrailing(req []byte) []byte {
	out := append(append([]byte(nil), req...), 1, 2, 3, 4)
	putLen(out)
	return out
}

func putLen(b []byte) {
	n := uint32(len(b))
	h, _ := wire.ParseHeader(b, nlwire.Native)
	h.Len = n
	copy(b, h.Append(nil, nlwire.Native))
}

func reserved(req []byte) []byte {
	req[wire.HeaderLen+2] = 1
	return req
}

// TestAllocs: a do request with an acknowledgement, sent and received,
// allocates nothing once the queue's buffers exist.
func TestAllocs(t *testing.T) {
	k, id := testKernel(t, 3)
	c := k.Dial(nil)
	ok := request(id, wire.Request|wire.Ack, 1, func(e *attr.Encoder) { e.Uint16(1, 5) })
	bad := request(id, wire.Request|wire.Ack, 2, func(e *attr.Encoder) { e.Uint16(1, 5) })
	bad = withTrailing(bad)
	buf := make([]byte, 8192)
	for name, req := range map[string][]byte{"ack": ok, "liberal with warning and errno": bad} {
		n := testing.AllocsPerRun(100, func() {
			if err := c.Send(req); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Receive(buf); err != nil {
				t.Fatal(err)
			}
		})
		if n != 0 {
			t.Errorf("%s: %v allocations per request", name, n)
		}
	}
}

// TestDumpParts: a dump too large for one datagram comes in parts sized
// as the kernel sizes them, each made when the previous is received;
// NLMSG_DONE follows in the last; a second dump meanwhile is EBUSY.
func TestDumpParts(t *testing.T) {
	k, id := testKernel(t, 100)
	for _, bufSize := range []int{nltest.GoodSize, 16384, 65536} {
		c := k.Dial(nil)
		c.Send(request(id, wire.Request|wire.Dump, 1, nil))
		if c.Pending() != 1 {
			t.Fatalf("%d datagrams queued after the request, want 1", c.Pending())
		}
		c.Send(request(id, wire.Request|wire.Dump, 1, nil))
		buf := make([]byte, bufSize)
		var msgs, dones, busy int
		limit := nltest.GoodSize
		for c.Pending() > 0 {
			n, err := c.Receive(buf)
			if err != nil {
				t.Fatal(err)
			}
			if n > limit {
				t.Errorf("datagram of %d bytes, over %d", n, limit)
			}
			limit = min(max(nltest.GoodSize, bufSize), nltest.MaxDumpSize)
			r := wire.NewReader(buf[:n])
			for r.Next() {
				switch r.Header().Type {
				case id:
					msgs++
				case wire.TypeDone:
					dones++
				case wire.TypeError:
					e, _ := wire.ParseError(r.View().Bytes(), nlwire.Native)
					if e.Errno == nlwire.EBUSY {
						busy++
					}
				}
			}
		}
		if msgs != 100 || dones != 1 || busy != 1 {
			t.Errorf("buffer %d: %d messages, %d NLMSG_DONE, %d EBUSY; want 100, 1, 1", bufSize, msgs, dones, busy)
		}
	}
}

// TestPolicyDumpRoundTrip: the fake's CTRL_CMD_GETPOLICY dump reads back
// (validate.ParsePolicyDump) to the registered policies, and a Kernel
// built from what was read back dumps the same bytes.
func TestPolicyDumpRoundTrip(t *testing.T) {
	k, id := testKernel(t, 0)
	dump := func(k *nltest.Kernel) ([][]byte, [][]byte) {
		c := k.Dial(&nltest.Config{PortID: 1})
		c.Send(request(genl.GENL_ID_CTRL, wire.Request|wire.Dump, genl.CTRL_CMD_GETPOLICY, func(e *attr.Encoder) {
			e.Uint16(genl.CTRL_ATTR_FAMILY_ID, id)
		}))
		var raw, payloads [][]byte
		buf := make([]byte, 65536)
		for c.Pending() > 0 {
			n, _ := c.Receive(buf)
			raw = append(raw, append([]byte(nil), buf[:n]...))
			r := wire.NewReader(buf[:n])
			for r.Next() {
				if r.Header().Type == genl.GENL_ID_CTRL {
					payloads = append(payloads, append([]byte(nil), r.Payload()[genl.HeaderLen:]...))
				}
			}
		}
		return raw, payloads
	}
	raw, payloads := dump(k)
	pd, err := validate.ParsePolicyDump(payloads, nlwire.Native)
	if err != nil {
		t.Fatal(err)
	}
	// Tables: testPolicy (cmd 1 and 2), innerPolicy, reject-all (cmd 3).
	type rule struct {
		Kind   validate.Kind
		Nested int
	}
	index := func(p *validate.Policy) int {
		for i := range pd.Tables {
			if &pd.Tables[i].Policy == p {
				return i
			}
		}
		return -1
	}
	var got [][]rule
	for _, tb := range pd.Tables {
		var rs []rule
		for _, r := range tb.Policy.Rules {
			rs = append(rs, rule{r.Kind, index(r.Nested)})
		}
		got = append(got, rs)
	}
	want := [][]rule{
		{{validate.Unspec, -1}, {validate.U16, -1}, {validate.String, -1}, {validate.Nested, 1}, {validate.NestedArray, 1}, {validate.Flag, -1}, {validate.U32, -1}},
		{{validate.Unspec, -1}, {validate.U32, -1}, {validate.NulString, -1}},
		{{validate.Unspec, -1}}, // the reject-all policy: nothing dumped
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	wantOps := []validate.OpPolicy{{Cmd: 1, Do: 0, Dump: 0}, {Cmd: 2, Do: 0, Dump: -1}, {Cmd: 3, Do: 2, Dump: -1}}
	if diff := cmp.Diff(wantOps, pd.Ops); diff != "" {
		t.Errorf("ops (-want +got):\n%s", diff)
	}

	// A kernel built from the dump dumps the same bytes.
	k2 := nltest.NewKernel()
	nop := func(*nltest.Request, *nltest.Reply) error { return nil }
	if _, err := k2.Register(&nltest.Family{
		Name: "test", ID: id, Version: 3, MaxAttr: 6, ResvStartOp: 3,
		Ops: []nltest.Op{
			{Cmd: 1, Policy: &pd.Tables[0].Policy, Do: nop, Dump: nop},
			{Cmd: 2, Policy: &pd.Tables[0].Policy, Do: nop, Validate: nltest.DontValidateStrict},
			{Cmd: 3, Do: nop},
		},
	}); err != nil {
		t.Fatal(err)
	}
	raw2, _ := dump(k2)
	if diff := cmp.Diff(raw, raw2); diff != "" {
		t.Errorf("dump of the rebuilt kernel (-first +rebuilt):\n%s", diff)
	}
}
