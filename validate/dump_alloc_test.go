package validate

import (
	"errors"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// allocated returns the bytes of heap f allocates (MemStats.TotalAlloc,
// exact: ReadMemStats flushes every cache).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// allocBound is ParsePolicyDump's documented bound for size bytes of
// input.
func allocBound(size int) uint64 {
	return dumpAllocPerByte*uint64(size) + dumpAllocFixed
}

func dumpSize(payloads [][]byte) int {
	n := 0
	for _, b := range payloads {
		n += len(b)
	}
	return n
}

// repeated returns payloads of about size bytes in all: each is one
// attribute of type top (CTRL_ATTR_POLICY or CTRL_ATTR_OP_POLICY) nesting
// unit(0), unit(1), ... up to 64,000 bytes, as a kernel spreads a dump
// over many replies.
func repeated(size int, top uint16, unit func(i int) []byte) [][]byte {
	var out [][]byte
	i, total := 0, 0
	u := unit(i)
	for total < size {
		var kids [][]byte
		n := 4
		for n+len(u) <= 64000 && total+n < size {
			kids = append(kids, u)
			n += len(u)
			i++
			u = unit(i)
		}
		p := host.nest(top, kids...)
		out = append(out, p)
		total += len(p)
	}
	return out
}

// entry is one attribute description in a policy dump: type typ of
// policy idx is NL_ATTR_TYPE_U32 (16 bytes).
func entry(idx, typ uint16) []byte {
	return host.nest(idx, host.nest(typ, host.a(PolicyAttrType, host.u32(4))))
}

// hostileDump is a shape of policy dump that costs a parser memory out
// of proportion to its size.
type hostileDump struct {
	name  string
	build func(size int) [][]byte
	want  outcome
}

// outcome is what ParsePolicyDump must do with a hostileDump.
type outcome int

const (
	accepted outcome = iota
	refused          // ErrDumpTooLarge
	either           // ErrDumpTooLarge or accepted, as the sizes of the GOARCH's structs decide
)

var hostileDumps = []hostileDump{
	// Many policies with one attribute at type 0x3fff each: a dense rule
	// table of 16,384 rules (1 MiB on 64-bit) per 16 bytes.
	{name: "sparse types", want: refused, build: func(size int) [][]byte {
		return repeated(size, ctrlAttrPolicy, func(i int) []byte { return entry(uint16(i&attr.TypeMask), 0x3fff) })
	}},
	// As many such policies as the budget allows, the rest of the dump
	// family ids: about the most memory an accepted dump can take.
	{name: "sparse types within budget", build: func(size int) [][]byte {
		// Each policy costs 16,384 rules and a little more; leave 1 KiB
		// for the rest.
		k := (int(dumpBudget(int64(size))) - 1024) / (0x4000*sizeofRule + 256)
		var out [][]byte
		if k > 0 {
			out = repeated(16*k, ctrlAttrPolicy, func(i int) []byte { return entry(uint16(i), 0x3fff) })
		}
		fill := func(int) []byte { return host.a(ctrlAttrFamilyID, host.u16(0x10)) }
		for _, p := range repeated(size-dumpSize(out), ctrlAttrFamilyID, fill) {
			out = append(out, p[4:]) // family ids at the top level
		}
		return out
	}},
	// Operations naming policy 0x3fff: 16,384 tables from 12 bytes.
	{name: "sparse indexes", want: either, build: func(size int) [][]byte {
		return repeated(size, ctrlAttrOpPolicy, func(i int) []byte {
			return host.nest(uint16(i&0xff), host.a(ctrlAttrPolicyDo, host.u32(0x3fff)))
		})
	}},
	// Attribute descriptions of 12 bytes, all of policy 0 type 1.
	{name: "many descriptions", build: func(size int) [][]byte {
		return repeated(size, ctrlAttrPolicy, func(i int) []byte {
			var kids [][]byte
			for range 2000 {
				kids = append(kids, host.nest(1, host.a(PolicyAttrType, host.u32(4))))
			}
			return host.nest(0, kids...)
		})
	}},
	// Empty operations of 4 bytes each.
	{name: "many operations", build: func(size int) [][]byte {
		return repeated(size, ctrlAttrOpPolicy, func(i int) []byte { return host.nest(uint16(i&0xff), nil) })
	}},
}

// TestDumpAllocBound: whatever the dump's shape, ParsePolicyDump
// allocates at most dumpAllocPerByte (32) bytes per input byte plus
// dumpAllocFixed (16 KiB), accepted or not. The parser before the bound
// (commit 6a851c7) allowed rule tables of 16 rules, 1 KiB, per input
// byte, and allocated them before refusing: 3.7 MB of sparse types took
// 3,834,067,616 bytes, 64 KiB 68,606,232; 64 KiB of sparse indexes,
// accepted, 6,408,808.
func TestDumpAllocBound(t *testing.T) {
	for _, size := range []int{64 << 10, 3_700_000} {
		for _, h := range hostileDumps {
			name := h.name + "/" + strconv.Itoa(size)
			payloads := h.build(size)
			n := dumpSize(payloads)
			var err error
			got := allocated(func() { _, err = ParsePolicyDump(payloads, nlwire.Native) })
			t.Logf("%s: %d bytes of dump, %d bytes allocated (%.1f per byte), err %v", name, n, got, float64(got)/float64(n), err)
			if got > allocBound(n) {
				t.Errorf("%s: %d bytes allocated for %d bytes of dump, want at most %d", name, got, n, allocBound(n))
			}
			switch {
			case h.want == refused && (!errors.Is(err, ErrDumpTooLarge) || !errors.Is(err, ErrBadDump)):
				t.Errorf("%s: %v, want ErrDumpTooLarge", name, err)
			case h.want == either && err != nil && !errors.Is(err, ErrDumpTooLarge):
				t.Errorf("%s: %v, want nil or ErrDumpTooLarge", name, err)
			case h.want == accepted && err != nil:
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

// checkDump parses payloads in order o and checks the result: memory
// within the documented bound, a refusal that says where, and an
// accepted dump equal to the reference parser's, which must accept the
// same dumps but those too large.
func checkDump(t *testing.T, payloads [][]byte, o nlwire.Order) {
	t.Helper()
	var d *PolicyDump
	var err error
	n := dumpSize(payloads)
	if got := allocated(func() { d, err = ParsePolicyDump(payloads, o) }); got > allocBound(n) {
		t.Fatalf("%d bytes allocated for %d bytes of dump, want at most %d (%v)", got, n, allocBound(n), err)
	}
	if err != nil {
		var de *DumpError
		if !errors.As(err, &de) || !errors.Is(err, ErrBadDump) {
			t.Fatalf("error %v is not a *DumpError for ErrBadDump", err)
		}
		if de.Message < 0 || de.Message >= len(payloads) || de.Offset < 0 || de.Offset >= len(payloads[de.Message]) {
			t.Fatalf("error at message %d offset %d, outside the dump: %v", de.Message, de.Offset, err)
		}
	}
	want, refErr := parseDumpReference(payloads, o, dumpBudget(int64(n)))
	switch {
	case errors.Is(refErr, errDeclined):
		// More than ParsePolicyDump may accept.
		if err == nil {
			t.Fatalf("accepted a dump of %d bytes whose tables take more than its budget", n)
		}
	case err != nil:
		if refErr == nil && !errors.Is(err, ErrDumpTooLarge) {
			t.Fatalf("refused what the reference parser accepts: %v", err)
		}
	case refErr != nil:
		t.Fatalf("accepted what the reference parser refuses (%v)", refErr)
	default:
		// DeepEqual first: cmp.Diff costs a fuzz run milliseconds.
		if w, g := flatten(want), flatten(d); !reflect.DeepEqual(w, g) {
			t.Fatalf("(-reference +got)\n%s", cmp.Diff(w, g))
		}
	}
}

// TestDumpSameAsReference: the kernel's dumps parse to the same tables,
// rules and operations as the plain parser ParsePolicyDump was before
// its memory was bounded (parseDumpReference).
func TestDumpSameAsReference(t *testing.T) {
	for _, name := range []string{"policydump-ethtool.hex", "policydump-nlctrl.hex"} {
		payloads := readDump(t, name)
		got, err := ParsePolicyDump(payloads, nlwire.LittleEndian)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := parseDumpReference(payloads, nlwire.LittleEndian, dumpBudget(int64(dumpSize(payloads))))
		if err != nil {
			t.Fatalf("%s: reference: %v", name, err)
		}
		if diff := cmp.Diff(flatten(want), flatten(got)); diff != "" {
			t.Errorf("%s (-reference +got)\n%s", name, diff)
		}
		n := dumpSize(payloads)
		a := allocated(func() { _, _ = ParsePolicyDump(payloads, nlwire.LittleEndian) })
		t.Logf("%s: %d bytes, %d allocated (%.1f per byte)", name, n, a, float64(a)/float64(n))
	}
}

// flatDump is a PolicyDump with nested policies as table indexes, so
// that cmp compares which table a rule points at.
type flatDump struct {
	FamilyID uint16
	Tables   []flatTable
	Ops      []OpPolicy
}

type flatTable struct {
	Rules        []flatRule
	MaxType      uint16
	Strict       uint16
	MaxTypeKnown bool
	Attrs        []DumpedAttr
	RulesCapped  bool // cap(Rules) == len(Rules): appending cannot overwrite another table
}

type flatRule struct {
	Kind     Kind
	Check    Check
	Len      uint16
	Min, Max int64
	Mask     uint64
	Nested   int // table index, -1 for none
	HasFunc  bool
	Msg      string
}

func flatten(d *PolicyDump) flatDump {
	f := flatDump{FamilyID: d.FamilyID, Ops: d.Ops}
	index := func(p *Policy) int {
		for i := range d.Tables {
			if &d.Tables[i].Policy == p {
				return i
			}
		}
		if p == nil {
			return -1
		}
		return -2 // not one of the dump's tables
	}
	for _, t := range d.Tables {
		ft := flatTable{MaxType: t.Policy.MaxType, Strict: t.Policy.StrictStartType,
			MaxTypeKnown: t.MaxTypeKnown, Attrs: t.Attrs, RulesCapped: cap(t.Policy.Rules) == len(t.Policy.Rules)}
		for _, r := range t.Policy.Rules {
			ft.Rules = append(ft.Rules, flatRule{r.Kind, r.Check, r.Len, r.Min, r.Max, r.Mask, index(r.Nested), r.Func != nil, r.Msg})
		}
		f.Tables = append(f.Tables, ft)
	}
	return f
}

// errDeclined is parseDumpReference's answer to a dump whose tables
// would take more than the bytes it was given.
var errDeclined = errors.New("reference parser: tables too large to check")

// parseDumpReference is ParsePolicyDump as it was before its memory was
// bounded (commit 6a851c7 without the budget): tables grown as the dump
// names them, then rule tables of the highest type each. It is what the
// bounded parser must agree with, except on what it refuses as too
// large. It declines (errDeclined) to build tables, or rule tables, of
// more than maxBytes: so it costs no more than ParsePolicyDump may, and
// a dump it declines is one ParsePolicyDump must refuse.
func parseDumpReference(payloads [][]byte, order nlwire.Order, maxBytes int64) (*PolicyDump, error) {
	d := &PolicyDump{}
	maxNamed := -1 // the highest policy index an operation names
	for _, b := range payloads {
		a := attr.NewDecoder(b).WithOrder(order)
		for a.Next() {
			switch a.Type() {
			case ctrlAttrFamilyID:
				d.FamilyID = a.Uint16()
			case ctrlAttrPolicy:
				idxs := a.Nested()
				for idxs.Next() {
					idx := int(idxs.Type())
					types := idxs.Nested()
					for types.Next() {
						ap, err := parseAttrPolicy(types.Nested())
						if err != nil {
							return nil, err
						}
						if int64(idx+1)*int64(sizeofTable) > maxBytes {
							return nil, errDeclined
						}
						for len(d.Tables) <= idx {
							d.Tables = append(d.Tables, DumpTable{})
						}
						d.Tables[idx].Attrs = append(d.Tables[idx].Attrs, DumpedAttr{Type: types.Type(), AttrPolicy: ap})
					}
					if err := types.Err(); err != nil {
						return nil, err
					}
				}
				if err := idxs.Err(); err != nil {
					return nil, err
				}
			case ctrlAttrOpPolicy:
				cmds := a.Nested()
				for cmds.Next() {
					op := OpPolicy{Cmd: uint8(cmds.Type()), Do: -1, Dump: -1}
					x := cmds.Nested()
					for x.Next() {
						var idx *int
						switch x.Type() {
						case ctrlAttrPolicyDo:
							idx = &op.Do
						case ctrlAttrPolicyDump:
							idx = &op.Dump
						default:
							continue
						}
						v := x.Uint32()
						if v > attr.TypeMask {
							return nil, ErrBadDump
						}
						*idx = int(v)
						maxNamed = max(maxNamed, int(v)) // a repeated attribute names a table too
					}
					if err := x.Err(); err != nil {
						return nil, err
					}
					d.Ops = append(d.Ops, op)
				}
				if err := cmds.Err(); err != nil {
					return nil, err
				}
			}
		}
		if err := a.Err(); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(d.Ops, func(x, y OpPolicy) int { return int(x.Cmd) - int(y.Cmd) })
	if maxNamed >= 0 {
		if int64(maxNamed+1)*int64(sizeofTable) > maxBytes {
			return nil, errDeclined
		}
		for len(d.Tables) <= maxNamed {
			d.Tables = append(d.Tables, DumpTable{})
		}
	}
	rules := 0
	for _, t := range d.Tables {
		maxType := 0
		for _, a := range t.Attrs {
			maxType = max(maxType, int(a.Type))
		}
		rules += maxType + 1
	}
	if int64(rules)*int64(sizeofRule) > maxBytes {
		return nil, errDeclined
	}
	for i := range d.Tables {
		t := &d.Tables[i]
		maxType := 0
		for _, a := range t.Attrs {
			maxType = max(maxType, int(a.Type))
		}
		t.Policy.Rules = make([]Rule, maxType+1)
	}
	for i := range d.Tables {
		t := &d.Tables[i]
		for _, a := range t.Attrs {
			r := ruleOf(a.AttrPolicy)
			if (a.Kind == Nested || a.Kind == NestedArray) && a.Present(PolicyAttrPolicyIdx) {
				j := int(a.PolicyIdx)
				if j >= len(d.Tables) {
					return nil, ErrBadDump
				}
				nt := &d.Tables[j]
				if a.Present(PolicyAttrPolicyMaxType) {
					nt.Policy.MaxType = uint16(a.PolicyMaxType)
					nt.MaxTypeKnown = true
					if int(nt.Policy.MaxType) < len(nt.Policy.Rules)-1 {
						return nil, ErrBadDump
					}
				}
				r.Nested = &nt.Policy
			}
			t.Policy.Rules[a.Type] = r
		}
	}
	return d, nil
}
