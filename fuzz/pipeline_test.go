package fuzz_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/fuzz"
	"github.com/nlwire/nlwire/internal/capturetest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// node is a decoded attribute: its raw type and either its payload or,
// for a nest that decodes cleanly, its children.
type node struct {
	Type     uint16
	Payload  []byte
	Children []node
}

type message struct {
	Header wire.Header
	Fixed  []byte
	Attrs  []node
}

// decodeTree decodes a run of attributes by the family's tables,
// recursing into every attribute the tables call nested, and checks each
// offset against the message.
func decodeTree(t *testing.T, d attr.Decoder, s *family.Set, msgLen int) []node {
	var out []node
	for d.Next() {
		off, n := d.Offset(), d.Len()
		if off < wire.HeaderLen || off+attr.HeaderLen+n > msgLen {
			t.Fatalf("attribute at %d with %d bytes in a %d-byte message", off, n, msgLen)
		}
		nd := node{Type: d.RawType(), Payload: d.Bytes()}
		a := s.Attr(d.Type())
		if a != nil && (a.Format == family.Nested || a.Format == family.NestedArray) && a.Header == 0 {
			sub := d.Nested()
			check := sub
			for check.Next() {
			}
			if check.Err() == nil {
				child := a.ChildSet("")
				if a.Format == family.NestedArray {
					child = &family.Set{Elem: &family.Attr{Format: family.Nested, Child: a.Child}}
				}
				nd.Children = decodeTree(t, sub, child, msgLen)
				nd.Payload = nil
			}
		}
		out = append(out, nd)
	}
	if err := d.Err(); err != nil {
		var ae *attr.Error
		if !errors.As(err, &ae) || ae.Offset < wire.HeaderLen || ae.Offset > msgLen {
			t.Fatalf("decoder error %v outside the message", err)
		}
	}
	return out
}

func encodeTree(e *attr.Encoder, ns []node) {
	for _, n := range ns {
		if n.Payload != nil || n.Children == nil {
			e.Put(n.Type, n.Payload)
			continue
		}
		nest := e.BeginNoFlag(n.Type)
		encodeTree(e, n.Children)
		e.End(nest)
	}
}

// tables returns a message's family header length, attribute set and
// policy, for the families with tables.
func tables(fam uint16, h wire.Header, payload []byte, o nlwire.Order) (hdrLen int, set *family.Set, p *validate.Policy) {
	switch fam {
	case 0:
		m := route.Messages.Msg(h.Type)
		if m == nil {
			return -1, nil, nil
		}
		switch h.Type {
		case route.RTM_NEWLINK, route.RTM_SETLINK:
			p = &route.LinkPolicy
		case route.RTM_NEWADDR:
			p = &route.AddrPolicy
		case route.RTM_NEWROUTE:
			p = &route.RoutePolicy
		case route.RTM_NEWNEIGH:
			p = &route.NeighPolicy
		}
		return m.HeaderLen, m.Attrs, p
	case 16:
		if h.Type != genl.GENL_ID_CTRL {
			return genl.HeaderLen, nil, nil
		}
		return genl.HeaderLen, genl.Messages.Msg(h.Type).Attrs, &genl.FamilyPolicy
	}
	return -1, nil, nil
}

// pipeline decodes a datagram message by message and attribute by
// attribute, validates what has a policy, re-encodes everything, and
// checks that the rebuilt datagram decodes to the same tree.
func pipeline(t *testing.T, dg []byte, fam uint16, o nlwire.Order) []message {
	var msgs []message
	r := wire.NewReader(dg).WithOrder(o)
	for r.Next() {
		h := r.Header()
		if r.Offset()+int(h.Len) > len(dg) {
			t.Fatalf("message at %d with length %d in %d bytes", r.Offset(), h.Len, len(dg))
		}
		m := message{Header: h}
		if h.Type == wire.TypeError || h.Type == wire.TypeDone {
			if e, err := wire.ParseError(r.Message(), o); err == nil {
				checkWithin(t, r.Message(), e.Request, e.Msg, e.Cookie, e.Policy)
			}
		}
		hdrLen, set, p := tables(fam, h, r.Payload(), o)
		if h.Type < wire.MinType || hdrLen < 0 || len(r.Payload()) < hdrLen {
			m.Fixed = r.Payload()
			msgs = append(msgs, m)
			continue
		}
		m.Fixed = r.Payload()[:min(attr.Align(hdrLen), len(r.Payload()))]
		m.Attrs = decodeTree(t, r.Attrs(hdrLen), set, int(h.Len))
		if p != nil {
			err := validate.Options{Order: o}.ValidateMessage(r.Payload(), hdrLen, p, validate.ModeLiberal)
			var ve *validate.Error
			if errors.As(err, &ve) && ve.HasOffset && (ve.Offset < wire.HeaderLen || ve.Offset >= int(h.Len)) {
				t.Fatalf("validate reported offset %d in a %d-byte message", ve.Offset, h.Len)
			}
			if err != nil && !errors.Is(err, nlwire.EINVAL) && !errors.Is(err, nlwire.ERANGE) {
				t.Fatalf("validate error %v is neither EINVAL nor ERANGE", err)
			}
		}
		msgs = append(msgs, m)
	}
	return msgs
}

func rebuild(t *testing.T, msgs []message, o nlwire.Order) []byte {
	b := wire.NewBuilder(nil).WithOrder(o)
	for _, m := range msgs {
		tok := b.Start(m.Header)
		if len(m.Fixed) > 0 {
			copy(b.FamilyHeader(len(m.Fixed)), m.Fixed)
		}
		encodeTree(b.Attrs(), m.Attrs)
		b.End(tok)
	}
	out, err := b.Finish()
	if err != nil {
		t.Fatalf("rebuilding: %v", err)
	}
	return out
}

func checkPipeline(t *testing.T, dg []byte, fam uint16, o nlwire.Order) {
	msgs := pipeline(t, dg, fam, o)
	again := pipeline(t, rebuild(t, msgs, o), fam, o)
	// Lengths change where the input was unpadded or carried a bad
	// attribute tail; compare everything else.
	for i := range msgs {
		msgs[i].Header.Len = 0
		// The builder pads a family header to 4 bytes, as nlmsg_put does.
		f := msgs[i].Fixed
		msgs[i].Fixed = append(bytes.Clone(f), make([]byte, attr.Align(len(f))-len(f))...)
	}
	for i := range again {
		again[i].Header.Len = 0
	}
	if diff := cmp.Diff(msgs, again, cmp.Comparer(bytes.Equal)); diff != "" {
		t.Fatalf("re-encoded datagram decodes differently (-first +second):\n%s", diff)
	}
}

// FuzzPipeline runs any bytes, as a route or generic netlink datagram in
// either byte order, through wire, attr, family's tables and validate,
// re-encodes what decoded and checks it decodes the same again; and holds
// the codec's cost on them to what they weigh (checkCost).
func FuzzPipeline(f *testing.F) {
	for _, dg := range capturetest.Datagrams(f, "../testdata/*.pcap*") {
		f.Add(dg.Data, dg.Protocol, false)
	}
	f.Fuzz(func(t *testing.T, dg []byte, fam uint16, big bool) {
		o := nlwire.LittleEndian
		if big {
			o = nlwire.BigEndian
		}
		checkPipeline(t, dg, fam%32, o)
		checkCost(t, dg, fam%32, o)
	})
}

// walk is the pipeline's codec work without the test's trees: every
// message, every attribute through the tables' nests, every error's
// fields, and validation. It returns the messages and attributes seen.
func walk(dg []byte, fam uint16, o nlwire.Order) (msgs, attrs int) {
	var nest func(d attr.Decoder, s *family.Set)
	nest = func(d attr.Decoder, s *family.Set) {
		for d.Next() {
			attrs++
			if a := s.Attr(d.Type()); a != nil && a.Format == family.Nested && a.Header == 0 {
				nest(d.Nested(), a.ChildSet(""))
			}
		}
	}
	r := wire.NewReader(dg).WithOrder(o)
	for r.Next() {
		msgs++
		h := r.Header()
		if h.Type == wire.TypeError || h.Type == wire.TypeDone {
			wire.ParseError(r.Message(), o)
			continue
		}
		hdrLen, set, p := tables(fam, h, r.Payload(), o)
		if h.Type < wire.MinType || hdrLen < 0 || len(r.Payload()) < hdrLen {
			continue
		}
		nest(r.Attrs(hdrLen), set)
		if p != nil {
			validate.Options{Order: o}.ValidateMessage(r.Payload(), hdrLen, p, validate.ModeStrict)
		}
	}
	return msgs, attrs
}

// checkCost holds the codec's work on dg to what the input weighs: no
// allocation but an error value or two per message, and no attribute
// visited more often than its bytes allow.
func checkCost(t *testing.T, dg []byte, fam uint16, o nlwire.Order) {
	var msgs, attrs int
	allocs := testing.AllocsPerRun(1, func() { msgs, attrs = walk(dg, fam, o) })
	if max := 3 * float64(msgs+1); allocs > max {
		t.Fatalf("%v allocations for %d messages, over %v", allocs, msgs, max)
	}
	if attrs > len(dg)/4 {
		t.Fatalf("%d attributes visited in %d bytes", attrs, len(dg))
	}
}

// FuzzPolicyAttrs feeds the byte-driven generator's runs for the kernel's
// link policy through the same pipeline, inside an RTM_NEWLINK.
func FuzzPolicyAttrs(f *testing.F) {
	f.Add([]byte{0})
	f.Add([]byte("\x03\x01\x02\x04\x05\x06\x07\x08\x09\x0a"))
	f.Fuzz(func(t *testing.T, choices []byte) {
		run := fuzz.FromBytes(choices, &route.LinkPolicy)
		b := wire.NewBuilder(nil)
		m := b.Start(wire.Header{Type: route.RTM_NEWLINK, Flags: wire.Request})
		b.FamilyHeader(route.IfInfoMsgLen)
		b.Attrs().Raw(run)
		b.End(m)
		dg, err := b.Finish()
		if err != nil {
			if errors.Is(err, attr.ErrAttrTooLong) {
				return
			}
			t.Fatal(err)
		}
		checkPipeline(t, dg, 0, nlwire.Native)
	})
}

// TestPipelineCaptures runs every real captured datagram through the
// pipeline, so the round trip is checked on kernel traffic on every run.
func TestPipelineCaptures(t *testing.T) {
	n := 0
	for _, s := range capturetest.Datagrams(t, "../testdata/*.pcap*") {
		msgs := pipeline(t, s.Data, s.Protocol, nlwire.LittleEndian)
		for _, m := range msgs {
			n += len(m.Attrs)
		}
		checkPipeline(t, s.Data, s.Protocol, nlwire.LittleEndian)
		checkCost(t, s.Data, s.Protocol, nlwire.LittleEndian)
	}
	if n < 100 {
		t.Fatalf("only %d top-level attributes decoded from the captures", n)
	}
}

// checkWithin fails unless each view lies inside buf.
func checkWithin(t *testing.T, buf []byte, views ...[]byte) {
	for _, v := range views {
		if len(v) > 0 && !within(buf, v) {
			t.Fatalf("a %d-byte view lies outside its %d-byte message", len(v), len(buf))
		}
	}
}

func within(buf, v []byte) bool {
	for i := 0; i+len(v) <= len(buf); i++ {
		if &buf[i] == &v[0] {
			return true
		}
	}
	return false
}
