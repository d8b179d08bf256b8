package tables_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/ynl"
	"github.com/nlwire/nlwire/ynl/tables"
)

const demoSpec = `
name: demo
protocol: genetlink
kernel-policy: split
definitions:
  - {name: kind, type: enum, entries: [a, b, c]}
  - {name: caps, type: flags, entries: [r, w]}
attribute-sets:
  - name: top
    attributes:
      - {name: id, type: u32, checks: {min: 1}}
      - {name: kind, type: u8, enum: kind}
      - {name: caps, type: u32, enum: caps}
      - {name: inner, type: nest, nested-attributes: top}
      - {name: name, type: string, checks: {max-len: 15}}
      - {name: sub, type: nest, nested-attributes: sub}
  - name: sub
    attributes:
      - {name: port, type: u16, byte-order: big-endian}
operations:
  list:
    - name: get
      attribute-set: top
      dont-validate: [strict]
      do:
        request:
          attributes: [id, inner, sub]
        reply:
          attributes: [id, kind, caps]
      dump:
        reply:
          attributes: [id]
`

func build(t *testing.T, src string) *tables.Tables {
	t.Helper()
	s, err := ynl.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := tables.Build(s)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestBuild: a small spec's tables, including a set that nests itself
// (a SetRef, and a policy whose nest is cut) and a do policy.
func TestBuild(t *testing.T) {
	tb := build(t, demoSpec)
	f := tb.Family
	if f.Name != "demo" || f.Protocol != 16 || len(f.Sets) != 2 || len(f.Enums) != 2 || len(f.Ops) != 1 {
		t.Fatalf("family %+v", f)
	}
	top := f.Sets[0]
	if top.Attrs[1].Name != "DEMO_A_TOP_ID" || top.Attrs[1].Format != family.U32 || top.Attrs[2].Enum != f.Enums[0] {
		t.Errorf("attributes %+v", top.Attrs)
	}
	if a := top.Attrs[6]; a.Child != f.Sets[1] || a.ChildRef != nil {
		t.Errorf("nest %+v", a)
	}
	if a := top.Attrs[4]; a.ChildRef == nil || a.ChildRef.Set() != top || a.Child != nil {
		t.Errorf("self-nest %+v", a)
	}
	if op := f.Ops[0]; op.Flags != family.OpDo|family.OpDump|family.OpDontValidateStrict || op.Attrs != top {
		t.Errorf("op %+v", op)
	}
	do, dump := tb.OpPolicy(uint8(f.Ops[0].Request))
	if do == nil || dump != nil {
		t.Fatalf("OpPolicy: %v, %v", do, dump)
	}
	if r := do.Rules[1]; r.Kind != validate.U32 || r.Check != validate.CheckMin || r.Min != 1 {
		t.Errorf("id rule %+v", r)
	}
	nest := tb.Policies["top"]
	if r := do.Rules[4]; r.Kind != validate.Nested || r.Nested != nil {
		t.Errorf("inner rule %+v: the nest of a set nesting itself is cut everywhere", r)
	}
	if r := do.Rules[6]; r.Kind != validate.Nested || r.Nested != tb.Policies["sub"] || r.Nested.Rules[1].Kind != validate.BE16 {
		t.Errorf("sub rule %+v", r)
	}
	if r := nest.Rules[4]; r.Kind != validate.Nested || r.Nested != nil {
		t.Errorf("the nest of itself is not cut: %+v", r)
	}
	if r := nest.Rules[2]; r.Check != validate.CheckMax || r.Max != 2 {
		t.Errorf("enum rule %+v", r)
	}
	if r := nest.Rules[5]; r.Kind != validate.NulString || r.Len != 15 {
		t.Errorf("string rule %+v", r)
	}
	if d, p := tb.OpPolicy(99); d != nil || p != nil {
		t.Error("policy of an unknown command")
	}
}

// sparse is a spec of sets with one attribute each at type 60000.
func sparse(sets int) string {
	var b strings.Builder
	b.WriteString("name: sparse\nattribute-sets:\n")
	for i := range sets {
		fmt.Fprintf(&b, "  - {name: s%d, attributes: [{name: a, type: u8, value: 60000}]}\n", i)
	}
	b.WriteString("operations:\n  list:\n    - {name: x, attribute-set: s0, do: {request: {attributes: [a]}}}\n")
	return b.String()
}

// TestBudget: sparse attribute types cannot make tables out of
// proportion to the spec.
func TestBudget(t *testing.T) {
	s, err := ynl.Parse(strings.NewReader(sparse(2)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tables.Build(s)
	var be *tables.BudgetError
	if !errors.As(err, &be) || be.Set != "s0" {
		t.Fatalf("Build: %v, want a BudgetError naming s0", err)
	}
}

// TestLimits: enums too large to look up per attribute in bounded time
// are refused.
func TestLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: big\ndefinitions:\n  - name: e\n    type: enum\n    entries: [")
	for i := range tables.MaxEnumEntries + 1 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "e%d", i)
	}
	b.WriteString("]\n" + sparse(1)[len("name: sparse\n"):])
	s, err := ynl.Parse(strings.NewReader(strings.Replace(b.String(), "value: 60000", "value: 1", 1)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = tables.Build(s)
	var le *tables.LimitError
	if !errors.As(err, &le) || le.Name != "e" || le.N != tables.MaxEnumEntries+1 {
		t.Fatalf("Build: %v, want a LimitError naming e", err)
	}
}

// FuzzBuild: arbitrary YAML to tables: an error or tables, never a
// panic, and memory in proportion to the input.
func FuzzBuild(f *testing.F) {
	f.Add([]byte(demoSpec))
	f.Add([]byte(sparse(3)))
	f.Add([]byte(structSpec))
	f.Add([]byte(strings.ReplaceAll(demoSpec, "split", "global")))
	f.Add([]byte(strings.ReplaceAll(demoSpec, "split", "per-op")))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		s, err := ynl.Parse(bytes.NewReader(data))
		if err == nil {
			tb, err := tables.Build(s)
			if err == nil && tb.Family == nil {
				t.Fatal("no family")
			}
		}
		elapsed := time.Since(start)
		runtime.ReadMemStats(&m1)
		if alloc, limit := m1.TotalAlloc-m0.TotalAlloc, 512*uint64(len(data))+16<<20; alloc > limit {
			t.Errorf("%d bytes of input allocated %d bytes (limit %d)", len(data), alloc, limit)
		}
		if limit := 2*time.Second + time.Duration(len(data))*20*time.Microsecond; elapsed > limit {
			t.Errorf("%d bytes of input took %v (limit %v)", len(data), elapsed, limit)
		}
	})
}
