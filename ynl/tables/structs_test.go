package tables_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/ynl"
	"github.com/nlwire/nlwire/ynl/tables"
)

const structSpec = `
name: st
protocol: genetlink
kernel-policy: split
definitions:
  - name: inner
    type: struct
    members:
      - {name: kind, type: u8}
      - {name: val, type: u32}
  - name: outer
    type: struct
    members:
      - {name: a, type: u8}
      - {name: b, type: u16}
      - {name: c, type: u32, byte-order: big-endian}
      - {name: d, type: u8}
      - {name: e, type: u64}
      - {name: in, type: binary, struct: inner}
      - {name: mac, type: binary, len: 6, display-hint: mac}
      - {name: p, type: pad, len: 1}
      - {name: f, type: s16}
  - name: tail
    type: struct
    members:
      - {name: n, type: u16}
      - {name: p, type: pad, len: 1}
attribute-sets:
  - name: top
    attributes:
      - {name: one, type: binary, struct: outer}
      - {name: two, type: binary, struct: outer}
      - {name: three, type: binary, struct: tail}
operations:
  list:
    - name: get
      attribute-set: top
      do:
        reply:
          attributes: [one]
`

// TestStruct: members at the offsets a C compiler gives them (a u16
// after a u8 at 2, a u64 at 8, an inner struct aligned to its u32, an
// explicit pad kept), the size rounded up to the struct's alignment,
// inner members named by their struct member, a trailing pad counted;
// Build gives every attribute with the struct
// the same layout.
func TestStruct(t *testing.T) {
	tb := build(t, structSpec)
	top := tb.Family.Sets[0]
	one, two, three := top.Attrs[1].Struct, top.Attrs[2].Struct, top.Attrs[3].Struct
	if one == nil || one != two || three == nil {
		t.Fatalf("structs %p %p %p", one, two, three)
	}
	want := family.NewStruct("outer", 48, false,
		family.Member{Name: "a", Kind: family.MemberU8, Offset: 0},
		family.Member{Name: "b", Kind: family.MemberU16, Offset: 2},
		family.Member{Name: "c", Kind: family.MemberBE32, Offset: 4},
		family.Member{Name: "d", Kind: family.MemberU8, Offset: 8},
		family.Member{Name: "e", Kind: family.MemberU64, Offset: 16},
		family.Member{Name: "in.kind", Kind: family.MemberU8, Offset: 24},
		family.Member{Name: "in.val", Kind: family.MemberU32, Offset: 28},
		family.Member{Name: "mac", Kind: family.MemberBytes, Offset: 32, Len: 6},
		family.Member{Name: "f", Kind: family.MemberS16, Offset: 40},
	)
	if diff := cmp.Diff(want, one); diff != "" {
		t.Errorf("outer (-want +got):\n%s", diff)
	}
	wantTail := family.NewStruct("tail", 4, false,
		family.Member{Name: "n", Kind: family.MemberU16, Offset: 0},
	)
	if diff := cmp.Diff(wantTail, three); diff != "" {
		t.Errorf("tail (-want +got):\n%s", diff)
	}
}

// TestStructErrors: structs nested too deep, and more members than
// MaxStructMembers (an inner struct of 9 members used 9 times) are
// errors naming the struct.
func TestStructErrors(t *testing.T) {
	def := func(name string, members ...string) string {
		return "  - name: " + name + "\n    type: struct\n    members:\n" +
			"      - " + strings.Join(members, "\n      - ") + "\n"
	}
	nine := func(typ string) []string {
		var m []string
		for i := range 9 {
			m = append(m, fmt.Sprintf("{name: m%d, %s}", i, typ))
		}
		return m
	}
	for _, c := range []struct {
		name, defs, bad, member string
	}{
		{"too deep", def("a", "{name: i, type: binary, struct: b}") + def("b", "{name: i, type: binary, struct: c}") +
			def("c", "{name: i, type: binary, struct: d}") + def("d", "{name: i, type: binary, struct: e}") +
			def("e", "{name: n, type: u8}"), "e", ""},
		{"too many", def("x", nine("type: binary, struct: nine")...) + def("nine", nine("type: u8")...), "x", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			first := c.defs[len("  - name: "):strings.IndexByte(c.defs, '\n')]
			src := "name: st\ndefinitions:\n" + c.defs +
				"attribute-sets:\n  - name: top\n    attributes:\n      - {name: one, type: binary, struct: " + first + "}\n" + ops
			s, err := ynl.Parse(strings.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			_, err = tables.Build(s)
			var se *tables.StructError
			if !errors.As(err, &se) || se.Struct != c.bad || se.Member != c.member {
				t.Fatalf("Build: %v, want a StructError naming %s %s", err, c.bad, c.member)
			}
		})
	}
}

// ops is a spec's operations, which the loader requires.
const ops = "operations:\n  list:\n    - {name: get, attribute-set: top, do: {reply: {attributes: [one]}}}\n"

// TestStructAllocs: the layout of a struct of n empty structs, each
// of n empty structs, costs in proportion to n, not n squared.
func TestStructAllocs(t *testing.T) {
	spec := func(n int) *ynl.Definition {
		var b strings.Builder
		b.WriteString("name: st\ndefinitions:\n  - {name: empty, type: struct, members: [{name: p, type: pad, len: 1}]}\n")
		for _, d := range []string{"mid", "top"} {
			inner := "empty"
			if d == "top" {
				inner = "mid"
			}
			fmt.Fprintf(&b, "  - name: %s\n    type: struct\n    members:\n", d)
			for i := range n {
				fmt.Fprintf(&b, "      - {name: m%d, type: binary, struct: %s}\n", i, inner)
			}
		}
		b.WriteString("attribute-sets:\n  - name: top\n    attributes:\n      - {name: one, type: binary, struct: top}\n" + ops)
		s, err := ynl.Parse(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		return s.Definitions[2]
	}
	small, large := spec(100), spec(1000)
	allocs := func(d *ynl.Definition) float64 {
		return testing.AllocsPerRun(3, func() {
			if _, err := tables.Struct(d); err != nil {
				t.Fatal(err)
			}
		})
	}
	a, b := allocs(small), allocs(large)
	if b > 3*a+10 {
		t.Errorf("%v allocations for 100 members of 100, %v for 1000 of 1000: not linear", a, b)
	}
	if st, _ := tables.Struct(large); st.Size != 1000*1000 || len(st.Members) != 0 {
		t.Errorf("size %d, %d members", st.Size, len(st.Members))
	}
}
