package validate

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
)

// FuzzValidate feeds any bytes to Validate and Parse under a few fixed
// policies, every mode and both byte orders: they must not panic, must
// agree, and must fail only with an *Error carrying EINVAL or ERANGE and
// an offset inside the input; and each policy's compiled copy must
// decide exactly as the policy.
func FuzzValidate(f *testing.F) {
	link, _ := newLinkAttrs()
	f.Add(link, uint8(0), uint8(ModeLiberal))
	f.Add(link, uint8(0), uint8(ModeStrict))
	f.Add(chain(10, host.a(2, n(1))), uint8(1), uint8(ModeStrict))
	f.Add(host.nest(3, host.nest(1, host.a(1, n(4))), host.a(2, n(2))), uint8(2), uint8(ModeStrict))
	f.Add(cat(host.a(3, n(5)), n(3)), uint8(3), uint8(ModeDeprecatedStrict))
	policies := []*Policy{&linkPolicy, &recPolicy, &nestPolicy, &propPolicy}
	compiled := make([]*Policy, len(policies))
	for i, p := range policies {
		compiled[i] = Compile(p)
	}
	orders := []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian}
	f.Fuzz(func(t *testing.T, b []byte, sel, mode uint8) {
		p := policies[int(sel)%len(policies)]
		o := Options{Order: orders[int(sel>>4)%2], Base: 20}
		m := Mode(mode) & ModeStrict
		err := o.Validate(b, p, m)
		// The compiled policy decides exactly as the policy.
		want, got := fullOutcome(b, p, m, o.Order), compileOutcome(b, compiled[int(sel)%len(policies)], m, o.Order)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("compiled policy differs (-in full +compiled):\n%s", diff)
		}
		tb := make([]attrDecoder, 64)
		if err2 := o.Parse(b, p, m, tb); (err == nil) != (err2 == nil) {
			t.Fatalf("Validate %v, Parse %v", err, err2)
		}
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("not an *Error: %v", err)
		}
		if e.Errno != nlwire.EINVAL && e.Errno != nlwire.ERANGE {
			t.Fatalf("errno %v", e.Errno)
		}
		if e.HasOffset && (e.Offset < 20 || e.Offset+4 > 20+len(b)) {
			t.Fatalf("offset %d outside the input (%d bytes)", e.Offset, len(b))
		}
		if e.Msg == "" {
			t.Fatalf("no message: %v", err)
		}
	})
}
