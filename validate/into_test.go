package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/nlwire/nlwire"
)

// tbShape is what a parse left in tb: each entry's presence and offset.
func tbShape(tb []attrDecoder) [][2]int {
	out := make([][2]int, len(tb))
	for i := range tb {
		if tb[i].Present() {
			out[i] = [2]int{1, tb[i].Offset()}
		}
	}
	return out
}

// dirtyError returns an Error full of stale values, its Path long
// enough for any path, as a previous failure would leave it.
func dirtyError() *Error {
	path := make([]uint16, maxPath+4)
	for i := range path {
		path[i] = 0xdead
	}
	return &Error{Errno: nlwire.ENOENT, Msg: "stale", Offset: 99, HasOffset: true, Path: path, Rule: &Rule{Kind: U8}, HasPolicy: true}
}

// TestPropParseInto: for any bytes, ParseInto and ParseMessageInto
// decide exactly as Parse and ParseMessage, leave the same table and
// report the same error, into a reused Error holding a stale failure.
func TestPropParseInto(t *testing.T) {
	policies := []*Policy{&propPolicy, &recPolicy, &linkPolicy, &nestPolicy, &intPolicy, Compile(&linkPolicy), nil}
	reused := dirtyError()
	rapid.Check(t, func(t *rapid.T) {
		o, e := drawOrder(t)
		var b []byte
		if rapid.Bool().Draw(t, "mutate") {
			// A valid set with one invalid attribute somewhere, inside
			// a nest of recPolicy at a drawn depth.
			bad := e.a(2, n(rapid.IntRange(0, 3).Draw(t, "short u8")))
			b = cat(e.a(2, n(1)), chain(rapid.IntRange(0, MaxDepth+1).Draw(t, "depth"), bad))
		} else {
			b = rapid.SliceOfN(rapid.Byte(), 0, 200).Draw(t, "b")
		}
		p := rapid.SampledFrom(policies).Draw(t, "p")
		m := Mode(rapid.IntRange(0, 31).Draw(t, "m"))
		opt := Options{Order: o, Base: rapid.IntRange(0, 16).Draw(t, "base") * 4}

		tbWant, tbGot := make([]attrDecoder, 8), make([]attrDecoder, 8)
		err := opt.Parse(b, p, m, tbWant)
		ok := opt.ParseInto(b, p, m, tbGot, reused)
		check(t, "ParseInto", err, ok, reused, tbWant, tbGot)

		hdr := rapid.IntRange(-1, 12).Draw(t, "hdrLen")
		err = opt.ParseMessage(b, hdr, p, m, tbWant)
		ok = opt.ParseMessageInto(b, hdr, p, m, tbGot, reused)
		check(t, "ParseMessageInto", err, ok, reused, tbWant, tbGot)
	})
}

func check(t *rapid.T, name string, err error, ok bool, got *Error, tbWant, tbGot []attrDecoder) {
	t.Helper()
	if ok != (err == nil) {
		t.Fatalf("%s accepted %v, the allocating form returned %v", name, ok, err)
	}
	if diff := cmp.Diff(tbShape(tbWant), tbShape(tbGot)); diff != "" {
		t.Fatalf("%s table (-want +got):\n%s", name, diff)
	}
	if ok {
		return
	}
	want := err.(*Error)
	if diff := cmp.Diff(resultOf(want), resultOf(got), cmp.Comparer(func(a, b []uint16) bool {
		return len(a) == len(b) && (len(a) == 0 || cmp.Equal(a, b))
	})); diff != "" {
		t.Fatalf("%s error (-want +got):\n%s", name, diff)
	}
	if want.Rule != got.Rule {
		t.Fatalf("%s rule %p, want %p", name, got.Rule, want.Rule)
	}
	if got.Error() != want.Error() {
		t.Fatalf("%s: %q, want %q", name, got.Error(), want.Error())
	}
}

// TestParseIntoPathStorage: the path is written into e.Path's array when
// it has room, and into a new one of the path's length when it has not.
func TestParseIntoPathStorage(t *testing.T) {
	b := chain(3, host.a(2, n(0)))
	var e Error
	if (Options{}).ParseInto(b, &recPolicy, ModeStrict, nil, &e) {
		t.Fatal("accepted a short u8")
	}
	if diff := cmp.Diff([]uint16{1, 1, 1, 2}, e.Path); diff != "" {
		t.Fatalf("path (-want +got):\n%s", diff)
	}
	first := &e.Path[0]
	if (Options{}).ParseInto(chain(1, host.a(2, n(0))), &recPolicy, ModeStrict, nil, &e) {
		t.Fatal("accepted a short u8")
	}
	if diff := cmp.Diff([]uint16{1, 2}, e.Path); diff != "" {
		t.Fatalf("path (-want +got):\n%s", diff)
	}
	if &e.Path[0] != first {
		t.Fatal("a shorter path did not reuse e.Path's array")
	}
	// Accepting leaves e alone.
	if !(Options{}).ParseInto(host.a(2, n(1)), &recPolicy, ModeStrict, nil, &e) || len(e.Path) != 2 {
		t.Fatalf("accepting changed e: %v", &e)
	}
}

// TestParseIntoAllocs: a rejection into a reused Error allocates
// nothing, at the top level, deep in nests, under a compiled policy and
// for a short family header.
func TestParseIntoAllocs(t *testing.T) {
	deep := chain(MaxDepth-1, host.a(2, n(0)))
	unknown := cat(host.a(2, n(1)), host.a(9, n(4)))
	msg := cat(n(4), deep)
	compiled, outOfRange := Compile(&propPolicy), host.a(2, host.u16(30))
	var e Error
	tb := make([]attrDecoder, 3)
	cases := []struct {
		name string
		run  func() bool
	}{
		{"deep short u8", func() bool { return (Options{}).ParseInto(deep, &recPolicy, ModeStrict, tb, &e) }},
		{"unknown type", func() bool { return (Options{}).ParseInto(unknown, &recPolicy, ModeStrict, tb, &e) }},
		{"compiled out of range", func() bool {
			return (Options{}).ParseInto(outOfRange, compiled, ModeStrict, tb, &e)
		}},
		{"message", func() bool { return (Options{}).ParseMessageInto(msg, 4, &recPolicy, ModeStrict, tb, &e) }},
		{"short header", func() bool { return (Options{}).ParseMessageInto(msg[:2], 4, &recPolicy, ModeStrict, tb, &e) }},
	}
	for _, c := range cases {
		if c.run() {
			t.Fatalf("%s: accepted", c.name)
		}
		if a := testing.AllocsPerRun(100, func() { c.run() }); a != 0 {
			t.Errorf("%s: %v allocations per rejection, want 0", c.name, a)
		}
	}
}
