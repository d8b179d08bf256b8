package validate

// Kind is the type of an attribute's payload in a policy: the kernel's
// NLA_* policy types (include/net/netlink.h), with the same numbers.
type Kind uint8

// Policy types, numbered as the kernel's enum (NLA_UNSPEC = 0 ...
// NLA_UINT = 21).
const (
	Unspec      Kind = iota // NLA_UNSPEC: any payload of at least Len bytes
	U8                      // NLA_U8
	U16                     // NLA_U16
	U32                     // NLA_U32
	U64                     // NLA_U64
	String                  // NLA_STRING: at least 1 byte; Len is the maximum length, one trailing NUL not counted
	Flag                    // NLA_FLAG: empty payload
	Msecs                   // NLA_MSECS: a u64 of milliseconds, at least 8 bytes
	Nested                  // NLA_NESTED: attributes, checked against Rule.Nested if set
	NestedArray             // NLA_NESTED_ARRAY: attributes whose payloads are attributes
	NulString               // NLA_NUL_STRING: a string with a NUL within Len+1 bytes
	Binary                  // NLA_BINARY: at most Len bytes if Len is set
	S8                      // NLA_S8
	S16                     // NLA_S16
	S32                     // NLA_S32
	S64                     // NLA_S64
	Bitfield32              // NLA_BITFIELD32: struct nla_bitfield32 {u32 value; u32 selector}
	Reject                  // NLA_REJECT: always rejected, with Rule.Msg if set
	BE16                    // NLA_BE16: a big-endian u16
	BE32                    // NLA_BE32: a big-endian u32
	SInt                    // NLA_SINT: a signed integer of 4 or 8 bytes
	UInt                    // NLA_UINT: an unsigned integer of 4 or 8 bytes
	numKinds
)

var kindNames = [numKinds]string{
	Unspec: "NLA_UNSPEC", U8: "NLA_U8", U16: "NLA_U16", U32: "NLA_U32", U64: "NLA_U64",
	String: "NLA_STRING", Flag: "NLA_FLAG", Msecs: "NLA_MSECS", Nested: "NLA_NESTED",
	NestedArray: "NLA_NESTED_ARRAY", NulString: "NLA_NUL_STRING", Binary: "NLA_BINARY",
	S8: "NLA_S8", S16: "NLA_S16", S32: "NLA_S32", S64: "NLA_S64", Bitfield32: "NLA_BITFIELD32",
	Reject: "NLA_REJECT", BE16: "NLA_BE16", BE32: "NLA_BE32", SInt: "NLA_SINT", UInt: "NLA_UINT",
}

// String returns the kernel's name of k ("NLA_U32").
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "NLA_?"
}

// exactLen is the kernel's nla_attr_len: payload sizes that are only
// warned about in liberal mode and must match under ModeStrictAttrs.
var exactLen = [numKinds]uint8{
	U8: 1, U16: 2, U32: 4, U64: 8, S8: 1, S16: 2, S32: 4, S64: 8, BE16: 2, BE32: 4,
}

// minLen is the kernel's nla_attr_minlen: the shortest payload of a type
// with no Rule.Len.
var minLen = [numKinds]uint8{
	U8: 1, U16: 2, U32: 4, U64: 8, Msecs: 8, Nested: 4,
	S8: 1, S16: 2, S32: 4, S64: 8, BE16: 2, BE32: 4,
}

func (k Kind) unsigned() bool {
	switch k {
	case U8, U16, U32, U64, UInt, Msecs, Binary, BE16, BE32:
		return true
	}
	return false
}

func (k Kind) signed() bool {
	switch k {
	case S8, S16, S32, S64, SInt:
		return true
	}
	return false
}

// Check is the extra validation of a rule after its type's length
// checks: the kernel's enum nla_policy_validation.
type Check uint8

// Validation types, numbered as the kernel's (NLA_VALIDATE_RANGE_PTR, 6,
// has no counterpart: Min and Max hold full 64-bit ranges).
const (
	CheckNone             Check = 0 // NLA_VALIDATE_NONE
	CheckRange            Check = 1 // NLA_VALIDATE_RANGE (and _RANGE_PTR): Min <= value <= Max
	CheckRangeWarnTooLong Check = 2 // NLA_VALIDATE_RANGE_WARN_TOO_LONG: Binary longer than Max only warned, unless ModeStrictAttrs
	CheckMin              Check = 3 // NLA_VALIDATE_MIN: value >= Min
	CheckMax              Check = 4 // NLA_VALIDATE_MAX: value <= Max
	CheckMask             Check = 5 // NLA_VALIDATE_MASK: value has no bit outside Mask
	CheckFunction         Check = 7 // NLA_VALIDATE_FUNCTION: Rule.Func decides
)

// CheckFunc is a custom check of an attribute's payload, the kernel's
// NLA_POLICY_VALIDATE_FN validation function. It returns nil to accept
// the attribute. To reject it, it returns
//
//   - an nlwire.Errno, like a kernel validator that returns an errno
//     without touching the extended ACK: the Error then has that errno,
//     no offset and whatever message was already set;
//   - a *FuncError, like a validator that calls NL_SET_ERR_MSG_ATTR:
//     its errno and message, with the attribute's offset;
//   - any other error: EINVAL, its text as the message, with the
//     attribute's offset.
type CheckFunc func(payload []byte) error

// Rule is the policy of one attribute type: the kernel's struct
// nla_policy. The zero Rule is NLA_UNSPEC with no minimum length, which
// accepts anything (and is rejected as "Unsupported attribute" under
// ModeUnspec). Build rules with composite literals or with the
// constructors that mirror the kernel's NLA_POLICY_* macros.
type Rule struct {
	// Kind is the payload type (nla_policy.type).
	Kind Kind
	// Check is the extra validation (nla_policy.validation_type).
	Check Check
	// Len is nla_policy.len: the maximum length of String, NulString and
	// Binary payloads, the minimum length of Unspec payloads and, when
	// set, of integer payloads (0 means the integer's size). Unused by
	// the other kinds: a nested policy's maximum type is its own MaxType.
	Len uint16
	// Min and Max are the bounds of CheckRange, CheckMin, CheckMax and
	// CheckRangeWarnTooLong, applied to the integer value, or to the
	// payload length for Binary. For unsigned kinds they hold the bits of
	// a uint64 (uint64(Min)): use FullRange to set bounds above
	// math.MaxInt64.
	Min, Max int64
	// Mask is the allowed bits for CheckMask (nla_policy.mask) and the
	// valid flags of a Bitfield32 (nla_policy.bitfield32_valid, low 32
	// bits).
	Mask uint64
	// Nested is the policy of a Nested attribute's attributes, or of
	// each element of a NestedArray (nla_policy.nested_policy). Nil
	// checks only the nest's length.
	Nested *Policy
	// Func is the check of CheckFunction (nla_policy.validate).
	Func CheckFunc
	// Msg is the extended ACK message of a Reject rule
	// (nla_policy.reject_message); empty means the generic
	// "Attribute failed policy validation".
	Msg string
}

// Policy is a table of rules indexed by attribute type, the kernel's
// const struct nla_policy policy[MAXTYPE + 1], with the maximum type and
// the strict start type that go with it.
type Policy struct {
	// Rules holds the rule of each attribute type; Rules[0] is never
	// used, since type 0 is never valid. Types up to MaxType beyond the
	// end of Rules get the zero Rule (NLA_UNSPEC).
	Rules []Rule
	// MaxType is the highest known attribute type (the kernel's maxtype);
	// 0 means len(Rules)-1. Types above it, and type 0, are skipped, or
	// rejected under ModeMaxType.
	MaxType uint16
	// StrictStartType, if not 0, is the first type validated as if the
	// mode were ModeStrict, together with everything nested inside it
	// (policy[0].strict_start_type).
	StrictStartType uint16
	// fast, set by Compile, holds the fastRule of every type Rules holds
	// (types past them are decided in full).
	fast []fastRule
}

// unspecRule backs types beyond the end of Policy.Rules.
var unspecRule Rule

// maxType returns the policy's effective maximum type.
func (p *Policy) maxType() int {
	if p == nil {
		return 0
	}
	if p.MaxType != 0 {
		return int(p.MaxType)
	}
	return max(len(p.Rules)-1, 0)
}

// rule returns the rule of type t, which must be 1..maxType.
func (p *Policy) rule(t int) *Rule {
	if t < len(p.Rules) {
		return &p.Rules[t]
	}
	return &unspecRule
}

// Rule returns the rule that applies to attribute type t: nil for type 0
// and types above the maximum type, which have none. The rule belongs to
// the policy (or, for a type beyond Rules, is shared by every policy):
// read it, do not change it.
func (p *Policy) Rule(t uint16) *Rule {
	if t == 0 || int(t) > p.maxType() {
		return nil
	}
	return p.rule(int(t))
}

// unsignedRange is the kernel's nla_get_range_unsigned: the type's full
// range narrowed by the validation type.
func (r *Rule) unsignedRange() (lo, hi uint64) {
	switch r.Kind {
	case U8:
		hi = 0xff
	case U16, BE16, Binary, String, NulString:
		hi = 0xffff
	case U32, BE32:
		hi = 0xffffffff
	default:
		hi = 1<<64 - 1
	}
	switch r.Check {
	case CheckRange, CheckRangeWarnTooLong:
		lo, hi = uint64(r.Min), uint64(r.Max)
	case CheckMin:
		lo = uint64(r.Min)
	case CheckMax:
		hi = uint64(r.Max)
	}
	return lo, hi
}

// signedRange is the kernel's nla_get_range_signed.
func (r *Rule) signedRange() (lo, hi int64) {
	switch r.Kind {
	case S8:
		lo, hi = -1<<7, 1<<7-1
	case S16:
		lo, hi = -1<<15, 1<<15-1
	case S32:
		lo, hi = -1<<31, 1<<31-1
	default:
		lo, hi = -1<<63, 1<<63-1
	}
	switch r.Check {
	case CheckRange:
		lo, hi = r.Min, r.Max
	case CheckMin:
		lo = r.Min
	case CheckMax:
		hi = r.Max
	}
	return lo, hi
}

// UnsignedRange returns the bounds an unsigned integer (or a Binary
// length) must lie within: the kind's full range narrowed by the check,
// as the kernel's nla_get_range_unsigned computes them.
func (r *Rule) UnsignedRange() (lo, hi uint64) { return r.unsignedRange() }

// SignedRange returns the bounds a signed integer must lie within, as
// the kernel's nla_get_range_signed computes them.
func (r *Rule) SignedRange() (lo, hi int64) { return r.signedRange() }

// Constructors mirroring the kernel's NLA_POLICY_* macros. Like the
// macros' BUILD_BUG_ON checks, they panic when given a kind the macro
// does not allow; call them in package-level declarations.

func mustKind(ok bool, macro string, k Kind) {
	if !ok {
		panic("validate: " + macro + " does not apply to " + k.String())
	}
}

// Range returns a rule for an integer kind, or Binary (then on the
// payload length), whose value must lie in [min, max]: NLA_POLICY_RANGE.
// For unsigned kinds min and max must not be negative.
func Range(k Kind, min, max int64) Rule {
	mustKind(k.unsigned() || k.signed(), "NLA_POLICY_RANGE", k)
	if k.unsigned() && (min < 0 || max < 0) {
		panic("validate: negative bound for unsigned " + k.String())
	}
	return Rule{Kind: k, Check: CheckRange, Min: min, Max: max}
}

// FullRange returns a rule for an unsigned kind, Msecs or Binary whose
// value must lie in [min, max], any uint64 bounds:
// NLA_POLICY_FULL_RANGE.
func FullRange(k Kind, min, max uint64) Rule {
	mustKind(k.unsigned(), "NLA_POLICY_FULL_RANGE", k)
	return Rule{Kind: k, Check: CheckRange, Min: int64(min), Max: int64(max)}
}

// FullRangeSigned returns a rule for a signed kind whose value must lie
// in [min, max]: NLA_POLICY_FULL_RANGE_SIGNED.
func FullRangeSigned(k Kind, min, max int64) Rule {
	mustKind(k.signed(), "NLA_POLICY_FULL_RANGE_SIGNED", k)
	return Rule{Kind: k, Check: CheckRange, Min: min, Max: max}
}

// Min returns a rule whose integer value (or Binary length) must be at
// least min: NLA_POLICY_MIN.
func Min(k Kind, min int64) Rule {
	mustKind(k.unsigned() || k.signed(), "NLA_POLICY_MIN", k)
	return Rule{Kind: k, Check: CheckMin, Min: min}
}

// Max returns a rule whose integer value (or Binary length) must be at
// most max: NLA_POLICY_MAX.
func Max(k Kind, max int64) Rule {
	mustKind(k.unsigned() || k.signed(), "NLA_POLICY_MAX", k)
	return Rule{Kind: k, Check: CheckMax, Max: max}
}

// Mask returns a rule for an unsigned integer kind (not Msecs) whose
// value may only have bits of mask set: NLA_POLICY_MASK. (The kernel's
// mask is a u32; a wider one cannot come from a kernel policy.)
func Mask(k Kind, mask uint64) Rule {
	mustKind(k.unsigned() && k != Msecs && k != Binary, "NLA_POLICY_MASK", k)
	return Rule{Kind: k, Check: CheckMask, Mask: mask}
}

// ExactLen returns a Binary rule of exactly n bytes:
// NLA_POLICY_EXACT_LEN, that is NLA_POLICY_RANGE(NLA_BINARY, n, n). Any
// other length fails with ERANGE "binary attribute size out of range".
func ExactLen(n uint16) Rule {
	return Rule{Kind: Binary, Check: CheckRange, Min: int64(n), Max: int64(n)}
}

// ExactLenWarn returns a Binary rule of n bytes that only warns about a
// longer payload, unless the mode has ModeStrictAttrs:
// NLA_POLICY_EXACT_LEN_WARN (NLA_VALIDATE_RANGE_WARN_TOO_LONG). A shorter
// payload fails.
func ExactLenWarn(n uint16) Rule {
	return Rule{Kind: Binary, Check: CheckRangeWarnTooLong, Min: int64(n), Max: int64(n)}
}

// MinLen returns a Binary rule of at least n bytes: NLA_POLICY_MIN_LEN.
func MinLen(n uint16) Rule { return Rule{Kind: Binary, Check: CheckMin, Min: int64(n)} }

// MaxLen returns a Binary rule of at most n bytes: NLA_POLICY_MAX_LEN.
func MaxLen(n uint16) Rule { return Rule{Kind: Binary, Check: CheckMax, Max: int64(n)} }

// EthAddr returns a rule for a 6-byte Ethernet address:
// NLA_POLICY_ETH_ADDR.
func EthAddr() Rule { return ExactLen(6) }

// NestedPolicy returns a Nested rule whose attributes are checked
// against p: NLA_POLICY_NESTED. The nested maximum type is p's.
func NestedPolicy(p *Policy) Rule { return Rule{Kind: Nested, Nested: p} }

// NestedArrayPolicy returns a NestedArray rule whose elements'
// attributes are checked against p: NLA_POLICY_NESTED_ARRAY.
func NestedArrayPolicy(p *Policy) Rule { return Rule{Kind: NestedArray, Nested: p} }

// Bitfield32Policy returns a Bitfield32 rule allowing the flags in
// valid: NLA_POLICY_BITFIELD32.
func Bitfield32Policy(valid uint32) Rule { return Rule{Kind: Bitfield32, Mask: uint64(valid)} }

// ValidateFn returns a rule of kind k checked by fn, with an optional
// Len: NLA_POLICY_VALIDATE_FN(tp, fn, len).
func ValidateFn(k Kind, fn CheckFunc, length ...uint16) Rule {
	mustKind(k != Bitfield32 && k != Reject && k != Nested && k != NestedArray && k < numKinds,
		"NLA_POLICY_VALIDATE_FN", k)
	r := Rule{Kind: k, Check: CheckFunction, Func: fn}
	if len(length) > 0 {
		r.Len = length[0]
	}
	return r
}
