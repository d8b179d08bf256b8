package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// compiledOutcome is what a validation reports, with the rule as a value (a
// compiled policy's rules are copies of the original's).
type compiledOutcome struct {
	Err      *Error
	Rule     Rule
	Warnings []Warning
	Filled   []int // the types Parse stored
	Bytes    [][]byte
	// The same of Validate, which walks the leaves a compiled table
	// accepts in a loop of its own (Parse stores every attribute, so
	// it never takes that loop).
	ValidateErr      *Error
	ValidateRule     Rule
	ValidateWarnings []Warning
}

func compileOutcome(b []byte, p *Policy, m Mode, o nlwire.Order) compiledOutcome {
	return outcomeOf(b, p, m, o, false)
}

// fullOutcome is compileOutcome with every rule decided in full
// (Options.inFull): the reference the table of common rules is held to.
func fullOutcome(b []byte, p *Policy, m Mode, o nlwire.Order) compiledOutcome {
	return outcomeOf(b, p, m, o, true)
}

func outcomeOf(b []byte, p *Policy, m Mode, o nlwire.Order, inFull bool) compiledOutcome {
	var out compiledOutcome
	warnings := &out.Warnings
	opts := Options{Order: o, Base: 20, inFull: inFull, Warn: func(w Warning) {
		if w.Rule != nil {
			r := *w.Rule
			r.Nested, r.Func = nil, nil
			w.Rule = &r
		}
		*warnings = append(*warnings, w)
	}}
	// errorOf returns err as an *Error without its rule, and the rule
	// as a value.
	errorOf := func(err error) (*Error, Rule) {
		if err == nil {
			return nil, Rule{}
		}
		e := err.(*Error)
		var r Rule
		if e.Rule != nil {
			r = *e.Rule
			r.Nested, r.Func = nil, nil
			e.Rule = nil
		}
		return e, r
	}
	tb := make([]attr.Decoder, 40)
	out.Err, out.Rule = errorOf(opts.Parse(b, p, m, tb))
	warnings = &out.ValidateWarnings
	out.ValidateErr, out.ValidateRule = errorOf(opts.Validate(b, p, m))
	for t := range tb {
		if tb[t].Present() {
			out.Filled = append(out.Filled, t)
			out.Bytes = append(out.Bytes, tb[t].Bytes())
		}
	}
	return out
}

// genAnyRule draws a rule of any kind, with the lengths and checks that
// matter to the compiled table.
func genAnyRule(t *rapid.T, nested *Policy) Rule {
	k := Kind(rapid.IntRange(0, int(numKinds)).Draw(t, "kind"))
	r := Rule{Kind: k, Len: uint16(rapid.SampledFrom([]int{0, 0, 1, 2, 3, 4, 7, 8, 9, 16}).Draw(t, "len"))}
	switch rapid.IntRange(0, 5).Draw(t, "check") {
	case 1:
		if k.unsigned() || k.signed() || k == Binary {
			r.Check, r.Min, r.Max = CheckRange, 1, 6
		}
	case 2:
		if k.unsigned() {
			r.Check, r.Mask = CheckMask, 0xf0f
		}
	}
	if (k == Nested || k == NestedArray) && rapid.Bool().Draw(t, "hasNested") {
		r.Nested = nested
	}
	if k == Bitfield32 {
		r.Mask = 0xff
	}
	return r
}

// genAnyAttrs draws attributes of types 0 to 9, lengths 0 to 17, with or
// without NLA_F_NESTED, some holding attributes themselves, and now and
// then a malformed tail.
func genAnyAttrs(t *rapid.T, e enc, depth int) []byte {
	var b []byte
	for i := range rapid.IntRange(0, 8).Draw(t, "n") {
		_ = i
		typ := uint16(rapid.IntRange(0, 9).Draw(t, "type"))
		if rapid.Bool().Draw(t, "nestedFlag") {
			typ |= attr.FlagNested
		}
		var p []byte
		if depth < 2 && rapid.IntRange(0, 3).Draw(t, "inner") == 0 {
			p = genAnyAttrs(t, e, depth+1)
		} else {
			p = rapid.SliceOfN(rapid.SampledFrom([]byte{0, 1, 'a', 0xff}), 0, 17).Draw(t, "payload")
		}
		b = append(b, e.a(typ, p)...)
	}
	if rapid.IntRange(0, 5).Draw(t, "tail") == 0 {
		b = append(b, rapid.SliceOfN(rapid.Byte(), 1, 6).Draw(t, "junk")...)
	}
	return b
}

// TestCompileSame: a compiled policy validates, parses, warns and fails
// exactly as the policy it was compiled from, in every mode and both
// byte orders.
func TestCompileSame(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		inner := &Policy{}
		outer := &Policy{StrictStartType: uint16(rapid.IntRange(0, 9).Draw(t, "strictStart"))}
		for range 8 {
			inner.Rules = append(inner.Rules, genAnyRule(t, inner)) // recursive
			outer.Rules = append(outer.Rules, genAnyRule(t, inner))
		}
		outer.MaxType = uint16(rapid.IntRange(0, 9).Draw(t, "maxType"))
		c := Compile(outer)
		swap := rapid.Bool().Draw(t, "swap")
		o := nlwire.LittleEndian
		if nlwire.LittleEndian.Swap() != swap {
			o = nlwire.BigEndian
		}
		b := genAnyAttrs(t, enc{swap: swap}, 0)
		m := Mode(rapid.IntRange(0, int(ModeStrict)).Draw(t, "mode"))
		want := fullOutcome(b, outer, m, o)
		if diff := cmp.Diff(want, compileOutcome(b, c, m, o)); diff != "" {
			t.Fatalf("compiled policy differs (-in full +compiled):\n%s", diff)
		}
		if diff := cmp.Diff(want, compileOutcome(b, outer, m, o)); diff != "" {
			t.Fatalf("the rule table differs (-in full +table):\n%s", diff)
		}
	})
}

// TestCompileShares: nested policies met twice, and a policy nesting
// itself, are compiled once, and the original is left as it was.
func TestCompileShares(t *testing.T) {
	self := &Policy{Rules: []Rule{1: {Kind: U32}}}
	self.Rules = append(self.Rules, NestedPolicy(self))
	p := &Policy{Rules: []Rule{1: NestedPolicy(self), 2: NestedPolicy(self)}}
	c := Compile(p)
	if c == p || c.Rules[1].Nested != c.Rules[2].Nested || c.Rules[1].Nested.Rules[2].Nested != c.Rules[1].Nested {
		t.Error("nested policies not shared in the compiled copy")
	}
	if p.fast != nil || self.fast != nil || p.Rules[1].Nested != self {
		t.Error("Compile changed its argument")
	}
	if Compile(nil) != nil {
		t.Error("Compile(nil) != nil")
	}
}

// TestCompiledAllocs: validating with a compiled policy allocates
// nothing.
func TestCompiledAllocs(t *testing.T) {
	c := Compile(&propPolicy)
	e := enc{}
	b := cat(e.a(1, n(1)), e.a(3, e.u32(7)), e.a(14, str("abc")), e.a(16, n(12)), e.a(13, nil),
		e.nest(20, e.a(1, e.u32(1)), e.a(4, e.u16(5))), e.nest(20))
	if err := Validate(b, c, ModeStrict); err != nil {
		t.Fatal(err)
	}
	if a := testing.AllocsPerRun(100, func() { _ = Validate(b, c, ModeStrict) }); a != 0 {
		t.Errorf("%v allocs per run", a)
	}
}

// TestCompileSizedByRules: the table has an entry per rule written, not
// per type up to MaxType, which a dumped policy sets from a few bytes.
func TestCompileSizedByRules(t *testing.T) {
	p := &Policy{Rules: []Rule{1: {Kind: U32}}, MaxType: 0xffff}
	c := Compile(p)
	if len(c.fast) != 2 {
		t.Errorf("table of %d entries for 2 rules", len(c.fast))
	}
	// A type past the rules, up to MaxType: the unspec rule, decided in
	// full, as without compiling.
	e := enc{}
	b := cat(e.a(1, e.u32(3)), e.a(0xfff0, n(3)))
	for _, m := range []Mode{ModeLiberal, ModeStrict} {
		if diff := cmp.Diff(fullOutcome(b, p, m, nlwire.Native), compileOutcome(b, c, m, nlwire.Native)); diff != "" {
			t.Errorf("mode %v (-in full +compiled):\n%s", m, diff)
		}
	}
}
