package family

// Enum names the values of a small numbering: message types, generic
// netlink commands, route types. Its methods do not allocate.
type Enum struct {
	// Space is the prefix the names share ("RTM", "CTRL_CMD").
	Space string
	// Names holds the names by value; "" marks a value without a name.
	Names []string
}

// Name returns the name of v, or "" if it has none.
func (e *Enum) Name(v uint16) string {
	if e == nil || int(v) >= len(e.Names) {
		return ""
	}
	return e.Names[v]
}

// Lookup returns the value named name, and whether there is one.
func (e *Enum) Lookup(name string) (uint16, bool) {
	if e == nil || name == "" {
		return 0, false
	}
	for i, n := range e.Names {
		if n == name {
			return uint16(i), true
		}
	}
	return 0, false
}

// Msg describes a message type of a family: its name, the fixed header
// after the nlmsghdr and the attribute space that follows it.
type Msg struct {
	Name      string // the kernel's name ("RTM_NEWLINK")
	HeaderLen int    // the size of the family header (16 for struct ifinfomsg)
	Attrs     *Set   // the attributes after the header, or nil if none are described
}

// Msgs is a table of message types, indexed by nlmsg_type.
type Msgs struct {
	// Family is the netlink family's name ("NETLINK_ROUTE").
	Family string
	// Types holds the message types by number; an entry with an empty
	// Name is a type the table does not know.
	Types []Msg
}

// Msg returns the description of message type t, or nil.
func (m *Msgs) Msg(t uint16) *Msg {
	if m == nil || int(t) >= len(m.Types) || m.Types[t].Name == "" {
		return nil
	}
	return &m.Types[t]
}

// Name returns the name of message type t, or "" if the table does not
// name it. Control messages (NLMSG_*) are wire.TypeName's.
func (m *Msgs) Name(t uint16) string {
	if p := m.Msg(t); p != nil {
		return p.Name
	}
	return ""
}

// Lookup returns the message type named name, and whether there is one.
func (m *Msgs) Lookup(name string) (uint16, bool) {
	if m == nil || name == "" {
		return 0, false
	}
	for i := range m.Types {
		if m.Types[i].Name == name {
			return uint16(i), true
		}
	}
	return 0, false
}

// EnumDef is an enum or a set of flags of a family as its YNL spec
// defines it: named values that may be sparse and as wide as 64 bits
// (nftables' verdict codes, rt-link's VLAN protocols), which Enum's
// dense table cannot hold. Its methods do not allocate.
type EnumDef struct {
	// Space is the C prefix the entries' names share, without its
	// trailing underscore ("NETDEV_XDP_ACT").
	Space string
	// Flags reports that the entries are bits: each Value is a mask of
	// one bit, and a value on the wire is a union of them.
	Flags bool
	// Entries are the named values in the spec's order.
	Entries []EnumEntry
}

// EnumEntry is one named value of an EnumDef.
type EnumEntry struct {
	Name  string // the C name ("NETDEV_XDP_ACT_BASIC")
	Value uint64 // the value, or for flags the mask; a negative value is stored as its two's complement
}

// Name returns the name of the entry with value v, or "".
func (e *EnumDef) Name(v uint64) string {
	if e == nil {
		return ""
	}
	for i := range e.Entries {
		if e.Entries[i].Value == v {
			return e.Entries[i].Name
		}
	}
	return ""
}

// Lookup returns the value named name, and whether there is one.
func (e *EnumDef) Lookup(name string) (uint64, bool) {
	if e == nil || name == "" {
		return 0, false
	}
	for i := range e.Entries {
		if e.Entries[i].Name == name {
			return e.Entries[i].Value, true
		}
	}
	return 0, false
}

// Mask returns the union of the entries' values: for flags, every
// defined bit.
func (e *EnumDef) Mask() uint64 {
	var m uint64
	if e != nil {
		for i := range e.Entries {
			m |= e.Entries[i].Value
		}
	}
	return m
}

// Family is a netlink family as its YNL spec describes it: the tables a
// generated family package (family/netdev, family/ethtool, ...) exports
// as one value, for programs that handle families by name.
type Family struct {
	// Name is the spec's name of the family ("netdev", "rt-link"): for
	// a generic netlink family, the name CTRL_CMD_GETFAMILY resolves.
	Name string
	// Protocol is the netlink protocol: 16 (NETLINK_GENERIC) for generic
	// families, the spec's protonum for netlink-raw ones (0 for
	// NETLINK_ROUTE, 12 for NETLINK_NETFILTER).
	Protocol int
	// Version is the generic netlink family version (genlmsghdr.version).
	Version int
	// KernelPolicy says how the kernel code generated from a generic
	// netlink family's spec holds its input policies (the spec's
	// kernel-policy).
	KernelPolicy KernelPolicy
	// HeaderLen is the size of the fixed header that follows the
	// nlmsghdr (and the genlmsghdr) of the family's messages, unless an
	// operation says otherwise (Op.HeaderLen).
	HeaderLen int
	// Sets are the family's attribute spaces, in the spec's order.
	Sets []*Set
	// Enums are the enums and flags, in the spec's order.
	Enums []*EnumDef
	// Ops are the operations, in the spec's order.
	Ops []Op
	// Groups are the multicast groups.
	Groups []Group
}

// KernelPolicy is how the kernel code the kernel's generator (ynl-gen-c)
// writes for a generic netlink family holds its input policies.
type KernelPolicy uint8

// The kernel policies of a spec (its kernel-policy).
const (
	// KernelPolicySplit: split operations (struct genl_split_ops), each
	// form (do, dump) with its own policy and maximum type, or none. The
	// default.
	KernelPolicySplit KernelPolicy = iota
	// KernelPolicyPerOp: full operations (struct genl_ops), each with
	// one policy, its do request's, which its dump shares.
	KernelPolicyPerOp
	// KernelPolicyGlobal: full operations sharing the family's one
	// policy (genl_family.policy and .maxattr).
	KernelPolicyGlobal
)

// OpFlags describe an operation.
type OpFlags uint16

// Operation flags.
const (
	OpDo                     OpFlags = 1 << iota // has a do handler (a request answered by one reply)
	OpDump                                       // has a dump handler
	OpNotify                                     // a notification: the messages of the operation Op.Notify names
	OpEvent                                      // an event: a message of its own, sent to a multicast group
	OpAdminPerm                                  // GENL_ADMIN_PERM: needs CAP_NET_ADMIN in the initial user namespace
	OpUnsAdminPerm                               // GENL_UNS_ADMIN_PERM: needs CAP_NET_ADMIN in the netns's user namespace
	OpDontValidateStrict                         // GENL_DONT_VALIDATE_STRICT: the do handler's attributes are validated leniently
	OpDontValidateDump                           // GENL_DONT_VALIDATE_DUMP: the dump's attributes are not validated
	OpDontValidateDumpStrict                     // GENL_DONT_VALIDATE_DUMP_STRICT: the dump's attributes are validated leniently
)

// None marks a message type an operation does not have (Op.Request of a
// notification, Op.Reply of an operation without replies).
const None = -1

// Op is an operation of a family: a generic netlink command, or the
// message types of a netlink-raw request and its replies.
type Op struct {
	// Name is the C name of the command (NETDEV_CMD_DEV_GET).
	Name string
	// Request is the command (or message type) of requests, Reply that
	// of replies and notifications; None where there are none. They
	// differ only in families that number the two directions apart.
	Request, Reply int32
	Flags          OpFlags
	// Attrs is the space of the messages' top-level attributes, or nil.
	Attrs *Set
	// HeaderLen is the size of the fixed header after the nlmsghdr (and
	// genlmsghdr), when the operation has one.
	HeaderLen int
	// The attribute types each message lists, in the spec's order: of
	// the do request and reply, of the dump request and reply, and of an
	// event.
	DoRequest, DoReply, DumpRequest, DumpReply, Event []uint16
	// Notify names the operation (Op.Name) whose reply a notification
	// sends.
	Notify string
	// Group is the name of the multicast group a notification or event
	// goes to (Group.Name), or "".
	Group string
}

// Group is a multicast group of a family.
type Group struct {
	Name string // the group's name ("mgmt"): what CTRL_ATTR_MCAST_GRP_NAME reports
	// CName is the C define of the name (NETDEV_MCGRP_MGMT).
	CName string
	// ID is the group number of a netlink-raw family, None for a
	// generic family (the controller allocates those at run time).
	ID int32
}
