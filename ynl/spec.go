package ynl

// Spec is one netlink family as a YNL spec describes it, with every
// implicit value made explicit (attribute, enum and operation values),
// subsets filled in from their supersets, every reference checked and
// resolved, and the C names the kernel's uAPI headers use.
//
// Lists keep the spec's order. The names of elements are the spec's
// ("link-attrs", "ifi-index"); the C names are what the kernel's
// ynl-gen-c makes of them (IFLA_IFNAME). Documentation text is not kept.
type Spec struct {
	Pos      Pos
	Name     string   // family name, e.g. "netdev" or "rt-link"
	Protocol Protocol // schema level; "genetlink" unless the spec says

	// Protonum is the netlink protocol number: the spec's protonum for
	// netlink-raw families, NETLINK_GENERIC (16) for the others.
	Protonum int

	// UAPIHeader is the uAPI header that defines the family,
	// "linux/<name>.h" unless the spec says otherwise.
	UAPIHeader string

	// CName is the family name as a C identifier ("rt_link").
	CName string
	// CFamilyName and CVersionName are the C defines of the family's
	// name and version (NETDEV_FAMILY_NAME, or the spec's
	// c-family-name and c-version-name, upper-cased).
	CFamilyName, CVersionName string
	// CmdMaxName and CmdCntName name the last command and the command
	// count in C (NETDEV_CMD_MAX, __NETDEV_CMD_MAX).
	CmdMaxName, CmdCntName string
	// MaxByDefine: the uAPI header defines the maximum attribute and
	// command values with #define, not as enum members (max-by-define).
	MaxByDefine bool

	// Version is the generic netlink family version (genetlink-legacy's
	// version; 1 when not given).
	Version int
	// KernelPolicy says whether the kernel's input policy is "split"
	// (the default), "per-op" or "global" (genetlink-legacy).
	KernelPolicy string

	Definitions   []*Definition
	AttributeSets []*AttrSet
	SubMessages   []*SubMessage
	Operations    Operations
	McastGroups   []*McastGroup

	// KernelFamily holds the kernel-family section: what the kernel's
	// generated code includes and keeps per socket.
	KernelFamily KernelFamily

	defs map[string]*Definition
	// constCNames holds the constants by C name.
	constCNames map[string]*Definition
	sets        map[string]*AttrSet
	subMsgs     map[string]*SubMessage
	ops         map[string]*Operation
	mcgrps      map[string]*McastGroup
}

// Definition returns the definition (constant, enum, flags or struct)
// with the spec name, or nil.
func (s *Spec) Definition(name string) *Definition { return s.defs[name] }

// AttrSet returns the attribute set with the spec name, or nil.
func (s *Spec) AttrSet(name string) *AttrSet { return s.sets[name] }

// SubMessage returns the sub-message with the spec name, or nil.
func (s *Spec) SubMessage(name string) *SubMessage { return s.subMsgs[name] }

// Operation returns the operation with the spec name, or nil.
func (s *Spec) Operation(name string) *Operation { return s.ops[name] }

// McastGroup returns the multicast group with the spec name, or nil.
func (s *Spec) McastGroup(name string) *McastGroup { return s.mcgrps[name] }

// Pos is a position in the spec's text: a line and a column, both
// counted from 1.
type Pos struct {
	Line, Column int
}

// Protocol is the schema level a spec is written against.
type Protocol string

// The schema levels (Documentation/netlink/*.yaml in the kernel).
const (
	Genetlink       Protocol = "genetlink"
	GenetlinkC      Protocol = "genetlink-c"
	GenetlinkLegacy Protocol = "genetlink-legacy"
	NetlinkRaw      Protocol = "netlink-raw"
)

// IsGenetlink reports whether the family is a generic netlink family
// (any schema level but netlink-raw).
func (p Protocol) IsGenetlink() bool { return p != NetlinkRaw }

// KernelFamily is a spec's kernel-family section.
type KernelFamily struct {
	Headers  []string // headers the kernel's generated code includes
	SockPriv string   // C type of the per-socket private data, if any
}

// DefKind is the kind of a definition.
type DefKind uint8

// The kinds of definitions.
const (
	DefConst  DefKind = iota + 1 // a constant (#define)
	DefEnum                      // an enum: values counted from value-start
	DefFlags                     // flags: entries are bit numbers, values are masks
	DefStruct                    // a C struct (fixed headers, binary attributes)
)

var defKindNames = [...]string{DefConst: "const", DefEnum: "enum", DefFlags: "flags", DefStruct: "struct"}

// String returns the kind as the spec spells it.
func (k DefKind) String() string {
	if int(k) < len(defKindNames) && defKindNames[k] != "" {
		return defKindNames[k]
	}
	return "DefKind(" + itoa(int64(k)) + ")"
}

// Definition is an entry of a spec's definitions: a constant, an enum,
// a set of flags or a struct.
type Definition struct {
	Pos  Pos
	Name string
	Kind DefKind

	// Header names a C header that already defines this, if any; the
	// family's uAPI header does not.
	Header string
	// Scope is where the C definition is rendered: "uapi" (the
	// default), "kernel" or "user".
	Scope string

	// Value is a constant's value when it is an integer (IsString false),
	// and StringValue its value when it is a string.
	Value       int64
	StringValue string
	IsString    bool

	// CName is a constant's C define: NETDEV_FOO, the spec's
	// name-prefix and name (WG_KEY_LEN), or the plain name when Header
	// defines it. Lengths and limits may name a constant by it.
	CName string

	// ValueStart is the value of an enum's first entry, or the bit of
	// flags' first entry, when the entry does not give one (0 unless the
	// spec says).
	ValueStart int64
	Entries    []*EnumEntry
	// EnumName is the C type name of an enum or flags ("netdev_xdp_act"),
	// "" for an anonymous enum (enum-name given empty).
	EnumName string
	// NamePrefix is the C prefix of the entries, upper-cased
	// ("NETDEV_XDP_ACT_", or the spec's name-prefix).
	NamePrefix string
	// RenderMax asks the C header for a max (enum) or mask (flags) entry.
	RenderMax bool

	// Members are a struct's members, in order.
	Members []*Member

	kp keyPos // where the spec gave some keys
}

// Mask returns the union of all entries' masks (for flags, the mask of
// every defined bit; the kernel's get_mask).
func (d *Definition) Mask() uint64 {
	var m uint64
	for _, e := range d.Entries {
		m |= e.Mask
	}
	return m
}

// Entry returns the enum or flags entry with the spec name, or nil.
func (d *Definition) Entry(name string) *EnumEntry {
	for _, e := range d.Entries {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// EnumEntry is one entry of an enum or flags definition.
type EnumEntry struct {
	Pos  Pos
	Name string
	// Value is the entry's value: for flags, its bit number (what the
	// kernel's nlspec calls the raw value).
	Value int64
	// Mask is 1<<Value: the entry's value in flags and in attributes
	// with enum-as-flags; 0 if Value is not a bit number (0..63).
	Mask uint64
	// CName is the C name (NETDEV_XDP_ACT_BASIC).
	CName string
}

// UserValue returns the value the entry stands for in C and on the
// wire: the mask for flags, the value for enums.
func (e *EnumEntry) UserValue(d *Definition) int64 {
	if d.Kind == DefFlags {
		return int64(e.Mask)
	}
	return e.Value
}

// Member is a member of a struct definition.
type Member struct {
	Pos  Pos
	Name string
	Type Type // TypeU8..TypeS64, TypeString, TypeBinary or TypePad
	// Len is the length in bytes of a binary, string or pad member.
	Len         Length
	ByteOrder   ByteOrder
	DisplayHint DisplayHint
	// Enum names the enum or flags definition of the member's value,
	// EnumDef is it; EnumAsFlags treats an enum's entries as bits.
	Enum        string
	EnumDef     *Definition
	EnumAsFlags bool
	// Struct names the struct definition a binary member holds, StructDef
	// is it.
	Struct    string
	StructDef *Definition

	kp keyPos // where the spec gave some keys
}

// Length is a length as a spec gives it: a number, or the name of a
// constant definition, possibly followed by " - 1".
type Length struct {
	Set   bool   // given in the spec
	Expr  string // as written, when not a plain number
	Value int64  // the resolved number of bytes
}

// Limit is an integer check as a spec gives it: a number, the name of a
// constant definition, or a type's limit such as "u32-max" or "s16-min".
// Its value is the sign and the magnitude, which hold every limit from
// s64-min to u64-max.
type Limit struct {
	Set  bool   // given in the spec
	Name string // the constant or the type limit, when not a plain number
	Neg  bool   // the value is -Abs
	Abs  uint64 // the magnitude
}

// Int64 returns the limit as an int64, and false if it does not fit.
func (l Limit) Int64() (int64, bool) {
	if l.Neg {
		if l.Abs > 1<<63 {
			return 0, false
		}
		return -int64(l.Abs-1) - 1, true
	}
	if l.Abs > 1<<63-1 {
		return 0, false
	}
	return int64(l.Abs), true
}

// Uint64 returns the limit as a uint64, and false if it is negative.
func (l Limit) Uint64() (uint64, bool) {
	if l.Neg && l.Abs != 0 {
		return 0, false
	}
	return l.Abs, true
}

// ByteOrder is the byte order of an integer attribute or member.
type ByteOrder uint8

// Byte orders. Native is the host's: the order of the kernel that
// sends or receives the message.
const (
	Native ByteOrder = iota
	LittleEndian
	BigEndian
)

// String returns the byte order as the spec spells it ("" for Native).
func (b ByteOrder) String() string {
	switch b {
	case LittleEndian:
		return "little-endian"
	case BigEndian:
		return "big-endian"
	}
	return ""
}

// DisplayHint says how to show a value: "hex", "mac", "fddi", "ipv4",
// "ipv6", "ipv4-or-v6", "uuid"; "" for none. Hints a newer schema adds
// are kept as written.
type DisplayHint string

// The display hints the kernel's schemas define.
const (
	HintHex      DisplayHint = "hex"
	HintMAC      DisplayHint = "mac"
	HintFDDI     DisplayHint = "fddi"
	HintIPv4     DisplayHint = "ipv4"
	HintIPv6     DisplayHint = "ipv6"
	HintIPv4OrV6 DisplayHint = "ipv4-or-v6"
	HintUUID     DisplayHint = "uuid"
)

// AttrSet is an attribute set (an attribute space): the attributes that
// may appear together at one level of a message or a nest.
type AttrSet struct {
	Pos  Pos
	Name string
	// SubsetOf names the set this one is a subset of, Superset is it;
	// a subset's attributes are the superset's of the same names, with
	// their values and the keys the subset overrides.
	SubsetOf string
	Superset *AttrSet
	// Header names a C header that already defines the set, if any.
	Header string

	Attributes []*Attr

	// NamePrefix is the C prefix of the attributes' names, upper-cased
	// (NETDEV_A_DEV_); a subset has its superset's.
	NamePrefix string
	// EnumName is the C type name of the attribute enum, "" for an
	// anonymous enum.
	EnumName string
	// CMaxName and CCntName name the last attribute and the attribute
	// count in C (NETDEV_A_DEV_MAX, __NETDEV_A_DEV_MAX).
	CMaxName, CCntName string

	byName map[string]*Attr

	kp keyPos // where the spec gave some keys
}

// Attr returns the attribute with the spec name, or nil.
func (s *AttrSet) Attr(name string) *Attr { return s.byName[name] }

// MaxValue returns the largest attribute value in the set (0 when the
// set is empty).
func (s *AttrSet) MaxValue() int64 {
	var m int64
	for _, a := range s.Attributes {
		m = max(m, a.Value)
	}
	return m
}

// Attr is one attribute of an attribute set.
type Attr struct {
	Pos   Pos
	Name  string
	Type  Type
	Value int64 // the attribute type number on the wire (nla_type)
	// CName is the C name (NETDEV_A_DEV_IFINDEX).
	CName string

	MultiAttr bool // the attribute may repeat
	// NestedAttributes names the set inside a nest, indexed-array of
	// nests or nest-type-value; Nested is it.
	NestedAttributes string
	Nested           *AttrSet
	// SubType is the type of an indexed-array's or a binary's elements.
	SubType Type
	// TypeValue names the values a nest-type-value takes from the types
	// of its nested attributes.
	TypeValue []string

	// Struct names the struct a binary attribute holds, StructDef is it.
	Struct    string
	StructDef *Definition
	// Enum names the enum or flags definition of the attribute's value,
	// EnumDef is it; EnumAsFlags treats an enum's entries as bits.
	Enum        string
	EnumDef     *Definition
	EnumAsFlags bool

	ByteOrder   ByteOrder
	DisplayHint DisplayHint
	Len         Length // len: the length of a binary or string

	// SubMessage names the sub-message that gives this attribute's
	// format, chosen by the value of the attribute named by Selector;
	// SubMsg is it.
	SubMessage string
	SubMsg     *SubMessage
	Selector   string

	Checks Checks

	// NamePrefix is the attribute's own C prefix (genetlink-c), if any.
	NamePrefix string

	kp keyPos // where the spec gave some keys
}

// Checks are the kernel's input validation of an attribute.
type Checks struct {
	Min, Max                 Limit
	MinLen, MaxLen, ExactLen Length
	UnterminatedOK           bool // a string need not end in NUL
	FlagsMask                string
	FlagsMaskDef             *Definition // the flags that make the mask
}

// SubMessage is a set of formats an attribute takes, chosen at run time
// by the value of another attribute (the selector).
type SubMessage struct {
	Pos     Pos
	Name    string
	Formats []*Format

	kp keyPos // where the spec gave some keys
}

// Format returns the format chosen by the selector value, or nil.
func (m *SubMessage) Format(value string) *Format {
	for _, f := range m.Formats {
		if f.Value == value {
			return f
		}
	}
	return nil
}

// Format is one format of a sub-message: an optional fixed header and
// an optional attribute set.
type Format struct {
	Pos   Pos
	Value string // the selector value that chooses this format
	// FixedHeader names the struct that starts the payload, FixedHeaderDef
	// is it.
	FixedHeader    string
	FixedHeaderDef *Definition
	// AttributeSet names the set of the attributes that follow,
	// Set is it.
	AttributeSet string
	Set          *AttrSet

	kp keyPos // where the spec gave some keys
}

// Operations is a spec's operations section.
type Operations struct {
	Pos Pos
	// EnumModel is how message types are numbered: "unified" (one
	// enum for requests and replies) or "directional" (requests and
	// replies counted apart).
	EnumModel string
	// NamePrefix and AsyncPrefix are the C prefixes of commands and of
	// notifications (NETDEV_CMD_); AsyncPrefix is NamePrefix unless the
	// spec gives async-prefix, and then notifications have an enum of
	// their own.
	NamePrefix, AsyncPrefix string
	// EnumName and AsyncEnum are the C type names of those enums, ""
	// when anonymous.
	EnumName, AsyncEnum string
	// FixedHeader names the struct after the (generic) netlink header of
	// every message, unless an operation says otherwise; FixedHeaderDef
	// is it.
	FixedHeader    string
	FixedHeaderDef *Definition

	List []*Operation

	kp keyPos // where the spec gave some keys
}

// None marks an operation value that does not exist: the request value
// of a notification, or the reply value of an operation without reply.
const None = -1

// Operation is a command, notification or event of a family.
type Operation struct {
	Pos  Pos
	Name string
	// CName is the C enum member (NETDEV_CMD_DEV_GET).
	CName string

	// Value is the message type (genetlink command) when requests and
	// replies share it, None when they differ. RequestValue and
	// ReplyValue are the message types of requests (to the kernel) and
	// of replies and notifications (from it), None when there are none.
	Value, RequestValue, ReplyValue int64

	// AttributeSet names the set of the messages' top-level attributes,
	// Set is it (for a notification, the notified operation's set).
	AttributeSet string
	Set          *AttrSet
	// FixedHeader names the struct after the (generic) netlink header,
	// the operations' fixed header unless this operation gives its own;
	// FixedHeaderDef is it.
	FixedHeader    string
	FixedHeaderDef *Definition

	Flags        []string // e.g. "admin-perm"
	DontValidate []string // e.g. "strict", "dump"
	ConfigCond   string   // the kernel config the operation depends on

	Do, Dump *Mode
	// Notify names the operation whose reply this notification shares,
	// NotifyOp is it.
	Notify   string
	NotifyOp *Operation
	// Event lists the attributes of an event.
	Event *Message
	// Mcgrp names the multicast group the notification or event goes to,
	// McastGroup is it.
	Mcgrp      string
	McastGroup *McastGroup

	hasValue bool // the spec gave the operation's value

	kp keyPos // where the spec gave some keys
}

// IsCall reports whether the operation has a do or dump handler.
func (o *Operation) IsCall() bool { return o.Do != nil || o.Dump != nil }

// IsAsync reports whether the operation is a notification or an event.
func (o *Operation) IsAsync() bool { return o.Notify != "" || o.Event != nil }

// IsReserved reports whether the operation only reserves its value.
func (o *Operation) IsReserved() bool { return !o.IsCall() && !o.IsAsync() }

// Mode is the do or the dump form of an operation.
type Mode struct {
	Pos            Pos
	Request, Reply *Message
	Pre, Post      string // kernel hooks around the handler

	kp keyPos // where the spec gave some keys
}

// Message is a request, reply or event: the attributes it carries.
type Message struct {
	Pos Pos
	// Value is the message type given here (directional enum model), or
	// None.
	Value      int64
	Attributes []string
	// Attrs are the listed attributes of the operation's attribute set,
	// in order. Listed names that are not attributes of the set are
	// not in Attrs: netlink-raw specs list the members of the fixed
	// header too, and the kernel's tools do not check the lists.
	Attrs []*Attr

	kp keyPos // where the spec gave some keys
}

// McastGroup is a multicast group.
type McastGroup struct {
	Pos  Pos
	Name string
	// Value is the group number of a netlink-raw family, None for
	// generic netlink (whose group ids are allocated at run time).
	Value int64
	// CName is the C define of the group's name (NETDEV_MCGRP_MGMT, or
	// c-define-name).
	CName string
	Flags []string

	kp keyPos // where the spec gave some keys
}
