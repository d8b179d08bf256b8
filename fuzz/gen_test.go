package fuzz_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/fuzz"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/validate"
	"pgregory.net/rapid"
)

// every holds a rule of every kind and check the generator knows, nests
// that recurse, and rules no payload satisfies.
var every = everyPolicy()

func everyPolicy() *validate.Policy {
	every := new(validate.Policy)
	everyInner := validate.Policy{Rules: []validate.Rule{
		1: validate.Range(validate.U16, 1, 4094),
		2: {Kind: validate.NulString, Len: 15},
		3: validate.NestedPolicy(every),
		4: {Kind: validate.Reject, Msg: "no"},
	}}
	*every = validate.Policy{MaxType: 40, Rules: []validate.Rule{
		1:  {Kind: validate.U8},
		2:  validate.Range(validate.U16, 10, 20),
		3:  validate.Min(validate.U32, 7),
		4:  validate.FullRange(validate.U64, 1<<40, 1<<63),
		5:  validate.Mask(validate.U32, 0x8001),
		6:  validate.Range(validate.S8, -3, 3),
		7:  validate.Max(validate.S16, 100),
		8:  validate.FullRangeSigned(validate.S64, -1<<40, 1<<40),
		9:  validate.Range(validate.BE16, 1, 1000),
		10: validate.Mask(validate.BE32, 0xff00ff00),
		11: validate.FullRange(validate.UInt, 5, 1<<35),
		12: validate.FullRangeSigned(validate.SInt, -1<<33, 9),
		13: {Kind: validate.Msecs},
		14: {Kind: validate.String, Len: 8},
		15: {Kind: validate.String},
		16: {Kind: validate.NulString, Len: 4},
		17: {Kind: validate.NulString},
		18: {Kind: validate.Binary, Len: 16},
		19: validate.MinLen(3),
		20: validate.MaxLen(9),
		21: validate.ExactLen(6),
		22: validate.ExactLenWarn(4),
		23: {Kind: validate.Flag},
		24: validate.Bitfield32Policy(0x5),
		25: validate.NestedPolicy(&everyInner),
		26: validate.NestedArrayPolicy(&everyInner),
		27: {Kind: validate.Nested},
		28: {Kind: validate.Unspec, Len: 4},
		29: {Kind: validate.Reject},
		30: validate.ValidateFn(validate.U32, func([]byte) error { return errors.New("no") }),
		31: {Kind: validate.U32, Len: 8}, // unsatisfiable under ModeStrictAttrs
		32: validate.Mask(validate.UInt, 0x3),
		33: {Kind: validate.S32},
		34: {Kind: validate.BE16},
		35: validate.Bitfield32Policy(0xffffffff),
		36: validate.Range(validate.U8, 0, 255), // a range that refuses nothing
		37: validate.Mask(validate.U8, 0xff),
		38: validate.FullRange(validate.Msecs, 100, 200),
		39: {Kind: validate.UInt},
	}}
	return every
}

// policies returns the policies the generator is checked on: every, the
// route and generic netlink tables, and every table of two policy dumps
// recorded from the kernel (ethtool's 58 and nlctrl's).
func policies(t testing.TB) map[string]*validate.Policy {
	ps := map[string]*validate.Policy{
		"every":          every,
		"route.Link":     &route.LinkPolicy,
		"route.LinkInfo": &route.LinkInfoPolicy,
		"route.Veth":     &route.VethPolicy,
		"route.XDP":      &route.XDPPolicy,
		"route.Addr":     &route.AddrPolicy,
		"route.Addr6":    &route.Addr6Policy,
		"route.Route":    &route.RoutePolicy,
		"route.Route6":   &route.Route6Policy,
		"route.Neigh":    &route.NeighPolicy,
		"genl.Family":    &genl.FamilyPolicy,
		"genl.Policy":    &genl.PolicyPolicy,
	}
	for _, name := range []string{"ethtool", "nlctrl"} {
		d, err := validate.ParsePolicyDump(testenv.ReadPolicyDump(t, "../validate/testdata/policydump-"+name+".hex"), nlwire.LittleEndian)
		if err != nil {
			t.Fatal(err)
		}
		for i := range d.Tables {
			ps[fmt.Sprintf("%s[%d]", name, i)] = &d.Tables[i].Policy
		}
	}
	return ps
}

// messages lists the extended ACK messages each violation may draw.
var messages = map[fuzz.Violation][]string{
	fuzz.Length:  {validate.MsgInvalidLength, validate.MsgFailed},
	fuzz.Range:   {validate.MsgOutOfRange, validate.MsgBinaryRange, validate.MsgReservedBit, validate.MsgFailed},
	fuzz.Type:    {validate.MsgUnknownType},
	fuzz.Flag:    {validate.MsgNestedMissing, validate.MsgNestedUnwanted},
	fuzz.Nesting: {validate.MsgLeftover},
}

// milder is the mildest mode that must reject each violation.
var milder = map[fuzz.Violation]validate.Mode{
	fuzz.Range:   validate.ModeLiberal,
	fuzz.Type:    validate.ModeMaxType,
	fuzz.Flag:    validate.ModeNested,
	fuzz.Nesting: validate.ModeTrailing,
}

// checkRun returns what is wrong with a run made for p: package validate,
// checked against the kernel, must accept a valid run in every mode and
// reject the others under ModeStrict at the offset and path the run
// names, with a message of the violation's kind.
func checkRun(p *validate.Policy, want fuzz.Violation, possible bool, run fuzz.Run) string {
	return checkRunOrder(p, want, possible, run, nlwire.Native)
}

// checkRunOrder is checkRun for a run in byte order o.
func checkRunOrder(p *validate.Policy, want fuzz.Violation, possible bool, run fuzz.Run, o nlwire.Order) string {
	return checkRunMode(p, want, possible, run, o, validate.ModeStrict)
}

// checkRunMode is checkRunOrder for a run made for a parser in mode m: a
// run that claims a violation must be rejected in mode m, where it says.
func checkRunMode(p *validate.Policy, want fuzz.Violation, possible bool, run fuzz.Run, o nlwire.Order, m validate.Mode) string {
	opts := validate.Options{Order: o}
	if !possible {
		want = fuzz.Valid
	}
	if run.Violation != want {
		return fmt.Sprintf("run says %v, want %v", run.Violation, want)
	}
	err := opts.Validate(run.Attrs, p, m)
	if want == fuzz.Valid {
		if err != nil || run.Offset != -1 || run.Path != nil {
			return fmt.Sprintf("valid run rejected: %v (offset %d, path %v)", err, run.Offset, run.Path)
		}
		for _, every := range []validate.Mode{validate.ModeLiberal, validate.ModeStrict} {
			if err := opts.Validate(run.Attrs, p, every); err != nil {
				return fmt.Sprintf("valid run rejected in %v: %v", every, err)
			}
		}
		return ""
	}
	var ve *validate.Error
	if !errors.As(err, &ve) {
		return fmt.Sprintf("%s: accepted (%v)", run.What, err)
	}
	if !slices.Contains(messages[want], ve.Msg) {
		return fmt.Sprintf("%s: message %q", run.What, ve.Msg)
	}
	if want == fuzz.Nesting {
		if ve.HasOffset {
			return fmt.Sprintf("%s: the kernel sends no offset for leftover bytes, validate gave %d", run.What, ve.Offset)
		}
	} else if !ve.HasOffset || ve.Offset != run.Offset {
		return fmt.Sprintf("%s: rejected at offset %d (%v), run says %d", run.What, ve.Offset, ve.HasOffset, run.Offset)
	}
	if diff := cmp.Diff(run.Path, ve.Path); diff != "" {
		return fmt.Sprintf("%s: path (-run +validate)\n%s", run.What, diff)
	}
	if mild, ok := milder[want]; ok && m == validate.ModeStrict && opts.Validate(run.Attrs, p, mild) == nil {
		return fmt.Sprintf("%s: accepted under %v", run.What, mild)
	}
	return ""
}

// TestGeneratorAgreesWithValidate draws runs of every violation for
// every policy and checks them against package validate.
func TestGeneratorAgreesWithValidate(t *testing.T) {
	ps := policies(t)
	r := rand.New(rand.NewPCG(7, 8))
	placed := map[fuzz.Violation]int{}
	for name, p := range ps {
		for v := fuzz.Valid; v <= fuzz.Nesting; v++ {
			g := fuzz.Generator{Policy: p, Violation: v}
			possible := g.Possible()
			for i := range 150 {
				run := g.Random(r)
				if msg := checkRun(p, v, possible, run); msg != "" {
					t.Fatalf("%s, %v, run %d: %s\n% x", name, v, i, msg, run.Attrs)
				}
				if run.Violation == v {
					placed[v]++
				}
			}
		}
	}
	t.Logf("%d policies; runs per violation: %v", len(ps), placed)
}

// TestGeneratorRapid checks the same with rapid's generator, which
// shrinks a failing run.
func TestGeneratorRapid(t *testing.T) {
	for v := fuzz.Valid; v <= fuzz.Nesting; v++ {
		t.Run(v.String(), func(t *testing.T) {
			g := fuzz.Generator{Policy: every, Violation: v, MaxDepth: 4}
			rapid.Check(t, func(rt *rapid.T) {
				run := g.Rapid().Draw(rt, "run")
				if msg := checkRun(every, v, true, run); msg != "" {
					rt.Fatal(msg)
				}
			})
		})
	}
}

// TestGeneratorCoverage checks that the runs reach every rule that can
// host each violation, at the top level and inside nests, and every
// violation's every message.
func TestGeneratorCoverage(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for v := fuzz.Length; v <= fuzz.Nesting; v++ {
		top := map[uint16]bool{}
		msgs := map[string]bool{}
		deep := 0
		g := fuzz.Generator{Policy: every, Violation: v}
		for range 5000 {
			run := g.Random(r)
			top[run.Path[0]] = true
			if len(run.Path) > 1 {
				deep++
			}
			var ve *validate.Error
			if errors.As(validate.Validate(run.Attrs, every, validate.ModeStrict), &ve) {
				msgs[ve.Msg] = true
			}
		}
		want := map[fuzz.Violation][]uint16{
			fuzz.Length:  {1, 2, 3, 4, 5, 6, 9, 11, 12, 13, 14, 16, 17, 18, 23, 24, 25, 26, 27, 32, 39},
			fuzz.Range:   {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 21, 22, 24, 32, 38},
			fuzz.Type:    {0, 41, 25, 26},
			fuzz.Flag:    {1, 13, 15, 23, 24, 25, 26, 27},
			fuzz.Nesting: {25, 26},
		}[v]
		for _, typ := range want {
			if !top[typ] {
				t.Errorf("%v: never placed under type %d", v, typ)
			}
		}
		for _, typ := range []uint16{28, 29, 30, 31} {
			if top[typ] {
				t.Errorf("%v: placed under type %d, whose rule nothing satisfies", v, typ)
			}
		}
		if deep == 0 {
			t.Errorf("%v: never placed inside a nest", v)
		}
		for _, m := range messages[v] {
			if !msgs[m] {
				t.Errorf("%v: never drew %q", v, m)
			}
		}
	}
}

// TestGeneratorImpossible: a policy with no place for a violation gives
// valid runs that say so.
func TestGeneratorImpossible(t *testing.T) {
	p := validate.Policy{Rules: []validate.Rule{1: {Kind: validate.U32}, 2: {Kind: validate.String}}}
	for _, v := range []fuzz.Violation{fuzz.Range, fuzz.Nesting} {
		g := fuzz.Generator{Policy: &p, Violation: v}
		if g.Possible() {
			t.Errorf("%v possible", v)
		}
		run := g.Random(rand.New(rand.NewPCG(1, 2)))
		if run.Violation != fuzz.Valid || validate.Validate(run.Attrs, &p, validate.ModeStrict) != nil {
			t.Errorf("%v: %+v", v, run)
		}
	}
	for _, v := range []fuzz.Violation{fuzz.Valid, fuzz.Length, fuzz.Type, fuzz.Flag} {
		if !(fuzz.Generator{Policy: &p, Violation: v}).Possible() {
			t.Errorf("%v impossible", v)
		}
	}
	if (fuzz.Generator{Policy: &p, Violation: 99}).Possible() {
		t.Error("violation 99 possible")
	}
}

// TestGeneratorFromBytes: the same input gives the same run, any input
// gives a well-formed one, and the run stays within its attributes.
func TestGeneratorFromBytes(t *testing.T) {
	g := fuzz.Generator{Policy: &route.LinkPolicy, Violation: fuzz.Range}
	in := []byte("steer the generator with these bytes")
	a, b := g.FromBytes(in), g.FromBytes(in)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("not deterministic:\n%s", diff)
	}
	if msg := checkRun(&route.LinkPolicy, fuzz.Range, true, g.FromBytes(nil)); msg != "" {
		t.Fatal(msg)
	}
	d := attr.NewDecoder(a.Attrs)
	n := 0
	for d.Next() {
		n++
	}
	if err := d.Err(); err != nil || n == 0 {
		t.Fatalf("%d attributes, %v", n, err)
	}
}

// FuzzGenerator lets the fuzzer steer the byte-driven generator over all
// the policies and violations: every run must hold to checkRun.
func FuzzGenerator(f *testing.F) {
	ps := policies(f)
	names := slices.Sorted(maps.Keys(ps))
	f.Add(uint16(0), uint8(2), []byte{})
	f.Add(uint16(1), uint8(5), []byte("\x01\x02\x03\x04\x05\x06"))
	f.Fuzz(func(t *testing.T, which uint16, v uint8, choices []byte) {
		p := ps[names[int(which)%len(names)]]
		m := modes[int(v/30)%len(modes)]
		g := fuzz.Generator{Policy: p, Violation: fuzz.Violation(v % 6), MaxDepth: 1 + int(v/6)%5}.WithMode(m)
		if msg := checkRunMode(p, g.Violation, g.Possible(), g.FromBytes(choices), nlwire.Native, m); msg != "" {
			t.Fatalf("%v: %s", m, msg)
		}
	})
}

// TestMutate mutates valid runs of every policy with every violation:
// each mutated run must break its policy as it says, where it says, and
// a run left unchanged must say so.
func TestMutate(t *testing.T) {
	ps := policies(t)
	r := rand.New(rand.NewPCG(3, 4))
	choices := make([]byte, 64)
	mutated := map[fuzz.Violation]int{}
	for name, p := range ps {
		valid := fuzz.Generator{Policy: p, MaxDepth: 4}
		for v := fuzz.Length; v <= fuzz.Nesting; v++ {
			g := fuzz.Generator{Policy: p, Violation: v}
			for i := range 60 {
				base := valid.Random(r)
				for k := range choices {
					choices[k] = byte(r.Uint32())
				}
				run := g.Mutate(base.Attrs, choices)
				if run.Violation == fuzz.Valid {
					if diff := cmp.Diff(base.Attrs, run.Attrs); diff != "" {
						t.Fatalf("%s, %v, run %d: unmutated run changed:\n%s", name, v, i, diff)
					}
					continue
				}
				mutated[v]++
				if msg := checkRun(p, v, true, run); msg != "" {
					t.Fatalf("%s, %v, run %d: %s\nbase % x\nmutated % x", name, v, i, msg, base.Attrs, run.Attrs)
				}
			}
		}
	}
	t.Logf("mutated runs per violation: %v", mutated)
	for v := fuzz.Length; v <= fuzz.Nesting; v++ {
		if mutated[v] < 500 {
			t.Errorf("%v: only %d runs mutated", v, mutated[v])
		}
	}
}

// TestMutateRequest mutates the attributes of a real request, the
// ETHTOOL_MSG_LINKINFO_GET that "ethtool lo" sends (a header nest with
// the device name and flags), against the policy the kernel dumped for
// it, and checks every violation lands where it says, at both depths.
func TestMutateRequest(t *testing.T) {
	d, err := validate.ParsePolicyDump(testenv.ReadPolicyDump(t, "../validate/testdata/policydump-ethtool.hex"), nlwire.LittleEndian)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := d.Op(2) // ETHTOOL_MSG_LINKINFO_GET
	if p == nil {
		t.Fatal("no LINKINFO_GET policy in the dump")
	}
	e := attr.NewEncoder(nil)
	hdr := e.Begin(1) // ETHTOOL_A_LINKINFO_HEADER
	e.String(2, "lo") // ETHTOOL_A_HEADER_DEV_NAME
	e.Uint32(3, 1)    // ETHTOOL_A_HEADER_FLAGS: ETHTOOL_FLAG_COMPACT_BITSETS
	e.End(hdr)
	req, err := e.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if err := validate.Validate(req, p, validate.ModeStrict); err != nil {
		t.Fatalf("the request itself: %v", err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for v := fuzz.Length; v <= fuzz.Nesting; v++ {
		g := fuzz.Generator{Policy: p, Violation: v}
		depths := map[int]bool{}
		for range 300 {
			choices := []byte{byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32())}
			run := g.Mutate(req, choices)
			if msg := checkRun(p, v, true, run); msg != "" {
				t.Fatalf("%v: %s\n% x", v, msg, run.Attrs)
			}
			depths[len(run.Path)] = true
		}
		want := []int{1, 2}
		switch v {
		case fuzz.Range:
			want = []int{2} // only the flags have a check
		case fuzz.Nesting:
			want = []int{1} // the header is the only nest
		}
		for _, n := range want {
			if !depths[n] {
				t.Errorf("%v: never mutated at depth %d (%v)", v, n, depths)
			}
		}
	}
}

// FuzzMutate mutates runs the fuzzer steers, valid ones (whose claims
// must hold) and raw bytes (which must not upset it), for every policy.
func FuzzMutate(f *testing.F) {
	ps := policies(f)
	names := slices.Sorted(maps.Keys(ps))
	f.Add(uint16(1), uint8(1), []byte("\x02\x05\x07"), []byte{1, 2, 3})
	f.Add(uint16(7), uint8(5), []byte{}, []byte{})
	f.Fuzz(func(t *testing.T, which uint16, v uint8, in, choices []byte) {
		p := ps[names[int(which)%len(names)]]
		m := modes[int(v/6)%len(modes)]
		g := fuzz.Generator{Policy: p, Violation: fuzz.Violation(v % 6)}.WithMode(m)
		base := fuzz.Generator{Policy: p, MaxDepth: 4}.FromBytes(in)
		run := g.Mutate(base.Attrs, choices)
		if run.Violation == fuzz.Valid {
			if string(run.Attrs) != string(base.Attrs) {
				t.Fatal("unmutated run changed")
			}
		} else if msg := checkRunMode(p, g.Violation, true, run, nlwire.Native, m); msg != "" {
			t.Fatalf("%v: %s\nbase % x\nmutated % x", m, msg, base.Attrs, run.Attrs)
		}
		// Raw bytes: no panic, and a walk of the result stays in bounds.
		raw := g.Mutate(in, choices)
		d := attr.NewDecoder(raw.Attrs).Lenient()
		for d.Next() {
		}
	})
}

// TestGeneratorEdgePolicies covers policies at the edges of what a
// kernel policy can say: ranges wider than their kind, integers with a
// Len, types above 0x3fff, a nil policy.
func TestGeneratorEdgePolicies(t *testing.T) {
	high := validate.Policy{Rules: make([]validate.Rule, 0x4002)}
	high.Rules[0x4001] = validate.Range(validate.U32, 1, 5) // a type no attribute can carry
	high.Rules[7] = validate.Range(validate.U32, 1, 5)
	for name, p := range map[string]*validate.Policy{
		"signed range below its kind": {Rules: []validate.Rule{1: validate.Range(validate.S8, -200, 0)}},
		"signed range above its kind": {Rules: []validate.Rule{1: validate.Range(validate.S8, 200, 300), 2: {Kind: validate.U8}}},
		"S16 wider than its kind":     {Rules: []validate.Rule{1: validate.Range(validate.S16, -40000, 5)}},
		"U8 range above its kind":     {Rules: []validate.Rule{1: validate.Range(validate.U8, 300, 400), 2: {Kind: validate.Flag}}},
		"negative unsigned bounds":    {Rules: []validate.Rule{1: {Kind: validate.U16, Check: validate.CheckRange, Min: -129, Max: -1}, 2: {Kind: validate.U8}}},
		"integer with a shorter Len":  {Rules: []validate.Rule{1: {Kind: validate.U32, Len: 2}}},
		"msecs with a longer Len":     {Rules: []validate.Rule{1: {Kind: validate.Msecs, Len: 12}, 2: validate.FullRange(validate.Msecs, 5, 9)}},
		"UINT beyond 32 bits":         {Rules: []validate.Rule{1: validate.FullRange(validate.UInt, 1<<33, 1<<34)}},
		"SINT beyond 32 bits":         {Rules: []validate.Rule{1: validate.FullRangeSigned(validate.SInt, -1<<40, -1<<35)}},
		"types above 0x3fff":          &high,
		"nil":                         nil,
	} {
		r := rand.New(rand.NewPCG(11, 12))
		for v := fuzz.Valid; v <= fuzz.Nesting; v++ {
			g := fuzz.Generator{Policy: p, Violation: v}
			possible := g.Possible()
			q := p
			if q == nil {
				q = &validate.Policy{}
			}
			for i := range 200 {
				run := g.Random(r)
				if msg := checkRun(q, v, possible, run); msg != "" {
					t.Fatalf("%s, %v, run %d: %s\n% x", name, v, i, msg, run.Attrs)
				}
				if run.Violation != fuzz.Length || len(run.Path) != 1 || run.Path[0] != 1 || name != "integer with a shorter Len" {
					continue
				}
				// Too short for Len fails in every mode, as documented.
				if binary.NativeEndian.Uint16(run.Attrs[run.Offset:]) < 8 && validate.Validate(run.Attrs, q, validate.ModeLiberal) == nil {
					t.Fatalf("%s: %s accepted in liberal mode", name, run.What)
				}
			}
		}
	}
}

// TestMutateEdges: junk after an unpadded last attribute still lands in
// the nest, and a nest that would outgrow 65535 bytes is left alone.
func TestMutateEdges(t *testing.T) {
	inner := validate.Policy{Rules: []validate.Rule{1: {Kind: validate.U8}, 2: {Kind: validate.Binary}}}
	p := validate.Policy{Rules: []validate.Rule{1: validate.NestedPolicy(&inner)}}
	unpadded := []byte{0x09, 0x00, 0x01, 0x80, 0x05, 0x00, 0x01, 0x00, 0x07, 0x00, 0x00, 0x00}
	le := nlwire.LittleEndian // the bytes below are little-endian
	g := fuzz.Generator{Policy: &p, Violation: fuzz.Nesting, Order: le}
	for c := range 16 {
		run := g.Mutate(unpadded, []byte{byte(c), byte(c * 7), byte(c * 13)})
		if msg := checkRunOrder(&p, fuzz.Nesting, true, run, le); msg != "" {
			t.Fatalf("choices %d: %s\n% x", c, msg, run.Attrs)
		}
	}
	big := make([]byte, 65532)
	copy(big, []byte{0xfc, 0xff, 0x01, 0x80, 0xf8, 0xff, 0x02, 0x00})
	if err := (validate.Options{Order: le}).Validate(big, &p, validate.ModeStrict); err != nil {
		t.Fatal(err)
	}
	for _, v := range []fuzz.Violation{fuzz.Type, fuzz.Nesting, fuzz.Flag} {
		g := fuzz.Generator{Policy: &p, Violation: v, Order: le}
		for c := range 8 {
			run := g.Mutate(big, []byte{byte(c)})
			if run.Violation == fuzz.Valid {
				if string(run.Attrs) != string(big) {
					t.Fatalf("%v: an unmutated run changed", v)
				}
				continue
			}
			if msg := checkRunOrder(&p, v, true, run, le); msg != "" {
				t.Fatalf("%v, choices %d: %s", v, c, msg)
			}
		}
	}
}

// TestGeneratorOrders builds runs for the other byte orders: validate
// reading in that order must agree with each run's claim, for the
// generator and the mutator.
func TestGeneratorOrders(t *testing.T) {
	ps := policies(t)
	r := rand.New(rand.NewPCG(9, 10))
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		for _, name := range []string{"every", "route.Link", "genl.Family", "ethtool[0]", "ethtool[7]"} {
			p := ps[name]
			valid := fuzz.Generator{Policy: p, Order: o}
			for v := fuzz.Valid; v <= fuzz.Nesting; v++ {
				g := fuzz.Generator{Policy: p, Violation: v, Order: o}
				possible := g.Possible()
				for i := range 100 {
					run := g.Random(r)
					if msg := checkRunOrder(p, v, possible, run, o); msg != "" {
						t.Fatalf("%v %s, %v, run %d: %s\n% x", o, name, v, i, msg, run.Attrs)
					}
					m := g.Mutate(valid.Random(r).Attrs, []byte{byte(i), byte(i >> 3), byte(i * 5)})
					if m.Violation == fuzz.Valid {
						continue
					}
					if msg := checkRunOrder(p, v, true, m, o); msg != "" {
						t.Fatalf("%v %s, %v, mutated %d: %s\n% x", o, name, v, i, msg, m.Attrs)
					}
				}
			}
		}
	}
	// The two orders differ where they should: the headers.
	a := fuzz.Generator{Policy: every, Order: nlwire.LittleEndian}.FromBytes([]byte{3, 1, 2})
	b := fuzz.Generator{Policy: every, Order: nlwire.BigEndian}.FromBytes([]byte{3, 1, 2})
	if len(a.Attrs) != len(b.Attrs) || len(a.Attrs) == 0 || a.Attrs[0] != b.Attrs[1] || a.Attrs[1] != b.Attrs[0] {
		t.Fatalf("little % x, big % x", a.Attrs, b.Attrs)
	}
}

// modes are the parser modes the generator is checked for: the strict
// default first, the liberal mode of most user-space parsers and of
// rtnetlink's deprecated parsers, rtnetlink's deprecated strict mode, and
// two others that take some strict checks and not others.
var modes = []validate.Mode{
	validate.ModeStrict,
	validate.ModeLiberal,
	validate.ModeDeprecatedStrict,
	validate.ModeStrictAttrs | validate.ModeNested,
	validate.ModeTrailing | validate.ModeUnspec,
}

// strictFrom is a policy validated strictly from type 3 on, as
// rtnetlink's link and XDP policies are from their StrictStartType: for
// a liberal parser, the strict-only violations have places only there.
var strictFrom = strictFromPolicy()

func strictFromPolicy() *validate.Policy {
	inner := validate.Policy{Rules: []validate.Rule{
		1: {Kind: validate.U32},
		2: {Kind: validate.String, Len: 8},
	}}
	return &validate.Policy{StrictStartType: 3, Rules: []validate.Rule{
		1: {Kind: validate.U16},
		2: validate.NestedPolicy(&inner),
		3: {Kind: validate.U32},
		4: validate.NestedPolicy(&inner),
		5: validate.NestedArrayPolicy(&inner),
		6: {Kind: validate.Flag},
	}}
}

// TestGeneratorModes draws runs for parsers of each mode: every run that
// claims a violation must be rejected by validate in that mode, where it
// says, and a valid one accepted in every mode. Strict-only violations
// have no place in a policy without StrictStartType for a mode that lacks
// their check.
func TestGeneratorModes(t *testing.T) {
	ps := policies(t)
	ps["strictFrom"] = strictFrom
	r := rand.New(rand.NewPCG(13, 14))
	placed := map[validate.Mode]map[fuzz.Violation]int{}
	for _, m := range modes {
		placed[m] = map[fuzz.Violation]int{}
		for _, name := range slices.Sorted(maps.Keys(ps)) {
			p := ps[name]
			for v := fuzz.Valid; v <= fuzz.Nesting; v++ {
				g := fuzz.Generator{Policy: p, Violation: v}.WithMode(m)
				if g.Mode() != m {
					t.Fatalf("WithMode(%v).Mode() = %v", m, g.Mode())
				}
				possible := g.Possible()
				if want := map[fuzz.Violation]validate.Mode{fuzz.Type: validate.ModeMaxType, fuzz.Flag: validate.ModeNested, fuzz.Nesting: validate.ModeTrailing}[v]; want != 0 &&
					m&want == 0 && p.StrictStartType == 0 && possible {
					t.Errorf("%s: %v possible for a parser in %v", name, v, m)
				}
				for i := range 40 {
					run := g.Random(r)
					if msg := checkRunMode(p, v, possible, run, nlwire.Native, m); msg != "" {
						t.Fatalf("%v, %s, %v, run %d: %s\n% x", m, name, v, i, msg, run.Attrs)
					}
					if run.Violation == v {
						placed[m][v]++
					}
				}
			}
		}
	}
	t.Logf("runs per mode and violation: %v", placed)
	if g := (fuzz.Generator{}); g.Mode() != validate.ModeStrict {
		t.Errorf("the zero Generator's Mode() = %v, want strict", g.Mode())
	}
}

// TestGeneratorLiberal: for a liberal parser, the Length runs of a
// policy without StrictStartType are all too short (the over-long
// integers half the strict runs hold would be false misses), and a
// policy with one gets the strict-only violations from it on, and only
// there.
func TestGeneratorLiberal(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	g := fuzz.Generator{Policy: every, Violation: fuzz.Length}.WithMode(validate.ModeLiberal)
	long := 0
	for range 3000 {
		run := g.Random(r)
		if err := validate.Validate(run.Attrs, every, validate.ModeLiberal); err == nil {
			t.Fatalf("%s: accepted in liberal mode", run.What)
		}
		if strict := (fuzz.Generator{Policy: every, Violation: fuzz.Length}).Random(r); validate.Validate(strict.Attrs, every, validate.ModeLiberal) == nil {
			long++ // a strict-only violation: what a liberal parser rightly accepts
		}
	}
	if long == 0 {
		t.Error("no strict Length run was accepted in liberal mode: the test shows nothing")
	}

	for v, wantTop := range map[fuzz.Violation][]uint16{
		fuzz.Length:  {1, 2, 3, 4, 5, 6},
		fuzz.Range:   nil,
		fuzz.Type:    {4, 5},
		fuzz.Flag:    {3, 4, 5, 6},
		fuzz.Nesting: {4, 5},
	} {
		g := fuzz.Generator{Policy: strictFrom, Violation: v}.WithMode(validate.ModeLiberal)
		if g.Possible() != (wantTop != nil) {
			t.Errorf("%v: Possible() = %v", v, g.Possible())
		}
		top := map[uint16]bool{}
		overLong := false
		for range 2000 {
			run := g.Random(r)
			if msg := checkRunMode(strictFrom, v, wantTop != nil, run, nlwire.Native, validate.ModeLiberal); msg != "" {
				t.Fatalf("%v: %s\n% x", v, msg, run.Attrs)
			}
			if run.Violation == fuzz.Valid {
				continue
			}
			top[run.Path[0]] = true
			var ve *validate.Error
			if errors.As(validate.Validate(run.Attrs, strictFrom, validate.ModeLiberal), &ve) && ve.Msg == validate.MsgInvalidLength {
				overLong = true
				if run.Path[0] < strictFrom.StrictStartType {
					t.Errorf("%s: over-long below StrictStartType", run.What)
				}
			}
		}
		if diff := cmp.Diff(wantTop, slices.Sorted(maps.Keys(top))); diff != "" {
			t.Errorf("%v: top-level types (-want +got):\n%s", v, diff)
		}
		if v == fuzz.Length && !overLong {
			t.Error("Length: never an over-long integer from StrictStartType on")
		}
	}
}

// TestMutateModes mutates valid runs for parsers of each mode: a mutated
// run must be rejected in that mode where it says; Mutate keeps to the
// mode alone, so a violation the mode never rejects leaves the run as it
// was.
func TestMutateModes(t *testing.T) {
	ps := policies(t)
	ps["strictFrom"] = strictFrom
	r := rand.New(rand.NewPCG(17, 18))
	choices := make([]byte, 16)
	for _, m := range modes[1:] {
		expect, mutated := map[fuzz.Violation]bool{}, map[fuzz.Violation]int{}
		for _, name := range []string{"every", "strictFrom", "route.Link", "route.XDP", "ethtool[0]", "nlctrl[0]"} {
			p := ps[name]
			valid := fuzz.Generator{Policy: p, MaxDepth: 4}
			for v := fuzz.Length; v <= fuzz.Nesting; v++ {
				g := fuzz.Generator{Policy: p, Violation: v}.WithMode(m)
				never := v == fuzz.Type && m&validate.ModeMaxType == 0 ||
					v == fuzz.Flag && m&validate.ModeNested == 0 ||
					v == fuzz.Nesting && m&validate.ModeTrailing == 0
				if !never {
					expect[v] = true
				}
				for i := range 40 {
					base := valid.Random(r)
					for k := range choices {
						choices[k] = byte(r.Uint32())
					}
					run := g.Mutate(base.Attrs, choices)
					if run.Violation == fuzz.Valid {
						if diff := cmp.Diff(base.Attrs, run.Attrs); diff != "" {
							t.Fatalf("%v, %s, %v, run %d: unmutated run changed:\n%s", m, name, v, i, diff)
						}
						continue
					}
					if never {
						t.Fatalf("%v, %s: %v placed (%s)", m, name, v, run.What)
					}
					mutated[v]++
					if msg := checkRunMode(p, v, true, run, nlwire.Native, m); msg != "" {
						t.Fatalf("%v, %s, %v, run %d: %s\nbase % x\nmutated % x", m, name, v, i, msg, base.Attrs, run.Attrs)
					}
				}
			}
		}
		for v := range expect {
			if mutated[v] == 0 {
				t.Errorf("%v: %v never mutated", m, v)
			}
		}
	}
}
