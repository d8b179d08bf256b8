package family

import "strconv"

// Struct describes the C struct an attribute's payload holds (a YNL
// spec's binary attribute with a struct, an xfrm XFRMA_* payload), so
// that a dumper shows it by its members. Make one with NewStruct.
type Struct struct {
	// Name is the C struct's name ("xfrm_user_tmpl").
	Name string
	// Size is the struct's size in bytes (for a struct that ends in a
	// flexible array, its size before the array): a shorter payload is
	// not this struct.
	Size int
	// Array reports a payload that is an array of Size-byte structs.
	Array bool
	// Members are the struct's members in their order.
	Members []Member
	// Names are the members' names for each element of an array, by
	// index ("[1].reqid"), up to MaxStructElems elements; for a struct
	// alone, Names[0] are the members' own names ("reqid").
	Names [][]string
}

// MaxStructElems is the most elements of an array Struct that Names
// names: the most a dumper shows by members (XFRM_MAX_DEPTH, the most
// templates the kernel takes); a longer array is shown as bytes.
const MaxStructElems = 6

// Member is one member of a Struct.
type Member struct {
	Name   string
	Kind   MemberKind
	Offset int
	// Len is the length of a MemberString or MemberBytes; a MemberBytes
	// of Len 0 runs to the end of the payload (a key, a bitmap: a
	// flexible array).
	Len int
	// FamilyAt is, for a MemberAddr, the offset of the u16 address
	// family member (in the message's byte order) that says whether it
	// is IPv4 or IPv6, or FamilyOfMessage.
	FamilyAt int
}

// FamilyOfMessage, as a Member's FamilyAt, takes the address family of
// the message's fixed header.
const FamilyOfMessage = -1

// MemberKind is how a Member's bytes are read.
type MemberKind uint8

// The kinds of Member.
const (
	MemberU8     MemberKind = iota
	MemberU16               // in the message's byte order
	MemberU32               // in the message's byte order
	MemberU64               // in the message's byte order
	MemberS8                // signed
	MemberS16               // signed, in the message's byte order
	MemberS32               // signed, in the message's byte order
	MemberS64               // signed, in the message's byte order
	MemberBE16              // big-endian (a port)
	MemberBE32              // big-endian (an SPI)
	MemberBE64              // big-endian
	MemberString            // a NUL-padded char array of Len bytes
	MemberBytes             // Len bytes, or the rest of the payload if Len is 0
	MemberAddr              // an IPv4 or IPv6 address in 16 bytes (xfrm_address_t), by the family at FamilyAt
	MemberIPv4              // an IPv4 address in 4 bytes (a YNL member of display hint ipv4)
	MemberIPv6              // an IPv6 address in 16 bytes (a YNL member of display hint ipv6)
)

// Size returns the number of bytes the member spans, 0 for a
// MemberBytes that runs to the end of the payload.
func (m *Member) Size() int {
	switch m.Kind {
	case MemberU8, MemberS8:
		return 1
	case MemberU16, MemberS16, MemberBE16:
		return 2
	case MemberU32, MemberS32, MemberBE32, MemberIPv4:
		return 4
	case MemberU64, MemberS64, MemberBE64:
		return 8
	case MemberAddr, MemberIPv6:
		return 16
	}
	return m.Len
}

// NewStruct returns the description of C struct name of size bytes (an
// array of them if array) with the given members, naming the members of
// each element of an array. A member that lies past size is a table's
// mistake, which a dumper shows by leaving the payload as bytes.
func NewStruct(name string, size int, array bool, members ...Member) *Struct {
	s := &Struct{Name: name, Size: size, Array: array, Members: members}
	n := 1
	if array {
		n = MaxStructElems
	}
	for i := range n {
		names := make([]string, len(members))
		for j, m := range members {
			names[j] = m.Name
			if array {
				names[j] = "[" + strconv.Itoa(i) + "]." + m.Name
			}
		}
		s.Names = append(s.Names, names)
	}
	return s
}
