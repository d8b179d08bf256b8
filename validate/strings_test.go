package validate

import (
	"errors"
	"testing"

	"github.com/nlwire/nlwire"
)

func TestStrings(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{ModeLiberal.String(), "LIBERAL"},
		{ModeStrict.String(), "STRICT"},
		{ModeDeprecatedStrict.String(), "TRAILING|MAXTYPE"},
		{(ModeNested | 0x40).String(), "NESTED|?"},
		{U32.String(), "NLA_U32"},
		{UInt.String(), "NLA_UINT"},
		{Kind(99).String(), "NLA_?"},
		{(&FuncError{nlwire.EINVAL, "bad"}).Error(), "validate: bad"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	err := Validate(host.nest(1, host.a(1, n(2))), &nestPolicy, ModeLiberal)
	var e *Error
	if !errors.As(err, &e) || e.Type() != 1 || len(e.Path) != 2 {
		t.Errorf("Type() of %v", err)
	}
	if !errors.Is(&FuncError{nlwire.ERANGE, "x"}, nlwire.ERANGE) {
		t.Error("FuncError does not unwrap to its errno")
	}
}

func TestConstructorsPanic(t *testing.T) {
	for name, f := range map[string]func(){
		"Range on String":        func() { Range(String, 0, 1) },
		"negative unsigned":      func() { Range(U8, -1, 1) },
		"Mask on Msecs":          func() { Mask(Msecs, 1) },
		"FullRangeSigned on U32": func() { FullRangeSigned(U32, 0, 1) },
		"ValidateFn on Nested":   func() { ValidateFn(Nested, nil) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", name)
				}
			}()
			f()
		}()
	}
}

// TestUnusualRules covers rules no NLA_POLICY_* macro builds but a
// composite literal can: the kernel answers them with a bare -EINVAL
// (nla_validate_int_range and nla_validate_mask default cases).
func TestUnusualRules(t *testing.T) {
	p := &Policy{Rules: []Rule{
		1: {Kind: String, Check: CheckRange, Max: 3},
		2: {Kind: Flag, Check: CheckMask},
		3: {Kind: Kind(200)},
		4: {Kind: Msecs, Check: CheckMask, Mask: 1},
		5: {Kind: U32, Len: 2, Check: CheckRange, Min: 0, Max: 5},
		6: {Kind: Binary, Check: CheckMask, Mask: 1},
		7: {Kind: S64, Len: 1, Check: CheckMin, Min: 0},
	}}
	runCases(t, []vcase{
		{"range on string", "nla_validate_int_range: WARN_ON, -EINVAL", p, ModeLiberal, host.a(1, str("ab")),
			failNoOffset(EINVAL, "", 1), nil},
		{"mask on flag", "nla_validate_mask default: -EINVAL", p, ModeLiberal, host.a(2, nil),
			failNoOffset(EINVAL, "", 2), nil},
		{"unknown kind", "BUG_ON in the kernel; rejected here", p, ModeLiberal, host.a(3, nil),
			fail(EINVAL, MsgFailed, 0, false, 3), nil},
		// Source review against lib/nlattr.c (v6.12+): nla_validate_mask
		// reads only NLA_U8/U16/U32/U64/UINT/BE16/BE32; an NLA_MSECS (or
		// NLA_BINARY) with NLA_VALIDATE_MASK takes its default case. The
		// validator used to apply the mask to them.
		{"mask on msecs", "nla_validate_mask default: -EINVAL, no message", p, ModeLiberal, host.a(4, host.u64(1)),
			failNoOffset(EINVAL, "", 4), nil},
		{"mask on binary", "nla_validate_mask default: -EINVAL, no message", p, ModeLiberal, host.a(6, nil),
			failNoOffset(EINVAL, "", 6), nil},
		// Source review: validate_nla's default case lets a payload of
		// pt->len bytes through even when that is less than the integer's
		// size, and nla_validate_range_unsigned's nla_get_u32 then reads
		// past it, into the padding. The validator used to panic (index
		// out of range) here.
		{"short u32 with len: range reads the padding", "validate_nla minlen = pt->len; RU nla_get_u32 reads 4 bytes",
			p, ModeLiberal, host.raw(5, []byte{0, 0, 0xff, 0xff}, 6), fail(ERANGE, MsgOutOfRange, 0, true, 5), []WarnKind{WarnLength}},
		{"short u32 with len: zero padding", "RU nla_get_u32 over the zero padding", p, ModeLiberal,
			host.a(5, n(2)), nil, []WarnKind{WarnLength}},
		{"short u32 with len, unpadded at the end: no panic", "RU; bytes past the message read as zeros here", p, ModeLiberal,
			host.a(5, n(2))[:6], nil, []WarnKind{WarnLength}},
		{"short s64 with len: min reads the next attribute", "RS nla_get_s64 reads 8 bytes: padding and the next header",
			p, ModeLiberal, cat(host.raw(7, []byte{0, 0, 0, 0x80}, 5), host.a(7, []byte{0})),
			nil, []WarnKind{WarnLength, WarnLength}},
	})
}
