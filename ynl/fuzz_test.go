package ynl

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire/internal/testenv"
)

// FuzzParse: Parse never panics, and costs memory and time in proportion
// to its input whatever the input's shape; a spec it accepts is
// consistent (every reference it names is resolved).
func FuzzParse(f *testing.F) {
	f.Add([]byte(genlSpec))
	f.Add([]byte(rawSpec))
	f.Add([]byte(laughs(20)))
	f.Add([]byte(withDefs("[{name: d, type: flags, entries: [a, {name: b, value: 5}]}]")))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		s, err := Parse(bytes.NewReader(data))
		elapsed := time.Since(start)
		runtime.ReadMemStats(&m1)
		if alloc, limit := m1.TotalAlloc-m0.TotalAlloc, allocLimit(len(data)); alloc > limit {
			t.Errorf("%d bytes of input allocated %d bytes (limit %d)", len(data), alloc, limit)
		}
		if limit := 2*time.Second + time.Duration(len(data))*20*time.Microsecond; elapsed > limit {
			t.Errorf("%d bytes of input took %v (limit %v)", len(data), elapsed, limit)
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T: %v", err, err)
			}
			return
		}
		checkResolved(t, s)
	})
}

// allocLimit is what parsing n bytes may allocate: the YAML library
// builds up to about 130 bytes of nodes per byte of a wide flow list
// and about 500 per level of deep nesting (which it caps at 10,000
// levels).
func allocLimit(n int) uint64 { return 256*uint64(n) + 16<<20 }

// checkResolved checks that every name a parsed spec gives resolved.
func checkResolved(t *testing.T, s *Spec) {
	t.Helper()
	for _, set := range s.AttributeSets {
		if (set.SubsetOf != "") != (set.Superset != nil) || set.NamePrefix == "" && set.SubsetOf == "" {
			t.Fatalf("set %q: superset %v, prefix %q", set.Name, set.Superset, set.NamePrefix)
		}
		for _, a := range set.Attributes {
			if set.Attr(a.Name) != a || a.CName == "" || a.Type == TypeNone {
				t.Fatalf("set %q attribute %q not indexed or named", set.Name, a.Name)
			}
			if (a.NestedAttributes != "") != (a.Nested != nil) || (a.Struct != "") != (a.StructDef != nil) ||
				(a.Enum != "") != (a.EnumDef != nil) || (a.SubMessage != "") != (a.SubMsg != nil) ||
				(a.Checks.FlagsMask != "") != (a.Checks.FlagsMaskDef != nil) {
				t.Fatalf("attribute %q: unresolved reference", a.Name)
			}
		}
	}
	for _, op := range s.Operations.List {
		if (op.AttributeSet != "") != (op.Set != nil) || (op.Notify != "") != (op.NotifyOp != nil) ||
			(op.Mcgrp != "") != (op.McastGroup != nil) || (op.FixedHeader != "") != (op.FixedHeaderDef != nil) {
			t.Fatalf("operation %q: unresolved reference", op.Name)
		}
		if s.Operation(op.Name) != op || op.CName == "" {
			t.Fatalf("operation %q not indexed or named", op.Name)
		}
	}
	for _, d := range s.Definitions {
		if s.Definition(d.Name) != d {
			t.Fatalf("definition %q not indexed", d.Name)
		}
	}
}

// TestParseCost: the cost of parsing grows in proportion to the input,
// whatever its shape: per byte, a large input of each shape allocates
// no more than twice what a small one does.
func TestParseCost(t *testing.T) {
	if testing.Short() {
		t.Skip("parses several MiB")
	}
	shapes := map[string]func(n int) string{
		"wide flow list":    func(n int) string { return "[" + strings.Repeat("a,", n/2) + "a]" },
		"block list":        func(n int) string { return strings.Repeat("- a\n", n/4) },
		"flow mappings":     func(n int) string { return "[" + strings.Repeat("{a: b},", n/7) + "]" },
		"aliases":           func(n int) string { return "a: &x [b]\nc: [" + strings.Repeat("*x,", n/3) + "]\n" },
		"quadratic aliases": func(n int) string { return laughs(n / 14) },
		"many sets": func(n int) string {
			return minimal(strings.Repeat("  - {name: s, attributes: [{name: a, type: u8}]}\n", n/52), "")
		},
		"many constants named by C name": func(n int) string {
			// Each check names a constant by its C name: a look-up per
			// attribute, which must not scan the definitions.
			var defs, attrs strings.Builder
			for i := 0; defs.Len()+attrs.Len() < n; i++ {
				c := "c" + itoa(int64(i))
				defs.WriteString("  - {type: const, name: " + c + ", name-prefix: x-, value: 7}\n")
				attrs.WriteString("      - {name: a" + itoa(int64(i)) + ", type: u32, checks: {max: x-" + c + "}}\n")
			}
			return "name: x\ndefinitions:\n" + defs.String() + "attribute-sets:\n  - name: s\n    attributes:\n" + attrs.String() + "operations:\n  list: []\n"
		},
		"many attributes": func(n int) string {
			var b strings.Builder
			for i := 0; b.Len() < n; i++ {
				b.WriteString("      - {name: a" + itoa(int64(i)) + ", type: u32, checks: {max: u16-max}}\n")
			}
			return minimal("  - name: s\n    attributes:\n"+b.String(), "")
		},
	}
	for name, gen := range shapes {
		t.Run(name, func(t *testing.T) {
			// Large stays under MaxTokens, which refuses larger inputs cheaply.
			small, large := gen(16<<10), gen(224<<10)
			perByte := func(src string) float64 {
				var m0, m1 runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&m0)
				Parse(strings.NewReader(src))
				runtime.ReadMemStats(&m1)
				return float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(src))
			}
			s, l := perByte(small), perByte(large)
			t.Logf("%.1f bytes allocated per byte at %d bytes, %.1f at %d", s, len(small), l, len(large))
			if l > 2*s+8 {
				t.Errorf("allocation per byte grows from %.1f to %.1f", s, l)
			}
			// Time per byte, the best of three runs each: a large input 14
			// times the small one may take a few times longer per byte on
			// a busy machine, not 14 (a scan per look-up did: 3.4 times
			// per doubling).
			linear := func(ts, tl float64) bool { return tl <= 5*ts+50 }
			parse := func(src string) func() { return func() { Parse(strings.NewReader(src)) } }
			ts, tl := testenv.TimePerByte(parse(small), len(small), parse(large), len(large), linear)
			t.Logf("%.1f ns per byte at %d bytes, %.1f at %d", ts, len(small), tl, len(large))
			if !linear(ts, tl) {
				t.Errorf("time per byte grows from %.1f ns to %.1f ns", ts, tl)
			}
		})
	}
}
