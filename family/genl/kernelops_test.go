package genl_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/validate"
)

// TestKernelFamiliesRegistrable: every family of the table is one the
// kernel's genl_register_family would accept (genl_validate_ops): a
// unique name, each operation with a form, no command twice, validation
// opt-outs only below resv_start_op, split operations sorted by
// command; and each form's maximum type is 0 only where the form has no
// policy to parse with.
func TestKernelFamiliesRegistrable(t *testing.T) {
	names := map[string]bool{}
	for _, f := range genl.KernelFamilies {
		if f.Name == "" || len(f.Name) >= genl.GENL_NAMSIZ || names[f.Name] {
			t.Errorf("family name %q: empty, too long or repeated", f.Name)
		}
		names[f.Name] = true
		if f.Source == "" {
			t.Errorf("%s: no source", f.Name)
		}
		cmds := map[uint8]bool{}
		for i, o := range f.Ops {
			if !o.Do.Has && !o.Dump.Has {
				t.Errorf("%s cmd %d: neither do nor dump", f.Name, o.Cmd)
			}
			if cmds[o.Cmd] {
				t.Errorf("%s cmd %d: twice", f.Name, o.Cmd)
			}
			cmds[o.Cmd] = true
			if o.Validate != 0 && o.Cmd >= f.ResvStartOp {
				t.Errorf("%s cmd %d: validation opt-outs %#x from resv_start_op %d on", f.Name, o.Cmd, o.Validate, f.ResvStartOp)
			}
			if f.Split && i > 0 && f.Ops[i-1].Cmd >= o.Cmd {
				t.Errorf("%s: split operations out of order at cmd %d", f.Name, o.Cmd)
			}
			if o.Flags&^(genl.GENL_ADMIN_PERM|genl.GENL_UNS_ADMIN_PERM) != 0 {
				t.Errorf("%s cmd %d: flags %#x are not permission bits", f.Name, o.Cmd, o.Flags)
			}
			if !o.Do.Has && o.Do.MaxAttr != 0 || !o.Dump.Has && o.Dump.MaxAttr != 0 {
				t.Errorf("%s cmd %d: a maximum type for a form it lacks", f.Name, o.Cmd)
			}
			if !f.Split && o.Dump.Has && o.Validate&genl.GENL_DONT_VALIDATE_DUMP == 0 && o.Do.Has && o.Dump.MaxAttr != o.Do.MaxAttr {
				t.Errorf("%s cmd %d: a full operation's forms share one policy, yet have maxima %d and %d", f.Name, o.Cmd, o.Do.MaxAttr, o.Dump.MaxAttr)
			}
			if !f.Split && o.Validate&genl.GENL_DONT_VALIDATE_DUMP != 0 && o.Dump.MaxAttr != 0 {
				t.Errorf("%s cmd %d: GENL_DONT_VALIDATE_DUMP, yet the dump form has a maximum type", f.Name, o.Cmd)
			}
		}
		if got, ok := genl.KernelFamilyByName(f.Name); !ok || got.Name != f.Name {
			t.Errorf("KernelFamilyByName(%q) = %v, %v", f.Name, got, ok)
		}
	}
	if _, ok := genl.KernelFamilyByName("nosuchfamily"); ok {
		t.Error("KernelFamilyByName found an unknown family")
	}
}

// TestCtrlFlags: the CTRL_ATTR_OP_FLAGS of the kinds of operations, as
// ctrl_fill_info reports them (net/netlink/genetlink.c).
func TestCtrlFlags(t *testing.T) {
	for _, tt := range []struct {
		name  string
		op    genl.KernelOp
		split bool
		resv  uint8
		want  uint32
	}{
		{"full, do with policy", genl.KernelOp{Cmd: 1, Flags: genl.GENL_ADMIN_PERM, Do: genl.KernelForm{Has: true, MaxAttr: 3}}, false, 5, 0x0b},
		{"full, dump without validation", genl.KernelOp{Cmd: 2, Validate: genl.GENL_DONT_VALIDATE_DUMP, Dump: genl.KernelForm{Has: true}}, false, 5, 0x04},
		{"full, do without policy below resv_start_op", genl.KernelOp{Cmd: 2, Do: genl.KernelForm{Has: true}}, false, 5, 0x02},
		{"full, do without policy from resv_start_op on: reject-all", genl.KernelOp{Cmd: 5, Do: genl.KernelForm{Has: true}}, false, 5, 0x0a},
		{"split, dump without policy: reject-all", genl.KernelOp{Cmd: 1, Dump: genl.KernelForm{Has: true}}, true, 0, 0x0c},
		{"split, do and dump", genl.KernelOp{Cmd: 10, Flags: genl.GENL_UNS_ADMIN_PERM, Do: genl.KernelForm{Has: true, MaxAttr: 3}, Dump: genl.KernelForm{Has: true, MaxAttr: 2}}, true, 0, 0x1e},
	} {
		if got := tt.op.CtrlFlags(tt.split, tt.resv); got != tt.want {
			t.Errorf("%s: %#x, want %#x", tt.name, got, tt.want)
		}
	}
}

// TestDumpLossRestore: a loss is restored into the table its path
// reaches, and refused where the dump has no such table or describes
// the entry.
func TestDumpLossRestore(t *testing.T) {
	// A dump as ParsePolicyDump would build it from mptcp_pm's: table 0
	// is GET_ADDR's policy, nesting table 1 (the address, maximum type
	// 7, without type 3).
	mk := func() *validate.PolicyDump {
		d := &validate.PolicyDump{Tables: make([]validate.DumpTable, 2), Ops: []validate.OpPolicy{{Cmd: 3, Do: 0, Dump: 0}}}
		addr := &d.Tables[1]
		addr.Policy = validate.Policy{Rules: []validate.Rule{1: {Kind: validate.U16}, 2: {Kind: validate.U8}}, MaxType: 7}
		addr.MaxTypeKnown = true
		addr.Attrs = []validate.DumpedAttr{{Type: 1}, {Type: 2}}
		d.Tables[0].Policy = validate.Policy{Rules: []validate.Rule{1: validate.NestedPolicy(&addr.Policy)}}
		d.Tables[0].Attrs = []validate.DumpedAttr{{Type: 1}}
		return d
	}
	var loss *genl.DumpLoss
	for i := range genl.KernelDumpLosses {
		if l := &genl.KernelDumpLosses[i]; l.Family == "mptcp_pm" && l.Type == 3 {
			loss = l
		}
	}
	if loss == nil {
		t.Fatal("mptcp_pm's ADDR4 is not among KernelDumpLosses")
	}
	d := mk()
	if err := loss.Restore(d); err != nil {
		t.Fatal(err)
	}
	want := []validate.Rule{1: {Kind: validate.U16}, 2: {Kind: validate.U8}, 3: {Kind: validate.BE32}}
	if diff := cmp.Diff(want, d.Tables[1].Policy.Rules, cmp.Comparer(func(a, b validate.CheckFunc) bool { return a == nil && b == nil })); diff != "" {
		t.Errorf("restored table (-want +got)\n%s", diff)
	}
	// A dump without the operation, or whose operation lacks the nest.
	noOp := mk()
	noOp.Ops = nil
	noNest := mk()
	noNest.Tables[0].Policy.Rules[1] = validate.Rule{Kind: validate.Nested}
	for name, d := range map[string]*validate.PolicyDump{"no operation": noOp, "no nested policy": noNest} {
		err := loss.Restore(d)
		var le *genl.LossError
		if !errors.Is(err, genl.ErrNoLossTable) || !errors.As(err, &le) || le.Loss != loss {
			t.Errorf("%s: %v, want a *LossError for the loss", name, err)
		}
		if want := "genl: policy dump lacks the table of a known loss: mptcp_pm mptcp_pm_address_nl_policy type 3 (cmd 3 do)"; err.Error() != want {
			t.Errorf("%s: %q", name, err)
		}
	}
	// A dump that describes the entry lost nothing.
	described := mk()
	described.Tables[1].Attrs = append(described.Tables[1].Attrs, validate.DumpedAttr{Type: 3})
	if err := loss.Restore(described); !errors.Is(err, validate.ErrRestore) {
		t.Errorf("described entry: %v, want ErrRestore", err)
	}
}
