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
	}}
	runCases(t, []vcase{
		{"range on string", "nla_validate_int_range: WARN_ON, -EINVAL", p, ModeLiberal, host.a(1, str("ab")),
			failNoOffset(EINVAL, "", 1), nil},
		{"mask on flag", "nla_validate_mask default: -EINVAL", p, ModeLiberal, host.a(2, nil),
			failNoOffset(EINVAL, "", 2), nil},
		{"unknown kind", "BUG_ON in the kernel; rejected here", p, ModeLiberal, host.a(3, nil),
			fail(EINVAL, MsgFailed, 0, false, 3), nil},
	})
}
