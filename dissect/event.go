package dissect

import (
	"net/netip"
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// Writer receives the events of a walk, in the order of the message's
// bytes. Begin and End bracket a message (and, inside an NLMSG_ERROR's
// Ack, the request it echoes); Attrs and EndAttrs bracket a message's
// run of top-level attributes; Nest and EndNest bracket the contents of
// a nest, an indexed array, one of its elements that is a nest, and an
// RTA_MULTIPATH next hop; Ack and EndAck bracket an NLMSG_ERROR's or
// NLMSG_DONE's contents. Embed Discard to implement only some methods.
type Writer interface {
	// Begin starts a message, or the request an Ack echoes (k.Echo).
	Begin(k *Kind)
	// End ends what Begin started.
	End(k *Kind)
	// Header is the fixed header after the nlmsghdr (struct ifinfomsg,
	// genlmsghdr, ...).
	Header(h *Header)
	// Payload is a message's payload that no table describes, or that is
	// shorter than its fixed header, at the given depth.
	Payload(p []byte, depth int)
	// Attrs starts a message's (or echoed request's) top-level
	// attributes, at the given depth.
	Attrs(depth int)
	// EndAttrs ends them.
	EndAttrs(depth int)
	// Attr is an attribute, or an element of an indexed array, with a
	// value (a.Value): not a nest.
	Attr(a *Attr)
	// Nest starts the contents of a nest, an indexed array, an array
	// element that is a nest, or a next hop (a.Role, a.Format).
	Nest(a *Attr)
	// EndNest ends the contents Nest started at the same depth.
	EndNest(depth int)
	// Ack is an NLMSG_ERROR's or NLMSG_DONE's errno and extended ACK;
	// the echoed request, if any, follows between Begin and End.
	Ack(a *Ack)
	// EndAck ends what Ack started.
	EndAck()
	// Verdict is what the kernel would answer a request, given when
	// Dissector.Validate is set, after the request's attributes.
	Verdict(v *Verdict)
	// Problem reports something malformed: the walk goes on after it.
	Problem(p *Problem)
}

// Discard is a Writer that ignores every event: embed it in a Writer
// that needs only some of them.
type Discard struct{}

// Begin ignores a message's start.
func (Discard) Begin(*Kind) {}

// End ignores a message's end.
func (Discard) End(*Kind) {}

// Header ignores a fixed header.
func (Discard) Header(*Header) {}

// Payload ignores a payload without a table.
func (Discard) Payload([]byte, int) {}

// Attrs ignores the start of a message's attributes.
func (Discard) Attrs(int) {}

// EndAttrs ignores their end.
func (Discard) EndAttrs(int) {}

// Attr ignores an attribute.
func (Discard) Attr(*Attr) {}

// Nest ignores the start of a nest.
func (Discard) Nest(*Attr) {}

// EndNest ignores the end of a nest.
func (Discard) EndNest(int) {}

// Ack ignores an extended ACK.
func (Discard) Ack(*Ack) {}

// EndAck ignores its end.
func (Discard) EndAck() {}

// Verdict ignores a validation verdict.
func (Discard) Verdict(*Verdict) {}

// Problem ignores a problem.
func (Discard) Problem(*Problem) {}

// Header is a fixed header after the nlmsghdr, by its fields.
type Header struct {
	// Struct is the header's C struct ("ifinfomsg", "genlmsghdr"), or ""
	// if the tables give its size but not its name.
	Struct string
	// Fields are the header's fields in the struct's order, as integers
	// (unsigned ones zero-extended, signed ones sign-extended).
	Fields []Field
	// User is the family's own fixed header after a genlmsghdr (struct
	// ovs_header), as bytes; nil if there is none.
	User []byte
	// Addrs are the header's address fields (inet_diag_sockid's,
	// xfrm_selector's, ...), which follow Fields; empty for most headers.
	Addrs []AddrField
	// Raw is the header as bytes when the tables do not decode it
	// (Fields is then empty); nil otherwise.
	Raw []byte
	// Offset is where the header starts in the message (after the
	// nlmsghdr), Len its size, and Depth its depth: 1 in a message, 3 in
	// an echoed request.
	Offset, Len, Depth int
}

// Field is a named field of a fixed header, or of a struct an attribute
// holds.
type Field struct {
	Name string
	// Kind says which of Value, Uint and Bytes holds the field.
	Kind FieldKind
	// Value is an integer field's value (unsigned ones zero-extended,
	// signed ones sign-extended): every integer of 32 bits or less.
	Value int64
	// Uint is a u64 field's value (Kind FieldU64), which may be above
	// what Value holds (XFRM_INF, 2^64-1).
	Uint uint64
	// Bytes is a FieldString's text (up to its first NUL) or a
	// FieldBytes' bytes: a view into the message.
	Bytes []byte
}

// FieldKind is how a Field's value is held.
type FieldKind uint8

// The kinds of Field.
const (
	// FieldInt: Field.Value, an integer of up to 32 bits.
	FieldInt FieldKind = iota
	// FieldU64: Field.Uint, an unsigned 64-bit integer.
	FieldU64
	// FieldString: Field.Bytes, a fixed-size char array's text.
	FieldString
	// FieldBytes: Field.Bytes, shown as hex (a key, a bitmap).
	FieldBytes
)

// AddrField is a named address field of a fixed header (or of a struct
// an attribute holds).
type AddrField struct {
	Name string
	// Addr is the address: IPv4 or IPv6 by the struct's address family.
	Addr netip.Addr
	// Other reports an address field of another address family (or
	// none, AF_UNSPEC): Addr holds its 16 bytes as they are, as an IPv6
	// address, to be shown as bytes.
	Other bool
}

// Role says what an Attr event stands for.
type Role uint8

// The roles of an Attr.
const (
	// RoleAttr is an attribute: Type and Name are its.
	RoleAttr Role = iota
	// RoleElem is an element of an indexed array (family.NestedArray):
	// Type is its index, Name is empty.
	RoleElem
	// RoleNexthop is a struct rtnexthop of RTA_MULTIPATH: Nexthop holds
	// it, and its attributes follow.
	RoleNexthop
)

// Attr is an attribute, an indexed array's element or a next hop.
type Attr struct {
	Role Role
	// Type is the attribute's type, without its flag bits; an element's
	// index.
	Type uint16
	// Name is the tables' name of the type, or "" if they have none.
	Name string
	// Flags are the attribute's NLA_F_NESTED and NLA_F_NET_BYTEORDER
	// bits (attr.FlagNested, attr.FlagNetByteOrder).
	Flags uint16
	// Offset is where the attribute's header starts, from the start of
	// the message's nlmsghdr; Len is its length, header included, padding
	// excluded.
	Offset, Len int
	// Depth is the nesting depth: 1 for a message's attributes.
	Depth int
	// Format is the tables' format of the attribute (family.Nested for an
	// unknown attribute with NLA_F_NESTED); for an element, the array's
	// element format.
	Format family.Format
	// TooDeep reports a nest deeper than the walk goes (MaxDepth): its
	// payload is given as bytes in Value.
	TooDeep bool
	// NestHeader is, in the Nest event of a nest (family.Nested), the
	// fixed header before its attributes (family.Attr.Header bytes), or
	// nil; in other events it is not meaningful.
	NestHeader []byte
	// Nexthop is a RoleNexthop's struct rtnexthop.
	Nexthop route.RtNexthop
	// Value is a leaf's decoded payload (Attr events only).
	Value Value
}

// ValueKind is how a Value was decoded.
type ValueKind uint8

// The kinds of Value.
const (
	// Bytes: Value.Bytes, raw (binary data, or a payload whose length
	// does not fit its format: Value.BadLength).
	Bytes ValueKind = iota
	// Uint: Value.Uint.
	Uint
	// Int: Value.Int().
	Int
	// String: Value.Bytes, up to the first NUL.
	String
	// Flag: a flag attribute without payload; present means true.
	Flag
	// Addr: Value.Addr, an IPv4 or IPv6 address.
	Addr
	// HWAddr: Value.Bytes, a link-layer address.
	HWAddr
	// Bitfield32: Value.Uint is the value, Value.Selector the selector
	// (struct nla_bitfield32).
	Bitfield32
	// Struct: Value.Struct holds the members of the C struct (or array
	// of structs) the payload is, as a fixed header's are given;
	// Value.Bytes is the payload.
	Struct
)

// Value is an attribute's payload decoded by its format. Only the fields
// Kind names are meaningful (with BadLength, Enum and EnumBits): the
// others keep what an earlier attribute left, so that decoding a value
// costs no stores but its own.
type Value struct {
	Kind ValueKind
	// BadLength reports a payload whose length does not fit its format:
	// Kind is Bytes.
	BadLength bool
	// Uint holds an unsigned value, or a signed one's two's complement,
	// or a Bitfield32's value.
	Uint uint64
	// Selector is a Bitfield32's selector.
	Selector uint32
	// Bytes is the payload of Bytes, String (up to its NUL) and HWAddr
	// values; a view into the message.
	Bytes []byte
	// Addr is an Addr value.
	Addr netip.Addr
	// Struct is a Struct value's members: its Struct names the C struct,
	// Offset is the payload's offset from the start of the nlmsghdr, Len
	// its length. It is reused by the next event.
	Struct *Header
	// Enum names the values (or, with EnumBits or a flags EnumDef, the
	// bits) of an integer; nil if the tables name none.
	Enum     *family.EnumDef
	EnumBits bool
}

// Int returns a signed value.
func (v *Value) Int() int64 { return int64(v.Uint) }

// MaxNames is the most bytes of names AppendNames appends; the bits past
// them are given as a number, so that a value's text stays within what
// its bytes may cost.
const MaxNames = 96

// AppendNames appends the name of an integer value from its Enum, or for
// flags the names of its bits joined by "|" with the bits without a name
// last as a hexadecimal number ("UP|BROADCAST|0x10000"), and reports
// whether it appended anything: nothing if no name applies.
func (v *Value) AppendNames(b []byte) ([]byte, bool) {
	e := v.Enum
	if e == nil {
		return b, false
	}
	start := len(b)
	if !v.EnumBits && !e.Flags {
		n := e.Name(v.Uint)
		return append(b, n...), n != ""
	}
	rest := v.Uint
	for i := range e.Entries {
		en := &e.Entries[i]
		m := en.Value
		if v.EnumBits {
			if m >= 64 {
				continue
			}
			m = 1 << m
		}
		if m == 0 || rest&m != m || len(b)-start+len(en.Name)+1 > MaxNames {
			continue
		}
		if len(b) > start {
			b = append(b, '|')
		}
		b = append(b, en.Name...)
		rest &^= m
	}
	if len(b) == start {
		return b, false // no bit has a name
	}
	if rest != 0 {
		b = append(b, "|0x"...)
		b = strconv.AppendUint(b, rest, 16)
	}
	return b, true
}

// Ack is the contents of an NLMSG_ERROR or NLMSG_DONE.
type Ack struct {
	// What is "error", "ack" (an NLMSG_ERROR with errno 0) or "done".
	What string
	// Error is the parsed message.
	Error wire.Error
	// Path names the attributes that lead to NLMSGERR_ATTR_OFFS in the
	// echoed request ("IFLA_LINKINFO/IFLA_INFO_KIND"), indexes by number;
	// empty if no attribute starts there.
	Path []byte
	// MissName names NLMSGERR_ATTR_MISS_TYPE, or is "".
	MissName string
	// Policy is NLMSGERR_ATTR_POLICY, parsed, if HasPolicy (its String
	// method gives it as text).
	Policy    validate.AttrPolicy
	HasPolicy bool
}

// Verdict is what the kernel would answer a request, by the family's
// policy (package validate), or why the request was not checked.
type Verdict struct {
	// Unchecked says why the request was not checked; the other fields
	// are then zero. It is Checked for a checked request.
	Unchecked Unchecked
	// Mode is the strictness the kernel's handler parses with.
	Mode validate.Mode
	// Err is nil if the kernel would accept the request.
	Err error
	// Errno and Msg are the kernel's errno and extended ACK message.
	Errno nlwire.Errno
	Msg   string
	// Offset is the offending attribute's offset from the start of the
	// nlmsghdr, if HasOffset; Path names the attributes that lead there.
	Offset    int
	HasOffset bool
	Path      []byte
}

// Unchecked says why a request got no verdict.
type Unchecked uint8

// The reasons a request is not checked.
const (
	// Checked: the request was checked against its policy.
	Checked Unchecked = iota
	// UncheckedGetStrict: an rtnetlink GET request, whose checks depend
	// on the socket's NETLINK_GET_STRICT_CHK.
	UncheckedGetStrict
	// UncheckedHandWritten: a generic family whose kernel policies are
	// hand-written, which its spec describes only in part
	// (registry.KernelGenerated); a spec loaded at run time gives them.
	UncheckedHandWritten
	// UncheckedUnknownFamily: a generic family id the dissector has not
	// learned a name for.
	UncheckedUnknownFamily
	// UncheckedNoTable: the tables have no policy for the family or the
	// message.
	UncheckedNoTable
	// UncheckedNoPolicy: the kernel's handler validates no attributes of
	// this request (its operation has no policy for the do or dump form).
	UncheckedNoPolicy
)

// String says why, as a phrase.
func (u Unchecked) String() string {
	switch u {
	case Checked:
		return "checked"
	case UncheckedGetStrict:
		return "a GET request's checks depend on NETLINK_GET_STRICT_CHK, which a capture does not show"
	case UncheckedHandWritten:
		return "the family's kernel policy is hand-written"
	case UncheckedUnknownFamily:
		return "the generic family's id is not named (no CTRL_CMD_NEWFAMILY seen)"
	case UncheckedNoTable:
		return "no table for this family/message"
	case UncheckedNoPolicy:
		return "the kernel validates no attributes of this request"
	}
	return "reason " + strconv.Itoa(int(u))
}
