package validate

import (
	"errors"
	"math"
	"testing"

	"pgregory.net/rapid"

	"github.com/nlwire/nlwire"
)

// Policy-driven generators. They depend only on Policy, Rule and the
// enc helpers, so that they can move to a fuzz package later.

var (
	propInner = Policy{Rules: []Rule{
		1: {Kind: U32}, 2: {Kind: NulString, Len: 8}, 3: Bitfield32Policy(0xf0), 4: Range(S16, -300, 300),
	}}
	propElem   = Policy{Rules: []Rule{1: {Kind: U16}, 2: {Kind: String, Len: 4}}}
	propPolicy = Policy{Rules: []Rule{
		1:  {Kind: U8},
		2:  Range(U16, 10, 20),
		3:  Max(U32, 1000),
		4:  FullRange(U64, 5, math.MaxUint64-5),
		5:  Range(S8, -3, 3),
		6:  Min(S32, -1000),
		7:  {Kind: S64},
		8:  Range(BE16, 1, 4094),
		9:  Mask(BE32, 0xff00ff00),
		10: {Kind: Msecs},
		11: Range(UInt, 1, 1<<40),
		12: Range(SInt, -1<<40, 1<<40),
		13: {Kind: Flag},
		14: {Kind: String, Len: 10},
		15: {Kind: NulString, Len: 10},
		16: {Kind: Binary, Len: 12},
		17: ExactLen(6),
		18: ExactLenWarn(4),
		19: MinLen(3),
		20: NestedPolicy(&propInner),
		21: NestedArrayPolicy(&propElem),
		22: Bitfield32Policy(0x0f),
		23: Mask(U8, 0x0f),
		24: {Kind: Reject, Msg: "no"},
		25: {},
	}}
)

// genUnsigned draws a value within the rule's unsigned range.
func genUnsigned(t *rapid.T, r *Rule) uint64 {
	lo, hi := r.UnsignedRange()
	if r.Check == CheckMask {
		return rapid.Uint64().Draw(t, "v") & r.Mask
	}
	return rapid.Uint64Range(lo, hi).Draw(t, "v")
}

func genSigned(t *rapid.T, r *Rule) int64 {
	lo, hi := r.SignedRange()
	return rapid.Int64Range(lo, hi).Draw(t, "v")
}

// genPayload draws a payload that r accepts in ModeStrict, or ok=false
// for rules nothing satisfies in ModeStrict (Reject, Unspec).
func genPayload(t *rapid.T, r *Rule, e enc, depth int) (p []byte, nested, ok bool) {
	switch r.Kind {
	case U8:
		return []byte{byte(genUnsigned(t, r))}, false, true
	case U16:
		return e.u16(uint16(genUnsigned(t, r))), false, true
	case U32:
		return e.u32(uint32(genUnsigned(t, r))), false, true
	case U64, Msecs:
		return e.u64(genUnsigned(t, r)), false, true
	case BE16:
		v := genUnsigned(t, r)
		return []byte{byte(v >> 8), byte(v)}, false, true
	case BE32:
		v := genUnsigned(t, r)
		return []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}, false, true
	case UInt:
		v := genUnsigned(t, r)
		if v <= math.MaxUint32 && rapid.Bool().Draw(t, "short") {
			return e.u32(uint32(v)), false, true
		}
		return e.u64(v), false, true
	case S8:
		return []byte{byte(genSigned(t, r))}, false, true
	case S16:
		return e.u16(uint16(genSigned(t, r))), false, true
	case S32:
		return e.u32(uint32(genSigned(t, r))), false, true
	case S64:
		return e.u64(uint64(genSigned(t, r))), false, true
	case SInt:
		v := genSigned(t, r)
		if v >= math.MinInt32 && v <= math.MaxInt32 && rapid.Bool().Draw(t, "short") {
			return e.u32(uint32(v)), false, true
		}
		return e.u64(uint64(v)), false, true
	case Flag:
		return []byte{}, false, true
	case String, NulString:
		maxLen := 20
		if r.Len != 0 {
			maxLen = int(r.Len)
		}
		s := rapid.SliceOfN(rapid.ByteRange(1, 255), 0, maxLen).Draw(t, "s")
		if r.Kind == NulString || len(s) == 0 || rapid.Bool().Draw(t, "nul") {
			s = append(s, 0)
		}
		return s, false, true
	case Binary:
		lo, hi := 0, 40
		if r.Len != 0 {
			hi = int(r.Len)
		}
		switch r.Check {
		case CheckRange, CheckRangeWarnTooLong:
			lo, hi = int(r.Min), int(r.Max)
		case CheckMin:
			lo, hi = int(r.Min), int(r.Min)+20
		case CheckMax:
			hi = int(r.Max)
		}
		return rapid.SliceOfN(rapid.Byte(), lo, hi).Draw(t, "bin"), false, true
	case Bitfield32:
		sel := uint32(rapid.Uint64().Draw(t, "sel")) & uint32(r.Mask)
		val := uint32(rapid.Uint64().Draw(t, "val")) & sel
		return e.bf32(val, sel), false, true
	case Nested:
		if r.Nested == nil || depth >= 3 {
			return []byte{}, true, true
		}
		return genAttrs(t, r.Nested, e, depth+1), true, true
	case NestedArray:
		if r.Nested == nil || depth >= 3 {
			return []byte{}, true, true
		}
		var b []byte
		for i := range rapid.IntRange(0, 3).Draw(t, "elems") {
			b = append(b, e.a(uint16(i+1), genAttrs(t, r.Nested, e, depth+1))...)
		}
		return cat(b), true, true
	}
	return nil, false, false
}

// genAttrs draws attributes that p accepts in ModeStrict.
func genAttrs(t *rapid.T, p *Policy, e enc, depth int) []byte {
	var b []byte
	for range rapid.IntRange(0, 6).Draw(t, "count") {
		typ := rapid.IntRange(1, p.maxType()).Draw(t, "type")
		pl, nested, ok := genPayload(t, p.rule(typ), e, depth)
		if !ok {
			continue
		}
		ft := uint16(typ)
		if nested {
			ft |= 0x8000
		}
		b = append(b, e.a(ft, pl)...)
	}
	return cat(b)
}

// genInvalid draws a payload that r rejects in mode m, with the raw type
// to use; ok is false if the rule has no such payload.
func genInvalid(t *rapid.T, r *Rule, e enc, m Mode) (p []byte, nested, ok bool) {
	switch r.Kind {
	case U8, U16, U32, U64, S8, S16, S32, S64, BE16, BE32:
		// Too short is refused in every mode.
		return rapid.SliceOfN(rapid.Byte(), 0, int(exactLen[r.Kind])-1).Draw(t, "short"), false, true
	case Msecs:
		return rapid.SliceOfN(rapid.Byte(), 0, 7).Draw(t, "short"), false, true
	case UInt, SInt:
		l := rapid.SampledFrom([]int{0, 1, 2, 3, 5, 6, 7, 9, 12}).Draw(t, "len")
		return make([]byte, l), false, true
	case Flag:
		return rapid.SliceOfN(rapid.Byte(), 1, 8).Draw(t, "flag"), false, true
	case String:
		if r.Len == 0 {
			return []byte{}, false, true
		}
		return rapid.SliceOfN(rapid.ByteRange(1, 255), int(r.Len)+1, int(r.Len)+5).Draw(t, "long"), false, true
	case NulString:
		return rapid.SliceOfN(rapid.ByteRange(1, 255), 0, 20).Draw(t, "nonul"), false, true
	case Binary:
		switch {
		case r.Check == CheckRange || (r.Check == CheckRangeWarnTooLong && m&ModeStrictAttrs != 0):
			if r.Min > 0 && rapid.Bool().Draw(t, "shorter") {
				return make([]byte, rapid.IntRange(0, int(r.Min)-1).Draw(t, "l")), false, true
			}
			return make([]byte, rapid.IntRange(int(r.Max)+1, int(r.Max)+8).Draw(t, "l")), false, true
		case r.Check == CheckRangeWarnTooLong && r.Min > 0:
			return make([]byte, rapid.IntRange(0, int(r.Min)-1).Draw(t, "l")), false, true
		case r.Check == CheckMin && r.Min > 0:
			return make([]byte, rapid.IntRange(0, int(r.Min)-1).Draw(t, "l")), false, true
		case r.Len != 0:
			return make([]byte, rapid.IntRange(int(r.Len)+1, int(r.Len)+8).Draw(t, "l")), false, true
		}
	case Nested, NestedArray:
		return rapid.SliceOfN(rapid.Byte(), 1, 3).Draw(t, "stub"), true, true
	case Bitfield32:
		if rapid.Bool().Draw(t, "badlen") {
			return make([]byte, rapid.SampledFrom([]int{0, 4, 7, 9, 12}).Draw(t, "l")), false, true
		}
		// A value bit outside the selector.
		sel := uint32(r.Mask) &^ 1
		return e.bf32(1, sel), false, true
	case Reject:
		return []byte{}, false, true
	case Unspec:
		if m&ModeUnspec != 0 {
			return []byte{}, false, true
		}
	}
	return nil, false, false
}

var allModes = []Mode{ModeLiberal, ModeTrailing, ModeMaxType, ModeUnspec, ModeStrictAttrs, ModeNested,
	ModeDeprecatedStrict, ModeStrict}

func drawOrder(t *rapid.T) (nlwire.Order, enc) {
	o := rapid.SampledFrom([]nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian}).Draw(t, "order")
	return o, enc{swap: o.Swap()}
}

// TestPropNoPanic: any bytes, any mode, any policy here: Validate and
// Parse return nil or an *Error, never panic.
func TestPropNoPanic(t *testing.T) {
	policies := []*Policy{&propPolicy, &recPolicy, &linkPolicy, &nestPolicy, &intPolicy}
	rapid.Check(t, func(t *rapid.T) {
		b := rapid.SliceOfN(rapid.Byte(), 0, 300).Draw(t, "b")
		p := rapid.SampledFrom(policies).Draw(t, "p")
		m := Mode(rapid.IntRange(0, 31).Draw(t, "m"))
		o, _ := drawOrder(t)
		err := Options{Order: o, Warn: func(Warning) {}}.Validate(b, p, m)
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("not an *Error: %v", err)
		}
		if err != nil && e.Errno != nlwire.EINVAL && e.Errno != nlwire.ERANGE {
			t.Fatalf("errno %v", e.Errno)
		}
		tb := make([]attrDecoder, 8)
		if err2 := (Options{Order: o}).Parse(b, p, m, tb); (err2 == nil) != (err == nil) {
			t.Fatalf("Parse %v, Validate %v", err2, err)
		}
	})
}

// TestPropValid: attributes drawn from a policy's rules validate in
// every mode.
func TestPropValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o, e := drawOrder(t)
		b := genAttrs(t, &propPolicy, e, 0)
		for _, m := range allModes {
			if err := (Options{Order: o}).Validate(b, &propPolicy, m); err != nil {
				t.Fatalf("%v: % x: %v", m, b, err)
			}
		}
	})
}

// TestPropMutation: replacing one attribute's payload with one outside
// its rule is rejected, and the error points at that attribute.
func TestPropMutation(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o, e := drawOrder(t)
		m := rapid.SampledFrom(allModes).Draw(t, "mode")
		before := genAttrs(t, &propPolicy, e, 0)
		after := genAttrs(t, &propPolicy, e, 0)
		typ := rapid.IntRange(1, propPolicy.maxType()).Draw(t, "bad type")
		r := propPolicy.rule(typ)
		p, nested, ok := genInvalid(t, r, e, m)
		if !ok {
			t.Skip("no invalid payload for this rule in this mode")
		}
		ft := uint16(typ)
		if nested {
			ft |= 0x8000
		}
		base := rapid.IntRange(0, 64).Draw(t, "base") * 4
		b := cat(before, e.a(ft, p), after)
		err := Options{Order: o, Base: base}.Validate(b, &propPolicy, m)
		var ve *Error
		if !errors.As(err, &ve) {
			t.Fatalf("%v: type %d payload % x accepted", m, typ, p)
		}
		if !ve.HasOffset || ve.Offset != base+len(before) || len(ve.Path) != 1 || ve.Path[0] != uint16(typ) {
			t.Fatalf("%v: error %v, want offset %d type %d", m, ve, base+len(before), typ)
		}
	})
}
