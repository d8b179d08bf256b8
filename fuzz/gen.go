package fuzz

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
	"pgregory.net/rapid"
)

// Violation is the one way a run made by a Generator breaks its policy,
// or Valid for none.
type Violation uint8

// The violations a Generator can place. Each is rejected by
// validate.Validate under validate.ModeStrict (the kernel's nla_parse and
// generic netlink); the comments say which milder modes reject it too.
// A Generator made WithMode for a milder parser places only the ones its
// mode rejects.
const (
	// Valid asks for runs the policy accepts in every mode.
	Valid Violation = iota
	// Length is one payload of a length its rule refuses: an integer,
	// NLA_FLAG or NLA_BITFIELD32 of the wrong size (too short fails in
	// every mode, too long under ModeStrictAttrs, so that a Generator for
	// a milder mode draws only short ones), an NLA_UINT or
	// NLA_SINT of neither 4 nor 8 bytes, a string or binary longer than
	// its Len, an NLA_NUL_STRING without a NUL, a nest of 1 to 3 bytes.
	Length
	// Range is one value its rule's check refuses, in every mode: an
	// integer outside its range or with a reserved bit set, a binary
	// whose length is outside its range, an NLA_BITFIELD32 selecting a
	// flag it does not allow.
	Range
	// Type is one attribute of type 0 or above the policy's maximum
	// (rejected under ModeMaxType, or inside a nest from the
	// StrictStartType of its policy on).
	Type
	// Flag is NLA_F_NESTED missing from one nest, or set on one other
	// attribute (rejected under ModeNested, or from StrictStartType on).
	Flag
	// Nesting is one nest, or one element of a nested array, whose
	// contents are not whole attributes: 1 to 3 trailing bytes, or a
	// header whose nla_len is below 4 or past the nest's end (rejected
	// under ModeTrailing, or inside a nest from StrictStartType on, with
	// no offset in the extended ACK).
	Nesting
	numViolations
)

var violationNames = [numViolations]string{"Valid", "Length", "Range", "Type", "Flag", "Nesting"}

// String returns the violation's name ("Range").
func (v Violation) String() string {
	if v < numViolations {
		return violationNames[v]
	}
	return "Violation(" + strconv.Itoa(int(v)) + ")"
}

// Run is an attribute run made by a Generator, in the Generator's byte
// order, and where it breaks its policy.
type Run struct {
	// Attrs is the attributes.
	Attrs []byte
	// Violation is what the run breaks: the Generator's, or Valid if the
	// policy had no place for it (see Generator.Possible).
	Violation Violation
	// Offset is the offset in Attrs of the offending attribute's header,
	// as validate.Error.Offset and the kernel's NLMSGERR_ATTR_OFFS
	// report it; for Nesting, of the nest or array element whose
	// contents are malformed (the kernel reports no offset then). It is
	// -1 for a valid run.
	Offset int
	// Path is the attribute types from the top level down to the
	// offending attribute (for Nesting, down to the malformed nest),
	// nested array elements counting as a level: validate.Error.Path.
	Path []uint16
	// What describes the violation ("3(NLA_NESTED)/1(NLA_U16) value
	// 4095 above 4094").
	What string
}

// Generator makes random attribute runs of a policy that are valid, or
// valid but for one violation of the kind asked for, placed at a random
// attribute at any depth. Every other attribute, nests included, is
// valid in every mode: types whose rule no payload can satisfy (NLA_UNSPEC,
// NLA_REJECT, a validation function, an empty range) are left out.
//
// The violations are those a strict parser rejects (validate.ModeStrict,
// as the kernel's nla_parse and generic netlink validate). For a more
// liberal parser under test, as most user-space ones are (and as
// rtnetlink's deprecated parsers are), make the Generator WithMode: its
// violations are then only the ones a parse in that mode rejects, so
// that a liberal parser accepting a run shows a real miss.
type Generator struct {
	// Policy is the policy the runs are made for.
	Policy *validate.Policy
	// Violation is the violation each run carries.
	Violation Violation
	// Order is the byte order of the runs' headers and integers (NLA_BE16
	// and NLA_BE32 stay big-endian): the host's by default. Validate them
	// with validate.Options{Order: ...}.
	Order nlwire.Order
	// MaxAttrs bounds the attributes at each level: 0 means 4, and
	// more than 16 means 16.
	MaxAttrs int
	// MaxDepth bounds the nesting levels, the top one included: 0
	// means 3, and more than 6 means 6. The junk of a Nesting violation
	// inside a nest at the last level goes one level deeper (two in a
	// nested array's element).
	MaxDepth int

	// lax is the strictness the parser under test lacks: the zero
	// Generator is for ModeStrict (see WithMode).
	lax validate.Mode
}

// WithMode returns a copy of g for a parser under test that validates in
// mode m: every run it makes (Random, Rapid, FromBytes, Mutate) breaks
// the policy only in a way that validate.Validate in mode m rejects, at
// the offset and path the Run names. For validate.ModeLiberal, the mode
// of most user-space parsers and of rtnetlink's deprecated ones, that
// leaves Range and the Length violations that are too short (or
// otherwise refused in every mode): Type, Flag and Nesting have no place,
// and over-long integers none, except where the policy's
// StrictStartType makes the kernel validate strictly all the same (the
// Generator follows it down; Mutate keeps to m alone). Where a violation
// has no place, runs are valid and say so, as Possible reports. Valid
// runs are valid in every mode whatever m is.
func (g Generator) WithMode(m validate.Mode) Generator {
	g.lax = validate.ModeStrict &^ m
	return g
}

// Mode returns the strictness g's violations are for: validate.ModeStrict
// unless WithMode set another.
func (g Generator) Mode() validate.Mode { return validate.ModeStrict &^ g.lax }

// Random returns a run drawn from r.
func (g Generator) Random(r *rand.Rand) Run { return g.run(randSource{r}) }

// Rapid returns a pgregory.net/rapid generator of runs, which rapid can
// shrink.
func (g Generator) Rapid() *rapid.Generator[Run] {
	return rapid.Custom(func(t *rapid.T) Run { return g.run(rapidSource{t}) })
}

// FromBytes returns the run whose random choices are read from b, the
// input of a native Go fuzz target, so that the coverage-guided engine
// steers which attributes, values and violation come out. Past the end
// of b every choice is 0, so the run is finite; the same b gives the same
// run.
func (g Generator) FromBytes(b []byte) Run { return g.run(&byteSource{b: b}) }

// Possible reports whether the policy has a place for the violation: a
// rule it can break, at the top level or in a nested policy within
// MaxDepth. Type and Valid are always possible. Where it is not, the
// runs are valid and say so in Run.Violation.
func (g Generator) Possible() bool {
	if g.Violation >= numViolations {
		return false
	}
	b := g.newBuilder(nil)
	return b.can(g.policy(), 0, b.mode)
}

// policy returns the Generator's policy; nil is an empty one, as for
// validate.
func (g Generator) policy() *validate.Policy {
	if g.Policy == nil {
		return &validate.Policy{}
	}
	return g.Policy
}

// builder returns Mutate's builder. Mutate places the violation by the
// Generator's mode alone, not following StrictStartType down: a Type or
// Nesting violation the mode never rejects has no place.
func (g Generator) builder(s source) *builder {
	b := g.newBuilder(s)
	if b.v == Type && b.mode&validate.ModeMaxType == 0 || b.v == Nesting && b.mode&validate.ModeTrailing == 0 {
		b.v = Valid
	}
	return b
}

// newBuilder returns a builder for g's runs, drawing from s.
func (g Generator) newBuilder(s source) *builder {
	b := &builder{s: s, v: g.Violation, order: g.Order, mode: g.Mode(), maxAttrs: g.MaxAttrs, maxDepth: g.MaxDepth, budget: runBudget, memo: map[canKey]bool{}}
	b.bo = binary.ByteOrder(binary.LittleEndian)
	if g.Order == nlwire.BigEndian || g.Order == nlwire.Native && nlwire.Host() == nlwire.BigEndian {
		b.bo = binary.BigEndian
	}
	if b.maxAttrs <= 0 {
		b.maxAttrs = 4
	}
	if b.maxDepth <= 0 {
		b.maxDepth = 3
	}
	b.maxAttrs, b.maxDepth = min(b.maxAttrs, 16), min(b.maxDepth, 6)
	return b
}

func (g Generator) run(s source) Run {
	b := g.newBuilder(s)
	p := g.policy()
	bad := g.Violation != Valid && g.Violation < numViolations && b.can(p, 0, b.mode)
	lv := b.level(p, 0, bad, b.mode)
	r := Run{Attrs: lv.b, Offset: -1}
	if bad {
		r.Violation, r.Offset, r.Path, r.What = g.Violation, lv.off, lv.path, lv.what
	}
	if r.Attrs == nil {
		r.Attrs = []byte{}
	}
	return r
}

// runBudget bounds the bytes of valid attributes in a run, so that no
// nest outgrows an attribute's 65535 bytes.
const runBudget = 8 << 10

// builder holds one run's drawing.
type builder struct {
	s        source
	v        Violation
	order    nlwire.Order
	bo       binary.ByteOrder // order, resolved
	mode     validate.Mode    // the parser's mode: the top level's
	maxAttrs int
	maxDepth int
	budget   int  // bytes of valid attributes still to spend
	tooLong  bool // Mutate's nests outgrew an attribute
	memo     map[canKey]bool
}

type canKey struct {
	p     *validate.Policy
	depth int
	mode  validate.Mode
}

// attrMode is the mode the kernel validates attribute type t of p in,
// at a level validated in mode m: strict from p's StrictStartType on,
// for the attribute and everything nested in it (validate_nla).
func attrMode(p *validate.Policy, t int, m validate.Mode) validate.Mode {
	if p.StrictStartType != 0 && t >= int(p.StrictStartType) {
		return m | validate.ModeStrict
	}
	return m
}

// built is a generated run, attribute or payload, and where its violation
// sits in it (off is -1 when it has none).
type built struct {
	b    []byte
	off  int
	path []uint16
	what string
}

// lastType is the highest type of p with a rule of its own that an
// attribute can carry (types are 14 bits: the top two are flags).
func lastType(p *validate.Policy) int {
	return min(maxType(p), len(p.Rules)-1, attr.TypeMask)
}

// usableTypes returns the attribute types of p whose rule can be
// satisfied.
func usableTypes(p *validate.Policy) []int {
	var ts []int
	for t := 1; t <= lastType(p); t++ {
		if usable(&p.Rules[t]) {
			ts = append(ts, t)
		}
	}
	return ts
}

// level draws a run of p's attributes at depth, a level validated in
// mode m; with bad, one of them, or one inside one of them, carries the
// violation.
func (g *builder) level(p *validate.Policy, depth int, bad bool, m validate.Mode) built {
	ts := usableTypes(p)
	n := g.s.intn(g.maxAttrs + 1)
	if bad && n == 0 {
		n = 1
	}
	victim := -1
	if bad {
		victim = g.s.intn(n)
	}
	out := built{off: -1}
	for i := range n {
		if i == victim {
			a := g.badAttr(p, depth, m)
			out.off = len(out.b) + a.off
			out.path, out.what = a.path, a.what
			out.b = append(out.b, a.b...)
			continue
		}
		if len(ts) == 0 || g.budget <= 0 {
			continue
		}
		t := ts[g.s.intn(len(ts))]
		r := &p.Rules[t]
		a := g.put(uint16(t)|nestFlag(r), g.good(r, depth))
		g.budget -= len(a)
		out.b = append(out.b, a...)
	}
	return out
}

func nestFlag(r *validate.Rule) uint16 {
	if nestKind(r.Kind) {
		return attr.FlagNested
	}
	return 0
}

// can reports whether the violation can be placed in a run of p at depth,
// a level validated in mode m.
func (g *builder) can(p *validate.Policy, depth int, m validate.Mode) bool {
	if g.v == Valid {
		return true
	}
	if g.v == Type && m&validate.ModeMaxType != 0 {
		return true
	}
	k := canKey{p, depth, m}
	if v, ok := g.memo[k]; ok {
		return v
	}
	g.memo[k] = false // a policy reached again through itself adds nothing
	ok := false
	for t := 1; t <= lastType(p) && !ok; t++ {
		r, am := &p.Rules[t], attrMode(p, t, m)
		ok = g.hostsIn(r, depth, am) || g.carries(r, depth, am)
	}
	g.memo[k] = ok
	return ok
}

// carries reports whether r is a nest whose contents can hold the
// violation; m is the mode the nest is validated in.
func (g *builder) carries(r *validate.Rule, depth int, m validate.Mode) bool {
	return nestKind(r.Kind) && r.Nested != nil && usable(r) && depth+1 < g.maxDepth && g.can(r.Nested, depth+1, m)
}

// badAttr draws one attribute of p that carries the violation, itself
// or inside, at a level validated in mode m.
func (g *builder) badAttr(p *validate.Policy, depth int, m validate.Mode) built {
	type option struct {
		t     int
		carry bool
	}
	var opts []option
	if g.v == Type && m&validate.ModeMaxType != 0 {
		opts = append(opts, option{t: -1})
	}
	for t := 1; t <= lastType(p); t++ {
		r, am := &p.Rules[t], attrMode(p, t, m)
		if g.hostsIn(r, depth, am) {
			opts = append(opts, option{t: t})
		}
		if g.carries(r, depth, am) {
			opts = append(opts, option{t: t, carry: true})
		}
	}
	o := opts[g.s.intn(len(opts))]
	if o.t < 0 {
		return g.unknown(p)
	}
	r, am := &p.Rules[o.t], attrMode(p, o.t, m)
	t := uint16(o.t)
	name := fmt.Sprintf("%d(%v)", t, r.Kind)
	if !o.carry {
		a := g.badPayloadIn(r, t, depth, am)
		a.path = append([]uint16{t}, a.path...)
		a.what = name + " " + a.what
		return a
	}
	// Down into the nest.
	if r.Kind == validate.Nested {
		in := g.level(r.Nested, depth+1, true, am)
		return built{b: g.put(t|attr.FlagNested, in.b), off: attr.HeaderLen + in.off,
			path: append([]uint16{t}, in.path...), what: name + "/" + in.what}
	}
	// An array: valid elements around one that carries it.
	els, victim := 1+g.s.intn(3), 0
	victim = g.s.intn(els)
	var b []byte
	out := built{}
	for i := range els {
		idx := uint16(i + 1)
		if i == victim {
			in := g.level(r.Nested, depth+1, true, am)
			out.off = attr.HeaderLen + len(b) + attr.HeaderLen + in.off
			out.path = append([]uint16{t, idx}, in.path...)
			out.what = fmt.Sprintf("%s[%d]/%s", name, idx, in.what)
			b = append(b, g.put(idx|attr.FlagNested, in.b)...)
			continue
		}
		b = append(b, g.put(idx|attr.FlagNested, g.level(r.Nested, depth+1, false, am).b)...)
	}
	out.b = g.put(t|attr.FlagNested, b)
	return out
}

// unknown draws an attribute of a type p does not know: 0 or above its
// maximum.
func (g *builder) unknown(p *validate.Policy) built {
	t := 0
	if mt := maxType(p); mt < attr.TypeMask && g.s.intn(3) > 0 {
		t = mt + 1 + g.s.intn(min(attr.TypeMask-mt, 64))
		if g.s.intn(8) == 0 {
			t = attr.TypeMask
		}
	}
	return built{b: g.put(uint16(t), fill(4*g.s.intn(2), 0)), path: []uint16{uint16(t)},
		what: fmt.Sprintf("%d unknown type", t)}
}

// usable reports whether some payload satisfies r in every mode.
func usable(r *validate.Rule) bool {
	k := r.Kind
	switch r.Check {
	case validate.CheckNone:
	case validate.CheckRange, validate.CheckMin, validate.CheckMax:
		if !isUnsigned(k) && !isSigned(k) && !isBE(k) && k != validate.Binary {
			return false
		}
	case validate.CheckRangeWarnTooLong:
		if k != validate.Binary {
			return false
		}
	case validate.CheckMask:
		if k == validate.Msecs || (!isUnsigned(k) && !isBE(k)) {
			return false
		}
	default: // functions, and checks no kernel defines
		return false
	}
	switch {
	case k == validate.UInt || k == validate.SInt:
	case k == validate.Msecs:
		if r.Len > 1024 {
			return false
		}
	case isUnsigned(k) || isSigned(k) || isBE(k):
		if int(r.Len) > size(k) {
			return false // ModeStrictAttrs wants the size, Len wants more
		}
	}
	switch {
	case (isUnsigned(k) || isBE(k)) && r.Check == validate.CheckMask:
		return true
	case isUnsigned(k) || isBE(k):
		_, _, ok := unsignedBounds(r, valueSize(k))
		return ok
	case isSigned(k):
		_, _, ok := signedBounds(r, valueSize(k))
		return ok
	}
	switch k {
	case validate.String, validate.NulString, validate.Flag, validate.Nested, validate.NestedArray:
		return true
	case validate.Bitfield32:
		return uint32(r.Mask) != 0
	case validate.Binary:
		lo, hi := binaryRange(r)
		return lo <= hi
	}
	return false // Unspec (refused under ModeUnspec), Reject, unknown kinds
}

// valueSize is the widest payload of an integer kind: 8 bytes for
// NLA_UINT and NLA_SINT, which may also be 4.
func valueSize(k validate.Kind) int {
	if k == validate.UInt || k == validate.SInt {
		return 8
	}
	return size(k)
}

// unsignedBounds returns the values of n bytes that r accepts: its range
// clipped to what n bytes hold.
func unsignedBounds(r *validate.Rule, n int) (lo, hi uint64, ok bool) {
	lo, hi = r.UnsignedRange()
	hi = min(hi, intMax(n))
	return lo, hi, lo <= hi
}

// signedBounds returns the values of n bytes that r accepts.
func signedBounds(r *validate.Rule, n int) (lo, hi int64, ok bool) {
	lo, hi = r.SignedRange()
	lo, hi = max(lo, -1<<(8*n-1)), min(hi, 1<<(8*n-1)-1)
	return lo, hi, lo <= hi
}

func isBE(k validate.Kind) bool { return k == validate.BE16 || k == validate.BE32 }

// binaryRange returns the payload lengths a Binary rule accepts in every
// mode (kept well below an attribute's maximum).
func binaryRange(r *validate.Rule) (lo, hi uint64) {
	lo, hi = 0, 1024
	if r.Check != validate.CheckNone {
		clo, chi := r.UnsignedRange()
		lo, hi = clo, min(hi, chi)
	}
	if r.Len != 0 {
		hi = min(hi, uint64(r.Len))
	}
	return lo, hi
}

// intMax is the largest value of an integer kind's payload of n bytes.
func intMax(n int) uint64 {
	if n == 8 {
		return 1<<64 - 1
	}
	return 1<<(8*n) - 1
}

// encode writes the low n bytes of v as kind k stores them: big-endian
// for BE16 and BE32, the run's order otherwise.
func (g *builder) encode(k validate.Kind, v uint64, n int) []byte {
	if isBE(k) {
		b := make([]byte, 8)
		binary.BigEndian.PutUint64(b, v)
		return b[8-n:]
	}
	return g.uN(v, n)
}

// between draws a value in [lo, hi], favouring the bounds.
func (g *builder) between(lo, hi uint64) uint64 {
	switch g.s.intn(4) {
	case 0:
		return lo
	case 1:
		return hi
	}
	span := hi - lo
	if span >= 1<<30 {
		span = 1<<30 - 1
	}
	return lo + uint64(g.s.intn(int(span)+1))
}

// good draws a payload r accepts in every mode.
func (g *builder) good(r *validate.Rule, depth int) []byte {
	k := r.Kind
	switch {
	case isUnsigned(k) || isBE(k):
		n := size(k)
		if k == validate.UInt {
			n = 8
			if _, _, ok := unsignedBounds(r, 4); ok && g.s.intn(2) == 0 {
				n = 4
			}
		}
		var v uint64
		if r.Check == validate.CheckMask {
			v = uint64(g.s.intn(1<<16))<<16 | uint64(g.s.intn(1<<16))
			v = (v | v<<32) & r.Mask & intMax(n)
		} else {
			lo, hi, _ := unsignedBounds(r, n)
			v = g.between(lo, hi)
		}
		p := g.encode(k, v, n)
		if k == validate.Msecs && int(r.Len) > n {
			p = append(p, fill(int(r.Len)-n, 0)...)
		}
		return p
	case isSigned(k):
		n := size(k)
		if k == validate.SInt {
			n = 8
			if _, _, ok := signedBounds(r, 4); ok && g.s.intn(2) == 0 {
				n = 4
			}
		}
		lo, hi, _ := signedBounds(r, n)
		v := lo + int64(g.between(0, uint64(hi-lo))) // hi-lo wraps to the right span
		return g.uN(uint64(v), n)
	}
	switch k {
	case validate.String, validate.NulString:
		most := 8
		if r.Len != 0 {
			most = min(most, int(r.Len))
		}
		s := letters(g.s.intn(most + 1))
		if k == validate.NulString || len(s) == 0 || g.s.intn(2) == 0 {
			s = append(s, 0)
		}
		return s
	case validate.Flag:
		return nil
	case validate.Bitfield32:
		m := uint32(r.Mask)
		sel := m & uint32(g.s.intn(1<<16)<<16|g.s.intn(1<<16))
		if g.s.intn(2) == 0 {
			sel = m
		}
		val := sel & uint32(g.s.intn(1<<16)<<16|g.s.intn(1<<16))
		return cat(g.uN(uint64(val), 4), g.uN(uint64(sel), 4))
	case validate.Binary:
		lo, hi := binaryRange(r)
		return fill(int(g.between(lo, min(hi, lo+16))), 0x22)
	case validate.Nested:
		if r.Nested == nil || depth+1 >= g.maxDepth {
			return nil
		}
		return g.level(r.Nested, depth+1, false, g.mode).b
	case validate.NestedArray:
		if r.Nested == nil || depth+1 >= g.maxDepth {
			return nil
		}
		var b []byte
		for i := range g.s.intn(3) {
			b = append(b, g.put(uint16(i+1)|attr.FlagNested, g.level(r.Nested, depth+1, false, g.mode).b)...)
		}
		return b
	}
	return nil
}

func letters(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a' + byte(i%26)
	}
	return b
}

// hosts reports whether the violation can be placed in an attribute of
// rule r itself, validated in the parser's mode.
func (g *builder) hosts(r *validate.Rule, depth int) bool { return g.hostsIn(r, depth, g.mode) }

// hostsIn reports whether the violation can be placed in an attribute of
// rule r itself, validated in mode m.
func (g *builder) hostsIn(r *validate.Rule, depth int, m validate.Mode) bool {
	if !usable(r) {
		return false
	}
	k := r.Kind
	switch g.v {
	case Length:
		if k == validate.Binary {
			return r.Len != 0 && r.Len < 1024
		}
		return k != validate.String || r.Len < 1024
	case Range:
		return rangeHost(r)
	case Flag:
		return m&validate.ModeNested != 0
	case Nesting:
		return nestKind(k) && r.Nested != nil && depth+1 < validate.MaxDepth && m&validate.ModeTrailing != 0
	}
	return false
}

// badValue is a value of the right length that a rule's check refuses:
// an integer past a bound, a reserved bit, a Binary length past a bound,
// or a Bitfield32 selector bit. badRange turns it into a payload.
type badValue struct {
	v     uint64 // the value, bit or length (a signed value as its bits)
	bound uint64 // the bound v passes, for below and above
	n     int    // the integer's payload size
	above bool   // v is above bound, not below it
	bit   bool   // v is a reserved bit or selector bit
}

// rangeBad appends to out the values r's check refuses. It does not
// allocate when out has room for 64.
func rangeBad(r *validate.Rule, out []badValue) []badValue {
	k := r.Kind
	switch {
	case r.Check == validate.CheckMask && (isUnsigned(k) || isBE(k)):
		n := valueSize(k)
		for bit := range 8 * n {
			if r.Mask&(1<<bit) == 0 {
				out = append(out, badValue{v: 1 << bit, n: n, bit: true})
			}
		}
	case r.Check != validate.CheckNone && (isUnsigned(k) || isBE(k)):
		lo, hi := r.UnsignedRange()
		n := valueSize(k)
		size := func(v uint64) int { // a NLA_UINT takes 4 bytes where they hold it
			if k == validate.UInt && v <= intMax(4) {
				return 4
			}
			return n
		}
		if lo > 0 {
			out = append(out, badValue{v: lo - 1, bound: lo, n: size(lo - 1)})
		}
		if hi < intMax(n) {
			out = append(out, badValue{v: hi + 1, bound: hi, n: size(hi + 1), above: true})
		}
	case r.Check != validate.CheckNone && isSigned(k):
		lo, hi := r.SignedRange()
		n := valueSize(k)
		size := func(v int64) int { // a NLA_SINT takes 4 bytes where they hold it
			if k == validate.SInt && v >= -1<<31 && v <= 1<<31-1 {
				return 4
			}
			return n
		}
		if lo > -1<<(8*n-1) {
			out = append(out, badValue{v: uint64(lo - 1), bound: uint64(lo), n: size(lo - 1)})
		}
		if hi < 1<<(8*n-1)-1 {
			out = append(out, badValue{v: uint64(hi + 1), bound: uint64(hi), n: size(hi + 1), above: true})
		}
	case r.Check != validate.CheckNone && k == validate.Binary:
		lo, hi := r.UnsignedRange()
		if lo > 0 {
			out = append(out, badValue{v: lo - 1, bound: lo})
		}
		// Too long is only warned about in liberal mode under
		// CheckRangeWarnTooLong: not a violation in every mode.
		if hi < 1024 && (r.Len == 0 || hi+1 <= uint64(r.Len)) && r.Check != validate.CheckRangeWarnTooLong {
			out = append(out, badValue{v: hi + 1, bound: hi, above: true})
		}
	case k == validate.Bitfield32:
		for bit := range 32 {
			if uint32(r.Mask)&(1<<bit) == 0 {
				out = append(out, badValue{v: 1 << bit, bit: true})
			}
		}
	}
	return out
}

// rangeHost reports whether some value of the right length breaks r's
// check.
func rangeHost(r *validate.Rule) bool {
	var buf [64]badValue
	return len(rangeBad(r, buf[:0])) > 0
}

// badRange returns the payload of bv for rule r, and says what it is.
func (g *builder) badRange(r *validate.Rule, bv badValue) ([]byte, string) {
	k := r.Kind
	rel := "below"
	if bv.above {
		rel = "above"
	}
	switch {
	case k == validate.Bitfield32:
		return cat(g.uN(0, 4), g.uN(bv.v, 4)), fmt.Sprintf("selector bit %#x not allowed", bv.v)
	case k == validate.Binary:
		return fill(int(bv.v), 0x22), fmt.Sprintf("length %d %s %d", bv.v, rel, bv.bound)
	case bv.bit:
		return g.encode(k, bv.v, bv.n), fmt.Sprintf("reserved bit %#x", bv.v)
	case isSigned(k):
		return g.uN(bv.v, bv.n), fmt.Sprintf("value %d %s %d", int64(bv.v), rel, int64(bv.bound))
	}
	p := g.encode(k, bv.v, bv.n)
	if k == validate.Msecs && int(r.Len) > 8 {
		p = append(p, fill(int(r.Len)-8, 0)...)
	}
	return p, fmt.Sprintf("value %d %s %d", bv.v, rel, bv.bound)
}

// badPayload draws an attribute of type t and rule r that breaks the
// violation's rule in the parser's mode; off is 0, or the element's
// offset for Nesting in an array.
func (g *builder) badPayload(r *validate.Rule, t uint16, depth int) built {
	return g.badPayloadIn(r, t, depth, g.mode)
}

// badPayloadIn is badPayload for an attribute validated in mode m.
func (g *builder) badPayloadIn(r *validate.Rule, t uint16, depth int, m validate.Mode) built {
	k := r.Kind
	flags := nestFlag(r)
	switch g.v {
	case Length:
		p, what := g.badLength(r, m)
		return built{b: g.put(t|flags, p), what: what}
	case Range:
		var buf [64]badValue
		bs := rangeBad(r, buf[:0])
		p, what := g.badRange(r, bs[g.s.intn(len(bs))])
		return built{b: g.put(t, p), what: what}
	case Flag:
		what := "with NLA_F_NESTED"
		if flags != 0 {
			what = "without NLA_F_NESTED"
		}
		return built{b: g.put(t|(flags^attr.FlagNested), g.good(r, depth)), what: what}
	case Nesting:
		if k == validate.Nested {
			var in built
			if depth+1 < g.maxDepth {
				in = g.level(r.Nested, depth+1, false, m)
			}
			junk, what := g.junk(len(in.b) > 0) // 1 to 3 bytes alone: a nest too short
			return built{b: g.put(t|attr.FlagNested, cat(in.b, junk)), what: what}
		}
		// A nested array: one element holds the junk (a whole header,
		// so that the element is not merely too short).
		els := 1 + g.s.intn(3)
		victim := g.s.intn(els)
		var b []byte
		out := built{}
		for i := range els {
			idx := uint16(i + 1)
			var in []byte
			if depth+1 < g.maxDepth {
				in = g.level(r.Nested, depth+1, false, m).b
			}
			if i == victim {
				junk, what := g.junk(false)
				in = cat(in, junk)
				out.off = attr.HeaderLen + len(b)
				out.path = []uint16{idx}
				out.what = fmt.Sprintf("[%d] %s", idx, what)
			}
			b = append(b, g.put(idx|attr.FlagNested, in)...)
		}
		out.b = g.put(t|attr.FlagNested, b)
		return out
	}
	panic("fuzz: no payload for " + g.v.String())
}

// junk draws bytes that no attribute walk takes whole: 1 to 3 bytes
// (if short is allowed), or a header whose nla_len is below 4 or runs
// past the end.
func (g *builder) junk(short bool) ([]byte, string) {
	choice := g.s.intn(3)
	if !short && choice == 0 {
		choice = 1
	}
	switch choice {
	case 0:
		n := 1 + g.s.intn(3)
		return fill(n, 0), fmt.Sprintf("%d trailing bytes in the nest", n)
	case 1:
		n := g.s.intn(4)
		return g.rawHdr(uint16(n), 1, fill(4*g.s.intn(2), 0)), fmt.Sprintf("child nla_len %d in the nest", n)
	}
	extra := 4 * g.s.intn(2)
	n := attr.HeaderLen + extra + 1 + g.s.intn(16)
	return g.rawHdr(uint16(n), 1, fill(extra, 0)), fmt.Sprintf("child nla_len %d past the nest's end", n)
}

// badLength draws a payload of a length r refuses in mode m: an integer
// longer than its size only under ModeStrictAttrs.
func (g *builder) badLength(r *validate.Rule, m validate.Mode) ([]byte, string) {
	k := r.Kind
	pick := func(ls ...int) int { return ls[g.s.intn(len(ls))] }
	var n int
	switch {
	case k == validate.UInt || k == validate.SInt:
		n = pick(0, 1, 2, 3, 5, 6, 7, 9, 12)
	case k == validate.Msecs:
		ml := 8
		if r.Len != 0 {
			ml = int(r.Len)
		}
		n = g.s.intn(ml)
	case isUnsigned(k) || isSigned(k) || isBE(k):
		sz, ml := size(k), size(k)
		if r.Len != 0 {
			ml = int(r.Len) // the kernel's minimum: shorter fails in every mode
		}
		if m&validate.ModeStrictAttrs == 0 || g.s.intn(2) == 0 {
			n = g.s.intn(ml)
		} else {
			n = sz + 1 + g.s.intn(4)
		}
	case k == validate.Flag:
		n = 1 + g.s.intn(4)
	case k == validate.Bitfield32:
		n = pick(0, 4, 7, 9, 12)
	case k == validate.String && r.Len == 0:
		return nil, "empty string"
	case k == validate.String:
		s := letters(int(r.Len) + 1 + g.s.intn(3))
		if g.s.intn(2) == 0 {
			s = append(s, 0)
		}
		return s, fmt.Sprintf("string of %d bytes over %d", len(s), r.Len)
	case k == validate.NulString:
		s := letters(g.s.intn(9))
		return s, fmt.Sprintf("%d bytes without NUL", len(s))
	case k == validate.Binary:
		n = int(r.Len) + 1 + g.s.intn(4)
	case nestKind(k):
		n = 1 + g.s.intn(3)
	}
	return fill(n, 0x33), fmt.Sprintf("payload of %d bytes", n)
}

// uN encodes the low n bytes of v in the run's order.
func (g *builder) uN(v uint64, n int) []byte {
	b := make([]byte, 8)
	if g.bo == binary.ByteOrder(binary.LittleEndian) {
		binary.LittleEndian.PutUint64(b, v)
		return b[:n]
	}
	binary.BigEndian.PutUint64(b, v)
	return b[8-n:]
}

// put encodes one attribute in the run's order, padded. An attribute
// over 65535 bytes (which only Mutate's nests can reach) is not built:
// put notes it in tooLong and returns nothing.
func (g *builder) put(t uint16, p []byte) []byte {
	n := attr.HeaderLen + len(p)
	if n > attr.MaxLen {
		g.tooLong = true
		return nil
	}
	b := g.rawHdr(uint16(n), t, p)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// rawHdr encodes a header with any nla_len in the run's order, followed
// by p, unpadded.
func (g *builder) rawHdr(nlaLen, t uint16, p []byte) []byte {
	b := make([]byte, 4, 4+len(p)+3)
	g.bo.PutUint16(b, nlaLen)
	g.bo.PutUint16(b[2:], t)
	return append(b, p...)
}
