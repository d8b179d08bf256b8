package family

// Format is how an attribute's payload should be shown. It describes the
// payload as the kernel fills it in, not what a policy accepts: a dumper
// that finds a payload of another length should fall back to Binary.
type Format uint8

// Payload formats.
const (
	Binary      Format = iota // bytes, shown in hex (also structs the table does not decode)
	U8                        // unsigned 8-bit integer
	U16                       // unsigned 16-bit integer, in the message's byte order
	U32                       // unsigned 32-bit integer, in the message's byte order
	U64                       // unsigned 64-bit integer, in the message's byte order
	S8                        // signed 8-bit integer
	S16                       // signed 16-bit integer
	S32                       // signed 32-bit integer
	S64                       // signed 64-bit integer
	UInt                      // unsigned integer of 4 or 8 bytes (NLA_UINT)
	SInt                      // signed integer of 4 or 8 bytes (NLA_SINT)
	BE16                      // unsigned 16-bit integer, big-endian (a port, an EtherType)
	BE32                      // unsigned 32-bit integer, big-endian
	String                    // text, usually NUL-terminated
	Flag                      // no payload: presence is the value
	Nested                    // attributes of the space Attr.ChildSet returns (after Attr.Header bytes of fixed header)
	NestedArray               // attributes whose types are indexes, each holding attributes of Attr.Child
	IPAddr                    // an IPv4 (4 bytes) or IPv6 (16 bytes) address
	HWAddr                    // a link-layer address, shown as colon-separated hex
	Bitfield32                // struct nla_bitfield32: u32 value, u32 selector
	Multipath                 // a sequence of struct rtnexthop (Attr.Header bytes, length first), each followed by attributes of Attr.Child
	BE64                      // unsigned 64-bit integer, big-endian (an nftables handle, a conntrack counter)
	SBE32                     // signed 32-bit integer, big-endian (an nftables hook priority)
	numFormats
)

var formatNames = [numFormats]string{
	Binary: "binary", U8: "u8", U16: "u16", U32: "u32", U64: "u64",
	S8: "s8", S16: "s16", S32: "s32", S64: "s64", UInt: "uint", SInt: "sint",
	BE16: "be16", BE32: "be32", String: "string", Flag: "flag", Nested: "nested",
	NestedArray: "nested-array", IPAddr: "ipaddr", HWAddr: "hwaddr",
	Bitfield32: "bitfield32", Multipath: "multipath", BE64: "be64", SBE32: "sbe32",
}

// String returns the format's name ("u32", "nested", ...).
func (f Format) String() string {
	if f < numFormats {
		return formatNames[f]
	}
	return "format?"
}

// Size returns the payload length of a fixed-size format, or 0 for
// formats whose length varies (Binary, String, Nested, UInt, IPAddr ...).
func (f Format) Size() int {
	switch f {
	case U8, S8:
		return 1
	case U16, S16, BE16:
		return 2
	case U32, S32, BE32, SBE32:
		return 4
	case U64, S64, BE64, Bitfield32:
		return 8
	}
	return 0
}

// Attr describes one attribute type of a Set.
type Attr struct {
	// Name is the kernel's name of the attribute ("IFLA_MTU").
	Name string
	// Format is how the payload should be shown.
	Format Format
	// Header is the size of a fixed header that precedes the nested
	// attributes of a Nested payload (16 for the struct ifinfomsg in
	// VETH_INFO_PEER) or of each Multipath record (8 for struct
	// rtnexthop).
	Header uint8
	// Key, with Variants, makes the child space depend on a sibling: the
	// type of the sibling attribute, in the same nest, whose string value
	// selects a Variant (IFLA_INFO_KIND for IFLA_INFO_DATA).
	Key uint16
	// Child is the attribute space of a Nested, NestedArray or Multipath
	// payload, or nil if the table does not describe it. With Variants it
	// is the space used when no variant matches.
	Child *Set
	// Variants are the child spaces selected by the value of Key.
	Variants []Variant

	// The fields below are filled in by the tables generated from the
	// kernel's YNL specs (family/<name> packages); tables written by hand
	// may leave them zero.

	// ChildRef, when Child is nil, refers to the child space of a nest
	// that contains itself, directly or further down: a pointer there
	// would make the package-level tables an initialization cycle.
	// ChildSet follows it.
	ChildRef SetRef
	// Multi reports that the attribute may appear more than once in its
	// nest (the spec's multi-attr).
	Multi bool
	// Enum names the values of an integer attribute, or nil.
	Enum *EnumDef
	// EnumBits reports that the attribute's value is a set of bits whose
	// numbers are Enum's values (the spec's enum-as-flags), rather than
	// one of Enum's values. (For a flags EnumDef the entries' values are
	// already masks.)
	EnumBits bool
	// ElemFormat is the format of each element of a NestedArray whose
	// elements are not nests (Child nil): an indexed array of u32 or
	// binary values.
	ElemFormat Format
	// Struct, for a Binary attribute, describes the C struct (or array of
	// structs) its payload is, or is nil.
	Struct *Struct
}

// SetRef refers to an attribute space without a pointer to it, for the
// nests that contain themselves (see Attr.ChildRef): generated tables
// implement it with a method that returns one of their sets.
type SetRef interface {
	Set() *Set
}

// Variant is one child space of an attribute whose payload depends on a
// sibling's value, such as the IFLA_INFO_DATA of one link kind.
type Variant struct {
	Value string // the sibling's value, without its NUL ("veth")
	Set   *Set   // the child space for that value
	// Header is the size of a fixed header (a struct) that precedes the
	// variant's attributes, or the whole payload when Set is nil; 0 if
	// none (the formats of a spec's sub-message).
	Header uint8
	// Ref, when Set is nil, refers to a child space that contains this
	// attribute's own space (see Attr.ChildRef).
	Ref SetRef
}

// ChildSet returns the attribute space of the attribute's nested payload,
// given the value of its Key sibling (ignored when the attribute has no
// variants), or nil if there is none.
func (a *Attr) ChildSet(key string) *Set {
	if a == nil {
		return nil
	}
	for i := range a.Variants {
		if v := &a.Variants[i]; v.Value == key {
			if v.Set == nil && v.Ref != nil {
				return v.Ref.Set()
			}
			return v.Set
		}
	}
	if a.Child == nil && a.ChildRef != nil {
		return a.ChildRef.Set()
	}
	return a.Child
}

// Set is an attribute space: the names and formats of the attribute
// types that may appear together in one message or nest. Its methods do
// not allocate.
type Set struct {
	// Space is the prefix the kernel's names share ("IFLA", "IFLA_INFO").
	Space string
	// Attrs holds the attribute types by number; an entry with an empty
	// Name is a type the table does not know.
	Attrs []Attr
	// Elem, if not nil, describes every type the table does not name:
	// the space is an array whose types are indexes (the policy
	// indexes in CTRL_ATTR_POLICY, for example).
	Elem *Attr
}

// Attr returns the description of attribute type typ (flags stripped by
// the caller), Elem for an unnamed type of an array space, or nil.
func (s *Set) Attr(typ uint16) *Attr {
	if s == nil {
		return nil
	}
	if int(typ) < len(s.Attrs) && s.Attrs[typ].Name != "" {
		return &s.Attrs[typ]
	}
	return s.Elem
}

// Name returns the kernel's name of attribute type typ ("IFLA_MTU"), or
// "" if the set does not name it.
func (s *Set) Name(typ uint16) string {
	if s == nil || int(typ) >= len(s.Attrs) {
		return ""
	}
	return s.Attrs[typ].Name
}

// Lookup returns the attribute type named name, and whether there is one.
func (s *Set) Lookup(name string) (uint16, bool) {
	if s == nil {
		return 0, false
	}
	for i := range s.Attrs {
		if s.Attrs[i].Name == name && name != "" {
			return uint16(i), true
		}
	}
	return 0, false
}

// Max returns the highest attribute type the set names.
func (s *Set) Max() uint16 {
	if s == nil {
		return 0
	}
	for i := len(s.Attrs) - 1; i > 0; i-- {
		if s.Attrs[i].Name != "" {
			return uint16(i)
		}
	}
	return 0
}
