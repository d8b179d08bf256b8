package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/nlwire/nlwire/family"
	familyregistry "github.com/nlwire/nlwire/family/registry"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/ynl"
	"github.com/nlwire/nlwire/ynl/tables"
)

// tableDiff compares tables made at run time with generated ones,
// walking both graphs together once (go-cmp would compare a set as
// often as tables share it): a family.SetRef by the set it refers to
// (the generated packages' refs are their own type), empty and nil
// lists alike (a generated literal spells an empty list), policies by
// their rules. It lists the differences by path.
type tableDiff struct {
	sets  map[[2]*family.Set]bool
	pols  map[[2]*validate.Policy]bool
	diffs []string
}

func newTableDiff() *tableDiff {
	return &tableDiff{sets: map[[2]*family.Set]bool{}, pols: map[[2]*validate.Policy]bool{}}
}

func (d *tableDiff) errorf(path, format string, args ...any) {
	if len(d.diffs) < 20 {
		d.diffs = append(d.diffs, path+": "+fmt.Sprintf(format, args...))
	}
}

func (d *tableDiff) family(a, b *family.Family) {
	if diff := cmp.Diff(a, b, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(family.Family{}, "Sets"),
		cmpopts.IgnoreFields(family.Op{}, "Attrs")); diff != "" {
		d.errorf("Family", "%s", diff)
	}
	if len(a.Sets) != len(b.Sets) {
		d.errorf("Family.Sets", "%d sets, %d", len(a.Sets), len(b.Sets))
		return
	}
	for i := range a.Sets {
		d.set(fmt.Sprintf("Sets[%d]", i), a.Sets[i], b.Sets[i])
	}
	for i := range min(len(a.Ops), len(b.Ops)) {
		d.set(fmt.Sprintf("Ops[%d].Attrs", i), a.Ops[i].Attrs, b.Ops[i].Attrs)
	}
}

func refSet(r family.SetRef) *family.Set {
	if r == nil {
		return nil
	}
	return r.Set()
}

func (d *tableDiff) set(path string, a, b *family.Set) {
	if (a == nil) != (b == nil) {
		d.errorf(path, "set %v, %v", a != nil, b != nil)
		return
	}
	if a == nil || d.sets[[2]*family.Set{a, b}] {
		return
	}
	d.sets[[2]*family.Set{a, b}] = true
	if a.Space != b.Space || len(a.Attrs) != len(b.Attrs) {
		d.errorf(path, "space %q with %d attributes, %q with %d", a.Space, len(a.Attrs), b.Space, len(b.Attrs))
		return
	}
	for i := range a.Attrs {
		d.attr(fmt.Sprintf("%s(%s)[%d]", path, a.Space, i), &a.Attrs[i], &b.Attrs[i])
	}
	if (a.Elem == nil) != (b.Elem == nil) {
		d.errorf(path+".Elem", "%v, %v", a.Elem != nil, b.Elem != nil)
	} else if a.Elem != nil {
		d.attr(path+".Elem", a.Elem, b.Elem)
	}
}

func (d *tableDiff) attr(path string, a, b *family.Attr) {
	x, y := *a, *b
	x.Child, x.ChildRef, x.Variants, y.Child, y.ChildRef, y.Variants = nil, nil, nil, nil, nil, nil
	if diff := cmp.Diff(x, y, cmpopts.EquateEmpty()); diff != "" {
		d.errorf(path, "%s", diff)
	}
	if (a.ChildRef == nil) != (b.ChildRef == nil) {
		d.errorf(path, "ChildRef %v, %v", a.ChildRef != nil, b.ChildRef != nil)
	}
	d.set(path+".Child", a.Child, b.Child)
	d.set(path+".ChildRef", refSet(a.ChildRef), refSet(b.ChildRef))
	if len(a.Variants) != len(b.Variants) {
		d.errorf(path, "%d variants, %d", len(a.Variants), len(b.Variants))
		return
	}
	for i := range a.Variants {
		va, vb := a.Variants[i], b.Variants[i]
		if va.Value != vb.Value || va.Header != vb.Header || (va.Ref == nil) != (vb.Ref == nil) {
			d.errorf(fmt.Sprintf("%s.Variants[%d]", path, i), "%q/%d/%v, %q/%d/%v", va.Value, va.Header, va.Ref != nil, vb.Value, vb.Header, vb.Ref != nil)
		}
		d.set(fmt.Sprintf("%s.Variants[%d]", path, i), va.Set, vb.Set)
		d.set(fmt.Sprintf("%s.Variants[%d].Ref", path, i), refSet(va.Ref), refSet(vb.Ref))
	}
}

func (d *tableDiff) policy(path string, a, b *validate.Policy) {
	if (a == nil) != (b == nil) {
		d.errorf(path, "policy %v, %v", a != nil, b != nil)
		return
	}
	if a == nil || d.pols[[2]*validate.Policy{a, b}] {
		return
	}
	d.pols[[2]*validate.Policy{a, b}] = true
	if a.MaxType != b.MaxType || a.StrictStartType != b.StrictStartType || len(a.Rules) != len(b.Rules) {
		d.errorf(path, "max %d, strict start %d, %d rules; %d, %d, %d", a.MaxType, a.StrictStartType, len(a.Rules), b.MaxType, b.StrictStartType, len(b.Rules))
		return
	}
	for i := range a.Rules {
		x, y := a.Rules[i], b.Rules[i]
		if x.Kind != y.Kind || x.Check != y.Check || x.Len != y.Len || x.Min != y.Min || x.Max != y.Max ||
			x.Mask != y.Mask || x.Msg != y.Msg || (x.Func == nil) != (y.Func == nil) {
			d.errorf(fmt.Sprintf("%s[%d]", path, i), "%+v, %+v", x, y)
		}
		d.policy(fmt.Sprintf("%s[%d].Nested", path, i), x.Nested, y.Nested)
	}
}

// TestRunTimeTables builds the tables of every spec of the test's spec
// directories at run time (tables.Build) and requires them to equal the
// generated package's, value for value, where the package was generated
// from that spec's bytes (the manifest says): Family, and OpPolicy for
// every command of a generic family. The directories are the kernel
// sources' (Linux 6.12) and $NLWIRE_YNL_SPECS (the newest specs read,
// which the manifest lists). A spec of another version than its
// package's is built both ways too (the generator's files and the
// run-time tables), each of which must succeed.
func TestRunTimeTables(t *testing.T) {
	dirs := []string{specDir(t)}
	if d := os.Getenv("NLWIRE_YNL_SPECS"); d != "" {
		dirs = append(dirs, d)
	}
	man := testManifest(t)
	compared := map[string]bool{}
	for _, dir := range dirs {
		paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no specs in %s (%v)", dir, err)
		}
		sort.Strings(paths)
		var same, other []string
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rt, err := ynl.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			tb, err := tables.Build(rt)
			if err != nil {
				t.Errorf("%s: Build: %v", p, err)
				continue
			}
			pkg := pkgName(rt.Name)
			e, ok := man[pkg]
			if !ok || e.File != filepath.Base(p) || e.SHA256 != specSum(data) {
				// Another version: the generator must take it too.
				gs, err := ynl.ParseFile(p)
				if err != nil {
					t.Fatal(err)
				}
				g, err := newGen(gs, source{Path: p, Tree: "test"})
				if err == nil {
					_, err = g.files()
				}
				if err != nil {
					t.Errorf("%s: generator: %v", p, err)
				}
				other = append(other, pkg)
				continue
			}
			same = append(same, pkg)
			compared[pkg] = true
			want := generated[rt.Name]
			if want == nil {
				t.Errorf("%s: no generated package for %q", p, rt.Name)
				continue
			}
			d := newTableDiff()
			d.family(want, tb.Family)
			if !rt.Protocol.IsGenetlink() {
				for _, e := range d.diffs {
					t.Errorf("%s: %s (generated, run time)", pkg, e)
				}
				continue
			}
			pol := familyregistry.Policies(rt.Name)
			if pol == nil {
				t.Errorf("%s: no policies in the registry", pkg)
				pol = func(uint8) (do, dump *validate.Policy) { return nil, nil }
			}
			policies := 0
			for c := range 256 {
				wd, wp := pol(uint8(c))
				gd, gp := tb.OpPolicy(uint8(c))
				if wd != nil || wp != nil {
					policies++
				}
				d.policy(fmt.Sprintf("OpPolicy(%d).do", c), wd, gd)
				d.policy(fmt.Sprintf("OpPolicy(%d).dump", c), wp, gp)
			}
			if policies == 0 && len(want.Ops) > 0 {
				t.Logf("%s: no operation has a policy", pkg)
			}
			for _, e := range d.diffs {
				t.Errorf("%s: %s (generated, run time)", pkg, e)
			}
		}
		t.Logf("%s: %d specs equal to their packages (%v); %d of another version, built both ways (%v)", dir, len(same), same, len(other), other)
	}
	if len(compared) == 0 {
		t.Fatal("no spec was compared with its package")
	}
}

// TestTableDiff: the comparison finds a changed attribute deep in a
// family's tables, a changed nested rule, and passes equal copies.
func TestTableDiff(t *testing.T) {
	p, err := ynl.Parse(strings.NewReader(rulesSpec))
	if err != nil {
		t.Fatal(err)
	}
	a, err := tables.Build(p)
	if err != nil {
		t.Fatal(err)
	}
	p2, _ := ynl.Parse(strings.NewReader(rulesSpec))
	b, err := tables.Build(p2)
	if err != nil {
		t.Fatal(err)
	}
	d := newTableDiff()
	d.family(a.Family, b.Family)
	ad, _ := a.OpPolicy(uint8(a.Family.Ops[0].Request))
	bd, _ := b.OpPolicy(uint8(b.Family.Ops[0].Request))
	d.policy("get", ad, bd)
	if len(d.diffs) > 0 || ad == nil {
		t.Fatalf("equal tables differ (policy %v): %v", ad, d.diffs)
	}
	b.Family.Sets[0].Attrs[3].Format = family.U64
	bd.Rules[len(bd.Rules)-1].Max++
	d = newTableDiff()
	d.family(a.Family, b.Family)
	d.policy("get", ad, bd)
	if len(d.diffs) != 2 {
		t.Errorf("diffs %q, want the attribute and the rule", d.diffs)
	}
}
