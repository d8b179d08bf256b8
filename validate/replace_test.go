package validate

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
)

// rssLikeDump is a policy dump shaped like ethtool's RSS_CREATE_ACT on
// Linux 6.18: policy 0 has INDIR (4) and HKEY (5), both
// NLA_POLICY_MIN(NLA_BINARY, 1), which the kernel dumps as a bare
// "binary", HFUNC (3), NLA_POLICY_MIN(NLA_U32, 1), dumped with its
// range, and INPUT_XFRM (6), a binary given a minimum length as
// NLA_POLICY_MIN_LEN's range form would dump it.
func rssLikeDump(t *testing.T) *PolicyDump {
	t.Helper()
	desc := func(typ uint16, r Rule) []byte {
		ap, ok := r.Describe()
		if !ok {
			t.Fatalf("%v: not described", r.Kind)
		}
		return host.nest(typ, ap.Append(nil, nlwire.Native))
	}
	policies := host.nest(ctrlAttrPolicy,
		host.nest(0,
			desc(3, Rule{Kind: U32, Check: CheckMin, Min: 1}),
			desc(4, Rule{Kind: Binary}),
			desc(5, Rule{Kind: Binary}),
			desc(6, Rule{Kind: Binary, Check: CheckRange, Min: 1, Max: 0xffff})))
	ops := host.nest(ctrlAttrOpPolicy, host.nest(49, host.a(ctrlAttrPolicyDo, host.u32(0))))
	d, err := ParsePolicyDump([][]byte{cat(host.a(ctrlAttrFamilyID, host.u16(0x14)), policies, ops)}, nlwire.Native)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestReplace: a rule whose check the dump cannot carry replaces the
// dumped one, and then decides as the kernel's entry does.
func TestReplace(t *testing.T) {
	d := rssLikeDump(t)
	p, _ := d.Op(49)
	if p == nil {
		t.Fatal("no policy for command 49")
	}
	empty := host.a(5, nil)
	one := host.a(5, n(1))
	if err := Validate(empty, p, ModeStrict); err != nil {
		t.Fatalf("before Replace, a bare binary takes an empty payload: %v", err)
	}
	minLen1 := Rule{Kind: Binary, Check: CheckMin, Min: 1}
	for _, typ := range []uint16{4, 5} {
		if err := d.Replace(p, typ, minLen1); err != nil {
			t.Fatalf("type %d: %v", typ, err)
		}
	}
	for _, tt := range []struct {
		name string
		req  []byte
		mode Mode
		want *result
	}{
		{"strict empty", empty, ModeStrict, fail(nlwire.ERANGE, MsgBinaryRange, 0, true, 5)},
		{"liberal empty", empty, ModeLiberal, fail(nlwire.ERANGE, MsgBinaryRange, 0, true, 5)},
		{"strict empty indir", host.a(4, nil), ModeStrict, fail(nlwire.ERANGE, MsgBinaryRange, 0, true, 4)},
		{"strict one byte", one, ModeStrict, nil},
	} {
		if diff := cmp.Diff(tt.want, resultOf(Validate(tt.req, p, tt.mode))); diff != "" {
			t.Errorf("%s, after Replace (-want +got)\n%s", tt.name, diff)
		}
	}
	// The dump's own descriptions stay as dumped.
	if got := d.Tables[0].Attrs[2].AttrPolicy; got.Present(PolicyAttrMinLength) {
		t.Errorf("Replace changed the dumped description: %+v", got)
	}
	// A rule that describes as the dumped one does (a full-range check)
	// may replace it too.
	if err := d.Replace(p, 3, Rule{Kind: U32, Check: CheckMin, Min: 1}); err != nil {
		t.Errorf("same rule: %v", err)
	}
}

// TestReplaceRefused: Replace refuses an entry the dump describes
// otherwise than the rule, or does not describe, and changes nothing
// then.
func TestReplaceRefused(t *testing.T) {
	d := rssLikeDump(t)
	p, _ := d.Op(49)
	before := append([]Rule(nil), p.Rules...)
	minLen1 := Rule{Kind: Binary, Check: CheckMin, Min: 1}
	for _, tt := range []struct {
		name  string
		p     *Policy
		typ   uint16
		r     Rule
		table int
		msg   string
	}{
		{"a policy not of the dump", &Policy{}, 5, minLen1, -1, "the policy is not one of the dump's"},
		{"a type the dump omits", p, 2, minLen1, 0, "the dump does not describe it"},
		{"type 0", p, 0, minLen1, 0, "the dump does not describe it"},
		{"a dump that carries the length", p, 6, minLen1, 0, "the dump describes it otherwise than the rule"},
		{"another kind", p, 5, Rule{Kind: String, Check: CheckMin, Min: 1}, 0, "the dump describes it otherwise than the rule"},
		{"a rule never described", p, 5, Rule{Kind: BE32}, 0, "the dump describes it otherwise than the rule"},
		{"a range the dump would show", p, 3, Rule{Kind: U32, Check: CheckMin, Min: 2}, 0, "the dump describes it otherwise than the rule"},
	} {
		err := d.Replace(tt.p, tt.typ, tt.r)
		var re *RestoreError
		if !errors.Is(err, ErrRestore) || !errors.As(err, &re) || re.Table != tt.table || re.Type != tt.typ || re.msg != tt.msg {
			t.Errorf("%s: %v (%+v)", tt.name, err, re)
		}
	}
	if diff := cmp.Diff(before, p.Rules, cmp.Comparer(func(a, b CheckFunc) bool { return (a == nil) == (b == nil) })); diff != "" {
		t.Errorf("a refused Replace changed the table (-before +after)\n%s", diff)
	}
}
