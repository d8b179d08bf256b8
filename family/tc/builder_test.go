package tc_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/tc"
)

// TestBuilderOptions: the three shapes of a sub-message's format (a
// struct alone, no payload, a nest of attributes) are written by the
// builders as tc.Attrs encodes them, and read back as that format.
func TestBuilderOptions(t *testing.T) {
	cases := []struct {
		kind  string
		build func(b tc.AttrsBuilder)
		set   func(u *tc.AttrsOptions)
	}{
		{"bfifo", func(b tc.AttrsBuilder) { b.OptionsBfifo(tc.TcFifoQopt{Limit: 1000}) }, func(u *tc.AttrsOptions) {
			u.SetBfifo()
			h, _ := u.BfifoHeader()
			h.Limit = 1000
		}},
		{"clsact", func(b tc.AttrsBuilder) { b.OptionsClsact() }, func(u *tc.AttrsOptions) { u.SetClsact() }},
		{"fq_codel", func(b tc.AttrsBuilder) {
			c := b.OptionsFqCodel()
			c.Target(5000)
			c.End()
		}, func(u *tc.AttrsOptions) { u.SetFqCodel().SetTarget(5000) }},
	}
	for _, c := range cases {
		e := attr.NewEncoder(nil)
		b := tc.BuildAttrs(&e)
		b.Kind(c.kind)
		c.build(b)
		built, err := e.Finish()
		if err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		var x tc.Attrs
		x.SetKind(c.kind)
		c.set(x.SetOptions())
		e = attr.NewEncoder(nil)
		x.Encode(&e)
		set, err := e.Finish()
		if err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		if diff := cmp.Diff(set, built); diff != "" {
			t.Errorf("%s: builder bytes differ from Attrs.Encode's (-set +builder):\n%s", c.kind, diff)
		}
		var y tc.Attrs
		if err := y.Decode(built, nil); err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		if u, ok := y.Options(); !ok || u.Format() != c.kind {
			t.Errorf("%s: read back as format %q (present %v)", c.kind, u.Format(), ok)
		}
	}
}
