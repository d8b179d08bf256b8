package validate

import (
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// Attribute numbers inside a policy description, the kernel's enum
// netlink_policy_type_attr (include/uapi/linux/netlink.h): the nest of
// one attribute's rule in a CTRL_CMD_GETPOLICY dump and in
// NLMSGERR_ATTR_POLICY.
const (
	PolicyAttrType           = 1  // NL_POLICY_TYPE_ATTR_TYPE (u32, enum netlink_attribute_type)
	PolicyAttrMinValueS      = 2  // NL_POLICY_TYPE_ATTR_MIN_VALUE_S (s64)
	PolicyAttrMaxValueS      = 3  // NL_POLICY_TYPE_ATTR_MAX_VALUE_S (s64)
	PolicyAttrMinValueU      = 4  // NL_POLICY_TYPE_ATTR_MIN_VALUE_U (u64)
	PolicyAttrMaxValueU      = 5  // NL_POLICY_TYPE_ATTR_MAX_VALUE_U (u64)
	PolicyAttrMinLength      = 6  // NL_POLICY_TYPE_ATTR_MIN_LENGTH (u32)
	PolicyAttrMaxLength      = 7  // NL_POLICY_TYPE_ATTR_MAX_LENGTH (u32)
	PolicyAttrPolicyIdx      = 8  // NL_POLICY_TYPE_ATTR_POLICY_IDX (u32)
	PolicyAttrPolicyMaxType  = 9  // NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE (u32)
	PolicyAttrBitfield32Mask = 10 // NL_POLICY_TYPE_ATTR_BITFIELD32_MASK (u32)
	PolicyAttrPad            = 11 // NL_POLICY_TYPE_ATTR_PAD
	PolicyAttrMask           = 12 // NL_POLICY_TYPE_ATTR_MASK (u64)
)

// nlTypes maps enum netlink_attribute_type (NL_ATTR_TYPE_*) to kinds.
var nlTypes = [...]Kind{
	1: Flag, 2: U8, 3: U16, 4: U32, 5: U64, 6: S8, 7: S16, 8: S32, 9: S64,
	10: Binary, 11: String, 12: NulString, 13: Nested, 14: NestedArray,
	15: Bitfield32, 16: SInt, 17: UInt,
}

// AttrPolicy is the description of one rule the kernel writes with
// netlink_policy_dump_write_attr (net/netlink/policy.c): in a
// CTRL_CMD_GETPOLICY dump and in an NLMSGERR_ATTR_POLICY nest.
type AttrPolicy struct {
	// Kind is the type as the description names it: Msecs shows as
	// UInt, and Unspec, Reject, BE16 and BE32 are never described.
	Kind Kind
	// Has is the set of attributes present, bit n for attribute n
	// (PolicyAttrType ... PolicyAttrMask).
	Has uint16

	MinValueS, MaxValueS     int64  // signed integer range
	MinValueU, MaxValueU     uint64 // unsigned integer range
	MinLength, MaxLength     uint32 // String, NulString, Binary lengths
	PolicyIdx, PolicyMaxType uint32 // nested policy (dumps only)
	Bitfield32Mask           uint32 // Bitfield32 valid flags
	Mask                     uint64 // CheckMask bits
}

// Present reports whether the description holds attribute a
// (PolicyAttrType ...).
func (a AttrPolicy) Present(n int) bool { return n < 16 && a.Has&(1<<n) != 0 }

// Describe returns the description the kernel writes for r in an
// NLMSGERR_ATTR_POLICY nest, and false if it writes none (NLA_UNSPEC,
// NLA_REJECT, NLA_BE16, NLA_BE32). It follows
// __netlink_policy_dump_write_attr without a dump state, so a nested
// rule carries no policy index.
func (r *Rule) Describe() (AttrPolicy, bool) {
	a := AttrPolicy{Has: 1 << PolicyAttrType}
	switch r.Kind {
	case Nested, NestedArray, Flag:
		a.Kind = r.Kind
	case U8, U16, U32, U64, UInt, Msecs:
		a.Kind = r.Kind
		if r.Kind == Msecs {
			a.Kind = UInt
		}
		// A rule checked by a function has its type's full range
		// (nla_get_range_unsigned's default case).
		if r.Check == CheckMask {
			a.Mask = r.Mask
			a.Has |= 1 << PolicyAttrMask
		} else {
			a.MinValueU, a.MaxValueU = r.unsignedRange()
			a.Has |= 1<<PolicyAttrMinValueU | 1<<PolicyAttrMaxValueU
		}
	case S8, S16, S32, S64, SInt:
		a.Kind = r.Kind
		a.MinValueS, a.MaxValueS = r.signedRange()
		a.Has |= 1<<PolicyAttrMinValueS | 1<<PolicyAttrMaxValueS
	case Bitfield32:
		a.Kind = r.Kind
		a.Bitfield32Mask = uint32(r.Mask)
		a.Has |= 1 << PolicyAttrBitfield32Mask
	case String, NulString, Binary:
		a.Kind = r.Kind
		if r.Check == CheckRange || r.Check == CheckRangeWarnTooLong {
			lo, hi := r.unsignedRange()
			if lo != 0 {
				a.MinLength = uint32(lo)
				a.Has |= 1 << PolicyAttrMinLength
			}
			if hi < 0xffff {
				a.MaxLength = uint32(hi)
				a.Has |= 1 << PolicyAttrMaxLength
			}
		} else if r.Len != 0 {
			a.MaxLength = uint32(r.Len)
			a.Has |= 1 << PolicyAttrMaxLength
		}
	default:
		return AttrPolicy{}, false
	}
	return a, true
}

// String renders the description like "NLA_U32 range [1, 4094]" or
// "NLA_NUL_STRING max length 15".
func (a AttrPolicy) String() string {
	s := a.Kind.String()
	if a.Present(PolicyAttrMinValueU) || a.Present(PolicyAttrMaxValueU) {
		s += " range [" + strconv.FormatUint(a.MinValueU, 10) + ", " + strconv.FormatUint(a.MaxValueU, 10) + "]"
	}
	if a.Present(PolicyAttrMinValueS) || a.Present(PolicyAttrMaxValueS) {
		s += " range [" + strconv.FormatInt(a.MinValueS, 10) + ", " + strconv.FormatInt(a.MaxValueS, 10) + "]"
	}
	if a.Present(PolicyAttrMinLength) {
		s += " min length " + strconv.FormatUint(uint64(a.MinLength), 10)
	}
	if a.Present(PolicyAttrMaxLength) {
		s += " max length " + strconv.FormatUint(uint64(a.MaxLength), 10)
	}
	if a.Present(PolicyAttrMask) {
		s += " mask 0x" + strconv.FormatUint(a.Mask, 16)
	}
	if a.Present(PolicyAttrBitfield32Mask) {
		s += " valid 0x" + strconv.FormatUint(uint64(a.Bitfield32Mask), 16)
	}
	if a.Present(PolicyAttrPolicyIdx) {
		s += " policy " + strconv.FormatUint(uint64(a.PolicyIdx), 10)
	}
	if a.Present(PolicyAttrPolicyMaxType) {
		s += " maxtype " + strconv.FormatUint(uint64(a.PolicyMaxType), 10)
	}
	return s
}

// nlTypeOf returns the enum netlink_attribute_type number of kind k, or
// 0 for a kind a description never names.
func nlTypeOf(k Kind) uint32 {
	for i, nk := range nlTypes {
		if i != 0 && nk == k {
			return uint32(i)
		}
	}
	return 0
}

// Append appends the description as the kernel writes it into an
// NLMSGERR_ATTR_POLICY nest or a policy dump entry: the attributes a
// has, in the order __netlink_policy_dump_write_attr writes them (the
// kind's values, then NL_POLICY_TYPE_ATTR_TYPE), in byte order o, 64-bit
// values unpadded as on architectures with efficient unaligned access
// (x86, arm64, s390x, ppc64). It is the payload of the nest, without
// the nest's own header: what wire.Error.Policy holds.
func (a AttrPolicy) Append(b []byte, o nlwire.Order) []byte {
	e := attr.NewEncoder(b).WithOrder(o)
	for _, n := range [...]int{
		PolicyAttrPolicyIdx, PolicyAttrPolicyMaxType, PolicyAttrMask,
		PolicyAttrMinValueU, PolicyAttrMaxValueU, PolicyAttrMinValueS, PolicyAttrMaxValueS,
		PolicyAttrBitfield32Mask, PolicyAttrMinLength, PolicyAttrMaxLength, PolicyAttrType,
	} {
		if !a.Present(n) {
			continue
		}
		t := uint16(n)
		switch n {
		case PolicyAttrPolicyIdx:
			e.Uint32(t, a.PolicyIdx)
		case PolicyAttrPolicyMaxType:
			e.Uint32(t, a.PolicyMaxType)
		case PolicyAttrMask:
			e.Uint64(t, a.Mask)
		case PolicyAttrMinValueU:
			e.Uint64(t, a.MinValueU)
		case PolicyAttrMaxValueU:
			e.Uint64(t, a.MaxValueU)
		case PolicyAttrMinValueS:
			e.Int64(t, a.MinValueS)
		case PolicyAttrMaxValueS:
			e.Int64(t, a.MaxValueS)
		case PolicyAttrBitfield32Mask:
			e.Uint32(t, a.Bitfield32Mask)
		case PolicyAttrMinLength:
			e.Uint32(t, a.MinLength)
		case PolicyAttrMaxLength:
			e.Uint32(t, a.MaxLength)
		case PolicyAttrType:
			e.Uint32(t, nlTypeOf(a.Kind))
		}
	}
	out, _ := e.Finish() // no nest, no attribute near 64 KiB: nothing fails
	return out
}

// ParseAttrPolicy decodes the payload of an NLMSGERR_ATTR_POLICY nest or
// of one attribute's entry in a policy dump: NL_POLICY_TYPE_ATTR_*
// attributes in byte order o.
func ParseAttrPolicy(b []byte, o nlwire.Order) (AttrPolicy, error) {
	return parseAttrPolicy(attr.NewDecoder(b).WithOrder(o))
}
