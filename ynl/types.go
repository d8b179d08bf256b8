package ynl

import "strconv"

// Type is the type of an attribute, a struct member or an array's
// elements, as the spec's type key names it.
type Type uint8

// The attribute types of the kernel's schemas.
const (
	TypeNone       Type = iota // no type given (a sub-type left out)
	TypeUnused                 // a value reserved in the enum, never sent
	TypePad                    // padding for 64-bit alignment
	TypeFlag                   // present or absent, no payload
	TypeBinary                 // bytes (or a struct, or an array of sub-type)
	TypeBitfield32             // struct nla_bitfield32
	TypeUint                   // unsigned, 4 or 8 bytes
	TypeSint                   // signed, 4 or 8 bytes
	TypeU8
	TypeU16
	TypeU32
	TypeU64
	TypeS8
	TypeS16
	TypeS32
	TypeS64
	TypeString        // NUL-terminated string
	TypeNest          // nested attributes
	TypeIndexedArray  // a nest of elements of sub-type, numbered from 0 or 1
	TypeNestTypeValue // nests whose types carry values (type-value)
	TypeSubMessage    // format chosen by a selector attribute
	numTypes
)

var typeNames = [numTypes]string{
	TypeUnused:        "unused",
	TypePad:           "pad",
	TypeFlag:          "flag",
	TypeBinary:        "binary",
	TypeBitfield32:    "bitfield32",
	TypeUint:          "uint",
	TypeSint:          "sint",
	TypeU8:            "u8",
	TypeU16:           "u16",
	TypeU32:           "u32",
	TypeU64:           "u64",
	TypeS8:            "s8",
	TypeS16:           "s16",
	TypeS32:           "s32",
	TypeS64:           "s64",
	TypeString:        "string",
	TypeNest:          "nest",
	TypeIndexedArray:  "indexed-array",
	TypeNestTypeValue: "nest-type-value",
	TypeSubMessage:    "sub-message",
}

// String returns the type as the spec spells it ("" for TypeNone).
func (t Type) String() string {
	if t < numTypes {
		return typeNames[t]
	}
	return "Type(" + strconv.Itoa(int(t)) + ")"
}

// ParseType returns the type the spec's name stands for, and false if
// the name is not an attribute type.
func ParseType(name string) (Type, bool) {
	for t := TypeUnused; t < numTypes; t++ {
		if typeNames[t] == name {
			return t, true
		}
	}
	return TypeNone, false
}

// IsScalar reports whether the type is an integer (u8..s64, uint, sint).
func (t Type) IsScalar() bool { return t >= TypeUint && t <= TypeS64 }

// IsSigned reports whether the type is a signed integer.
func (t Type) IsSigned() bool { return t == TypeSint || (t >= TypeS8 && t <= TypeS64) }

// Size returns the size in bytes of a fixed-size integer type, 8 for
// bitfield32, and 0 for the others (uint and sint are 4 or 8 bytes).
func (t Type) Size() int {
	switch t {
	case TypeU8, TypeS8:
		return 1
	case TypeU16, TypeS16:
		return 2
	case TypeU32, TypeS32:
		return 4
	case TypeU64, TypeS64, TypeBitfield32:
		return 8
	}
	return 0
}

// memberType reports whether the type may be a struct member's.
func memberType(t Type) bool {
	switch t {
	case TypeU8, TypeU16, TypeU32, TypeU64, TypeS8, TypeS16, TypeS32, TypeS64,
		TypeString, TypeBinary, TypePad:
		return true
	}
	return false
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
