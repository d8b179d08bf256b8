package nltest

import (
	"errors"
	"strconv"

	spec "github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/validate"
)

// ErrNotGeneric: FamilySpec was given a family that is not a generic
// netlink family (a netlink-raw spec, such as rt-link or nftables).
var ErrNotGeneric = errors.New("nltest: not a generic netlink family")

// SpecError reports a spec'd family FamilySpec cannot register: one that
// is not generic netlink, or an operation whose command does not fit
// genlmsghdr.cmd.
type SpecError struct {
	Family string
	Op     string // the operation's C name, or "" for the family itself
	Err    error
}

// Error returns "nltest: family F[, op O]: reason".
func (e *SpecError) Error() string {
	s := "nltest: family " + e.Family
	if e.Op != "" {
		s += ", op " + e.Op
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *SpecError) Unwrap() error { return e.Err }

// FamilySpec builds the Family of a generic netlink family from its YNL
// spec, as the kernel registers the operations the kernel's generator
// (ynl-gen-c) writes for the spec: one operation per spec operation with
// a do or a dump (notifications and events are not operations), with the
// spec's version, fixed header size, permission flags (GENL_ADMIN_PERM,
// GENL_UNS_ADMIN_PERM), validation opt-outs (dont-validate) and multicast
// groups, and the policies opPolicy gives for each command (a generated
// package's OpPolicy, such as netdev.OpPolicy; nil validates nothing).
// Every form answers with h. By the spec's kernel-policy
// (family.Family.KernelPolicy):
//
//   - split: split operations, each form parsed with its own policy and
//     maximum type, a form without a policy not validated; no
//     resv_start_op, so every command's header is checked.
//   - per-op: full operations, each parsed with its do request's policy,
//     which the dump shares.
//   - global: full operations sharing the family's policy, whose maximum
//     type is the family's (CTRL_ATTR_MAXATTR).
//
// The full-operation families of those two kinds predate the kernel's
// checks of reserved header bits, and register them one past their last
// command (resv_start_op): FamilySpec does so too, which holds for the
// spec'd families of Linux 6.18 (fou, mptcp_pm, tcp_metrics, team) as
// long as their specs add no command.
//
// The family's own registration is written by hand (FamilySpec follows
// the spec where it and the kernel code disagree): for the families of
// the running kernel, FamilyFrom with genl.KernelFamilies is exact.
func FamilySpec(f *spec.Family, opPolicy func(cmd uint8) (do, dump *validate.Policy), h Handler) (Family, error) {
	if f.Protocol != NETLINK_GENERIC {
		return Family{}, &SpecError{Family: f.Name, Err: ErrNotGeneric}
	}
	fam := Family{
		Name:    f.Name,
		Version: uint32(f.Version),
		HdrSize: uint32(f.HeaderLen),
		Split:   f.KernelPolicy == spec.KernelPolicySplit,
	}
	for _, g := range f.Groups {
		fam.Groups = append(fam.Groups, Group{Name: g.Name})
	}
	last := 0
	for i := range f.Ops {
		so := &f.Ops[i]
		if so.Flags&(spec.OpDo|spec.OpDump) == 0 {
			continue // a notification or an event
		}
		if so.Request < 0 || so.Request > 0xff {
			return Family{}, &SpecError{Family: f.Name, Op: so.Name,
				Err: errors.New("command " + strconv.Itoa(int(so.Request)) + " does not fit genlmsghdr.cmd")}
		}
		o := Op{Cmd: uint8(so.Request), Validate: specValidate(so.Flags)}
		last = max(last, int(o.Cmd))
		if so.Flags&spec.OpAdminPerm != 0 {
			o.Flags |= GENL_ADMIN_PERM
		}
		if so.Flags&spec.OpUnsAdminPerm != 0 {
			o.Flags |= GENL_UNS_ADMIN_PERM
		}
		var do, dump *validate.Policy
		if opPolicy != nil {
			do, dump = opPolicy(o.Cmd)
		}
		if so.Flags&spec.OpDo != 0 {
			o.Do = h
		}
		if so.Flags&spec.OpDump != 0 {
			o.Dump = h
		}
		switch {
		case fam.Split:
			o.Policy, o.DumpPolicy = do, dump
		case do != nil:
			o.Policy = do
		default:
			o.Policy = dump
		}
		if f.KernelPolicy == spec.KernelPolicyGlobal && o.Policy != nil {
			fam.MaxAttr = max(fam.MaxAttr, uint32(policyMax(o.Policy)))
		}
		fam.Ops = append(fam.Ops, o)
	}
	if !fam.Split {
		fam.ResvStartOp = uint8(min(last+1, 0xff))
	}
	return fam, nil
}

// specValidate returns the validation opt-outs of a spec'd operation.
func specValidate(fl spec.OpFlags) ValidateFlags {
	var v ValidateFlags
	if fl&spec.OpDontValidateStrict != 0 {
		v |= DontValidateStrict
	}
	if fl&spec.OpDontValidateDump != 0 {
		v |= DontValidateDump
	}
	if fl&spec.OpDontValidateDumpStrict != 0 {
		v |= DontValidateDumpStrict
	}
	return v
}
