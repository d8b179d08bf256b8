package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/ynl"
)

// moduleRoot is the module's root, from this package's directory.
const moduleRoot = "../../.."

func specDir(t *testing.T) string {
	t.Helper()
	dir, err := kernelSpecs()
	if errors.Is(err, errNoSources) {
		testenv.Skip(t, err.Error())
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestUpToDate regenerates every package from the kernel's specs and
// requires the committed files to be identical: run go generate
// ./family when it fails.
func TestUpToDate(t *testing.T) {
	dir := specDir(t)
	linux := linuxVersion(dir)
	if linux == "" {
		testenv.Skip(t, "cannot tell the kernel version of "+dir)
	}
	files, err := generate(dir, linux, "")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		old, err := os.ReadFile(filepath.Join(moduleRoot, n))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./family)", n, err)
			continue
		}
		if !bytes.Equal(old, files[n]) {
			t.Errorf("%s is stale: run go generate ./family", n)
		}
	}
	// No generated file that the specs no longer make.
	got, _ := filepath.Glob(filepath.Join(moduleRoot, "family", "*", "z*.go"))
	for _, p := range got {
		rel, _ := filepath.Rel(moduleRoot, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "family/route/") || strings.HasPrefix(rel, "family/genl/") {
			continue // written by hand
		}
		if _, ok := files[rel]; !ok {
			t.Errorf("%s is not generated from any spec", rel)
		}
	}
}

// TestSpecFacts parses every spec and checks that each value and type
// it declares is in the committed tables, as the spec says it: the
// attribute sets (names, numbers, formats, nests, enums), the enums and
// flags, the operations and the multicast groups. It does not use the
// generator's code, only the ynl model and the tables.
func TestSpecFacts(t *testing.T) {
	dir := specDir(t)
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no specs in %s: %v", dir, err)
	}
	if len(paths) != len(generated) {
		t.Errorf("%d specs, %d generated packages", len(paths), len(generated))
	}
	for _, p := range paths {
		spec, err := ynl.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fam := generated[spec.Name]
		if fam == nil {
			t.Errorf("%s: no generated package", spec.Name)
			continue
		}
		checkFamily(t, spec, fam)
	}
}

// cname is a C name as the generator must spell it (a Go identifier).
func cname(s string) string { return strings.ReplaceAll(s, " ", "_") }

// wantFormat is the display format of a spec type.
var wantFormat = map[ynl.Type]family.Format{
	ynl.TypeU8: family.U8, ynl.TypeU16: family.U16, ynl.TypeU32: family.U32, ynl.TypeU64: family.U64,
	ynl.TypeS8: family.S8, ynl.TypeS16: family.S16, ynl.TypeS32: family.S32, ynl.TypeS64: family.S64,
	ynl.TypeUint: family.UInt, ynl.TypeSint: family.SInt, ynl.TypeFlag: family.Flag,
	ynl.TypeString: family.String, ynl.TypeBinary: family.Binary, ynl.TypeBitfield32: family.Bitfield32,
	ynl.TypeNest: family.Nested, ynl.TypeSubMessage: family.Nested,
	ynl.TypeIndexedArray: family.NestedArray, ynl.TypeNestTypeValue: family.NestedArray,
	ynl.TypePad: family.Binary, ynl.TypeUnused: family.Binary,
}

func expectFormat(a *ynl.Attr) family.Format {
	f := wantFormat[a.Type]
	ip := a.DisplayHint == ynl.HintIPv4 || a.DisplayHint == ynl.HintIPv6 || a.DisplayHint == ynl.HintIPv4OrV6
	if a.ByteOrder == ynl.BigEndian {
		switch a.Type {
		case ynl.TypeU16:
			f = family.BE16
		case ynl.TypeU32:
			f = family.BE32
			if ip {
				f = family.IPAddr
			}
		case ynl.TypeU64, ynl.TypeS8, ynl.TypeS16, ynl.TypeS32, ynl.TypeS64:
			f = family.Binary
		}
	}
	if a.Type == ynl.TypeBinary {
		switch {
		case ip:
			f = family.IPAddr
		case a.DisplayHint == ynl.HintMAC:
			f = family.HWAddr
		}
	}
	return f
}

func checkFamily(t *testing.T, s *ynl.Spec, fam *family.Family) {
	t.Helper()
	name := s.Name
	if fam.Protocol != s.Protonum || (s.Protocol.IsGenetlink() && fam.Version != s.Version) {
		t.Errorf("%s: protocol %d version %d, spec %d %d", name, fam.Protocol, fam.Version, s.Protonum, s.Version)
	}
	if len(fam.Sets) != len(s.AttributeSets) {
		t.Errorf("%s: %d sets, spec %d", name, len(fam.Sets), len(s.AttributeSets))
		return
	}
	setOf := map[*ynl.AttrSet]*family.Set{}
	for i, as := range s.AttributeSets {
		setOf[as] = fam.Sets[i]
	}
	enumOf := map[*ynl.Definition]*family.EnumDef{}
	i := 0
	for _, d := range s.Definitions {
		if d.Kind != ynl.DefEnum && d.Kind != ynl.DefFlags {
			continue
		}
		if i >= len(fam.Enums) {
			t.Errorf("%s: enum %s missing", name, d.Name)
			break
		}
		e := fam.Enums[i]
		enumOf[d] = e
		i++
		if e.Flags != (d.Kind == ynl.DefFlags) || len(e.Entries) != len(d.Entries) {
			t.Errorf("%s: enum %s: flags %v, %d entries; spec %s, %d", name, d.Name, e.Flags, len(e.Entries), d.Kind, len(d.Entries))
			continue
		}
		for j, en := range d.Entries {
			if got := e.Entries[j]; got.Name != cname(en.CName) || got.Value != uint64(en.UserValue(d)) {
				t.Errorf("%s: enum %s entry %d: %+v, spec %s = %d", name, d.Name, j, got, en.CName, en.UserValue(d))
			}
		}
	}
	if i != len(fam.Enums) {
		t.Errorf("%s: %d enums, spec %d", name, len(fam.Enums), i)
	}
	for _, as := range s.AttributeSets {
		set := setOf[as]
		if want := strings.TrimSuffix(as.NamePrefix, "_"); set.Space != want {
			t.Errorf("%s: set %s: space %q, spec %q", name, as.Name, set.Space, want)
		}
		named := 0
		for _, at := range set.Attrs {
			if at.Name != "" {
				named++
			}
		}
		if named != len(as.Attributes) {
			t.Errorf("%s: set %s: %d attributes, spec %d", name, as.Name, named, len(as.Attributes))
		}
		for _, a := range as.Attributes {
			got := set.Attr(uint16(a.Value))
			where := name + ": " + as.Name + "." + a.Name
			if got == nil || got.Name != cname(a.CName) {
				t.Errorf("%s: type %d is %+v, spec %s", where, a.Value, got, a.CName)
				continue
			}
			if f := expectFormat(a); got.Format != f {
				t.Errorf("%s: format %v, spec %s (%v)", where, got.Format, a.Type, f)
			}
			if got.Multi != a.MultiAttr {
				t.Errorf("%s: multi %v, spec %v", where, got.Multi, a.MultiAttr)
			}
			if a.EnumDef != nil && got.Enum != enumOf[a.EnumDef] {
				t.Errorf("%s: enum %p, spec %s", where, got.Enum, a.EnumDef.Name)
			}
			switch a.Type {
			case ynl.TypeNest, ynl.TypeIndexedArray:
				if a.Nested != nil && got.ChildSet("") != setOf[a.Nested] {
					t.Errorf("%s: child set is not %s", where, a.Nested.Name)
				}
			case ynl.TypeSubMessage:
				if len(got.Variants) != len(a.SubMsg.Formats) {
					t.Errorf("%s: %d variants, spec %d", where, len(got.Variants), len(a.SubMsg.Formats))
					continue
				}
				if sel := as.Attr(a.Selector); sel != nil && got.Key != uint16(sel.Value) {
					t.Errorf("%s: key %d, spec %s (%d)", where, got.Key, a.Selector, sel.Value)
				}
				for _, f := range a.SubMsg.Formats {
					if got.ChildSet(f.Value) != setOf[f.Set] {
						t.Errorf("%s: variant %q is not set %s", where, f.Value, f.AttributeSet)
					}
				}
			}
		}
	}
	if len(fam.Ops) != len(s.Operations.List) {
		t.Errorf("%s: %d operations, spec %d", name, len(fam.Ops), len(s.Operations.List))
	} else {
		for j, o := range s.Operations.List {
			op := &fam.Ops[j]
			if op.Name != cname(o.CName) || int64(op.Request) != o.RequestValue || int64(op.Reply) != o.ReplyValue ||
				(op.Flags&family.OpDo != 0) != (o.Do != nil) || (op.Flags&family.OpDump != 0) != (o.Dump != nil) {
				t.Errorf("%s: operation %+v, spec %s %d/%d do %v dump %v", name, op, o.CName, o.RequestValue, o.ReplyValue, o.Do != nil, o.Dump != nil)
			}
			if o.Set != nil && op.Attrs != setOf[o.Set] {
				t.Errorf("%s: operation %s: not set %s", name, o.Name, o.Set.Name)
			}
			if o.Do != nil && o.Do.Request != nil && len(op.DoRequest) != len(o.Do.Request.Attrs) {
				t.Errorf("%s: operation %s: do request %v, spec %d attributes", name, o.Name, op.DoRequest, len(o.Do.Request.Attrs))
			}
		}
	}
	if len(fam.Groups) != len(s.McastGroups) {
		t.Errorf("%s: %d groups, spec %d", name, len(fam.Groups), len(s.McastGroups))
	} else {
		for j, m := range s.McastGroups {
			if g := fam.Groups[j]; g.Name != m.Name || g.CName != m.CName || int64(g.ID) != m.Value {
				t.Errorf("%s: group %+v, spec %s %s %d", name, g, m.Name, m.CName, m.Value)
			}
		}
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"rt-link": "rtlink", "mptcp_pm": "mptcppm", "netdev": "netdev", "ovs_vport": "ovsvport",
		"route": "", "genl": "", "a b": "", "": "", "go": "", "Foo": "foo",
	} {
		if got := pkgName(in); got != want {
			t.Errorf("pkgName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"tp-mdix-ctrl": "TpMdixCtrl", "ipv4-addr": "Ipv4Addr", "dev": "Dev", "8021q": "X8021q", "a_b.c": "ABC",
	} {
		if got := camel(in); got != want {
			t.Errorf("camel(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"link-attrs": "Link", "attrs": "Attrs", "dev": "Dev", "linkinfo-bond-attrs": "LinkinfoBond"} {
		if got := setBase(in); got != want {
			t.Errorf("setBase(%q) = %q, want %q", in, got, want)
		}
	}
}
