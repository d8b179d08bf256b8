package nltest

import (
	"errors"
	"slices"
	"sync"

	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/validate"
)

// Flags of a generic netlink operation (include/uapi/linux/genetlink.h),
// as CTRL_ATTR_OP_FLAGS reports them. Op.Flags takes the permission bits;
// the kernel adds the capability bits itself.
const (
	GENL_ADMIN_PERM     = 0x01 // the operation needs CAP_NET_ADMIN
	GENL_CMD_CAP_DO     = 0x02 // the operation has a do handler
	GENL_CMD_CAP_DUMP   = 0x04 // the operation has a dump handler
	GENL_CMD_CAP_HASPOL = 0x08 // the operation has an attribute policy
	GENL_UNS_ADMIN_PERM = 0x10 // the operation needs CAP_NET_ADMIN in the user namespace
)

// ValidateFlags are an operation's opt-outs from generic netlink's strict
// attribute validation: the kernel's enum genl_validate_flags
// (include/net/genetlink.h), with the same bits. The kernel allows them
// only on commands below the family's ResvStartOp.
type ValidateFlags uint8

const (
	// DontValidateStrict validates the do form liberally
	// (GENL_DONT_VALIDATE_STRICT): unknown types, over-long integers,
	// either NLA_F_NESTED and trailing bytes pass.
	DontValidateStrict ValidateFlags = 1 << 0
	// DontValidateDump leaves the dump form of an operation of a
	// Family without Split unvalidated and without a policy
	// (GENL_DONT_VALIDATE_DUMP, as genl_cmd_full_to_split applies it);
	// on split operations it only skips a header length check already
	// made, so it changes nothing.
	DontValidateDump ValidateFlags = 1 << 1
	// DontValidateDumpStrict validates the dump form liberally
	// (GENL_DONT_VALIDATE_DUMP_STRICT).
	DontValidateDumpStrict ValidateFlags = 1 << 2
)

// Generic netlink's reserved and first dynamic family IDs
// (include/uapi/linux/genetlink.h): GENL_ID_VFS_DQUOT and GENL_ID_PMCRAID
// are kept for two families, and the kernel numbers the others from
// GENL_START_ALLOC up.
const (
	GENL_ID_VFS_DQUOT = 0x11
	GENL_ID_PMCRAID   = 0x12
	GENL_START_ALLOC  = 0x13
	genlMaxID         = 1023 // GENL_MAX_ID
)

// Family is a generic netlink family as its kernel module registers it
// (struct genl_family, include/net/genetlink.h). Register copies it; later
// changes to the value have no effect.
type Family struct {
	// Name is the family's name (at most 15 bytes), by which
	// CTRL_CMD_GETFAMILY finds it.
	Name string
	// ID is the family's message type; 0 lets Register pick the next
	// free one from GENL_START_ALLOC up, as the kernel does.
	ID uint16
	// Version is the version the family writes into its replies'
	// genlmsghdr (CTRL_ATTR_VERSION; the header keeps the low 8 bits).
	Version uint32
	// HdrSize is the size of the family's own header after the
	// genlmsghdr (CTRL_ATTR_HDRSIZE).
	HdrSize uint32
	// MaxAttr is the family's maximum attribute type as CTRL_ATTR_MAXATTR
	// reports it. Validation uses each form's own maximum (Op.MaxAttr).
	MaxAttr uint32
	// ResvStartOp is the first command whose genlmsghdr.reserved field
	// and nlmsg_flags are checked (validate.GenlHeader), and from which
	// an operation of a family without Split and without a policy
	// rejects every attribute.
	ResvStartOp uint8
	// Split says the operations are split operations (struct
	// genl_split_ops, as in families generated from YNL specs and in
	// nlctrl): a form without a policy is not validated at all, yet
	// advertised with the kernel's reject-all policy. Without Split they
	// are full operations (struct genl_ops): from ResvStartOp on, a form
	// without a policy is validated against the reject-all policy.
	Split bool
	// Groups are the family's multicast groups, in order.
	Groups []Group
	// Ops are the family's operations, in the order the kernel iterates
	// them (CTRL_ATTR_OPS numbers them from 1 in this order).
	Ops []Op
}

// Group is a multicast group of a family (struct genl_multicast_group).
type Group struct {
	Name string // CTRL_ATTR_MCAST_GRP_NAME
	// ID is the group's number (CTRL_ATTR_MCAST_GRP_ID), global across
	// families as in the kernel. When every group of a family has ID 0,
	// Register numbers them from the lowest run of free IDs (from 2
	// up), as genl_allocate_reserve_groups does; a single group of ID 0
	// among numbered ones gets the lowest free ID.
	ID uint32
}

// Op is one command of a family with its do and dump handlers, policies
// and validation flags. The do form answers requests without NLM_F_DUMP,
// the dump form those with both bits of NLM_F_DUMP.
type Op struct {
	Cmd uint8
	// Flags are the permission bits, GENL_ADMIN_PERM and
	// GENL_UNS_ADMIN_PERM, reported in CTRL_ATTR_OP_FLAGS and otherwise
	// ignored: the fake grants every permission.
	Flags uint32
	// Validate holds the GENL_DONT_VALIDATE_* opt-outs.
	Validate ValidateFlags
	// Do answers a request without NLM_F_DUMP; nil means the operation
	// has no do form (EOPNOTSUPP).
	Do Handler
	// DumpStart, if not nil, runs once before a dump begins, after
	// validation (the dump's start callback); its error is answered
	// with NLMSG_ERROR, not in NLMSG_DONE.
	DumpStart func(req *Request) error
	// Dump writes the parts of a dump; nil means the operation has no
	// dump form (EOPNOTSUPP).
	Dump Handler
	// Policy is the attribute policy of the do form and, in a family
	// without Split, of the dump form too (struct genl_ops has one);
	// nil: none, the attributes are not parsed (but see
	// Family.ResvStartOp). Compile it (validate.Compile) for speed; the
	// policy dump tells policies apart by pointer and maximum type, as
	// the kernel does, so a policy shared by several forms or nests must
	// be the same *Policy everywhere.
	Policy *validate.Policy
	// MaxAttr is the maximum attribute type Policy is parsed with; 0
	// means the policy's own.
	MaxAttr uint16
	// DumpPolicy and DumpMaxAttr are the dump form's policy and maximum
	// type in a family with Split (nil: none); without Split they must
	// be unset.
	DumpPolicy  *validate.Policy
	DumpMaxAttr uint16
}

// form is one form (do or dump) of an operation, resolved at Register.
type form struct {
	present bool
	handler Handler
	// policy and maxattr are what the form is parsed with (nil: not
	// parsed); check is policy with maxattr as its maximum type.
	policy  *validate.Policy
	maxattr int
	check   *validate.Policy
	mode    validate.Mode
	// adv and advMax are the policy CTRL_CMD_GETFAMILY and
	// CTRL_CMD_GETPOLICY advertise.
	adv    *validate.Policy
	advMax int
}

// op is an operation resolved at Register.
type op struct {
	cmd       uint8
	flags     uint32 // CTRL_ATTR_OP_FLAGS
	do, dump  form
	dumpStart func(req *Request) error
}

// family is a registered family.
type family struct {
	Family
	ops   []op
	maxTb int // the largest maxattr of its forms
}

// Kernel is a fake Linux kernel's generic netlink: the families
// registered with it, the controller nlctrl (GENL_ID_CTRL) that
// describes them, and the sockets dialed to it. It answers each request
// as net/netlink/genetlink.c and af_netlink.c do. Register families
// before dialing; a Kernel and its families may be used from several
// goroutines, each Conn from one at a time.
type Kernel struct {
	mu       sync.RWMutex
	fams     []*family // by ID
	nextID   uint16
	nextPort uint32
	// rejectAll is the kernel's genl_policy_reject_all: one policy for
	// every family, so that a dump lists it once.
	rejectAll *validate.Policy
	ctrlFam   validate.Policy
	ctrlPol   validate.Policy
	// rtnl holds the NETLINK_ROUTE handlers by routeKey.
	rtnl       map[uint32]RouteOp
	routeState route.RequestState
	// mc holds the multicast groups' members (multicast.go).
	mc multicast
	// replay, if not nil, answers every request (Replay, replay.go).
	replay *recording
}

// NewKernel returns a Kernel with only the controller, nlctrl, registered
// as Linux registers it (net/netlink/genetlink.c, genl_ctrl): ID
// GENL_ID_CTRL, version 2, the group "notify", CTRL_CMD_GETFAMILY (do,
// liberal; dump, strict) and CTRL_CMD_GETPOLICY (dump, strict).
func NewKernel() *Kernel {
	k := &Kernel{
		nextID:    GENL_START_ALLOC,
		nextPort:  1000,
		rejectAll: &validate.Policy{Rules: []validate.Rule{{Kind: validate.Reject}, {Kind: validate.Reject}}},
		ctrlFam:   genl.FamilyPolicy,
		ctrlPol:   genl.PolicyPolicy,
	}
	_, err := k.Register(&Family{
		Name:        "nlctrl",
		ID:          genl.GENL_ID_CTRL,
		Version:     2,
		ResvStartOp: genl.CTRL_CMD_GETPOLICY + 1,
		Split:       true,
		Groups:      []Group{{Name: "notify", ID: genl.GENL_ID_CTRL}},
		Ops: []Op{{
			Cmd:        genl.CTRL_CMD_GETFAMILY,
			Validate:   DontValidateStrict | DontValidateDump,
			Policy:     &k.ctrlFam,
			DumpPolicy: &k.ctrlFam,
			Do:         k.ctrlGetFamily,
			Dump:       k.ctrlDumpFamily,
		}, {
			Cmd:        genl.CTRL_CMD_GETPOLICY,
			DumpPolicy: &k.ctrlPol,
			DumpStart:  k.ctrlDumpPolicyStart,
			Dump:       k.ctrlDumpPolicy,
		}},
	})
	if err != nil {
		panic("nltest: registering nlctrl: " + err.Error())
	}
	return k
}

// Errors of Register.
var (
	// ErrExist: a family of that name or ID is registered already.
	ErrExist = errors.New("nltest: family exists")
	// ErrInvalid: the family is not one the kernel would register: an
	// empty or over-long name, an ID below GENL_ID_CTRL or above 1023,
	// two operations with one command, an operation without handlers,
	// validation opt-outs on a command from ResvStartOp on, or a
	// DumpPolicy in a family without Split.
	ErrInvalid = errors.New("nltest: invalid family")
)

// Register adds the family f, checked as genl_register_family checks it,
// and returns its ID (f.ID, or the one it picked). Sockets in nlctrl's
// group "notify" are told (CTRL_CMD_NEWFAMILY, CTRL_CMD_NEWMCAST_GRP).
func (k *Kernel) Register(f *Family) (uint16, error) {
	if f.Name == "" || len(f.Name) >= genl.GENL_NAMSIZ {
		return 0, ErrInvalid
	}
	if f.ID != 0 && (f.ID < genl.GENL_ID_CTRL || f.ID > genlMaxID) {
		return 0, ErrInvalid
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, g := range k.fams {
		if g.Name == f.Name || g.ID == f.ID {
			return 0, ErrExist
		}
	}
	rf := &family{Family: *f}
	rf.Groups = slices.Clone(f.Groups)
	rf.Ops = slices.Clone(f.Ops)
	for i, o := range rf.Ops {
		if o.Do == nil && o.Dump == nil {
			return 0, ErrInvalid
		}
		if o.Validate != 0 && o.Cmd >= f.ResvStartOp || !f.Split && o.DumpPolicy != nil {
			return 0, ErrInvalid
		}
		for _, p := range rf.Ops[:i] {
			if p.Cmd == o.Cmd {
				return 0, ErrInvalid
			}
		}
		ro := k.resolve(&rf.Family, &o)
		rf.maxTb = max(rf.maxTb, ro.do.maxattr, ro.dump.maxattr)
		rf.ops = append(rf.ops, ro)
	}
	if rf.ID == 0 {
		id, ok := k.freeID()
		if !ok {
			return 0, ErrExist
		}
		rf.ID = id
	}
	if n := len(rf.Groups); n > 0 && !slices.ContainsFunc(rf.Groups, func(g Group) bool { return g.ID != 0 }) {
		// genl_allocate_reserve_groups: a run of n free IDs.
		first := k.freeGroup(nil, n)
		for i := range rf.Groups {
			rf.Groups[i].ID = first + uint32(i)
		}
	}
	for i := range rf.Groups {
		if rf.Groups[i].ID == 0 {
			rf.Groups[i].ID = k.freeGroup(rf.Groups, 1)
		}
	}
	i, _ := slices.BinarySearchFunc(k.fams, rf.ID, func(g *family, id uint16) int { return int(g.ID) - int(id) })
	k.fams = slices.Insert(k.fams, i, rf)
	k.registered(rf)
	return rf.ID, nil
}

// Unregister removes the family of the given name, as
// genl_unregister_family does, and reports whether there was one. Its
// groups' members leave them.
func (k *Kernel) Unregister(name string) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i, g := range k.fams {
		if g.Name == name && g.ID != genl.GENL_ID_CTRL {
			k.fams = slices.Delete(k.fams, i, i+1)
			k.unregistered(g)
			return true
		}
	}
	return false
}

// freeID returns the next free family ID, cyclically from
// GENL_START_ALLOC as idr_alloc_cyclic hands them out.
func (k *Kernel) freeID() (uint16, bool) {
	for range genlMaxID {
		id := k.nextID
		k.nextID++
		if k.nextID > genlMaxID {
			k.nextID = GENL_START_ALLOC
		}
		if k.byID(id) == nil {
			return id, true
		}
	}
	return 0, false
}

// freeGroup returns the lowest multicast group ID from which n IDs are
// used by no family (nor by own, the family's groups), as
// genl_allocate_reserve_groups finds them in the kernel's bitmap, where
// bits 0 and 1 are taken (group 1 is NET_DM's) and so are GENL_ID_CTRL,
// GENL_ID_VFS_DQUOT and GENL_ID_PMCRAID.
func (k *Kernel) freeGroup(own []Group, n int) uint32 {
	used := func(id uint32) bool {
		for _, g := range own {
			if g.ID == id {
				return true
			}
		}
		for _, f := range k.fams {
			for _, g := range f.Groups {
				if g.ID == id {
					return true
				}
			}
		}
		return id == genl.GENL_ID_CTRL || id == GENL_ID_VFS_DQUOT || id == GENL_ID_PMCRAID
	}
	id := uint32(2)
	for {
		free := 0
		for free < n && !used(id+uint32(free)) {
			free++
		}
		if free == n {
			return id
		}
		id += uint32(free) + 1
	}
}

// resolve works out an operation's forms as genl_get_cmd and the op
// iterator do (genl_op_from_full, genl_cmd_full_to_split,
// genl_op_fill_in_reject_policy*).
func (k *Kernel) resolve(f *Family, o *Op) op {
	ro := op{cmd: o.Cmd, flags: o.Flags, dumpStart: o.DumpStart}
	mk := func(h Handler, p *validate.Policy, maxattr uint16, liberal, isDump bool) form {
		fm := form{present: h != nil, handler: h}
		if h == nil {
			return fm
		}
		if isDump && !f.Split && o.Validate&DontValidateDump != 0 {
			p = nil
		}
		if p == nil && !f.Split && o.Cmd >= f.ResvStartOp && !(isDump && o.Validate&DontValidateDump != 0) {
			p, maxattr = k.rejectAll, 1
		}
		if p != nil {
			fm.policy = p
			fm.maxattr = int(maxattr)
			if maxattr == 0 {
				fm.maxattr = policyMax(p)
			}
			fm.check = p
			if fm.maxattr != policyMax(p) {
				fm.check = &validate.Policy{Rules: p.Rules, MaxType: uint16(fm.maxattr), StrictStartType: p.StrictStartType}
			}
			if fm.maxattr == 0 {
				fm.policy, fm.check = nil, nil
			}
		}
		fm.mode = validate.ModeStrict
		if liberal {
			fm.mode = validate.ModeLiberal
		}
		fm.adv, fm.advMax = fm.policy, fm.maxattr
		if fm.adv == nil && f.Split {
			fm.adv, fm.advMax = k.rejectAll, 1
		}
		return fm
	}
	dp, dmax := o.Policy, o.MaxAttr
	if f.Split {
		dp, dmax = o.DumpPolicy, o.DumpMaxAttr
	}
	ro.do = mk(o.Do, o.Policy, o.MaxAttr, o.Validate&DontValidateStrict != 0, false)
	ro.dump = mk(o.Dump, dp, dmax, o.Validate&DontValidateDumpStrict != 0, true)
	if ro.do.present {
		ro.flags |= GENL_CMD_CAP_DO
	}
	if ro.dump.present {
		ro.flags |= GENL_CMD_CAP_DUMP
	}
	if ro.do.adv != nil || ro.dump.adv != nil {
		ro.flags |= GENL_CMD_CAP_HASPOL
	}
	return ro
}

// policyMax is a policy's maximum type: MaxType, or the last rule's.
func policyMax(p *validate.Policy) int {
	if p.MaxType != 0 {
		return int(p.MaxType)
	}
	return max(len(p.Rules)-1, 0)
}

// byID returns the family with the ID, or nil. k.mu is held.
func (k *Kernel) byID(id uint16) *family {
	i, ok := slices.BinarySearchFunc(k.fams, id, func(g *family, id uint16) int { return int(g.ID) - int(id) })
	if !ok {
		return nil
	}
	return k.fams[i]
}

// byName returns the family of the name, or nil. k.mu is held.
func (k *Kernel) byName(name []byte) *family {
	for _, f := range k.fams {
		if f.Name == string(name) {
			return f
		}
	}
	return nil
}

// op returns the family's operation cmd, or nil.
func (f *family) op(cmd uint8) *op {
	for i := range f.ops {
		if f.ops[i].cmd == cmd {
			return &f.ops[i]
		}
	}
	return nil
}
