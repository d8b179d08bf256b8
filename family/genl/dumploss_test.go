package genl_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/validate"
)

// TestDumpLossPartial: a partial loss replaces the rule of an entry the
// dump describes as the kernel's rule would be described, and is
// refused where the dump does not describe it or describes it with the
// check (a kernel that dumps it fully).
func TestDumpLossPartial(t *testing.T) {
	var loss *genl.DumpLoss
	for i := range genl.KernelDumpLosses {
		if l := &genl.KernelDumpLosses[i]; l.Family == "ethtool" && l.Cmd == 48 && l.Type == 5 {
			loss = l
		}
	}
	if loss == nil || !loss.Partial {
		t.Fatalf("ethtool's RSS_SET HKEY is not a partial loss among KernelDumpLosses: %+v", loss)
	}
	want := validate.Rule{Kind: validate.Binary, Check: validate.CheckMin, Min: 1}
	if diff := cmp.Diff(want, loss.Rule, cmp.Comparer(func(a, b validate.CheckFunc) bool { return a == nil && b == nil })); diff != "" {
		t.Errorf("rule (-want +got)\n%s", diff)
	}
	// A dump as ParsePolicyDump builds it from RSS_SET's: table 0, with
	// HKEY (5) described as dumped.
	mk := func(hkey validate.AttrPolicy) *validate.PolicyDump {
		d := &validate.PolicyDump{Tables: make([]validate.DumpTable, 1), Ops: []validate.OpPolicy{{Cmd: 48, Do: 0, Dump: -1}}}
		d.Tables[0].Policy = validate.Policy{Rules: []validate.Rule{4: {Kind: validate.Binary}, 5: {Kind: validate.Binary}}}
		d.Tables[0].Attrs = []validate.DumpedAttr{{Type: 4, AttrPolicy: hkey}, {Type: 5, AttrPolicy: hkey}}
		return d
	}
	bare, _ := (&validate.Rule{Kind: validate.Binary}).Describe()
	d := mk(bare)
	if err := loss.Restore(d); err != nil {
		t.Fatal(err)
	}
	if got := d.Tables[0].Policy.Rules[5]; got.Check != validate.CheckMin || got.Min != 1 {
		t.Errorf("after Restore, type 5 is %+v", got)
	}
	if got := d.Tables[0].Policy.Rules[4]; got.Check != validate.CheckNone {
		t.Errorf("Restore changed type 4: %+v", got)
	}
	// A kernel that dumps the minimum length.
	full, _ := (&validate.Rule{Kind: validate.Binary, Check: validate.CheckRange, Min: 1, Max: 0xffff}).Describe()
	fd := mk(full)
	if err := loss.Restore(fd); !errors.Is(err, validate.ErrRestore) {
		t.Errorf("fully dumped entry: %v, want ErrRestore", err)
	}
	if got := fd.Tables[0].Policy.Rules[5]; got.Check != validate.CheckNone {
		t.Errorf("a refused Restore changed type 5: %+v", got)
	}
	// A dump that omits the entry.
	od := mk(bare)
	od.Tables[0].Attrs = od.Tables[0].Attrs[:1]
	if err := loss.Restore(od); !errors.Is(err, validate.ErrRestore) {
		t.Errorf("omitted entry: %v, want ErrRestore", err)
	}
	// A dump without the operation.
	nd := mk(bare)
	nd.Ops = nil
	if err := loss.Restore(nd); !errors.Is(err, genl.ErrNoLossTable) {
		t.Errorf("no operation: %v, want ErrNoLossTable", err)
	}
}
