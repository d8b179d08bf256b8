package validate

import (
	"errors"
	"math"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nlwire/nlwire"
)

const (
	EINVAL = nlwire.EINVAL
	ERANGE = nlwire.ERANGE
)

// Every case cites the lib/nlattr.c (v6.12+) code it checks:
// validate_nla (VN), __nla_validate_parse (VP), nla_validate_array (VA),
// nla_validate_range_unsigned (RU), nla_validate_int_range_signed (RS),
// nla_validate_mask (VM), validate_nla_bitfield32 (BF).
type vcase struct {
	name   string
	kernel string // the kernel behaviour checked
	p      *Policy
	m      Mode
	in     []byte
	want   *result
	warns  []WarnKind
}

func runCases(t *testing.T, cases []vcase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var warns []WarnKind
			o := Options{Warn: func(w Warning) { warns = append(warns, w.Kind) }}
			err := o.Validate(c.in, c.p, c.m)
			if diff := cmp.Diff(c.want, resultOf(err), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s\nValidate(% x, %v) mismatch (-want +got):\n%s", c.kernel, c.in, c.m, diff)
			}
			if diff := cmp.Diff(c.warns, warns, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s\nwarnings mismatch (-want +got):\n%s", c.kernel, diff)
			}
			// Parse decides the same.
			if diff := cmp.Diff(resultOf(err), resultOf(Parse(c.in, c.p, c.m, nil)), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Parse and Validate differ:\n%s", diff)
			}
		})
	}
}

var intPolicy = Policy{Rules: []Rule{
	1: {Kind: U8}, 2: {Kind: U16}, 3: {Kind: U32}, 4: {Kind: U64},
	5: {Kind: S8}, 6: {Kind: S16}, 7: {Kind: S32}, 8: {Kind: S64},
	9: {Kind: BE16}, 10: {Kind: BE32}, 11: {Kind: Msecs}, 12: {Kind: UInt}, 13: {Kind: SInt},
	14: {Kind: U32, Len: 6},
}}

func TestIntegerLengths(t *testing.T) {
	p := &intPolicy
	a := host.a
	W := []WarnKind{WarnLength}
	runCases(t, []vcase{
		{"u8 exact strict", "VN: nla_attr_len[NLA_U8] == 1", p, ModeStrict, a(1, n(1)), nil, nil},
		{"u8 empty liberal", "VN default: attrlen < nla_attr_minlen -> -ERANGE", p, ModeLiberal, a(1, n(0)),
			fail(ERANGE, MsgFailed, 0, true, 1), W},
		{"u16 exact", "VN", p, ModeStrict, a(2, n(2)), nil, nil},
		{"u16 min-1 liberal", "VN default: -ERANGE", p, ModeLiberal, a(2, n(1)), fail(ERANGE, MsgFailed, 0, true, 2), W},
		{"u32 exact strict", "VN", p, ModeStrict, a(3, n(4)), nil, nil},
		{"u32 min-1 liberal", "VN: warn, then default -ERANGE", p, ModeLiberal, a(3, n(3)), fail(ERANGE, MsgFailed, 0, true, 3), W},
		{"u32 min-1 strict", "VN: nla_attr_len mismatch under NL_VALIDATE_STRICT_ATTRS -> -EINVAL", p, ModeStrict, a(3, n(3)),
			fail(EINVAL, MsgInvalidLength, 0, true, 3), W},
		{"u32 over-long liberal", "VN: pr_warn only", p, ModeLiberal, a(3, n(8)), nil, W},
		{"u32 over-long deprecated strict", "VN: pr_warn only without STRICT_ATTRS", p, ModeDeprecatedStrict, a(3, n(5)), nil, W},
		{"u32 over-long strict attrs", "VN: -EINVAL invalid attribute length", p, ModeStrictAttrs, a(3, n(5)),
			fail(EINVAL, MsgInvalidLength, 0, true, 3), W},
		{"u64 exact", "VN", p, ModeStrict, a(4, n(8)), nil, nil},
		{"u64 min-1", "VN", p, ModeLiberal, a(4, n(7)), fail(ERANGE, MsgFailed, 0, true, 4), W},
		{"s8 empty", "VN", p, ModeLiberal, a(5, n(0)), fail(ERANGE, MsgFailed, 0, true, 5), W},
		{"s16 over-long strict", "VN", p, ModeStrict, a(6, n(4)), fail(EINVAL, MsgInvalidLength, 0, true, 6), W},
		{"s32 exact", "VN", p, ModeStrict, a(7, n(4)), nil, nil},
		{"s64 min-1", "VN", p, ModeLiberal, a(8, n(7)), fail(ERANGE, MsgFailed, 0, true, 8), W},
		{"be16 short: no POLICY TLV", "VN; policy.c writes nothing for NLA_BE16", p, ModeLiberal, a(9, n(1)),
			fail(ERANGE, MsgFailed, 0, false, 9), W},
		{"be32 over-long strict", "VN; no POLICY TLV for NLA_BE32", p, ModeStrict, a(10, n(8)),
			fail(EINVAL, MsgInvalidLength, 0, false, 10), W},
		{"msecs exact", "VN", p, ModeStrict, a(11, n(8)), nil, nil},
		{"msecs over-long strict", "VN: NLA_MSECS has no nla_attr_len entry", p, ModeStrict, a(11, n(12)), nil, nil},
		{"msecs min-1", "VN default: nla_attr_minlen[NLA_MSECS] = 8", p, ModeStrict, a(11, n(7)),
			fail(ERANGE, MsgFailed, 0, true, 11), nil},
		{"uint 4", "VN: NLA_UINT 4 or 8", p, ModeStrict, a(12, n(4)), nil, nil},
		{"uint 8", "VN", p, ModeStrict, a(12, n(8)), nil, nil},
		{"uint 6 liberal", "VN: NLA_UINT other length -EINVAL in any mode", p, ModeLiberal, a(12, n(6)),
			fail(EINVAL, MsgInvalidLength, 0, true, 12), nil},
		{"uint 0", "VN", p, ModeLiberal, a(12, n(0)), fail(EINVAL, MsgInvalidLength, 0, true, 12), nil},
		{"sint 2", "VN", p, ModeLiberal, a(13, n(2)), fail(EINVAL, MsgInvalidLength, 0, true, 13), nil},
		{"sint 8", "VN", p, ModeStrict, a(13, n(8)), nil, nil},
		{"u32 with len 6 given 4", "VN default: pt->len is the minimum length", p, ModeLiberal, a(14, n(4)),
			fail(ERANGE, MsgFailed, 0, true, 14), nil},
		{"u32 with len 6 given 6 strict", "VN: exact check first", p, ModeStrict, a(14, n(6)),
			fail(EINVAL, MsgInvalidLength, 0, true, 14), W},
		{"second attribute offset", "OFFS of the offending attribute", p, ModeLiberal, cat(a(3, n(4)), a(1, n(1)), a(2, n(1))),
			fail(ERANGE, MsgFailed, 16, true, 2), W},
		{"net byteorder flag accepted", "VN never looks at NLA_F_NET_BYTEORDER", p, ModeStrict, a(3|0x4000, n(4)), nil, nil},
		{"unpadded last attribute", "nla_ok: rem may go negative", p, ModeStrict, host.raw(1, n(1), 5)[:5], nil, nil},
	})
}

func TestIntegerRanges(t *testing.T) {
	p := &Policy{Rules: []Rule{
		1:  Range(U32, 1, 4094),
		2:  Range(S8, -5, 5),
		3:  Min(U16, 10),
		4:  Max(U8, 7),
		5:  FullRange(U64, 1<<40, math.MaxUint64),
		6:  FullRangeSigned(S64, math.MinInt64, -1),
		7:  Range(BE16, 1, 10),
		8:  Range(UInt, 5, 1<<33),
		9:  Range(SInt, -2, 2),
		10: Max(Msecs, 1000),
		11: Range(S32, -100, 100),
		12: Range(U8, 0, 200),
	}}
	a := host.a
	e := host
	runCases(t, []vcase{
		{"u32 range low", "RU: value < range.min -> -ERANGE integer out of range", p, ModeStrict, a(1, e.u32(0)),
			fail(ERANGE, MsgOutOfRange, 0, true, 1), nil},
		{"u32 range min", "RU", p, ModeStrict, a(1, e.u32(1)), nil, nil},
		{"u32 range max", "RU", p, ModeStrict, a(1, e.u32(4094)), nil, nil},
		{"u32 range high", "RU", p, ModeStrict, a(1, e.u32(4095)), fail(ERANGE, MsgOutOfRange, 0, true, 1), nil},
		{"u32 range over-long liberal reads first 4 bytes", "VN warn, RU nla_get_u32", p, ModeLiberal,
			a(1, cat(e.u32(4094), e.u32(0))), nil, []WarnKind{WarnLength}},
		{"s8 range low", "RS", p, ModeStrict, a(2, []byte{0xfa}), fail(ERANGE, MsgOutOfRange, 0, true, 2), nil},
		{"s8 range min", "RS", p, ModeStrict, a(2, []byte{0xfb}), nil, nil},
		{"u16 min-1", "RU NLA_VALIDATE_MIN", p, ModeStrict, a(3, e.u16(9)), fail(ERANGE, MsgOutOfRange, 0, true, 3), nil},
		{"u16 min", "RU", p, ModeStrict, a(3, e.u16(10)), nil, nil},
		{"u8 max+1 value", "RU", p, ModeStrict, a(4, []byte{8}), fail(ERANGE, MsgOutOfRange, 0, true, 4), nil},
		{"u64 full range low", "RU NLA_VALIDATE_RANGE_PTR", p, ModeStrict, a(5, e.u64(1<<40-1)),
			fail(ERANGE, MsgOutOfRange, 0, true, 5), nil},
		{"u64 full range top", "RU", p, ModeStrict, a(5, e.u64(math.MaxUint64)), nil, nil},
		{"s64 full range high", "RS", p, ModeStrict, a(6, e.u64(0)), fail(ERANGE, MsgOutOfRange, 0, true, 6), nil},
		{"s64 full range min", "RS", p, ModeStrict, a(6, e.u64(1<<63)), nil, nil},
		{"be16 in range", "RU: ntohs(nla_get_be16)", p, ModeStrict, a(7, []byte{0, 5}), nil, nil},
		{"be16 byte-swapped out of range: no POLICY TLV", "RU; policy.c skips NLA_BE16", p, ModeStrict, a(7, []byte{5, 0}),
			fail(ERANGE, MsgOutOfRange, 0, false, 7), nil},
		{"uint 4-byte low", "RU nla_get_uint", p, ModeStrict, a(8, e.u32(4)), fail(ERANGE, MsgOutOfRange, 0, true, 8), nil},
		{"uint 8-byte top", "RU", p, ModeStrict, a(8, e.u64(1<<33)), nil, nil},
		{"uint 8-byte high", "RU", p, ModeStrict, a(8, e.u64(1<<33+1)), fail(ERANGE, MsgOutOfRange, 0, true, 8), nil},
		{"sint 4-byte negative sign-extends", "RS nla_get_sint", p, ModeStrict, a(9, e.u32(0xfffffffe)), nil, nil},
		{"sint 4-byte -3", "RS", p, ModeStrict, a(9, e.u32(0xfffffffd)), fail(ERANGE, MsgOutOfRange, 0, true, 9), nil},
		{"sint 8-byte -3", "RS", p, ModeStrict, a(9, e.u64(math.MaxUint64-2)), fail(ERANGE, MsgOutOfRange, 0, true, 9), nil},
		{"msecs max", "RU NLA_MSECS", p, ModeStrict, a(10, e.u64(1001)), fail(ERANGE, MsgOutOfRange, 0, true, 10), nil},
		{"s32 negative", "RS", p, ModeStrict, a(11, e.u32(uint32(0xffffff9c))), nil, nil},
		{"s32 -101", "RS", p, ModeStrict, a(11, e.u32(uint32(0xffffff9b))), fail(ERANGE, MsgOutOfRange, 0, true, 11), nil},
		{"u8 201", "RU", p, ModeStrict, a(12, []byte{201}), fail(ERANGE, MsgOutOfRange, 0, true, 12), nil},
	})
}

func TestMask(t *testing.T) {
	p := &Policy{Rules: []Rule{1: Mask(U32, 0x3), 2: Mask(BE32, 0x100), 3: Mask(UInt, 0xff), 4: Mask(U8, 0x80)}}
	a, e := host.a, host
	runCases(t, []vcase{
		{"u32 in mask", "VM", p, ModeStrict, a(1, e.u32(3)), nil, nil},
		{"u32 reserved bit: no POLICY TLV", "VM: NL_SET_ERR_MSG_ATTR reserved bit set -EINVAL", p, ModeStrict, a(1, e.u32(4)),
			fail(EINVAL, MsgReservedBit, 0, false, 1), nil},
		{"be32 in mask", "VM ntohl", p, ModeStrict, a(2, []byte{0, 0, 1, 0}), nil, nil},
		{"be32 reserved", "VM", p, ModeStrict, a(2, []byte{0, 1, 0, 0}), fail(EINVAL, MsgReservedBit, 0, false, 2), nil},
		{"uint 8-byte reserved", "VM nla_get_uint", p, ModeStrict, a(3, e.u64(0x100)), fail(EINVAL, MsgReservedBit, 0, false, 3), nil},
		{"u8 ok", "VM", p, ModeStrict, a(4, []byte{0x80}), nil, nil},
		{"u8 reserved", "VM", p, ModeStrict, a(4, []byte{0x40}), fail(EINVAL, MsgReservedBit, 0, false, 4), nil},
	})
}

func TestFlagStringBinary(t *testing.T) {
	p := &Policy{Rules: []Rule{
		1:  {Kind: Flag},
		2:  {Kind: String, Len: 5},
		3:  {Kind: String},
		4:  {Kind: NulString, Len: 5},
		5:  {Kind: NulString},
		6:  {Kind: Binary, Len: 4},
		7:  {Kind: Binary},
		8:  ExactLen(6),
		9:  ExactLenWarn(6),
		10: MinLen(4),
		11: MaxLen(4),
		12: EthAddr(),
	}}
	a := host.a
	W := []WarnKind{WarnTooLong}
	runCases(t, []vcase{
		{"flag empty", "VN NLA_FLAG", p, ModeStrict, a(1, nil), nil, nil},
		{"flag with payload", "VN NLA_FLAG attrlen > 0 -> -ERANGE", p, ModeLiberal, a(1, n(1)), fail(ERANGE, MsgFailed, 0, true, 1), nil},
		{"string at len", "VN NLA_STRING", p, ModeStrict, a(2, str("abcde")), nil, nil},
		{"string at len plus NUL", "VN: one trailing NUL stripped", p, ModeStrict, a(2, str("abcde\x00")), nil, nil},
		{"string len+1", "VN: attrlen > pt->len -> -ERANGE", p, ModeStrict, a(2, str("abcdef")), fail(ERANGE, MsgFailed, 0, true, 2), nil},
		{"string two NULs", "VN: only one NUL stripped", p, ModeStrict, a(2, str("abcde\x00\x00")), fail(ERANGE, MsgFailed, 0, true, 2), nil},
		{"string empty", "VN: attrlen < 1 -> -ERANGE", p, ModeStrict, a(2, nil), fail(ERANGE, MsgFailed, 0, true, 2), nil},
		{"string no len empty", "VN", p, ModeStrict, a(3, nil), fail(ERANGE, MsgFailed, 0, true, 3), nil},
		{"string no NUL needed", "VN", p, ModeStrict, a(3, str("x")), nil, nil},
		{"nul string ok", "VN NLA_NUL_STRING", p, ModeStrict, a(4, str("abc\x00")), nil, nil},
		{"nul string without NUL", "VN: memchr fails -> -EINVAL", p, ModeStrict, a(4, str("abc")), fail(EINVAL, MsgFailed, 0, true, 4), nil},
		{"nul string NUL at len", "VN: NUL within len+1 bytes", p, ModeStrict, a(4, str("abcde\x00")), nil, nil},
		{"nul string NUL at len+1", "VN: minlen = min(attrlen, len+1)", p, ModeStrict, a(4, str("abcdef\x00")),
			fail(EINVAL, MsgFailed, 0, true, 4), nil},
		{"nul string early NUL but too long", "VN: NUL check passes, then STRING len -> -ERANGE", p, ModeStrict,
			a(4, str("ab\x00cdefgh")), fail(ERANGE, MsgFailed, 0, true, 4), nil},
		{"nul string empty", "VN: !minlen -> -EINVAL", p, ModeStrict, a(4, nil), fail(EINVAL, MsgFailed, 0, true, 4), nil},
		{"nul string no len, no NUL", "VN", p, ModeStrict, a(5, str("abcdefgh")), fail(EINVAL, MsgFailed, 0, true, 5), nil},
		{"nul string no len, NUL", "VN", p, ModeStrict, a(5, str("abcdefg\x00")), nil, nil},
		{"nul string only NUL", "VN", p, ModeStrict, a(5, str("\x00")), nil, nil},
		{"binary at len", "VN NLA_BINARY", p, ModeStrict, a(6, n(4)), nil, nil},
		{"binary len+1", "VN: attrlen > pt->len -> -ERANGE", p, ModeStrict, a(6, n(5)), fail(ERANGE, MsgFailed, 0, true, 6), nil},
		{"binary empty", "VN", p, ModeStrict, a(6, nil), nil, nil},
		{"binary unbounded", "VN", p, ModeStrict, a(7, n(999)), nil, nil},
		{"exact len", "NLA_POLICY_EXACT_LEN", p, ModeStrict, a(8, n(6)), nil, nil},
		{"exact len short", "RU: binary attribute size out of range", p, ModeLiberal, a(8, n(5)),
			fail(ERANGE, MsgBinaryRange, 0, true, 8), nil},
		{"exact len long liberal", "RU: NLA_VALIDATE_RANGE errors in any mode", p, ModeLiberal, a(8, n(7)),
			fail(ERANGE, MsgBinaryRange, 0, true, 8), nil},
		{"exact len warn long liberal", "RU: RANGE_WARN_TOO_LONG pr_warn only", p, ModeLiberal, a(9, n(7)), nil, W},
		{"exact len warn long strict", "RU: -EINVAL invalid attribute length under STRICT_ATTRS", p, ModeStrict, a(9, n(7)),
			fail(EINVAL, MsgInvalidLength, 0, true, 9), W},
		{"exact len warn short", "RU: shorter fails the range", p, ModeLiberal, a(9, n(5)),
			fail(ERANGE, MsgBinaryRange, 0, true, 9), nil},
		{"min len-1", "NLA_POLICY_MIN_LEN", p, ModeStrict, a(10, n(3)), fail(ERANGE, MsgBinaryRange, 0, true, 10), nil},
		{"min len", "NLA_POLICY_MIN_LEN", p, ModeStrict, a(10, n(4)), nil, nil},
		{"max len+1", "NLA_POLICY_MAX_LEN", p, ModeStrict, a(11, n(5)), fail(ERANGE, MsgBinaryRange, 0, true, 11), nil},
		{"eth addr", "NLA_POLICY_ETH_ADDR", p, ModeStrict, a(12, n(6)), nil, nil},
	})
}

func TestBitfield32(t *testing.T) {
	p := &Policy{Rules: []Rule{1: Bitfield32Policy(0x0f), 2: Bitfield32Policy(0)}}
	a, e := host.a, host
	runCases(t, []vcase{
		{"subset", "BF", p, ModeStrict, a(1, e.bf32(0x1, 0x3)), nil, nil},
		{"all valid", "BF", p, ModeStrict, a(1, e.bf32(0xf, 0xf)), nil, nil},
		{"nothing selected", "BF", p, ModeStrict, a(1, e.bf32(0, 0)), nil, nil},
		{"short", "VN: attrlen != sizeof(struct nla_bitfield32) -> -ERANGE", p, ModeLiberal, a(1, n(4)),
			fail(ERANGE, MsgFailed, 0, true, 1), nil},
		{"long", "VN", p, ModeLiberal, a(1, n(12)), fail(ERANGE, MsgFailed, 0, true, 1), nil},
		{"selector outside valid", "BF: bf->selector & ~valid -> -EINVAL", p, ModeStrict, a(1, e.bf32(0, 0x10)),
			fail(EINVAL, MsgFailed, 0, true, 1), nil},
		{"value outside valid", "BF: bf->value & ~valid", p, ModeStrict, a(1, e.bf32(0x10, 0x10)),
			fail(EINVAL, MsgFailed, 0, true, 1), nil},
		{"value not selected", "BF: bf->value & ~bf->selector", p, ModeStrict, a(1, e.bf32(0x2, 0x1)),
			fail(EINVAL, MsgFailed, 0, true, 1), nil},
		{"no valid bits", "BF: !valid_flags_mask -> -EINVAL", p, ModeStrict, a(2, e.bf32(0, 0)),
			fail(EINVAL, MsgFailed, 0, true, 2), nil},
	})
}

func TestRejectUnspec(t *testing.T) {
	p := &Policy{Rules: []Rule{
		1: {Kind: Reject},
		2: {Kind: Reject, Msg: "use the other attribute"},
		3: {Kind: Unspec, Len: 4},
		4: {},
	}, MaxType: 6}
	a := host.a
	runCases(t, []vcase{
		{"reject", "VN NLA_REJECT without message: generic, POLICY skipped by policy.c", p, ModeLiberal, a(1, nil),
			fail(EINVAL, MsgFailed, 0, false, 1), nil},
		{"reject message", "VN: NL_SET_BAD_ATTR + reject_message", p, ModeLiberal, a(2, nil),
			fail(EINVAL, "use the other attribute", 0, false, 2), nil},
		{"unspec min len", "VN NLA_UNSPEC: attrlen < pt->len -> -ERANGE", p, ModeLiberal, a(3, n(3)),
			fail(ERANGE, MsgFailed, 0, false, 3), nil},
		{"unspec ok", "VN", p, ModeDeprecatedStrict, a(3, n(4)), nil, nil},
		{"unspec in unspec mode", "VN: NL_VALIDATE_UNSPEC -> Unsupported attribute, no POLICY", p, ModeUnspec, a(3, n(4)),
			fail(EINVAL, MsgUnsupported, 0, false, 3), nil},
		{"zero rule", "VN", p, ModeLiberal, a(4, n(9)), nil, nil},
		{"beyond Rules, within MaxType, strict", "VN: policy entry is NLA_UNSPEC", p, ModeStrict, a(6, n(1)),
			fail(EINVAL, MsgUnsupported, 0, false, 6), nil},
		{"beyond MaxType liberal", "VP: type > maxtype skipped", p, ModeLiberal, a(7, n(1)), nil, nil},
		{"beyond MaxType", "VP: NL_VALIDATE_MAXTYPE -> Unknown attribute type, no POLICY", p, ModeMaxType, a(7, n(1)),
			fail(EINVAL, MsgUnknownType, 0, false, 7), nil},
		{"type 0 liberal", "VP: type 0 skipped", p, ModeLiberal, a(0, n(1)), nil, nil},
		{"type 0 maxtype", "VP: type 0 is unknown", p, ModeMaxType, cat(a(3, n(4)), a(0, n(1))),
			fail(EINVAL, MsgUnknownType, 8, false, 0), nil},
		{"type 0 with flags", "VP: nla_type masks the flags", p, ModeMaxType, a(0x8000, nil),
			fail(EINVAL, MsgUnknownType, 0, false, 0), nil},
	})
}

var (
	innerPolicy = Policy{Rules: []Rule{1: {Kind: U32}, 2: {Kind: String, Len: 3}}}
	elemPolicy  = Policy{Rules: []Rule{1: {Kind: U32}}}
	nestPolicy  = Policy{Rules: []Rule{
		1: NestedPolicy(&innerPolicy),
		2: {Kind: Nested},
		3: NestedArrayPolicy(&elemPolicy),
		4: {Kind: U32},
		5: {},
	}}
)

func TestNested(t *testing.T) {
	p := &nestPolicy
	e := host
	a := e.a
	runCases(t, []vcase{
		{"empty nest", "VN NLA_NESTED: attrlen == 0 allowed", p, ModeStrict, e.nest(1), nil, nil},
		{"empty nest without policy", "VN", p, ModeStrict, e.nest(2), nil, nil},
		{"nest of 2 bytes", "VN: attrlen < NLA_HDRLEN -> -ERANGE", p, ModeLiberal, a(1, n(2)), fail(ERANGE, MsgFailed, 0, true, 1), nil},
		{"nest without flag liberal", "VN: NLA_F_NESTED only checked under NL_VALIDATE_NESTED", p, ModeDeprecatedStrict,
			e.plainNest(1, a(1, n(4))), nil, nil},
		{"nest without flag strict", "VN: NLA_F_NESTED is missing", p, ModeNested, e.plainNest(1, a(1, n(4))),
			fail(EINVAL, MsgNestedMissing, 0, true, 1), nil},
		{"array without flag strict", "VN: NLA_F_NESTED is missing", p, ModeNested, e.plainNest(3),
			fail(EINVAL, MsgNestedMissing, 0, true, 3), nil},
		{"u32 with flag strict", "VN: NLA_F_NESTED not expected", p, ModeNested, a(4|0x8000, n(4)),
			fail(EINVAL, MsgNestedUnwanted, 0, true, 4), nil},
		{"unspec with flag strict", "VN: NLA_UNSPEC exempt", p, ModeNested, a(5|0x8000, n(4)), nil, nil},
		{"u32 with flag liberal", "VN", p, ModeLiberal, a(4|0x8000, n(4)), nil, nil},
		{"inner error offset", "VN: inner error returned directly, OFFS of the inner attribute", p, ModeLiberal,
			cat(a(4, n(4)), e.nest(1, a(1, n(4)), a(2, str("abcd")))), fail(ERANGE, MsgFailed, 20, true, 1, 2), nil},
		{"inner strict", "VP: mode passed down", p, ModeStrict, e.nest(1, a(1, n(5))),
			fail(EINVAL, MsgInvalidLength, 4, true, 1, 1), []WarnKind{WarnLength}},
		{"inner unknown type", "VP: maxtype of the nested policy", p, ModeStrict, e.nest(1, a(3, n(4))),
			fail(EINVAL, MsgUnknownType, 4, false, 1, 3), nil},
		{"inner leftover liberal", "VP: pr_warn + extack message, returns 0", p, ModeLiberal, e.nest(1, a(1, n(4)), n(3)),
			nil, []WarnKind{WarnLeftover}},
		{"inner leftover trailing", "VP: NL_VALIDATE_TRAILING -> -EINVAL, no OFFS", p, ModeTrailing, e.nest(1, a(1, n(4)), n(3)),
			failNoOffset(EINVAL, MsgLeftover, 1), []WarnKind{WarnLeftover}},
		{"nest without policy, garbage inside", "VN: no nested_policy, only the length", p, ModeStrict, e.nest(2, n(7)), nil, nil},
		{"array ok", "VA", p, ModeStrict, e.nest(3, e.nest(1, a(1, n(4))), e.nest(2, a(1, n(4)))), nil, nil},
		{"array elements need no flag", "VA: element flags unchecked", p, ModeStrict,
			e.nest(3, e.plainNest(7, a(1, n(4)))), nil, nil},
		{"array empty element skipped", "VA: nla_len(entry) == 0 -> continue", p, ModeStrict, e.nest(3, a(1, nil)), nil, nil},
		{"array element too short", "VA: -ERANGE Array element too short, policy[0] is NLA_UNSPEC: no POLICY", p, ModeStrict,
			e.nest(3, e.nest(1, a(1, n(4))), a(2, n(2))), fail(ERANGE, MsgArrayShort, 16, false, 3, 2), nil},
		{"array element inner error", "VA -> VP", p, ModeLiberal, e.nest(3, e.nest(5, a(1, n(2)))),
			fail(ERANGE, MsgFailed, 8, true, 3, 5, 1), []WarnKind{WarnLength}},
		{"array of 2 bytes", "VN NLA_NESTED_ARRAY: attrlen < NLA_HDRLEN", p, ModeLiberal, a(3, n(2)),
			fail(ERANGE, MsgFailed, 0, true, 3), nil},
		{"array element leftover", "VA: each element parsed by VP", p, ModeStrict, e.nest(3, e.nest(1, a(1, n(4)), n(2))),
			failNoOffset(EINVAL, MsgLeftover, 3, 1), []WarnKind{WarnLeftover}},
	})
}

// recPolicy nests into itself, as some kernel policies do.
var recPolicy Policy

func init() {
	recPolicy = Policy{Rules: []Rule{1: NestedPolicy(&recPolicy), 2: {Kind: U8}}}
}

// chain returns k nests of type 1, the innermost holding inner.
func chain(k int, inner []byte) []byte {
	b := inner
	for range k {
		b = host.nest(1, b)
	}
	return b
}

func ones(k int) []uint16 {
	p := make([]uint16, k)
	for i := range p {
		p[i] = 1
	}
	return p
}

func TestDepth(t *testing.T) {
	p := &recPolicy
	u8 := host.a(2, n(1))
	runCases(t, []vcase{
		{"depth 9", "VP depth 9 < MAX_POLICY_RECURSION_DEPTH", p, ModeStrict, chain(9, u8), nil, nil},
		{"depth 10", "VP: depth >= 10 -> allowed policy recursion depth exceeded, no OFFS", p, ModeStrict, chain(10, u8),
			failNoOffset(EINVAL, MsgDepth, ones(10)...), nil},
		{"depth 11", "VP", p, ModeLiberal, chain(11, u8), failNoOffset(EINVAL, MsgDepth, ones(10)...), nil},
		{"depth 10 empty innermost", "VN: an empty nest is not parsed", p, ModeStrict, chain(10, nil), nil, nil},
		{"depth 11 empty innermost", "VN", p, ModeStrict, chain(11, nil), failNoOffset(EINVAL, MsgDepth, ones(10)...), nil},
	})
}

func TestStrictStartType(t *testing.T) {
	p := &Policy{StrictStartType: 3, Rules: []Rule{
		1: {Kind: U32}, 2: {Kind: U32}, 3: {Kind: U32}, 4: NestedPolicy(&innerPolicy), 5: {},
	}}
	a, e := host.a, host
	runCases(t, []vcase{
		{"below: liberal", "VN: type < strict_start_type keeps the mode", p, ModeLiberal, a(2, n(5)), nil, []WarnKind{WarnLength}},
		{"at: strict", "VN: type >= strict_start_type -> NL_VALIDATE_STRICT", p, ModeLiberal, a(3, n(5)),
			fail(EINVAL, MsgInvalidLength, 0, true, 3), []WarnKind{WarnLength}},
		{"nest flag required above", "VN: NL_VALIDATE_NESTED from strict_start_type", p, ModeLiberal, e.plainNest(4),
			fail(EINVAL, MsgNestedMissing, 0, true, 4), nil},
		{"strict inside the nest", "VN: the upgraded mode is passed to the nested parse", p, ModeLiberal,
			e.nest(4, a(1, n(5))), fail(EINVAL, MsgInvalidLength, 4, true, 4, 1), []WarnKind{WarnLength}},
		{"unknown inside the nest", "VP with the upgraded mode", p, ModeLiberal, e.nest(4, a(9, nil)),
			fail(EINVAL, MsgUnknownType, 4, false, 4, 9), nil},
		{"unspec above is unsupported", "VN: NL_VALIDATE_UNSPEC from strict_start_type", p, ModeLiberal, a(5, nil),
			fail(EINVAL, MsgUnsupported, 0, false, 5), nil},
		{"unknown type above maxtype stays skipped", "VP checks maxtype with the caller's mode, before validate_nla",
			p, ModeLiberal, a(9, nil), nil, nil},
		{"trailing bytes stay lenient", "VP leftover uses the caller's mode", p, ModeLiberal, cat(a(3, n(4)), n(2)),
			nil, []WarnKind{WarnLeftover}},
	})
}

func TestLeftover(t *testing.T) {
	p := &intPolicy
	a := host.a
	runCases(t, []vcase{
		{"3 bytes liberal", "VP: rem > 0 warns", p, ModeLiberal, cat(a(3, n(4)), n(3)), nil, []WarnKind{WarnLeftover}},
		{"3 bytes trailing", "VP: NL_VALIDATE_TRAILING -> -EINVAL, NL_SET_ERR_MSG (no OFFS)", p, ModeTrailing, cat(a(3, n(4)), n(3)),
			failNoOffset(EINVAL, MsgLeftover), []WarnKind{WarnLeftover}},
		{"nla_len 2 stops the walk", "nla_ok: nla_len < NLA_HDRLEN", p, ModeStrict, cat(a(3, n(4)), host.raw(1, n(4), 2)),
			failNoOffset(EINVAL, MsgLeftover), []WarnKind{WarnLeftover}},
		{"nla_len past the end", "nla_ok: nla_len > rem", p, ModeDeprecatedStrict, host.raw(3, n(4), 12),
			failNoOffset(EINVAL, MsgLeftover), []WarnKind{WarnLeftover}},
		{"walk stops before a bad attribute", "nla_for_each_attr never reaches it", p, ModeLiberal,
			cat(host.raw(3, n(4), 2), a(1, nil)), nil, []WarnKind{WarnLeftover}},
		{"empty", "nothing to walk", p, ModeStrict, nil, nil, nil},
	})
}

func TestFunc(t *testing.T) {
	sevens := func(b []byte) error {
		switch b[0] {
		case 7:
			return &FuncError{Errno: EINVAL, Msg: "seven is not allowed"}
		case 8:
			return nlwire.ERANGE
		case 9:
			return errors.New("nine")
		}
		return nil
	}
	p := &Policy{Rules: []Rule{1: ValidateFn(U8, sevens), 2: NestedPolicy(&innerPolicy), 3: ValidateFn(Binary, sevens, 2)}}
	a, e := host.a, host
	runCases(t, []vcase{
		{"accepted", "VN NLA_VALIDATE_FUNCTION", p, ModeStrict, a(1, []byte{1}), nil, nil},
		{"message", "validator with NL_SET_ERR_MSG_ATTR", p, ModeStrict, a(1, []byte{7}),
			fail(EINVAL, "seven is not allowed", 0, false, 1), nil},
		{"bare errno", "validator returning an errno only: no MSG, no OFFS", p, ModeStrict, a(1, []byte{8}),
			failNoOffset(ERANGE, "", 1), nil},
		{"bare errno after nested leftover", "the earlier NL_SET_ERR_MSG stays", p, ModeLiberal,
			cat(e.nest(2, a(1, n(4)), n(2)), a(1, []byte{8})), failNoOffset(ERANGE, MsgLeftover, 1), []WarnKind{WarnLeftover}},
		{"other error", "EINVAL with the error's text", p, ModeStrict, a(1, []byte{9}), fail(EINVAL, "nine", 0, false, 1), nil},
		{"len checked first", "NLA_POLICY_VALIDATE_FN(NLA_BINARY, fn, 2)", p, ModeStrict, a(3, []byte{7, 7, 7}),
			fail(ERANGE, MsgFailed, 0, true, 3), nil},
		{"len ok then fn", "VN", p, ModeStrict, a(3, []byte{7, 7}), fail(EINVAL, "seven is not allowed", 0, false, 3), nil},
	})
}

func TestErrorsIs(t *testing.T) {
	err := Validate(host.a(1, nil), &intPolicy, ModeLiberal)
	if !errors.Is(err, nlwire.ERANGE) {
		t.Errorf("errors.Is(%v, nlwire.ERANGE) = false", err)
	}
	if !errors.Is(err, syscall.Errno(34)) {
		t.Errorf("errors.Is(%v, syscall.ERANGE) = false", err)
	}
	if errors.Is(err, nlwire.EINVAL) {
		t.Errorf("errors.Is(%v, nlwire.EINVAL) = true", err)
	}
	want := "validate: ERANGE: Attribute failed policy validation (attribute 1 at offset 0)"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	err = Validate(host.nest(1, host.a(1, n(4)), n(2)), &nestPolicy, ModeStrict)
	want = "validate: EINVAL: bytes leftover after parsing attributes (attribute 1 contents)"
	if err == nil || err.Error() != want {
		t.Errorf("Error() = %v, want %q", err, want)
	}
}

// TestRTMNewLinkMTU replays the example of DESIGN.md: IFLA_MTU with a
// 2-byte payload in an RTM_NEWLINK (liberal: rtnl_newlink uses
// nlmsg_parse_deprecated) gets errno -34, "Attribute failed policy
// validation", OFFS 32 and POLICY {MIN_VALUE_U 0, MAX_VALUE_U 0xffffffff,
// TYPE U32}.
func TestRTMNewLinkMTU(t *testing.T) {
	payload := cat(n(16), host.a(4, n(2)))
	err := ValidateMessage(payload, 16, &linkPolicy, ModeLiberal)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("ValidateMessage = %v", err)
	}
	want := result{ERANGE, MsgFailed, 32, true, []uint16{4}, true}
	if diff := cmp.Diff(&want, resultOf(err)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	pol, ok := e.Policy()
	wantPol := AttrPolicy{Kind: U32, Has: 1<<PolicyAttrType | 1<<PolicyAttrMinValueU | 1<<PolicyAttrMaxValueU, MaxValueU: 0xffffffff}
	if !ok || pol != wantPol {
		t.Errorf("Policy() = %+v, %v; want %+v", pol, ok, wantPol)
	}
}

func TestMessage(t *testing.T) {
	a := host.a
	cases := []struct {
		name    string
		payload []byte
		hdrLen  int
		m       Mode
		want    *result
	}{
		{"short header", n(15), 16, ModeLiberal, failNoOffset(EINVAL, MsgHeaderLength)},
		{"header only", n(16), 16, ModeStrict, nil},
		{"unaligned header, attrlen negative", n(2), 1, ModeStrict, nil},
		{"rtgenmsg then attribute", cat([]byte{0, 0, 0, 0}, a(4, n(2))), 1, ModeLiberal, fail(ERANGE, MsgFailed, 20, true, 4)},
		{"genl header", cat(n(4), a(4, n(3))), 4, ModeLiberal, fail(ERANGE, MsgFailed, 20, true, 4)},
		{"leftover", cat(n(16), n(3)), 16, ModeStrict, failNoOffset(EINVAL, MsgLeftover)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ValidateMessage(c.payload, c.hdrLen, &linkPolicy, c.m)
			if diff := cmp.Diff(c.want, resultOf(err), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestBaseAndOrder(t *testing.T) {
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		e := enc{swap: o.Swap()}
		p := &Policy{Rules: []Rule{1: Range(U32, 1, 4094), 2: NestedPolicy(&innerPolicy), 3: Bitfield32Policy(3)}}
		good := cat(e.a(1, e.u32(4094)), e.nest(2, e.a(1, e.u32(7))), e.a(3, e.bf32(1, 1)))
		if err := (Options{Order: o, Base: 20}).Validate(good, p, ModeStrict); err != nil {
			t.Errorf("%v: %v", o, err)
		}
		bad := cat(e.a(1, e.u32(4094)), e.nest(2, e.a(2, str("abcdef"))))
		want := fail(ERANGE, MsgFailed, 20+8+4, true, 2, 2)
		if diff := cmp.Diff(want, resultOf(Options{Order: o, Base: 20}.Validate(bad, p, ModeStrict))); diff != "" {
			t.Errorf("%v (-want +got)\n%s", o, diff)
		}
		if err := (Options{Order: o}).Validate(e.a(1, e.u32(4095)), p, ModeStrict); resultOf(err) == nil {
			t.Errorf("%v: 4095 accepted", o)
		}
	}
}

func TestParse(t *testing.T) {
	a, e := host.a, host
	p := &Policy{Rules: []Rule{1: {Kind: U32}, 2: {Kind: String}, 3: NestedPolicy(&innerPolicy)}}
	b := cat(a(1, e.u32(1)), a(2, str("x")), a(1, e.u32(2)), a(0, n(4)), a(9, n(4)), e.nest(3, a(1, e.u32(5))))
	tb := make([]attrDecoder, 10)
	for i := range tb {
		tb[i] = fakePresent()
	}
	if err := (Options{Base: 100}).Parse(b, p, ModeLiberal, tb); err != nil {
		t.Fatal(err)
	}
	if !tb[1].Present() || tb[1].Uint32() != 2 || tb[1].Offset() != 100+16 {
		t.Errorf("tb[1]: last occurrence wins: present %v value %d offset %d", tb[1].Present(), tb[1].Uint32(), tb[1].Offset())
	}
	if !tb[2].Present() || tb[2].String() != "x" {
		t.Errorf("tb[2] = %q", tb[2].String())
	}
	if tb[0].Present() || tb[9].Present() || tb[5].Present() {
		t.Errorf("type 0, unset types and types > maxtype must not be stored")
	}
	inner := tb[3].Nested()
	if !inner.Next() || inner.Uint32() != 5 {
		t.Errorf("nested attribute not readable")
	}
	// A short table stores what fits.
	short := make([]attrDecoder, 2)
	if err := Parse(b, p, ModeLiberal, short); err != nil || !short[1].Present() {
		t.Errorf("short table: %v", err)
	}
}

// TestNilPolicy: an operation without a policy is not validated: the
// kernel does not parse its attributes, so even bytes that are not
// attributes pass, in every mode; an empty policy still walks them.
func TestNilPolicy(t *testing.T) {
	junk := []byte{1, 2, 3, 4, 5, 6, 7} // nla_len 0x0201: past the end
	for _, m := range []Mode{ModeLiberal, ModeStrict} {
		if err := Validate(junk, nil, m); err != nil {
			t.Errorf("nil policy, mode %v: %v", m, err)
		}
		tb := make([]attrDecoder, 4)
		if err := Parse(host.a(1, n(4)), &Policy{Rules: []Rule{1: {Kind: U32}}}, m, tb); err != nil || !tb[1].Present() {
			t.Fatalf("setting up tb: %v", err)
		}
		if err := Parse(junk, nil, m, tb); err != nil || tb[1].Present() {
			t.Errorf("nil policy, mode %v: Parse %v, tb not cleared: %v", m, err, tb[1].Present())
		}
	}
	if err := Validate(junk, &Policy{}, ModeStrict); err == nil {
		t.Error("an empty policy accepted bytes that are not attributes in strict mode")
	}
}
