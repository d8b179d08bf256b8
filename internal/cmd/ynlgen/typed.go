package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/ynl"
	"github.com/nlwire/nlwire/ynl/tables"
)

// The typed code (ztyped.go): for every attribute set a value type with
// a field and a presence bit per attribute, getters, setters, Decode and
// Encode; for every struct definition a Go struct; for every enum a named
// type with String; for every operation request and reply types. The
// runtime it shares is package family/typed.
//
// Names: a set's type is its table's name without "Attrs" (LinkAttrs ->
// Link); a struct's and an enum's type are their names CamelCased; an
// operation's types are its name CamelCased with Request, DumpRequest,
// Reply or Msg (notifications and events). A name already taken gets
// "Set", "Struct", "Type" or "Value" appended. An attribute's getter is
// its name CamelCased (Mtu), its setter Set<Name>; a getter that would
// clash with a setter is Get<Name>.

// tgen writes one package's typed code.
type tgen struct {
	*gen
	b          bytes.Buffer
	setType    map[*ynl.AttrSet]string
	enumType   map[*ynl.Definition]string
	enumWide   map[*ynl.Definition]bool
	structType map[*ynl.Definition]string
	structs    map[*ynl.Definition]*family.Struct
	union      map[*ynl.Attr]string
	iter       map[*ynl.AttrSet]string // iterator types of sets that repeat
	builder    map[*ynl.AttrSet]string // builder types
	build      map[*ynl.AttrSet]string // builder constructors
	arrBuilder map[*ynl.AttrSet]string // builder types of indexed arrays of a set
	taken      map[string]bool
	enumsUsed  map[*ynl.Definition]bool
	structUsed []*ynl.Definition
	needGenl   bool
	needWire   bool
}

// claim takes the first of names that is free.
func (t *tgen) claim(names ...string) string {
	for _, n := range names {
		if !t.taken[n] {
			if _, ok := t.idents[n]; !ok {
				t.taken[n] = true
				return n
			}
		}
	}
	panic("ynlgen: no free name among " + strings.Join(names, ", "))
}

func (g *gen) genTyped(b *bytes.Buffer) error {
	t := &tgen{gen: g, setType: map[*ynl.AttrSet]string{}, enumType: map[*ynl.Definition]string{},
		enumWide: map[*ynl.Definition]bool{}, structType: map[*ynl.Definition]string{},
		structs: map[*ynl.Definition]*family.Struct{}, union: map[*ynl.Attr]string{},
		iter: map[*ynl.AttrSet]string{}, taken: map[string]bool{}, enumsUsed: map[*ynl.Definition]bool{},
		builder: map[*ynl.AttrSet]string{}, build: map[*ynl.AttrSet]string{}, arrBuilder: map[*ynl.AttrSet]string{}}
	// Reserve every constant's name.
	for n := range g.consts {
		t.taken[n] = true
	}
	t.taken["Family"] = true
	for _, d := range g.spec.Definitions {
		if d.Kind == ynl.DefEnum || d.Kind == ynl.DefFlags {
			n := camel(d.Name)
			t.enumType[d] = t.claim(n, n+"Type", n+"Value")
			for _, e := range d.Entries {
				if uint64(e.UserValue(d)) > 0xffffffff || e.UserValue(d) < 0 {
					t.enumWide[d] = true
				}
			}
		}
	}
	// An enum a 64-bit attribute holds is 64 bits wide, whatever its
	// values: a newer kernel's (or a fuzzer's) upper bits must survive a
	// getter.
	for _, as := range g.spec.AttributeSets {
		for _, a := range as.Attributes {
			if d := a.EnumDef; d != nil && (a.Type == ynl.TypeU64 || a.Type == ynl.TypeS64) {
				t.enumWide[d] = true
			}
		}
	}
	for _, d := range g.spec.Definitions {
		if d.Kind != ynl.DefStruct {
			continue
		}
		st, err := tables.Struct(d)
		if err != nil {
			continue // a struct tables cannot lay out stays bytes
		}
		n := camel(d.Name)
		t.structType[d] = t.claim(n, n+"Value", n+"Type")
		t.structs[d] = st
		t.structUsed = append(t.structUsed, d)
	}
	for _, as := range g.spec.AttributeSets {
		n := setBase(as.Name)
		// A set type embedded in an operation's type must not share its
		// name with one of its getters, which the field would hide.
		names := []string{n, n + "Set", n + "Nest"}
		for _, a := range as.Attributes {
			if camel(a.Name) == n || "Get"+camel(a.Name) == n {
				names = names[1:]
				break
			}
		}
		t.setType[as] = t.claim(names...)
	}
	for _, as := range g.spec.AttributeSets {
		for _, a := range as.Attributes {
			if a.Type == ynl.TypeSubMessage && a.SubMsg != nil && as.Attr(a.Selector) != nil {
				n := t.setType[as] + camel(a.Name)
				t.union[a] = t.claim(n, n+"Msg", n+"Union")
			}
			if el := t.elemSet(a); el != nil && t.iter[el] == "" {
				t.iter[el] = t.claim(t.setType[el]+"Iter", t.setType[el]+"Iterator")
			}
		}
	}
	for _, as := range g.spec.AttributeSets {
		n := t.setType[as]
		t.builder[as] = t.claim(n+"Builder", n+"Build", n+"Writer")
		t.build[as] = t.claim("Build"+n, "New"+n+"Builder")
	}
	for _, as := range g.spec.AttributeSets {
		for _, a := range as.Attributes {
			if a.Type == ynl.TypeIndexedArray || a.Type == ynl.TypeNestTypeValue {
				if el := t.elemSet(a); el != nil && t.arrBuilder[el] == "" {
					t.arrBuilder[el] = t.claim(t.setType[el]+"ArrayBuilder", t.setType[el]+"Array")
				}
			}
		}
	}

	for _, d := range t.structUsed {
		t.genStruct(d)
	}
	for _, d := range g.spec.Definitions {
		if n, ok := t.enumType[d]; ok {
			t.genEnum(d, n)
		}
	}
	for _, as := range g.spec.AttributeSets {
		if err := t.genSet(as); err != nil {
			return err
		}
	}
	for _, as := range g.spec.AttributeSets {
		if n := t.iter[as]; n != "" {
			t.genIter(as, n)
		}
	}
	if err := t.genOps(); err != nil {
		return err
	}
	t.genTable()

	imports := []string{"github.com/nlwire/nlwire/attr", "github.com/nlwire/nlwire/family/typed"}
	src := t.b.String()
	if strings.Contains(src, "nlwire.") {
		imports = append(imports, "github.com/nlwire/nlwire")
	}
	if strings.Contains(src, "wire.") {
		imports = append(imports, "github.com/nlwire/nlwire/wire")
	}
	if strings.Contains(src, "genl.") {
		imports = append(imports, "github.com/nlwire/nlwire/family/genl")
	}
	if strings.Contains(src, "bits.") {
		imports = append(imports, "math/bits")
	}
	if strings.Contains(src, "family.") {
		imports = append(imports, "github.com/nlwire/nlwire/family")
	}
	b.WriteString("import (\n")
	for _, im := range imports {
		fmt.Fprintf(b, "\t%q\n", im)
	}
	b.WriteString(")\n\n")
	b.WriteString(src)
	return nil
}

// scratch returns the type of the storage in which Decode checks each
// element of repeated nests f, or "" where there is none: elements that
// are not nests of a described set, or whose set contains f's set (the
// storage would contain itself; those are checked when iterated).
func (t *tgen) scratch(as *ynl.AttrSet, f *tfield) string {
	el := t.elemSet(f.a)
	if el == nil || t.cyc.Closes(as, el) {
		return ""
	}
	return t.setType[el]
}

// elemSet returns the set of the elements of a repeated nest (multi-attr
// nest, indexed-array of nests, nest-type-value), or nil.
func (t *tgen) elemSet(a *ynl.Attr) *ynl.AttrSet {
	switch {
	case a.Type == ynl.TypeNest && a.MultiAttr && a.Nested != nil:
		return a.Nested
	case a.Type == ynl.TypeIndexedArray && a.SubType == ynl.TypeNest && a.Nested != nil:
		return a.Nested
	case a.Type == ynl.TypeNestTypeValue && a.Nested != nil && len(a.TypeValue) <= 1:
		return a.Nested
	}
	return nil
}

func (t *tgen) p(format string, args ...any) { fmt.Fprintf(&t.b, format, args...) }

// ---- structs ----

var memberGo = map[family.MemberKind]struct {
	typ  string
	size int
}{
	family.MemberU8: {"uint8", 1}, family.MemberU16: {"uint16", 2}, family.MemberU32: {"uint32", 4},
	family.MemberU64: {"uint64", 8}, family.MemberS8: {"int8", 1}, family.MemberS16: {"int16", 2},
	family.MemberS32: {"int32", 4}, family.MemberS64: {"int64", 8}, family.MemberBE16: {"uint16", 2},
	family.MemberBE32: {"uint32", 4}, family.MemberBE64: {"uint64", 8},
}

func memberField(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteRune('-')
		}
	}
	n := camel(b.String())
	switch n {
	case "Len", "Put", "Parse", "":
		n += "Field"
	}
	return n
}

func (t *tgen) genStruct(d *ynl.Definition) {
	n := t.structType[d]
	st := t.structs[d]
	t.p("// %s is struct %s (%d bytes), its integers in the message's byte order\n// unless the spec makes them big-endian.\n", n, st.Name, st.Size)
	if st.Array {
		t.p("// An attribute holds an array of them: parse each element with Parse.\n")
	}
	t.p("type %s struct {\n", n)
	for _, m := range st.Members {
		t.p("\t%s %s\n", memberField(m.Name), memberType(m))
	}
	t.p("}\n\n")
	t.p("// Len returns the struct's size, %d.\nfunc (%s) Len() int { return %d }\n\n", st.Size, n, st.Size)
	// Put.
	t.p("// Put writes s into p[:%d] in byte order o and reports whether p was\n// long enough (wire.FixedHeader).\n", st.Size)
	t.p("func (s %s) Put(p []byte, o nlwire.Order) bool {\n\tif len(p) < %d {\n\t\treturn false\n\t}\n\tsw := o.Swap()\n\t_ = sw\n", n, st.Size)
	// The padding between members, and after the last, is zeroed: where
	// the members cover every byte, they overwrite all of it.
	at := 0
	for _, m := range st.Members {
		if m.Offset != at {
			break
		}
		at += m.Size()
	}
	if at != st.Size {
		t.p("\tclear(p[:%d])\n", st.Size)
	}
	for _, m := range st.Members {
		f := "s." + memberField(m.Name)
		switch m.Kind {
		case family.MemberU8:
			t.p("\tp[%d] = %s\n", m.Offset, f)
		case family.MemberS8:
			t.p("\tp[%d] = byte(%s)\n", m.Offset, f)
		case family.MemberU16, family.MemberS16, family.MemberBE16:
			t.p("\ttyped.PutUint16(p[%d:], uint16(%s), %s)\n", m.Offset, f, swapFor(m.Kind))
		case family.MemberU32, family.MemberS32, family.MemberBE32:
			t.p("\ttyped.PutUint32(p[%d:], uint32(%s), %s)\n", m.Offset, f, swapFor(m.Kind))
		case family.MemberU64, family.MemberS64, family.MemberBE64:
			t.p("\ttyped.PutUint64(p[%d:], uint64(%s), %s)\n", m.Offset, f, swapFor(m.Kind))
		default:
			if m.Len == 0 && m.Kind == family.MemberBytes {
				continue // a flexible array: not part of the struct's size
			}
			t.p("\tcopy(p[%d:%d], %s[:])\n", m.Offset, m.Offset+m.Size(), f)
		}
	}
	t.p("\treturn true\n}\n\n")
	// Parse.
	t.p("// Parse reads s from p in byte order o, as the kernel's newer or older\n// struct may be longer or shorter: members p does not reach are zero.\n")
	t.p("func (s *%s) Parse(p []byte, o nlwire.Order) { s.parse(p, o.Swap()) }\n\n", n)
	t.p("func (s *%s) parse(p []byte, sw bool) {\n\t*s = %s{}\n\t_ = sw\n", n, n)
	for _, m := range st.Members {
		f := "s." + memberField(m.Name)
		end := m.Offset + m.Size()
		switch m.Kind {
		case family.MemberU8:
			t.p("\tif len(p) >= %d {\n\t\t%s = p[%d]\n\t}\n", end, f, m.Offset)
		case family.MemberS8:
			t.p("\tif len(p) >= %d {\n\t\t%s = int8(p[%d])\n\t}\n", end, f, m.Offset)
		case family.MemberU16, family.MemberS16, family.MemberBE16:
			t.p("\tif len(p) >= %d {\n\t\t%s = %s(typed.Uint16(p[%d:], %s))\n\t}\n", end, f, memberGo[m.Kind].typ, m.Offset, swapFor(m.Kind))
		case family.MemberU32, family.MemberS32, family.MemberBE32:
			t.p("\tif len(p) >= %d {\n\t\t%s = %s(typed.Uint32(p[%d:], %s))\n\t}\n", end, f, memberGo[m.Kind].typ, m.Offset, swapFor(m.Kind))
		case family.MemberU64, family.MemberS64, family.MemberBE64:
			t.p("\tif len(p) >= %d {\n\t\t%s = %s(typed.Uint64(p[%d:], %s))\n\t}\n", end, f, memberGo[m.Kind].typ, m.Offset, swapFor(m.Kind))
		default:
			if m.Len == 0 && m.Kind == family.MemberBytes {
				t.p("\tif len(p) > %d {\n\t\t%s = p[%d:]\n\t}\n", m.Offset, f, m.Offset)
				continue
			}
			t.p("\tif len(p) > %d {\n\t\tcopy(%s[:], p[%d:min(len(p), %d)])\n\t}\n", m.Offset, f, m.Offset, end)
		}
	}
	t.p("}\n\n")
}

func swapFor(k family.MemberKind) string {
	switch k {
	case family.MemberBE16, family.MemberBE32, family.MemberBE64:
		return "typed.BigSwap"
	}
	return "sw"
}

func memberType(m family.Member) string {
	if g, ok := memberGo[m.Kind]; ok {
		return g.typ
	}
	switch m.Kind {
	case family.MemberIPv4:
		return "[4]byte"
	case family.MemberIPv6, family.MemberAddr:
		return "[16]byte"
	}
	if m.Len == 0 {
		return "[]byte"
	}
	return "[" + strconv.Itoa(m.Len) + "]byte"
}

// ---- enums ----

func (t *tgen) genEnum(d *ynl.Definition, n string) {
	base := "uint32"
	if t.enumWide[d] {
		base = "uint64"
	}
	kind := "enum"
	if d.Kind == ynl.DefFlags {
		kind = "flags"
	}
	t.p("// %s is a value of %s %q (%sEnum names them).\ntype %s %s\n\n", n, kind, d.Name, camel(d.Name), n, base)
	if d.Kind == ynl.DefFlags {
		t.p("// String returns the names of v's bits joined by \"|\", a bit without a\n// name in hex.\nfunc (v %s) String() string { return typed.FlagsString(&%s, uint64(v)) }\n\n", n, t.enumVar[d])
	} else {
		t.p("// String returns the entry's C name, or the number.\nfunc (v %s) String() string { return typed.EnumString(&%s, uint64(v)) }\n\n", n, t.enumVar[d])
	}
}

// ---- sets ----

// fkind is how a field is held.
type fkind int

const (
	fScalar fkind = iota
	fVarint
	fFlag
	fString
	fBinary
	fBitfield
	fNest
	fLazy
	fMulti
	fArray
	fSub
	fSkip
)

type tfield struct {
	a      *ynl.Attr
	set    *ynl.AttrSet // the set it belongs to
	bit    int
	kind   fkind
	name   string // getter
	setter string
	field  string
	gotype string // the value's Go type (scalars, enum types)
	wire   string // the wire integer type: uint8 ... uint64
	size   int
	signed bool
	be     bool // big-endian by spec
	rule   validate.Rule
	ruled  bool
	nest   *ynl.AttrSet
	st     *ynl.Definition
	elem   *tfield // the element of a multi-attr or indexed-array
}

var scalarWire = map[ynl.Type]struct {
	wire   string
	size   int
	signed bool
}{
	ynl.TypeU8: {"uint8", 1, false}, ynl.TypeU16: {"uint16", 2, false}, ynl.TypeU32: {"uint32", 4, false},
	ynl.TypeU64: {"uint64", 8, false}, ynl.TypeS8: {"int8", 1, true}, ynl.TypeS16: {"int16", 2, true},
	ynl.TypeS32: {"int32", 4, true}, ynl.TypeS64: {"int64", 8, true},
}

func (t *tgen) fieldOf(as *ynl.AttrSet, a *ynl.Attr, bit int) *tfield {
	f := &tfield{a: a, set: as, bit: bit, name: camel(a.Name)}
	f.field = "f" + f.name
	f.setter = "Set" + f.name
	f.be = a.ByteOrder == ynl.BigEndian
	if r, ok, err := tables.Rule(a, true, &t.enums); err == nil && ok {
		f.rule, f.ruled = r.Rule, true
		// A range the rules derive from an enum is not checked: a newer
		// kernel adds values, and its replies must still decode. The
		// spec's own checks (min, max, flags-mask) are.
		c := a.Checks
		if a.EnumDef != nil && a.Type != ynl.TypeBitfield32 && !c.Min.Set && !c.Max.Set && c.FlagsMask == "" {
			f.rule.Check = validate.CheckNone
		}
	}
	scalar := func(typ ynl.Type) {
		w := scalarWire[typ]
		f.kind, f.wire, f.size, f.signed, f.gotype = fScalar, w.wire, w.size, w.signed, w.wire
		if d := a.EnumDef; d != nil && (d.Kind == ynl.DefFlags || !a.EnumAsFlags) {
			if n, ok := t.enumType[d]; ok {
				f.gotype = n
			}
		}
	}
	switch {
	case a.Type == ynl.TypeUnused || a.Type == ynl.TypePad:
		f.kind = fSkip
		return f
	case a.MultiAttr:
		f.kind = fMulti
		el := *a
		el.MultiAttr = false
		f.elem = t.fieldOf(as, &el, 0)
		if f.elem.kind == fLazy {
			f.elem.kind = fNest
		}
		return f
	}
	switch a.Type {
	case ynl.TypeU8, ynl.TypeU16, ynl.TypeU32, ynl.TypeU64, ynl.TypeS8, ynl.TypeS16, ynl.TypeS32, ynl.TypeS64:
		scalar(a.Type)
	case ynl.TypeUint, ynl.TypeSint:
		f.kind, f.wire, f.gotype = fVarint, "uint64", "uint64"
		if a.Type == ynl.TypeSint {
			f.wire, f.gotype, f.signed = "int64", "int64", true
		}
	case ynl.TypeFlag:
		f.kind = fFlag
	case ynl.TypeString:
		f.kind = fString
	case ynl.TypeBinary:
		f.kind = fBinary
		if d := a.StructDef; d != nil && t.structType[d] != "" {
			f.st = d
		}
	case ynl.TypeBitfield32:
		f.kind = fBitfield
	case ynl.TypeNest:
		f.kind, f.nest = fNest, a.Nested
		if a.Nested == nil {
			f.kind = fBinary
		} else if t.cyc.Closes(as, a.Nested) {
			f.kind = fLazy
		}
	case ynl.TypeIndexedArray, ynl.TypeNestTypeValue:
		f.kind = fArray
		f.nest = t.elemSet(a)
		if f.nest == nil && a.Type == ynl.TypeIndexedArray && a.SubType != ynl.TypeNest {
			el := *a
			el.Type, el.MultiAttr = a.SubType, false
			if el.Type == ynl.TypeNone {
				el.Type = ynl.TypeBinary
			}
			f.elem = t.fieldOf(as, &el, 0)
		}
	case ynl.TypeSubMessage:
		if a.SubMsg == nil || t.union[a] == "" {
			f.kind = fBinary
		} else {
			f.kind = fSub
		}
	default:
		f.kind = fBinary
	}
	return f
}

// setFields lists the fields of a set, with getter names made unique.
func (t *tgen) setFields(as *ynl.AttrSet) []*tfield {
	var fs []*tfield
	names := map[string]bool{"Decode": true, "Encode": true, "Reset": true}
	bit := 0
	for _, a := range as.Attributes {
		f := t.fieldOf(as, a, bit)
		if f.kind == fSkip {
			continue
		}
		bit++
		fs = append(fs, f)
	}
	for _, f := range fs {
		names[f.setter] = true
	}
	for _, f := range fs {
		// A getter must not read like a setter (attribute "set-name").
		if names[f.name] || strings.HasPrefix(f.name, "Set") {
			f.name = "Get" + f.name
		}
		names[f.name] = true
	}
	return fs
}

func words(n int) int { return (n + 63) / 64 }

func hasExpr(f *tfield) string {
	return fmt.Sprintf("x.has[%d]&(1<<%d) != 0", f.bit/64, f.bit%64)
}

func setBit(f *tfield) string { return fmt.Sprintf("x.has[%d] |= 1 << %d", f.bit/64, f.bit%64) }

// fieldDecl is the field's declaration in the set's struct.
func (t *tgen) fieldDecl(f *tfield) string {
	switch f.kind {
	case fScalar, fVarint:
		return f.field + " " + f.wire
	case fFlag:
		return ""
	case fString:
		return f.field + " []byte"
	case fBinary:
		if f.st != nil {
			return f.field + " []byte\n\tv" + f.name + " " + t.structType[f.st]
		}
		return f.field + " []byte"
	case fBitfield:
		return f.field + " typed.Bitfield32"
	case fNest:
		return f.field + " " + t.setType[f.nest]
	case fLazy:
		return f.field + " []byte\n\to" + f.name + " int\n\tp" + f.name + " *" + t.setType[f.nest]
	case fMulti, fArray:
		s := f.field + " typed.Multi"
		if e := t.elemGo(f); e != "" {
			s += "\n\ts" + f.name + " []" + e
		}
		if k := t.scratch(f.set, f); k != "" {
			s += "\n\tk" + f.name + " " + k // where Decode checks each element
		}
		return s
	case fSub:
		return f.field + " " + t.union[f.a]
	}
	return ""
}

// elemGo is the Go type of the elements a repeated attribute's setter
// takes, "" if it has none.
func (t *tgen) elemGo(f *tfield) string {
	if f.kind == fArray && f.nest != nil {
		return t.setType[f.nest]
	}
	if f.kind == fArray && f.a.Type == ynl.TypeNestTypeValue {
		return ""
	}
	e := f.elem
	if e == nil {
		return ""
	}
	switch e.kind {
	case fScalar, fVarint:
		return e.gotype
	case fString:
		return "string"
	case fBinary:
		return "[]byte"
	case fNest:
		return t.setType[e.nest]
	}
	return ""
}

func (t *tgen) genSet(as *ynl.AttrSet) error {
	n := t.setType[as]
	fs := t.setFields(as)
	space := strings.TrimSuffix(as.NamePrefix, "_")
	t.p("// %s holds the attributes of the set %q (%s_*): each one's value\n// and whether it is present. Decode fills it; the getters report\n// presence; the setters mark an attribute present; Encode writes the\n// present ones in the spec's order. Strings and binary payloads are\n// views into the decoded buffer. The zero value holds none.\n", n, as.Name, space)
	t.p("type %s struct {\n\thas [%d]uint64\n\tmode typed.Mode\n", n, max(1, words(len(fs))))
	for _, f := range fs {
		if d := t.fieldDecl(f); d != "" {
			t.p("\t%s\n", d)
		}
	}
	t.p("}\n\n")
	t.p("// Reset marks every attribute absent.\nfunc (x *%s) Reset() { x.has = [%d]uint64{} }\n\n", n, max(1, words(len(fs))))
	if err := t.genDecode(as, n, fs); err != nil {
		return err
	}
	t.genEncode(as, n, fs)
	if err := t.genBuilder(as, n, fs); err != nil {
		return err
	}
	for _, f := range fs {
		t.genAccessors(as, n, f)
	}
	return nil
}

func (t *tgen) genDecode(as *ynl.AttrSet, n string, fs []*tfield) error {
	t.p("// Decode reads the attributes in b, the payload of a nest or a\n// message's attributes, into x, replacing what x held. o may be nil:\n// then Decode allocates its options (reuse one to allocate nothing).\n")
	t.p("func (x *%s) Decode(b []byte, o *typed.Options) error {\n\tif o == nil {\n\t\to = new(typed.Options)\n\t}\n\to.Prepare()\n\tif o.Prepared()&typed.Swap != 0 {\n\t\treturn x.decodeSwap(b, o, o.Base)\n\t}\n\treturn x.decodeHost(b, o, o.Base)\n}\n\n", n)
	// decode chooses between two copies of the walk: one for the host's
	// byte order, in which the swap flag is the constant false and its
	// tests fold away, and one for the other order.
	t.p("func (x *%s) decode(b []byte, o *typed.Options, base int) error {\n\tif o.Prepared()&typed.Swap != 0 {\n\t\treturn x.decodeSwap(b, o, base)\n\t}\n\treturn x.decodeHost(b, o, base)\n}\n\n", n)
	body, err := t.decodeBody(as, fs, 0, inlineLines)
	if err != nil {
		return err
	}
	host := "func (x *" + n + ") decodeHost(b []byte, o *typed.Options, base int) error {\n\tconst sw = false\n\t_ = sw\n" + body + "\treturn nil\n}\n\n"
	t.p("%s", strings.ReplaceAll(host, ".decode(", ".decodeHost("))
	swap := strings.Replace(host, ") decodeHost(", ") decodeSwap(", 1)
	swap = strings.Replace(swap, "\tconst sw = false\n", "\tconst sw = true\n", 1)
	swap = strings.ReplaceAll(swap, "typed.HostHeader(", "typed.OtherHeader(")
	swap = hostRead.ReplaceAllString(swap, "typed.Uint${1}Other(")
	t.p("%s", strings.ReplaceAll(swap, ".decode(", ".decodeSwap("))
	return nil
}

// A set's walk holds the walks of its nested sets in place of calls
// (a call and its frame cost more than a small set's walk) while it
// stays under inlineLines lines: a function the compiler counts as big
// (5000 nodes, some 850 lines of link-attrs' walk) no longer has the
// integer reads and header splits inlined into it, and runs slower than
// the calls saved. Only sets without repeated attributes, of at most
// inlineFields attributes, inlineDepth levels down, are inlined.
const (
	inlineLines  = 700
	inlineFields = 24
	inlineDepth  = 2
)

// pairOfU32 reports a struct of exactly two u32 (or s32) members in the
// message's order, at offsets 0 and 4: 8 bytes an attribute's payload
// holds as attr.Encoder.Uint32Pair writes them.
func pairOfU32(sd *family.Struct) bool {
	if sd.Size != 8 || len(sd.Members) != 2 {
		return false
	}
	for i, m := range sd.Members {
		if m.Offset != 4*i || (m.Kind != family.MemberU32 && m.Kind != family.MemberS32) {
			return false
		}
	}
	return true
}

// hostRead matches the integer reads of the host-order walk, which the
// other order's walk replaces with typed.Uint*Other.
var hostRead = regexp.MustCompile(`typed\.Uint(16|32|64)Host\(`)

// plainSet reports a set without repeated or self-containing
// attributes, whose walk keeps no iterator or scratch storage.
func plainSet(fs []*tfield) bool {
	for _, f := range fs {
		switch f.kind {
		case fMulti, fArray, fLazy:
			return false
		}
	}
	return true
}

// decodeBody returns the walk of set as over b (from base), x the set's
// value, without the function around it: the statements up to, not
// including, its final return nil. depth counts the levels it is inlined
// into a parent's walk; budget is the most lines it may take with the
// walks it inlines (0: it inlines none).
func (t *tgen) decodeBody(as *ynl.AttrSet, fs []*tfield, depth, budget int) (string, error) {
	left := 0 // lines the walks still to inline may take
	if budget > 0 && depth < inlineDepth {
		plain, err := t.decodeBody(as, fs, depth, 0)
		if err != nil {
			return "", err
		}
		left = budget - strings.Count(plain, "\n")
	}
	saved := t.b
	t.b = bytes.Buffer{}
	defer func() { t.b = saved }()
	set := strconv.Quote(as.Name)
	t.p("\tx.has = [%d]uint64{}\n", max(1, words(len(fs))))
	needMode := false
	var subs []*tfield
	for _, f := range fs {
		switch f.kind {
		case fMulti, fArray, fLazy:
			needMode = true
		case fBinary:
			needMode = needMode || f.st != nil // the struct getter's byte order
		case fSub:
			subs = append(subs, f)
		}
	}
	if needMode {
		t.p("\tx.mode = o.Prepared()\n")
	}
	for _, f := range subs {
		t.p("\tvar sub%s []byte\n\tvar sub%sOff int\n", f.name, f.name)
	}
	t.p("\trest, end := b, base+len(b)\n\t_ = end\n\tfor len(rest) >= 4 {\n")
	t.p("\t\tn, raw := typed.HostHeader(rest)\n")
	t.p("\t\tif n < 4 || n > len(rest) {\n\t\t\tif o.Lenient {\n\t\t\t\tbreak\n\t\t\t}\n")
	t.p("\t\t\tif n < 4 {\n\t\t\t\treturn o.Fail(end-len(rest), %s, \"\", raw, typed.ErrLength)\n\t\t\t}\n", set)
	t.p("\t\t\treturn o.Fail(end-len(rest), %s, \"\", raw, typed.ErrTruncated)\n\t\t}\n", set)
	t.p("\t\tp := rest[4:n]\n\t\t_ = p\n\t\tswitch raw & attr.TypeMask {\n")
	for _, f := range fs {
		t.p("\t\tcase %d: // %s\n", f.a.Value, f.a.CName)
		fail := func(e string) string {
			return fmt.Sprintf("return o.Fail(end-len(rest), %s, %q, raw, typed.%s)", set, f.a.CName, e)
		}
		switch f.kind {
		case fScalar, fVarint, fFlag, fString, fBinary, fBitfield:
			t.checkAndStore(f, fail, "x."+f.field, true)
			t.p("\t\t\t%s\n", setBit(f))
		case fNest:
			t.p("\t\t\tif len(p) != 0 && len(p) < 4 {\n\t\t\t\t%s\n\t\t\t}\n", fail("ErrLength"))
			inner := ""
			if cfs := t.setFields(f.nest); left > 0 && len(cfs) <= inlineFields && plainSet(cfs) {
				var err error
				if inner, err = t.decodeBody(f.nest, cfs, depth+1, left); err != nil {
					return "", err
				}
				if n := strings.Count(inner, "\n") + 4; n <= left {
					left -= n
				} else {
					inner = ""
				}
			}
			if inner != "" {
				// The nested set's walk in place, its names shadowing
				// these in a block of its own.
				t.p("\t\t\t{\n\t\t\t\tx := &x.%s\n\t\t\t\tb, base := p, end-len(rest)+4\n%s\t\t\t}\n", f.field, inner)
			} else {
				t.p("\t\t\tif err := x.%s.decode(p, o, end-len(rest)+4); err != nil {\n\t\t\t\treturn err\n\t\t\t}\n", f.field)
			}
			t.p("\t\t\t%s\n", setBit(f))
		case fLazy:
			t.p("\t\t\tif len(p) != 0 && len(p) < 4 {\n\t\t\t\t%s\n\t\t\t}\n", fail("ErrLength"))
			t.p("\t\t\tx.%s, x.o%s, x.p%s = p, end-len(rest)+4, nil\n", f.field, f.name, f.name)
			t.p("\t\t\t%s\n", setBit(f))
		case fMulti:
			e := f.elem
			switch e.kind {
			case fScalar, fVarint, fFlag, fString, fBinary, fBitfield:
				t.checkAndStore(e, fail, "", false)
			default:
				t.p("\t\t\tif len(p) != 0 && len(p) < 4 {\n\t\t\t\t%s\n\t\t\t}\n", fail("ErrLength"))
				if t.scratch(as, f) != "" {
					// Each element is checked now, into scratch storage.
					t.p("\t\t\tif err := x.k%s.decode(p, o, end-len(rest)+4); err != nil {\n\t\t\t\treturn err\n\t\t\t}\n", f.name)
				}
			}
			t.p("\t\t\tif %s {\n\t\t\t\tx.%s.Add()\n\t\t\t} else {\n", hasExpr(f), f.field)
			if t.elemGo(f) != "" {
				t.p("\t\t\t\tx.%s, x.s%s = typed.NewMulti(rest, end-len(rest), %d, 1, x.mode), nil\n", f.field, f.name, f.a.Value)
			} else {
				t.p("\t\t\t\tx.%s = typed.NewMulti(rest, end-len(rest), %d, 1, x.mode)\n", f.field, f.a.Value)
			}
			t.p("\t\t\t\t%s\n\t\t\t}\n", setBit(f))
		case fArray:
			size := 0 // nests
			if e := f.elem; e != nil {
				switch e.kind {
				case fScalar:
					size = e.size
				case fVarint:
					size = -1
				default:
					size = -2 // any payload
				}
			}
			t.p("\t\t\tcount, err := typed.CheckArray(p, o, end-len(rest)+4, %d, %s, %q)\n\t\t\tif err != nil {\n\t\t\t\treturn err\n\t\t\t}\n", size, set, f.a.CName)
			if t.elemGo(f) != "" {
				t.p("\t\t\tx.%s, x.s%s = typed.NewArray(p, end-len(rest)+4, count, x.mode), nil\n", f.field, f.name)
			} else {
				t.p("\t\t\tx.%s = typed.NewArray(p, end-len(rest)+4, count, x.mode)\n", f.field)
			}
			if t.scratch(as, f) != "" {
				// Each element is checked now, into scratch storage.
				t.p("\t\t\tfor it := x.%s; it.Next(); {\n\t\t\t\tif err := x.k%s.decode(it.Bytes(), o, it.Offset()); err != nil {\n\t\t\t\t\treturn err\n\t\t\t\t}\n\t\t\t}\n", f.field, f.name)
			}
			t.p("\t\t\t%s\n", setBit(f))
		case fSub:
			t.p("\t\t\tsub%s, sub%sOff = p, end-len(rest)+4\n\t\t\t%s\n", f.name, f.name, setBit(f))
		}
	}
	t.p("\t\tdefault:\n\t\t\tif o.ReportUnknown {\n\t\t\t\treturn o.Fail(end-len(rest), %s, \"\", raw, typed.ErrUnknown)\n\t\t\t}\n\t\t}\n", set)
	t.p("\t\trest = rest[min((n+3)&^3, len(rest)):]\n\t}\n")
	t.p("\tif len(rest) != 0 && !o.Lenient {\n\t\treturn o.Fail(end-len(rest), %s, \"\", 0, typed.ErrTrailing)\n\t}\n", set)
	for _, f := range subs {
		if err := t.genSubDecode(as, f); err != nil {
			return "", err
		}
	}
	return t.b.String(), nil
}

// checkAndStore writes the checks of a leaf attribute's payload p and,
// if store is set, the statement that keeps its value in dst.
func (t *tgen) checkAndStore(f *tfield, fail func(string) string, dst string, store bool) {
	sw := "typed.NetSwap(raw, sw)"
	// read(w, off) reads the w-bit integer at p[off:]: a spec'd
	// big-endian one as such, any other in the decode's order unless its
	// NLA_F_NET_BYTEORDER says big-endian (typed.Uint32Host; the other order's walk, typed.Uint32Other).
	read := func(w int, off string) string {
		if f.be {
			return fmt.Sprintf("typed.Uint%d(p%s, typed.BigSwap)", w, off)
		}
		return fmt.Sprintf("typed.Uint%dHost(p%s, raw)", w, off)
	}
	if f.be {
		sw = "typed.BigSwap"
	}
	switch f.kind {
	case fScalar:
		t.p("\t\t\tif len(p) != %d && o.BadLen(len(p) < %d) {\n\t\t\t\t%s\n\t\t\t}\n", f.size, f.size, fail("ErrLength"))
		var rd string
		switch f.size {
		case 1:
			rd = f.wire + "(p[0])"
		case 2, 4, 8:
			rd = f.wire + "(" + read(8*f.size, "") + ")"
		}
		if c := t.rangeCheck(f, "v"); c != "" {
			t.p("\t\t\tif v := %s; %s {\n\t\t\t\t%s\n\t\t\t}\n", rd, c, fail("ErrRange"))
		}
		if store {
			t.p("\t\t\t%s = %s\n", dst, rd)
		}
	case fVarint:
		t.p("\t\t\tif len(p) != 4 && len(p) != 8 {\n\t\t\t\t%s\n\t\t\t}\n", fail("ErrLength"))
		rd := "typed.Uint(p, " + sw + ")"
		if f.signed {
			rd = "typed.Int(p, " + sw + ")"
		}
		if c := t.rangeCheck(f, "v"); c != "" {
			t.p("\t\t\tif v := %s; %s {\n\t\t\t\t%s\n\t\t\t}\n", rd, c, fail("ErrRange"))
		}
		if store {
			t.p("\t\t\t%s = %s\n", dst, rd)
		}
	case fFlag:
		t.p("\t\t\tif len(p) != 0 {\n\t\t\t\t%s\n\t\t\t}\n", fail("ErrLength"))
	case fString:
		// NLA_NUL_STRING is what ynl-gen-c makes of a generic family's
		// string; the kernel's hand-written policies of netlink-raw
		// families take NLA_STRING.
		nul := f.ruled && f.rule.Kind == validate.NulString && t.spec.Protocol.IsGenetlink()
		if f.ruled && f.rule.Kind == validate.Binary {
			// exact-len strings: a binary length check.
			t.p("\t\t\tif !typed.CheckBinary(len(p), %d, %d) {\n\t\t\t\t%s\n\t\t\t}\n", f.rule.Min, f.rule.Max, fail("ErrLength"))
		} else if !nul && f.rule.Len == 0 {
			t.p("\t\t\tif len(p) == 0 {\n\t\t\t\t%s\n\t\t\t}\n", fail("ErrString"))
		} else {
			t.p("\t\t\tif !typed.CheckString(p, %t, %d) {\n\t\t\t\t%s\n\t\t\t}\n", nul, f.rule.Len, fail("ErrString"))
		}
		if store {
			t.p("\t\t\t%s = p\n", dst)
		}
	case fBinary:
		lo, hi := int64(0), int64(-1)
		if f.ruled {
			r := f.rule
			switch {
			case r.Kind == validate.Unspec:
				lo = int64(r.Len)
			case r.Kind == validate.Binary && r.Check == validate.CheckRange:
				lo, hi = r.Min, r.Max
			case r.Kind == validate.Binary && r.Check == validate.CheckMin:
				lo = r.Min
			case r.Kind == validate.Binary && r.Check == validate.CheckMax:
				hi = r.Max
			case r.Kind == validate.Binary && r.Len != 0:
				hi = int64(r.Len)
			}
		}
		if lo > 0 || hi >= 0 {
			t.p("\t\t\tif !typed.CheckBinary(len(p), %d, %d) {\n\t\t\t\t%s\n\t\t\t}\n", lo, hi, fail("ErrLength"))
		}
		if store {
			t.p("\t\t\t%s = p\n", dst)
		}
	case fBitfield:
		t.p("\t\t\tif len(p) != 8 && o.BadLen(len(p) < 8) {\n\t\t\t\t%s\n\t\t\t}\n", fail("ErrLength"))
		rd := "(typed.Bitfield32{Value: " + read(32, "") + ", Selector: " + read(32, "[4:]") + "})"
		if f.ruled && f.rule.Kind == validate.Bitfield32 {
			t.p("\t\t\tif v := %s; !typed.CheckBitfield32(v, 0x%x) {\n\t\t\t\t%s\n\t\t\t}\n", rd, uint32(f.rule.Mask), fail("ErrRange"))
		}
		if store {
			t.p("\t\t\t%s = %s\n", dst, rd)
		}
	}
}

// rangeCheck is the condition under which v, the value of scalar f,
// breaks the spec's checks; "" if it has none.
func (t *tgen) rangeCheck(f *tfield, v string) string {
	if !f.ruled {
		return ""
	}
	r := f.rule
	if f.signed {
		switch r.Check {
		case validate.CheckRange:
			return fmt.Sprintf("int64(%s) < %d || int64(%s) > %d", v, r.Min, v, r.Max)
		case validate.CheckMin:
			return fmt.Sprintf("int64(%s) < %d", v, r.Min)
		case validate.CheckMax:
			return fmt.Sprintf("int64(%s) > %d", v, r.Max)
		}
		return ""
	}
	switch r.Check {
	case validate.CheckRange:
		lo, hi := uint64(r.Min), uint64(r.Max)
		if lo == 0 {
			return fmt.Sprintf("uint64(%s) > %d", v, hi)
		}
		return fmt.Sprintf("uint64(%s) < %d || uint64(%s) > %d", v, lo, v, hi)
	case validate.CheckMin:
		if uint64(r.Min) == 0 {
			return ""
		}
		return fmt.Sprintf("uint64(%s) < %d", v, uint64(r.Min))
	case validate.CheckMax:
		return fmt.Sprintf("uint64(%s) > %d", v, uint64(r.Max))
	case validate.CheckMask:
		return fmt.Sprintf("uint64(%s)&^0x%x != 0", v, r.Mask)
	}
	return ""
}

// genSubDecode decodes a sub-message once the loop has seen its
// selector.
func (t *tgen) genSubDecode(as *ynl.AttrSet, f *tfield) error {
	a := f.a
	sel := as.Attr(a.Selector)
	if sel == nil {
		return fmt.Errorf("%s: %s: selector %q not in the set", t.src.Path, a.CName, a.Selector)
	}
	var selF *tfield
	for _, g := range t.setFields(as) {
		if g.a == sel {
			selF = g
		}
	}
	u := "x." + f.field
	t.p("\tif %s {\n\t\tp, at := sub%s, sub%sOff\n\t\t%s.format, %s.raw, %s.off, %s.mode = 0, p, at, o.Prepared()\n", hasExpr(f), f.name, f.name, u, u, u, u)
	t.p("\t\tif %s {\n", hasExpr(selF))
	if sel.Type == ynl.TypeString {
		t.p("\t\t\tswitch string(typed.CString(x.%s)) {\n", selF.field)
	} else {
		t.p("\t\t\tswitch uint64(x.%s) {\n", selF.field)
	}
	for i, fm := range a.SubMsg.Formats {
		val, err := t.selectorValue(sel, fm.Value)
		if err != nil {
			return err
		}
		t.p("\t\t\tcase %s:\n\t\t\t\t%s.format = %d\n", val, u, i+1)
		hl := 0
		if fm.FixedHeaderDef != nil {
			hl = structSize(fm.FixedHeaderDef)
			if st := t.structType[fm.FixedHeaderDef]; st != "" {
				t.p("\t\t\t\tif len(p) < %d {\n\t\t\t\t\treturn o.Fail(at-4, %q, %q, 0, typed.ErrHeader)\n\t\t\t\t}\n", hl, as.Name, a.CName)
				t.p("\t\t\t\t%s.h%s.parse(p, sw)\n", u, fmtName(fm))
			}
		}
		if fm.Set != nil {
			al := (hl + 3) &^ 3
			if al > 0 {
				t.p("\t\t\t\tif len(p) < %d {\n\t\t\t\t\treturn o.Fail(at-4, %q, %q, 0, typed.ErrHeader)\n\t\t\t\t}\n", al, as.Name, a.CName)
			}
			if t.cyc.Closes(as, fm.Set) {
				// kept as bytes: decoded on demand
			} else {
				t.p("\t\t\t\tif err := %s.s%s.decode(p[%d:], o, at+%d); err != nil {\n\t\t\t\t\treturn err\n\t\t\t\t}\n", u, fmtName(fm), al, al)
			}
		}
	}
	t.p("\t\t\tdefault:\n\t\t\t\tif o.ReportUnknown {\n\t\t\t\t\treturn o.Fail(at-4, %q, %q, 0, typed.ErrSelector)\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n", as.Name, a.CName)
	return nil
}

func fmtName(fm *ynl.Format) string { return camel(fm.Value) }

// selectorValue is the Go literal the selector's field equals for a
// format's value.
func (t *tgen) selectorValue(sel *ynl.Attr, v string) (string, error) {
	if sel.Type == ynl.TypeString {
		return strconv.Quote(v), nil
	}
	if sel.EnumDef != nil {
		if e := sel.EnumDef.Entry(v); e != nil {
			return strconv.FormatUint(uint64(e.UserValue(sel.EnumDef)), 10), nil
		}
	}
	if n, err := strconv.ParseInt(v, 0, 64); err == nil {
		return strconv.FormatUint(uint64(n), 10), nil
	}
	return "", fmt.Errorf("%s: selector %s: format value %q is not a value", t.src.Path, sel.CName, v)
}

func (t *tgen) genEncode(as *ynl.AttrSet, n string, fs []*tfield) {
	t.p("// Encode writes the present attributes to e, in the spec's order,\n// integers in e's byte order unless the spec makes them big-endian, and\n// nests with NLA_F_NESTED.\nfunc (x *%s) Encode(e *attr.Encoder) { x.build(e) }\n\n", n)
	t.p("// build writes the present attributes with the methods of a builder\n// on e (the nest it is in, if any, opened and closed by the caller).\nfunc (x *%s) build(e *attr.Encoder) {\n\tb := %s{e: e}\n\t_ = b\n", n, t.builder[as])
	// Selectors written on behalf of their sub-message.
	selOf := map[*ynl.Attr]*tfield{}
	for _, f := range fs {
		if f.kind == fSub {
			if s := as.Attr(f.a.Selector); s != nil {
				selOf[s] = f
			}
		}
	}
	for _, f := range fs {
		cn := f.a.CName
		t.p("\tif %s {\n", hasExpr(f))
		switch f.kind {
		case fScalar, fVarint:
			t.p("\t\tb.%s(%s(x.%s))\n", f.name, f.gotype, f.field)
		case fFlag:
			t.p("\t\tb.%s()\n", f.name)
		case fString:
			t.p("\t\tb.%sBytes(x.%s)\n", f.name, f.field)
		case fBitfield:
			t.p("\t\tb.%s(x.%s)\n", f.name, f.field)
		case fBinary:
			if f.st == nil {
				t.p("\t\tb.%s(x.%s)\n", f.name, f.field)
				break
			}
			// A decoded payload is written back as it is when the encoder's
			// byte order is the decoder's, else member by member.
			t.p("\t\tif x.%s != nil && (x.mode&typed.Swap != 0) == typed.EncoderSwap(e) {\n\t\t\tb.%sBytes(x.%s)\n\t\t} else if x.%s != nil {\n\t\t\tv := x.v%s\n\t\t\tv.parse(x.%s, x.mode&typed.Swap != 0)\n\t\t\tb.%s(v)\n\t\t} else {\n\t\t\tb.%s(x.v%s)\n\t\t}\n", f.field, f.name, f.field, f.field, f.name, f.field, f.name, f.name, f.name)
		case fNest:
			t.p("\t\tc := b.%s()\n\t\tx.%s.build(e)\n\t\tc.End()\n", f.name, f.field)
		case fLazy:
			t.p("\t\tif x.p%s != nil {\n\t\t\tc := b.%s()\n\t\t\tx.p%s.build(e)\n\t\t\tc.End()\n\t\t} else {\n\t\t\te.Put(%s|attr.FlagNested, x.%s)\n\t\t}\n", f.name, f.name, f.name, cn, f.field)
		case fMulti:
			if eg := t.elemGo(f); eg != "" {
				t.p("\t\tif x.s%s != nil {\n\t\t\tfor i := range x.s%s {\n", f.name, f.name)
				el := *f.elem
				switch el.kind {
				case fNest:
					t.p("\t\t\t\tc := b.%s()\n\t\t\t\tx.s%s[i].build(e)\n\t\t\t\tc.End()\n", f.name, f.name)
				case fScalar, fVarint:
					t.p("\t\t\t\tb.%s(%s(x.s%s[i]))\n", f.name, el.gotype, f.name)
				case fBinary:
					if el.st != nil {
						t.p("\t\t\t\tb.%sBytes(x.s%s[i])\n", f.name, f.name)
					} else {
						t.p("\t\t\t\tb.%s(x.s%s[i])\n", f.name, f.name)
					}
				default: // strings
					t.p("\t\t\t\tb.%s(x.s%s[i])\n", f.name, f.name)
				}
				t.p("\t\t\t}\n\t\t} else {\n")
			} else {
				t.p("\t\t{\n")
			}
			t.p("\t\t\tfor it := x.%s; it.Next(); {\n", f.field)
			switch {
			case f.elem.kind == fNest || f.elem.kind == fLazy:
				// The payload as it came, its length too: padding put
				// inside the nest would change what a truncated last
				// attribute in it says.
				t.p("\t\t\t\te.Put(%s|attr.FlagNested, it.Bytes())\n", cn)
			case iterValue(f.elem) != "":
				// Integers are written at their width, whatever the
				// decoded payload's (lenient decoding takes longer ones).
				t.p("%s", strings.ReplaceAll(t.encodeLeaf(f.elem, cn, iterValue(f.elem)), "\t\t", "\t\t\t\t"))
			default:
				t.p("\t\t\t\te.Put(%s, it.Bytes())\n", cn)
			}
			t.p("\t\t\t}\n\t\t}\n")
		case fArray:
			if f.nest != nil {
				t.p("\t\tarr := b.%s()\n", f.name)
			} else {
				t.p("\t\tarr := e.Begin(%s)\n", cn)
			}
			if eg := t.elemGo(f); eg != "" {
				t.p("\t\tif x.s%s != nil {\n\t\t\tfor i := range x.s%s {\n", f.name, f.name)
				if f.nest != nil {
					t.p("\t\t\t\tc := arr.Element()\n\t\t\t\tx.s%s[i].build(e)\n\t\t\t\tc.End()\n", f.name)
				} else {
					el := *f.elem
					t.p("%s", strings.ReplaceAll(t.encodeLeaf(&el, "uint16(i+1)", "x.s"+f.name+"[i]"), "\t\t", "\t\t\t\t"))
				}
				t.p("\t\t\t}\n\t\t} else {\n")
			} else {
				t.p("\t\t{\n")
			}
			t.p("\t\t\tfor it := x.%s; it.Next(); {\n", f.field)
			switch {
			case f.nest != nil || f.a.Type == ynl.TypeNestTypeValue || f.a.SubType == ynl.TypeNest:
				t.p("\t\t\t\te.Put(it.Type()|attr.FlagNested, it.Bytes())\n")
			case f.elem != nil && iterValue(f.elem) != "":
				t.p("%s", strings.ReplaceAll(t.encodeLeaf(f.elem, "it.Type()", iterValue(f.elem)), "\t\t", "\t\t\t\t"))
			default:
				t.p("\t\t\t\te.Put(it.Type(), it.Bytes())\n")
			}
			if f.nest != nil {
				t.p("\t\t\t}\n\t\t}\n\t\tarr.End()\n")
			} else {
				t.p("\t\t\t}\n\t\t}\n\t\te.End(arr)\n")
			}
		case fSub:
			t.genSubEncode(as, f)
		}
		t.p("\t}")
		if sf, ok := selOf[f.a]; ok {
			// The selector, when only its sub-message was set.
			t.p(" else if %s && x.%s.format != 0 {\n", hasExpr(sf), sf.field)
			t.p("\t\tswitch x.%s.format {\n", sf.field)
			for i, fm := range sf.a.SubMsg.Formats {
				t.p("\t\tcase %d:\n", i+1)
				if f.a.Type == ynl.TypeString {
					t.p("\t\t\te.String(%s, %q)\n", cn, fm.Value)
				} else {
					v, _ := t.selectorValue(f.a, fm.Value)
					t.p("%s", strings.ReplaceAll(t.encodeLeaf(f, cn, f.gotype+"("+v+")"), "\t\t", "\t\t\t"))
				}
			}
			t.p("\t\t}\n\t}")
		}
		t.p("\n")
	}
	t.p("}\n\n")
}

// genBuilder writes the set's builder: a method per attribute that
// appends it to an attr.Encoder at once, nests opened by methods that
// return the nested set's builder.
func (t *tgen) genBuilder(as *ynl.AttrSet, n string, fs []*tfield) error {
	bt, bf := t.builder[as], t.build[as]
	space := strings.TrimSuffix(as.NamePrefix, "_")
	t.p("// %s appends attributes of the set %q (%s_*) to an\n// attr.Encoder as its methods are called, in that order: a request\n// built without an intermediate %s, as fast as the attr.Encoder\n// calls it makes. Integers are written in the encoder's byte order\n// unless the spec makes them big-endian. A method of a nest returns the\n// nested set's builder, whose End closes the nest.\ntype %s struct {\n\te    *attr.Encoder\n\tnest attr.Nest\n}\n\n", bt, as.Name, space, n, bt)
	t.p("// %s returns a builder of %q attributes that appends to e.\nfunc %s(e *attr.Encoder) %s { return %s{e: e} }\n\n", bf, as.Name, bf, bt, bt)
	t.p("// End closes the nest b writes into, which a method of its parent's\n// builder opened. A builder of %s writes into no nest: its End\n// latches attr.ErrMisnested.\nfunc (b %s) End() { b.e.End(b.nest) }\n\n", bf, bt)
	t.p("// Encoder returns the encoder b appends to, for what the spec does\n// not describe.\nfunc (b %s) Encoder() *attr.Encoder { return b.e }\n\n", bt)
	names := map[string]bool{"End": true, "Encoder": true}
	method := func(name string) error {
		if names[name] {
			return fmt.Errorf("set %s: builder method %s twice", as.Name, name)
		}
		names[name] = true
		return nil
	}
	leaf := func(f *tfield, name, doc string) error {
		if err := method(name); err != nil {
			return err
		}
		cn := f.a.CName
		body := strings.ReplaceAll(t.encodeLeaf(f, cn, "v"), "\t\te.", "\tb.e.")
		switch f.kind {
		case fScalar, fVarint:
			t.p("// %s appends %s%s.\nfunc (b %s) %s(v %s) {\n%s}\n\n", name, cn, doc, bt, name, f.gotype, body)
		case fFlag:
			t.p("// %s appends the flag %s%s.\nfunc (b %s) %s() {\n%s}\n\n", name, cn, doc, bt, name, body)
		case fString:
			t.p("// %s appends %s, s and a NUL%s.\nfunc (b %s) %s(s string) {\n\tb.e.String(%s, s)\n}\n\n", name, cn, doc, bt, name, cn)
			if err := method(name + "Bytes"); err != nil {
				return err
			}
			t.p("// %sBytes appends %s: s and a NUL, or s as it is if it ends in\n// a NUL%s.\nfunc (b %s) %sBytes(s []byte) {\n\ttyped.PutString(b.e, %s, s)\n}\n\n", name, cn, doc, bt, name, cn)
		case fBinary:
			if f.st != nil {
				st := t.structType[f.st]
				if sd := t.structs[f.st]; pairOfU32(sd) {
					// Two u32 members, host order: one 12-byte store.
					t.p("// %s appends %s, the struct v%s.\nfunc (b %s) %s(v %s) {\n\tb.e.Uint32Pair(%s, uint32(v.%s), uint32(v.%s))\n}\n\n", name, cn, doc, bt, name, st, cn, memberField(sd.Members[0].Name), memberField(sd.Members[1].Name))
				} else {
					t.p("// %s appends %s, the struct v%s.\nfunc (b %s) %s(v %s) {\n\tif q := b.e.Reserve(%s, %d); q != nil {\n\t\tv.Put(q, b.e.Order())\n\t}\n}\n\n", name, cn, doc, bt, name, st, cn, sd.Size)
				}
				if err := method(name + "Bytes"); err != nil {
					return err
				}
				t.p("// %sBytes appends %s with the payload p%s.\nfunc (b %s) %sBytes(p []byte) {\n\tb.e.Put(%s, p)\n}\n\n", name, cn, doc, bt, name, cn)
				return nil
			}
			t.p("// %s appends %s with the payload p%s.\nfunc (b %s) %s(p []byte) {\n\tb.e.Put(%s, p)\n}\n\n", name, cn, doc, bt, name, cn)
		case fBitfield:
			t.p("// %s appends %s%s.\nfunc (b %s) %s(v typed.Bitfield32) {\n%s}\n\n", name, cn, doc, bt, name, body)
		default:
			return fmt.Errorf("set %s: %s: no builder method for kind %d", as.Name, cn, f.kind)
		}
		return nil
	}
	nest := func(name, cn string, set *ynl.AttrSet, doc string) error {
		if err := method(name); err != nil {
			return err
		}
		cb := t.builder[set]
		t.p("// %s opens the nest %s%s and returns its builder; close it\n// with End.\nfunc (b %s) %s() %s {\n\treturn %s{e: b.e, nest: b.e.Begin(%s)}\n}\n\n", name, cn, doc, bt, name, cb, cb, cn)
		return nil
	}
	for _, f := range fs {
		cn := f.a.CName
		switch f.kind {
		case fScalar, fVarint, fFlag, fString, fBinary, fBitfield:
			if err := leaf(f, f.name, ""); err != nil {
				return err
			}
		case fNest, fLazy:
			if err := nest(f.name, cn, f.nest, ""); err != nil {
				return err
			}
		case fMulti:
			const one = " (one element of the repeated attribute: call it once per element)"
			switch e := f.elem; {
			case e.kind == fNest || e.kind == fLazy:
				if err := nest(f.name, cn, e.nest, one); err != nil {
					return err
				}
			default:
				if err := leaf(e, f.name, one); err != nil {
					return err
				}
			}
		case fArray:
			if err := method(f.name); err != nil {
				return err
			}
			if f.nest != nil {
				ab := t.arrBuilder[f.nest]
				t.p("// %s opens the indexed array %s and returns its builder: one\n// Element per entry, then End.\nfunc (b %s) %s() %s {\n\treturn %s{e: b.e, nest: b.e.Begin(%s)}\n}\n\n", f.name, cn, bt, f.name, ab, ab, cn)
			} else {
				t.p("// %s opens the indexed array %s and returns its builder: each\n// entry written with the type Next returns, then End.\nfunc (b %s) %s() typed.ArrayBuilder {\n\treturn typed.BeginArray(b.e, %s)\n}\n\n", f.name, cn, bt, f.name, cn)
			}
		case fSub:
			sel := as.Attr(f.a.Selector).CName
			seen := map[string]bool{}
			for _, fm := range f.a.SubMsg.Formats {
				nm := f.name + fmtName(fm)
				if seen[nm] {
					continue
				}
				seen[nm] = true
				if err := method(nm); err != nil {
					return err
				}
				hdr := ""
				if fm.FixedHeaderDef != nil && t.structType[fm.FixedHeaderDef] != "" {
					hdr = t.structType[fm.FixedHeaderDef]
				}
				doc := fmt.Sprintf("// %s appends %s in the format %q. The selector, %s, is\n// not written: append it first.\n", nm, cn, fm.Value, sel)
				switch {
				case fm.Set != nil:
					cb := t.builder[fm.Set]
					arg, put := "", ""
					if hdr != "" {
						arg = "h " + hdr
						put = fmt.Sprintf("\tif q := b.e.Header(%d); q != nil {\n\t\th.Put(q, b.e.Order())\n\t}\n", structSize(fm.FixedHeaderDef))
					}
					t.p("%s// It returns the format's builder; close it with End.\nfunc (b %s) %s(%s) %s {\n\tn := b.e.Begin(%s)\n%s\treturn %s{e: b.e, nest: n}\n}\n\n", doc, bt, nm, arg, cb, cn, put, cb)
				case hdr != "":
					t.p("%sfunc (b %s) %s(h %s) {\n\tif q := b.e.Reserve(%s, %d); q != nil {\n\t\th.Put(q, b.e.Order())\n\t}\n}\n\n", doc, bt, nm, hdr, cn, t.structs[fm.FixedHeaderDef].Size)
				default:
					t.p("%sfunc (b %s) %s() {\n\tb.e.End(b.e.BeginNoFlag(%s))\n}\n\n", doc, bt, nm, cn)
				}
			}
		}
	}
	if ab := t.arrBuilder[as]; ab != "" {
		t.p("// %s appends the entries of an indexed array of %q nests,\n// numbered from 1.\ntype %s struct {\n\te    *attr.Encoder\n\tnest attr.Nest\n}\n\n", ab, as.Name, ab)
		t.p("// Element opens the next entry and returns its builder; close it\n// with End.\nfunc (a *%s) Element() %s {\n\treturn %s{e: a.e, nest: a.e.Element(&a.nest)}\n}\n\n", ab, bt, bt)
		t.p("// End closes the array.\nfunc (a *%s) End() { a.e.End(a.nest) }\n\n", ab)
	}
	return nil
}

// iterValue is the expression that reads the current integer of a
// typed.Multi named it, for an element of kind scalar or variable-width
// integer; "" for other kinds.
func iterValue(el *tfield) string {
	switch el.kind {
	case fScalar:
		switch {
		case el.size == 1:
			return "it.Uint8()"
		case el.be:
			return fmt.Sprintf("it.BE%d()", el.size*8)
		}
		return fmt.Sprintf("it.Uint%d()", el.size*8)
	case fVarint:
		if el.signed {
			return "typed.Int(it.Bytes(), it.Swap())"
		}
		return "it.Uint64()"
	}
	return ""
}

// encodeLeaf writes attribute typ from the value expression v.
func (t *tgen) encodeLeaf(f *tfield, typ, v string) string {
	switch f.kind {
	case fScalar:
		switch f.size {
		case 1:
			if f.signed {
				return fmt.Sprintf("\t\te.Int8(%s, int8(%s))\n", typ, v)
			}
			return fmt.Sprintf("\t\te.Uint8(%s, uint8(%s))\n", typ, v)
		case 2:
			if f.be {
				return fmt.Sprintf("\t\te.BE16(%s, uint16(%s))\n", typ, v)
			}
			return fmt.Sprintf("\t\te.Uint16(%s, uint16(%s))\n", typ, v)
		case 4:
			if f.be {
				return fmt.Sprintf("\t\te.BE32(%s, uint32(%s))\n", typ, v)
			}
			return fmt.Sprintf("\t\te.Uint32(%s, uint32(%s))\n", typ, v)
		case 8:
			if f.be {
				return fmt.Sprintf("\t\te.BE64(%s, uint64(%s))\n", typ, v)
			}
			return fmt.Sprintf("\t\te.Uint64(%s, uint64(%s))\n", typ, v)
		}
	case fVarint:
		if f.signed {
			return fmt.Sprintf("\t\te.Int(%s, int64(%s))\n", typ, v)
		}
		return fmt.Sprintf("\t\te.Uint(%s, uint64(%s))\n", typ, v)
	case fFlag:
		return fmt.Sprintf("\t\te.Flag(%s)\n", typ)
	case fString:
		return fmt.Sprintf("\t\ttyped.PutString(e, %s, %s)\n", typ, v)
	case fBinary:
		if f.st != nil && strings.HasPrefix(v, "x.f") {
			name := strings.TrimPrefix(v, "x.f")
			sz := t.structs[f.st].Size
			// A decoded payload is written back as it is when the encoder's
			// byte order is the decoder's, else member by member.
			return fmt.Sprintf("\t\tif %s != nil && (x.mode&typed.Swap != 0) == typed.EncoderSwap(e) {\n\t\t\te.Put(%s, %s)\n\t\t} else if %s != nil {\n\t\t\tv := x.v%s\n\t\t\tv.parse(%s, x.mode&typed.Swap != 0)\n\t\t\tif q := e.Reserve(%s, %d); q != nil {\n\t\t\t\tv.Put(q, e.Order())\n\t\t\t}\n\t\t} else if q := e.Reserve(%s, %d); q != nil {\n\t\t\tx.v%s.Put(q, e.Order())\n\t\t}\n", v, typ, v, v, name, v, typ, sz, typ, sz, name)
		}
		return fmt.Sprintf("\t\te.Put(%s, %s)\n", typ, v)
	case fBitfield:
		return fmt.Sprintf("\t\te.Bitfield32(%s, %s.Value, %s.Selector)\n", typ, v, v)
	}
	return ""
}

func (t *tgen) genSubEncode(as *ynl.AttrSet, f *tfield) {
	u := "x." + f.field
	cn := f.a.CName
	t.p("\t\tswitch %s.format {\n", u)
	for i, fm := range f.a.SubMsg.Formats {
		t.p("\t\tcase %d:\n", i+1)
		hdr := fm.FixedHeaderDef != nil && t.structType[fm.FixedHeaderDef] != ""
		if fm.Set == nil && hdr {
			// A struct alone: nla_len counts its bytes, not the padding.
			// A decoded payload (which may hold more than the struct) is
			// written back as it is in the decoder's byte order.
			sz := t.structs[fm.FixedHeaderDef].Size // sizeof, C's layout
			t.p("\t\t\tif %s.raw != nil && (%s.mode&typed.Swap != 0) == typed.EncoderSwap(e) {\n\t\t\t\te.Put(%s, %s.raw)\n\t\t\t} else if q := e.Reserve(%s, %d); q != nil {\n\t\t\t\t%s.h%s.Put(q, e.Order())\n\t\t\t}\n", u, u, cn, u, cn, sz, u, fmtName(fm))
			continue
		}
		if fm.Set != nil && !t.cyc.Closes(as, fm.Set) {
			arg := ""
			if hdr {
				arg = u + ".h" + fmtName(fm)
			}
			t.p("\t\t\tc := b.%s%s(%s)\n\t\t\t%s.s%s.build(e)\n\t\t\tc.End()\n", f.name, fmtName(fm), arg, u, fmtName(fm))
			continue
		}
		if fm.Set != nil {
			t.p("\t\t\tnest := e.Begin(%s)\n", cn)
		} else {
			t.p("\t\t\tnest := e.BeginNoFlag(%s)\n", cn)
		}
		if fm.FixedHeaderDef != nil && t.structType[fm.FixedHeaderDef] != "" {
			t.p("\t\t\tif q := e.Header(%d); q != nil {\n\t\t\t\t%s.h%s.Put(q, e.Order())\n\t\t\t}\n", structSize(fm.FixedHeaderDef), u, fmtName(fm))
		}
		if fm.Set != nil {
			if t.cyc.Closes(as, fm.Set) {
				al := (structSize(fm.FixedHeaderDef) + 3) &^ 3
				t.p("\t\t\tif len(%s.raw) >= %d {\n\t\t\t\te.Raw(%s.raw[%d:])\n\t\t\t}\n", u, al, u, al)
			} else {
				t.p("\t\t\t%s.s%s.Encode(e)\n", u, fmtName(fm))
			}
		}
		t.p("\t\t\te.End(nest)\n")
	}
	nested := true // every format is a nest: so is one the spec does not know
	for _, fm := range f.a.SubMsg.Formats {
		nested = nested && fm.Set != nil
	}
	if nested {
		t.p("\t\tdefault:\n\t\t\te.Put(%s|attr.FlagNested, %s.raw)\n\t\t}\n", cn, u)
	} else {
		t.p("\t\tdefault:\n\t\t\te.Put(%s, %s.raw)\n\t\t}\n", cn, u)
	}
}

// genAccessors writes the getter and setters of one field.
func (t *tgen) genAccessors(as *ynl.AttrSet, n string, f *tfield) {
	cn := f.a.CName
	get, set := f.name, f.setter
	switch f.kind {
	case fScalar, fVarint:
		t.p("// %s returns %s and whether it is present (0 if not).\nfunc (x *%s) %s() (%s, bool) {\n\tif !(%s) {\n\t\treturn 0, false\n\t}\n\treturn %s(x.%s), true\n}\n\n", get, cn, n, get, f.gotype, hasExpr(f), f.gotype, f.field)
		t.p("// %s sets %s.\nfunc (x *%s) %s(v %s) {\n\tx.%s = %s(v)\n\t%s\n}\n\n", set, cn, n, set, f.gotype, f.field, f.wire, setBit(f))
	case fFlag:
		t.p("// %s reports whether the flag %s is present.\nfunc (x *%s) %s() bool { return %s }\n\n", get, cn, n, get, hasExpr(f))
		t.p("// %s sets or clears the flag %s.\nfunc (x *%s) %s(v bool) {\n\tif v {\n\t\t%s\n\t} else {\n\t\tx.has[%d] &^= 1 << %d\n\t}\n}\n\n", set, cn, n, set, setBit(f), f.bit/64, f.bit%64)
	case fString:
		t.p("// %s returns %s, up to its NUL, as a view, and whether it is\n// present (nil if not).\nfunc (x *%s) %s() ([]byte, bool) {\n\tif !(%s) {\n\t\treturn nil, false\n\t}\n\treturn typed.CString(x.%s), true\n}\n\n", get, cn, n, get, hasExpr(f), f.field)
		t.p("// %s sets %s; x keeps a view of s.\nfunc (x *%s) %s(s string) {\n\tx.%s = typed.StringView(s)\n\t%s\n}\n\n", set, cn, n, set, f.field, setBit(f))
		t.p("// %sBytes sets %s; x keeps the view s.\nfunc (x *%s) %sBytes(s []byte) {\n\tx.%s = s\n\t%s\n}\n\n", set, cn, n, set, f.field, setBit(f))
	case fBinary:
		if f.st != nil {
			st := t.structType[f.st]
			t.p("// %s returns %s as a struct %s, and whether it is present.\nfunc (x *%s) %s() (%s, bool) {\n", get, cn, t.structs[f.st].Name, n, get, st)
			t.p("\tif !(%s) {\n\t\treturn %s{}, false\n\t}\n\tif x.%s == nil {\n\t\treturn x.v%s, true\n\t}\n\tvar v %s\n\tv.parse(x.%s, x.mode&typed.Swap != 0)\n\treturn v, true\n}\n\n", hasExpr(f), st, f.field, f.name, st, f.field)
			t.p("// %sBytes returns the payload of %s as a view, and whether it is\n// present (nil if not, or if it was set as a struct).\nfunc (x *%s) %sBytes() ([]byte, bool) {\n\tif !(%s) {\n\t\treturn nil, false\n\t}\n\treturn x.%s, true\n}\n\n", get, cn, n, get, hasExpr(f), f.field)
			t.p("// %s sets %s to the struct v.\nfunc (x *%s) %s(v %s) {\n\tx.v%s, x.%s = v, nil\n\t%s\n}\n\n", set, cn, n, set, st, f.name, f.field, setBit(f))
			t.p("// %sBytes sets %s to the payload p; x keeps the view.\nfunc (x *%s) %sBytes(p []byte) {\n\tif p == nil {\n\t\tp = []byte{}\n\t}\n\tx.%s = p\n\t%s\n}\n\n", set, cn, n, set, f.field, setBit(f))
			return
		}
		t.p("// %s returns %s's payload as a view, and whether it is present\n// (nil if not).\nfunc (x *%s) %s() ([]byte, bool) {\n\tif !(%s) {\n\t\treturn nil, false\n\t}\n\treturn x.%s, true\n}\n\n", get, cn, n, get, hasExpr(f), f.field)
		t.p("// %s sets %s's payload; x keeps the view p.\nfunc (x *%s) %s(p []byte) {\n\tx.%s = p\n\t%s\n}\n\n", set, cn, n, set, f.field, setBit(f))
	case fBitfield:
		t.p("// %s returns %s and whether it is present (zero if not).\nfunc (x *%s) %s() (typed.Bitfield32, bool) {\n\tif !(%s) {\n\t\treturn typed.Bitfield32{}, false\n\t}\n\treturn x.%s, true\n}\n\n", get, cn, n, get, hasExpr(f), f.field)
		t.p("// %s sets %s.\nfunc (x *%s) %s(v typed.Bitfield32) {\n\tx.%s = v\n\t%s\n}\n\n", set, cn, n, set, f.field, setBit(f))
	case fNest:
		st := t.setType[f.nest]
		t.p("// %s returns the nest %s, and whether it is present (if not, an\n// empty one).\nfunc (x *%s) %s() (*%s, bool) {\n\tif !(%s) {\n\t\tx.%s.Reset()\n\t\treturn &x.%s, false\n\t}\n\treturn &x.%s, true\n}\n\n", get, cn, n, get, st, hasExpr(f), f.field, f.field, f.field)
		t.p("// %s marks the nest %s present, empty, and returns it to fill.\nfunc (x *%s) %s() *%s {\n\tx.%s.Reset()\n\t%s\n\treturn &x.%s\n}\n\n", set, cn, n, set, st, f.field, setBit(f), f.field)
	case fLazy:
		st := t.setType[f.nest]
		t.p("// %s decodes the nest %s (a set that contains itself, decoded on\n// demand) into dst, and reports whether it is present.\nfunc (x *%s) %s(dst *%s, o *typed.Options) (bool, error) {\n", get, cn, n, get, st)
		t.p("\tif !(%s) {\n\t\treturn false, nil\n\t}\n\tif x.p%s != nil {\n\t\t*dst = *x.p%s\n\t\treturn true, nil\n\t}\n\tif o == nil {\n\t\to = new(typed.Options)\n\t}\n\t*o = x.mode.Options(o.Base)\n\treturn true, dst.decode(x.%s, o, x.o%s)\n}\n\n", hasExpr(f), f.name, f.name, f.field, f.name)
		t.p("// %s sets the nest %s to v, which x keeps.\nfunc (x *%s) %s(v *%s) {\n\tx.p%s = v\n\t%s\n}\n\n", set, cn, n, set, st, f.name, setBit(f))
	case fMulti, fArray:
		eg := t.elemGo(f)
		el := t.elemSet(f.a)
		if el != nil && t.iter[el] != "" {
			it := t.iter[el]
			t.p("// %s returns an iterator over the %s attributes.\nfunc (x *%s) %s() %s {\n\tif !(%s) {\n\t\treturn %s{}\n\t}\n\treturn %s{m: x.%s}\n}\n\n", get, cn, n, get, it, hasExpr(f), it, it, f.field)
		} else {
			t.p("// %s returns a view of the %s attributes.\nfunc (x *%s) %s() typed.Multi {\n\tif !(%s) {\n\t\treturn typed.Multi{}\n\t}\n\treturn x.%s\n}\n\n", get, cn, n, get, hasExpr(f), f.field)
		}
		if eg != "" {
			t.p("// %s sets the %s attributes to the elements of v, which x keeps.\nfunc (x *%s) %s(v []%s) {\n\tif v == nil {\n\t\tv = []%s{}\n\t}\n\tx.s%s = v\n\tx.%s = typed.Multi{}\n\t%s\n}\n\n", set, cn, n, set, eg, eg, f.name, f.field, setBit(f))
		}
	case fSub:
		u := t.union[f.a]
		t.p("// %s returns the sub-message %s, and whether it is present (if\n// not, one of no format).\nfunc (x *%s) %s() (*%s, bool) {\n\tif !(%s) {\n\t\tx.%s.format, x.%s.raw = 0, nil\n\t\treturn &x.%s, false\n\t}\n\treturn &x.%s, true\n}\n\n", get, cn, n, get, u, hasExpr(f), f.field, f.field, f.field, f.field)
		t.p("// %s marks the sub-message %s present and returns it, to choose\n// its format with one of its Set methods (which also sets the\n// selector, %s, if x has none).\nfunc (x *%s) %s() *%s {\n\tx.%s.format = 0\n\tx.%s.raw = nil\n\t%s\n\treturn &x.%s\n}\n\n", set, cn, as.Attr(f.a.Selector).CName, n, set, u, f.field, f.field, setBit(f), f.field)
		t.genUnion(as, f)
	}
}

// genUnion writes a sub-message's type.
func (t *tgen) genUnion(as *ynl.AttrSet, f *tfield) {
	u := t.union[f.a]
	t.p("// %s is the sub-message %s: one of its formats, chosen by %s.\ntype %s struct {\n\tformat uint8\n\tmode typed.Mode\n\traw []byte\n\toff int\n", u, f.a.CName, as.Attr(f.a.Selector).CName, u)
	seen := map[string]bool{}
	for _, fm := range f.a.SubMsg.Formats {
		nm := fmtName(fm)
		if seen[nm] {
			continue
		}
		seen[nm] = true
		if fm.FixedHeaderDef != nil && t.structType[fm.FixedHeaderDef] != "" {
			t.p("\th%s %s\n", nm, t.structType[fm.FixedHeaderDef])
		}
		if fm.Set != nil && !t.cyc.Closes(as, fm.Set) {
			t.p("\ts%s %s\n", nm, t.setType[fm.Set])
		}
	}
	t.p("}\n\n")
	t.p("// Format returns the selector's value of the decoded or chosen format,\n// \"\" if none of the spec's.\nfunc (u *%s) Format() string {\n\tswitch u.format {\n", u)
	for i, fm := range f.a.SubMsg.Formats {
		t.p("\tcase %d:\n\t\treturn %q\n", i+1, fm.Value)
	}
	t.p("\t}\n\treturn \"\"\n}\n\n")
	t.p("// Bytes returns the decoded payload as a view (nil for one built).\nfunc (u *%s) Bytes() []byte { return u.raw }\n\n", u)
	for i, fm := range f.a.SubMsg.Formats {
		nm := fmtName(fm)
		if fm.FixedHeaderDef != nil && t.structType[fm.FixedHeaderDef] != "" {
			st := t.structType[fm.FixedHeaderDef]
			t.p("// %sHeader returns the fixed header of format %q, and whether that\n// is the format.\nfunc (u *%s) %sHeader() (*%s, bool) {\n\treturn &u.h%s, u.format == %d\n}\n\n", nm, fm.Value, u, nm, st, nm, i+1)
		}
		if fm.Set != nil {
			st := t.setType[fm.Set]
			if t.cyc.Closes(as, fm.Set) {
				al := (structSize(fm.FixedHeaderDef) + 3) &^ 3
				t.p("// %s decodes format %q's attributes (a set that contains itself,\n// decoded on demand, in the byte order and mode the message was\n// decoded in) into dst and reports whether that is the format. o holds\n// the error, if any, and may be nil.\nfunc (u *%s) %s(dst *%s, o *typed.Options) (bool, error) {\n\tif u.format != %d || len(u.raw) < %d {\n\t\treturn false, nil\n\t}\n\tif o == nil {\n\t\to = new(typed.Options)\n\t}\n\t*o = u.mode.Options(o.Base)\n\treturn true, dst.decode(u.raw[%d:], o, u.off+%d)\n}\n\n", nm, fm.Value, u, nm, st, i+1, al, al, al)
				continue
			}
			t.p("// %s returns format %q's attributes, and whether that is the\n// format.\nfunc (u *%s) %s() (*%s, bool) {\n\treturn &u.s%s, u.format == %d\n}\n\n", nm, fm.Value, u, nm, st, nm, i+1)
		}
		what := "its header to fill with %sHeader"
		if fm.FixedHeaderDef == nil || t.structType[fm.FixedHeaderDef] == "" {
			what = "no payload"
		}
		what = strings.ReplaceAll(what, "%s", nm)
		if fm.Set != nil && !t.cyc.Closes(as, fm.Set) {
			what = "its attributes to fill"
		} else if fm.Set != nil {
			what = "the bytes it was decoded from, if any"
		}
		t.p("// Set%s chooses format %q: %s.\nfunc (u *%s) Set%s() ", nm, fm.Value, what, u, nm)
		switch {
		case fm.Set != nil && !t.cyc.Closes(as, fm.Set):
			t.p("*%s {\n\tu.format, u.raw = %d, nil\n\tu.s%s.Reset()\n\treturn &u.s%s\n}\n\n", t.setType[fm.Set], i+1, nm, nm)
		case fm.Set != nil:
			t.p("{\n\tu.format = %d\n}\n\n", i+1)
		default:
			t.p("{\n\tu.format, u.raw = %d, nil\n}\n\n", i+1)
		}
	}
}

// genIter writes the iterator of a set that repeats.
func (t *tgen) genIter(as *ynl.AttrSet, it string) {
	st := t.setType[as]
	t.p("// %s iterates over repeated %s nests; Next decodes each into the\n// caller's value. A failing element ends the walk; Err reports it.\ntype %s struct {\n\tm typed.Multi\n\to typed.Options\n\terr error\n}\n\n", it, st, it)
	t.p("// Next decodes the next element into dst and reports whether there\n// was one.\nfunc (it *%s) Next(dst *%s) bool {\n\tif it.err != nil || !it.m.Next() {\n\t\treturn false\n\t}\n\tit.o = it.m.Options()\n\tif err := dst.decode(it.m.Bytes(), &it.o, it.o.Base); err != nil {\n\t\tit.err = err\n\t\treturn false\n\t}\n\treturn true\n}\n\n", it, st)
	t.p("// Index returns the current element's attribute type: its index in an\n// indexed-array, its value in a nest-type-value.\nfunc (it *%s) Index() uint16 { return it.m.Type() }\n\n", it)
	t.p("// Len returns the number of elements.\nfunc (it *%s) Len() int { return it.m.Len() }\n\n", it)
	t.p("// Err returns the error that ended the walk, if any.\nfunc (it *%s) Err() error { return it.err }\n\n", it)
}

// ---- operations ----

func (t *tgen) genOps() error {
	s := t.spec
	genl := s.Protocol.IsGenetlink()
	for _, o := range s.Operations.List {
		if o.IsReserved() || o.Set == nil {
			continue
		}
		base := camel(o.Name)
		st := t.setType[o.Set]
		var hdr string
		if o.FixedHeaderDef != nil {
			hdr = t.structType[o.FixedHeaderDef]
		}
		type msg struct {
			suffix string
			m      *ynl.Message
			req    bool
			dump   bool
			value  int64
		}
		var ms []msg
		if o.Do != nil && o.RequestValue != ynl.None {
			ms = append(ms, msg{"Request", o.Do.Request, true, false, o.RequestValue})
		}
		if o.Dump != nil && o.RequestValue != ynl.None {
			ms = append(ms, msg{"DumpRequest", o.Dump.Request, true, true, o.RequestValue})
		}
		if (o.Do != nil && o.Do.Reply != nil) || (o.Dump != nil && o.Dump.Reply != nil) {
			ms = append(ms, msg{"Reply", nil, false, false, o.ReplyValue})
		} else if o.IsAsync() {
			ms = append(ms, msg{"Msg", o.Event, false, false, o.ReplyValue})
		}
		for _, m := range ms {
			n := t.claim(base+m.suffix, base+m.suffix+"Msg")
			what := "do request"
			switch {
			case m.dump:
				what = "dump request"
			case !m.req && m.suffix == "Reply":
				what = "reply"
			case !m.req:
				what = "notification"
			}
			t.p("// %s is the %s of %q (%s): the attributes of %q", n, what, o.Name, o.CName, o.Set.Name)
			if hdr != "" {
				t.p(" after a struct %s", t.structs[o.FixedHeaderDef].Name)
			}
			t.p(".\ntype %s struct {\n", n)
			if hdr != "" {
				t.p("\t// Fixed is the message's fixed header.\n\tFixed %s\n", hdr)
			}
			t.p("\t%s\n}\n\n", st)
			if m.req {
				t.genAppend(o, n, st, hdr, m.m, m.dump, genl)
			} else {
				t.genDecodeMessage(o, n, st, hdr, genl)
			}
		}
	}
	return nil
}

func (t *tgen) genAppend(o *ynl.Operation, n, st, hdr string, m *ynl.Message, dump, genl bool) {
	flags := "wire.Request"
	if dump {
		flags += " | wire.Dump"
	}
	t.p("// Append appends the request to b as one message: h with ")
	if genl {
		t.p("h.Type the family's\n// id, ")
	} else {
		t.p("Type %d, ", o.RequestValue)
	}
	t.p("%s added to its flags, then ", strings.ReplaceAll(flags, "wire.", "wire."))
	if genl {
		t.p("the generic netlink header (command %d, version %d), ", o.RequestValue, t.spec.Version)
	} else if hdr != "" {
		t.p("r.Fixed, ")
	}
	t.p("and the attributes.\n")
	if genl && m != nil {
		t.p("// An attribute the request does not take is an error (ErrNotInRequest),\n// as the kernel's policy for it would refuse it.\n")
	}
	t.p("func (r *%s) Append(b *wire.Builder, h wire.Header) error {\n", n)
	if genl {
		// The attributes the request takes.
		fs := t.setFields(o.Set)
		allowed := map[*ynl.Attr]bool{}
		if m != nil {
			for _, a := range m.Attrs {
				allowed[a] = true
			}
		}
		w := max(1, words(len(fs)))
		masks := make([]uint64, w)
		for _, f := range fs {
			if allowed[f.a] {
				masks[f.bit/64] |= 1 << (f.bit % 64)
			}
		}
		for i := range masks {
			t.p("\tif extra := r.%s.has[%d] &^ 0x%x; extra != 0 {\n\t\treturn r.%s.notInRequest(%d, extra)\n\t}\n", st, i, masks[i], st, i)
		}
	} else {
		t.p("\th.Type = %d\n", o.RequestValue)
	}
	t.p("\th.Flags |= %s\n\tmsg := b.Start(h)\n", flags)
	if genl {
		t.p("\twire.PutFixedHeader(b, genl.Header{Cmd: %d, Version: %d})\n", o.RequestValue, t.spec.Version)
	} else if hdr != "" {
		t.p("\twire.PutFixedHeader(b, r.Fixed)\n")
	}
	t.p("\tr.%s.Encode(b.Attrs())\n\tb.End(msg)\n\treturn b.Err()\n}\n\n", st)
	t.needNotIn(o.Set, st)
}

func (t *tgen) needNotIn(as *ynl.AttrSet, st string) {
	if t.taken["notIn:"+st] {
		return
	}
	t.taken["notIn:"+st] = true
	fs := t.setFields(as)
	t.p("// notInRequest names the first attribute of extra, bits of word w of\n// x.has, as one a request does not take.\nfunc (x *%s) notInRequest(w int, extra uint64) error {\n\tvar names = [...]string{", st)
	for i, f := range fs {
		if i > 0 {
			t.p(", ")
		}
		t.p("%q", f.a.CName)
	}
	t.p("}\n\tbit := w*64 + bits.TrailingZeros64(extra)\n\tname := \"\"\n\tif bit < len(names) {\n\t\tname = names[bit]\n\t}\n\treturn &typed.Error{Offset: -1, Set: %q, Attr: name, Err: typed.ErrNotInRequest}\n}\n\n", as.Name)
}

func (t *tgen) genDecodeMessage(o *ynl.Operation, n, st, hdr string, genl bool) {
	hl := 0
	if genl {
		hl = 4
	} else if o.FixedHeaderDef != nil {
		hl = structSize(o.FixedHeaderDef)
	}
	al := (hl + 3) &^ 3
	t.p("// DecodeMessage reads the message m (nlmsghdr included) into r: ")
	if hdr != "" {
		t.p("its fixed\n// header into r.Fixed and ")
	}
	t.p("its attributes in m's byte order. Offsets in\n// errors count from the nlmsghdr. o may be nil; its Order is set to m's.\n")
	if !genl {
		t.p("// A message whose type is not one of the operations on this set's is\n// refused (typed.ErrMessageType).\n")
	}
	t.p("func (r *%s) DecodeMessage(m wire.Message, o *typed.Options) error {\n\tif o == nil {\n\t\to = new(typed.Options)\n\t}\n\to.Order = m.Order()\n\to.Prepare()\n", n)
	if !genl {
		// The message types of the operations on this set: a message of
		// another set (an RTM_NEWADDR given to a link's reply) is refused.
		var types []string
		seen := map[int64]bool{}
		for _, op := range t.spec.Operations.List {
			if op.Set != o.Set {
				continue
			}
			for _, v := range []int64{op.RequestValue, op.ReplyValue} {
				if v != ynl.None && !seen[v] {
					seen[v] = true
					types = append(types, strconv.FormatInt(v, 10))
				}
			}
		}
		if len(types) > 0 {
			t.p("\tswitch m.Header().Type {\n\tcase %s:\n\tdefault:\n\t\treturn o.Fail(0, %q, \"\", 0, typed.ErrMessageType)\n\t}\n", strings.Join(types, ", "), o.Set.Name)
		}
	}
	t.p("\tp := m.Payload()\n")
	if al > 0 {
		t.p("\tif len(p) < %d {\n\t\treturn o.Fail(wire.HeaderLen, %q, \"\", 0, typed.ErrHeader)\n\t}\n", hl, o.Set.Name)
	}
	if hdr != "" {
		t.p("\tr.Fixed.parse(p, o.Order.Swap())\n")
	}
	if al > 0 {
		t.p("\tif len(p) < %d {\n\t\tp = p[len(p):]\n\t} else {\n\t\tp = p[%d:]\n\t}\n", al, al)
	}
	t.p("\treturn r.%s.decode(p, o, o.Base+wire.HeaderLen+%d)\n}\n\n", st, al)
}

// genTable lists the package's set types for tests and fuzzers.
func (t *tgen) genTable() {
	t.p("// TypedSets lists a constructor for each attribute set's type, by the\n// set's spec name, for code that walks every type (tests, fuzzers).\nvar TypedSets = []typed.SetType{\n")
	for _, as := range t.spec.AttributeSets {
		t.p("\t{Name: %q, New: func() typed.Attrs { return new(%s) }},\n", as.Name, t.setType[as])
	}
	t.p("}\n")
}
