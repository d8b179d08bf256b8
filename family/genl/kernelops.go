package genl

// Flags of a generic netlink operation (include/uapi/linux/genetlink.h),
// as CTRL_ATTR_OP_FLAGS reports them. KernelOp.Flags holds the permission
// bits; the kernel adds the others from the handlers and policies.
const (
	GENL_ADMIN_PERM     = 0x01 // the operation needs CAP_NET_ADMIN
	GENL_CMD_CAP_DO     = 0x02 // the operation has a do handler
	GENL_CMD_CAP_DUMP   = 0x04 // the operation has a dump handler
	GENL_CMD_CAP_HASPOL = 0x08 // one of the operation's forms has a policy
	GENL_UNS_ADMIN_PERM = 0x10 // the operation needs CAP_NET_ADMIN in the netns's user namespace
)

// An operation's opt-outs from strict attribute validation (enum
// genl_validate_flags, include/net/genetlink.h): KernelOp.Validate. The
// kernel refuses them on commands from its family's resv_start_op on.
const (
	// GENL_DONT_VALIDATE_STRICT: the do form is validated liberally.
	GENL_DONT_VALIDATE_STRICT = 1 << 0
	// GENL_DONT_VALIDATE_DUMP: the dump form of a full operation (struct
	// genl_ops) has no policy, its attributes are not parsed.
	GENL_DONT_VALIDATE_DUMP = 1 << 1
	// GENL_DONT_VALIDATE_DUMP_STRICT: the dump form is validated
	// liberally.
	GENL_DONT_VALIDATE_DUMP_STRICT = 1 << 2
)

// KernelFamily is a generic netlink family as a Linux kernel registers it
// (struct genl_family, include/net/genetlink.h): what CTRL_CMD_GETFAMILY
// and CTRL_CMD_GETPOLICY report of it, and what they do not (each
// operation's strictness, each form's maximum attribute type, the
// family's resv_start_op).
type KernelFamily struct {
	// Name is the family's name (CTRL_ATTR_FAMILY_NAME).
	Name string
	// Version is .version (CTRL_ATTR_VERSION).
	Version uint32
	// HdrSize is .hdrsize, the family's header after the genlmsghdr
	// (CTRL_ATTR_HDRSIZE).
	HdrSize uint32
	// MaxAttr is .maxattr (CTRL_ATTR_MAXATTR): the family's policy's
	// maximum type, 0 where operations carry their own.
	MaxAttr uint32
	// ResvStartOp is .resv_start_op: from this command on, the kernel
	// checks genlmsghdr.reserved and the nlmsg_flags of do requests, and
	// gives a full operation without a policy the reject-all policy.
	ResvStartOp uint8
	// Split says the family registers split operations (.split_ops,
	// struct genl_split_ops); otherwise full ones (.ops or .small_ops).
	Split bool
	// Source names the kernel source file the facts come from.
	Source string
	// Ops are the operations, in the order the kernel iterates them
	// (the order of CTRL_ATTR_OPS).
	Ops []KernelOp
}

// KernelOp is one command of a KernelFamily, its do and dump forms
// merged as CTRL_ATTR_OPS merges them.
type KernelOp struct {
	// Cmd is the command (.cmd).
	Cmd uint8
	// Flags are the permission bits of .flags: GENL_ADMIN_PERM,
	// GENL_UNS_ADMIN_PERM.
	Flags uint8
	// Validate holds the GENL_DONT_VALIDATE_* bits of .validate (of
	// both split forms together: each bit concerns one form).
	Validate uint8
	// Do and Dump are the operation's two forms.
	Do, Dump KernelForm
}

// KernelForm is the do or the dump form of a KernelOp.
type KernelForm struct {
	// Has says the kernel has this form (.doit or .dumpit).
	Has bool
	// MaxAttr is the maximum attribute type this form's attributes are
	// parsed with: the operation's .maxattr, else the family's; 0 when
	// the form has no policy and its attributes are not parsed (a full
	// operation's dump form under GENL_DONT_VALIDATE_DUMP, or a form
	// without .policy; from ResvStartOp on, a full operation's form
	// without a policy gets the reject-all policy, maximum type 1).
	MaxAttr uint16
}

// Form returns the do form, or the dump form if dump is true.
func (o *KernelOp) Form(dump bool) KernelForm {
	if dump {
		return o.Dump
	}
	return o.Do
}

// CtrlFlags returns the CTRL_ATTR_OP_FLAGS the kernel reports for o: its
// permission bits, GENL_CMD_CAP_DO and GENL_CMD_CAP_DUMP for its forms,
// and GENL_CMD_CAP_HASPOL when a form has a policy (the reject-all one
// included, which full operations from resvStartOp on and every form of
// a split operation get when they have none).
func (o *KernelOp) CtrlFlags(split bool, resvStartOp uint8) uint32 {
	f := uint32(o.Flags)
	for _, x := range [2]struct {
		form KernelForm
		cap  uint32
	}{{o.Do, GENL_CMD_CAP_DO}, {o.Dump, GENL_CMD_CAP_DUMP}} {
		if !x.form.Has {
			continue
		}
		f |= x.cap
		if x.form.MaxAttr > 0 || split {
			f |= GENL_CMD_CAP_HASPOL
		}
		// A full operation's form without a policy gets the reject-all
		// one from resv_start_op on, but a dump form that opted out of
		// validation keeps none.
		if !split && o.Cmd >= resvStartOp && x.form.MaxAttr == 0 &&
			!(x.cap == GENL_CMD_CAP_DUMP && o.Validate&GENL_DONT_VALIDATE_DUMP != 0) {
			f |= GENL_CMD_CAP_HASPOL
		}
	}
	return f
}

// KernelFamilyByName returns the family of KernelFamilies called name.
func KernelFamilyByName(name string) (*KernelFamily, bool) {
	for i := range KernelFamilies {
		if KernelFamilies[i].Name == name {
			return &KernelFamilies[i], true
		}
	}
	return nil, false
}

// Op returns the operation of f with command cmd.
func (f *KernelFamily) Op(cmd uint8) (*KernelOp, bool) {
	for i := range f.Ops {
		if f.Ops[i].Cmd == cmd {
			return &f.Ops[i], true
		}
	}
	return nil, false
}
