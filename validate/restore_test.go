package validate

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
)

// mptcpLikeDump is a policy dump shaped like mptcp_pm's on Linux 6.18: an
// address nest (policy 1, maximum type 7) that two operations' policies
// (0 and 2) share, whose type 3 (MPTCP_PM_ADDR_ATTR_ADDR4, an NLA_BE32)
// the dump omits.
func mptcpLikeDump(t *testing.T) *PolicyDump {
	t.Helper()
	desc := func(typ uint16, r Rule, idx, maxType uint32) []byte {
		ap, ok := r.Describe()
		if !ok {
			t.Fatalf("%v: not described", r.Kind)
		}
		if r.Kind == Nested {
			ap.Has |= 1<<PolicyAttrPolicyIdx | 1<<PolicyAttrPolicyMaxType
			ap.PolicyIdx, ap.PolicyMaxType = idx, maxType
		}
		return host.nest(typ, ap.Append(nil, nlwire.Native))
	}
	addr := &Policy{}
	policies := host.nest(ctrlAttrPolicy,
		host.nest(0, desc(1, NestedPolicy(addr), 1, 7), desc(4, Rule{Kind: U32}, 0, 0)),
		host.nest(1,
			desc(1, Rule{Kind: U16}, 0, 0), desc(2, Rule{Kind: U8}, 0, 0),
			desc(4, ExactLen(16), 0, 0), desc(5, Rule{Kind: U16}, 0, 0),
			desc(6, Rule{Kind: U32}, 0, 0), desc(7, Rule{Kind: S32}, 0, 0)),
		host.nest(2, desc(1, NestedPolicy(addr), 1, 7)))
	ops := host.nest(ctrlAttrOpPolicy,
		host.nest(1, host.a(ctrlAttrPolicyDo, host.u32(2))),
		host.nest(3, host.a(ctrlAttrPolicyDo, host.u32(0)), host.a(ctrlAttrPolicyDump, host.u32(0))))
	d, err := ParsePolicyDump([][]byte{cat(host.a(ctrlAttrFamilyID, host.u16(0x1c)), policies, ops)}, nlwire.Native)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRestore: an entry restored in a nested table changes what every
// policy nesting that table decides, as the kernel's own entry would.
func TestRestore(t *testing.T) {
	d := mptcpLikeDump(t)
	get, _ := d.Op(3)
	add, _ := d.Op(1)
	if get == nil || add == nil || get.Rule(1).Nested != add.Rule(1).Nested {
		t.Fatalf("the two operations must share the address table: %+v", d.Ops)
	}
	addrPolicy := get.Rule(1).Nested
	short := host.nest(1, host.a(3, n(2))) // ADDR4 with 2 bytes
	good := host.nest(1, host.a(3, n(4)))
	// Before Restore, ADDR4 has the zero rule: any length passes a
	// liberal operation, and a strict one calls it unsupported.
	for _, tt := range []struct {
		name string
		req  []byte
		mode Mode
		p    *Policy
		want *result
	}{
		{"liberal short", short, ModeLiberal, get, nil},
		{"strict good", good, ModeStrict, add, fail(nlwire.EINVAL, MsgUnsupported, 4, false, 1, 3)},
	} {
		if diff := cmp.Diff(tt.want, resultOf(Validate(tt.req, tt.p, tt.mode))); diff != "" {
			t.Errorf("%s, before Restore (-want +got)\n%s", tt.name, diff)
		}
	}
	if err := d.Restore(addrPolicy, 3, Rule{Kind: BE32}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		req  []byte
		mode Mode
		p    *Policy
		want *result
	}{
		{"liberal short", short, ModeLiberal, get, fail(nlwire.ERANGE, MsgFailed, 4, false, 1, 3)},
		{"liberal short, other op", short, ModeLiberal, add, fail(nlwire.ERANGE, MsgFailed, 4, false, 1, 3)},
		{"strict short", short, ModeStrict, get, fail(nlwire.EINVAL, MsgInvalidLength, 4, false, 1, 3)},
		{"strict good", good, ModeStrict, add, nil},
	} {
		if diff := cmp.Diff(tt.want, resultOf(Validate(tt.req, tt.p, tt.mode))); diff != "" {
			t.Errorf("%s, after Restore (-want +got)\n%s", tt.name, diff)
		}
	}
	// The dump's own descriptions stay as dumped.
	if n := len(d.Tables[1].Attrs); n != 6 {
		t.Errorf("Restore changed the dumped descriptions: %d", n)
	}
	// A type above what the dump listed in a top-level table grows it.
	if err := d.Restore(get, 9, Rule{Kind: Reject}); err != nil {
		t.Fatal(err)
	}
	if r := get.Rule(9); r == nil || r.Kind != Reject || get.Rule(1).Nested != addrPolicy {
		t.Errorf("after restoring type 9: %+v", get.Rules)
	}
}

// TestRestoreRefused: Restore refuses what no dump lost, and changes
// nothing then.
func TestRestoreRefused(t *testing.T) {
	d := mptcpLikeDump(t)
	get, _ := d.Op(3)
	addr := get.Rule(1).Nested
	before := append([]Rule(nil), addr.Rules...)
	for _, tt := range []struct {
		name  string
		p     *Policy
		typ   uint16
		table int
	}{
		{"a policy not of the dump", &Policy{}, 3, -1},
		{"type 0", addr, 0, 1},
		{"above the nested maximum type", addr, 8, 1},
		{"a dumped type", addr, 2, 1},
		{"beyond the type space", get, 0x4000, 0},
	} {
		err := d.Restore(tt.p, tt.typ, Rule{Kind: BE16})
		var re *RestoreError
		if !errors.Is(err, ErrRestore) || !errors.As(err, &re) || re.Table != tt.table || re.Type != tt.typ {
			t.Errorf("%s: %v (%+v)", tt.name, err, re)
		}
	}
	if diff := cmp.Diff(before, addr.Rules, cmp.Comparer(func(a, b CheckFunc) bool { return (a == nil) == (b == nil) })); diff != "" {
		t.Errorf("a refused Restore changed the table (-before +after)\n%s", diff)
	}
	if want := "validate: cannot restore policy entry: type 2 of policy 1: the dump describes it"; d.Restore(addr, 2, Rule{}).Error() != want {
		t.Errorf("message: %q", d.Restore(addr, 2, Rule{}).Error())
	}
}
