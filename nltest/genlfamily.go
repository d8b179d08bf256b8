package nltest

import (
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/validate"
)

// FamilyFrom builds the Family a Linux kernel registers as kf (one of
// genl.KernelFamilies, or the caller's own), with the policies of dump,
// that kernel's CTRL_CMD_GETPOLICY dump of the family (nil for a family
// without policies): name, version, header size, maximum attribute type,
// resv_start_op, split or full operations, and per operation its
// permission flags, validation opt-outs, forms, policies and the maximum
// type each form is parsed with. The ID is dump's FamilyID (0 without a
// dump: Register picks one). Every form the kernel has answers with h;
// set an Op's Do, Dump or DumpStart to answer otherwise. Multicast
// groups are the caller's to add.
//
// The entries genl.KernelDumpLosses lists for kf's family are restored
// into dump first (genl.DumpLoss.Restore: validate.PolicyDump.Restore
// for an entry the dump omits, validate.PolicyDump.Replace for one it
// describes without its check; dump is changed), so that the policies
// hold what the dump cannot say. A loss whose table dump lacks, an
// omitted one which dump describes, or a partial one which dump
// describes otherwise than the loss's rule would be (a kernel that
// dumps the check), leaves dump as it is.
func FamilyFrom(kf genl.KernelFamily, dump *validate.PolicyDump, h Handler) Family {
	f := Family{
		Name: kf.Name, Version: kf.Version, HdrSize: kf.HdrSize, MaxAttr: kf.MaxAttr,
		ResvStartOp: kf.ResvStartOp, Split: kf.Split,
	}
	if dump != nil {
		f.ID = dump.FamilyID
		for i := range genl.KernelDumpLosses {
			if l := &genl.KernelDumpLosses[i]; l.Family == kf.Name {
				_ = l.Restore(dump) // see above: nothing to restore then
			}
		}
	}
	pols := opPolicies(kf, dump)
	for i, ko := range kf.Ops {
		o := Op{
			Cmd:      ko.Cmd,
			Flags:    uint32(ko.Flags),
			Validate: ValidateFlags(ko.Validate),
		}
		if ko.Do.Has {
			o.Do = h
		}
		if ko.Dump.Has {
			o.Dump = h
		}
		do, dp := pols[i][0], pols[i][1]
		if ko.Do.MaxAttr == 0 {
			do = nil
		}
		if ko.Dump.MaxAttr == 0 {
			dp = nil
		}
		switch {
		case kf.Split:
			o.Policy, o.MaxAttr = do, ko.Do.MaxAttr
			o.DumpPolicy, o.DumpMaxAttr = dp, ko.Dump.MaxAttr
		case ko.Do.Has:
			// A full operation's forms share its policy; the dump form
			// drops it under DontValidateDump.
			o.Policy, o.MaxAttr = do, ko.Do.MaxAttr
		default:
			o.Policy, o.MaxAttr = dp, ko.Dump.MaxAttr
		}
		if o.Policy == nil {
			o.MaxAttr = 0
		}
		if o.DumpPolicy == nil {
			o.DumpMaxAttr = 0
		}
		f.Ops = append(f.Ops, o)
	}
	return f
}

// opPolicies returns the do and dump policies dump gives each operation
// of kf, in kf.Ops's order. A dump of a whole family lists every
// dump-only operation under command 0 (see validate.PolicyDump), in the
// order the kernel iterates the operations, kf's order: those are taken
// in turn.
func opPolicies(kf genl.KernelFamily, dump *validate.PolicyDump) [][2]*validate.Policy {
	out := make([][2]*validate.Policy, len(kf.Ops))
	if dump == nil {
		return out
	}
	table := func(i int) *validate.Policy {
		if i < 0 || i >= len(dump.Tables) {
			return nil
		}
		return &dump.Tables[i].Policy
	}
	zero := 0 // the next command-0 entry for a dump-only operation
	for i, ko := range kf.Ops {
		found := false
		for _, op := range dump.Ops {
			if op.Cmd == ko.Cmd && ko.Cmd != 0 {
				out[i] = [2]*validate.Policy{table(op.Do), table(op.Dump)}
				found = true
				break
			}
		}
		if found || ko.Do.Has || !listed(kf, ko) {
			continue
		}
		for ; zero < len(dump.Ops); zero++ {
			if op := dump.Ops[zero]; op.Cmd == 0 && op.Do < 0 {
				out[i][1] = table(op.Dump)
				zero++
				break
			}
		}
	}
	return out
}

// listed reports whether a policy dump lists ko: whether a form of it
// has a policy, the reject-all one included.
func listed(kf genl.KernelFamily, ko genl.KernelOp) bool {
	return ko.CtrlFlags(kf.Split, kf.ResvStartOp)&genl.GENL_CMD_CAP_HASPOL != 0
}
