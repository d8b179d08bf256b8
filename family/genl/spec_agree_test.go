package genl_test

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/nlctrl"
)

// packageConsts returns the package-level constants of the Go package in
// dir (test files excluded), by name, as go/types evaluates them.
func packageConsts(t *testing.T, dir string) map[string]constant.Value {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// Constants need no imported package: give empty ones, and ignore
	// the errors of the declarations that use them.
	conf := types.Config{Importer: emptyImporter{}, Error: func(error) {}}
	pkg, _ := conf.Check(dir, fset, files, nil)
	out := map[string]constant.Value{}
	for _, name := range pkg.Scope().Names() {
		if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
			if c.Val().Kind() == constant.Unknown {
				t.Errorf("%s: the value of %s is unknown without its imports", dir, name)
			}
			out[name] = c.Val()
		}
	}
	return out
}

// emptyImporter gives every import as an empty package.
type emptyImporter struct{}

func (emptyImporter) Import(path string) (*types.Package, error) {
	p := types.NewPackage(path, filepath.Base(path))
	p.MarkComplete()
	return p, nil
}

// nlctrlDiffs are the known differences between this package's nlctrl
// facts and the generated package's beyond those TestAgreesWithSpec
// lists, keyed by the fact and both values, each with its reason; the kernel (include/uapi/linux/genetlink.h,
// net/netlink/genetlink.c) is right.
var nlctrlDiffs = map[string]string{
	// ctrl_fill_info answers CTRL_CMD_GETFAMILY with CTRL_CMD_NEWFAMILY;
	// the spec names the reply after its operation.
	"op CTRL_CMD_GETFAMILY reply: CTRL_CMD_NEWFAMILY, spec CTRL_CMD_GETFAMILY": "the kernel's name of command 1 is CTRL_CMD_NEWFAMILY",
}

// describeElem says what each element of an array space holds.
func describeElem(s *family.Set) string {
	if s.Elem == nil {
		return "no array"
	}
	if s.Elem.Child != nil {
		return s.Elem.Format.String() + " of " + s.Elem.Child.Space
	}
	return s.Elem.Format.String()
}

// TestAgreesWithSpecFacts extends TestAgreesWithSpec to the rest of what
// the hand-written nlctrl tables and family/nlctrl both state: the
// constants of the same name; the attribute-type enumeration
// (NL_ATTR_TYPE_*, which the spec prefixes NLCTRL_ATTR_TYPE_) and the
// operation flags (GENL_*, the spec's NLCTRL_OP_FLAGS_*); the commands'
// names and numbers; and which set each nest holds, following the nests
// from CTRL_ATTR_* down. A difference not in nlctrlDiffs fails, and so
// does a listed one that no longer occurs.
func TestAgreesWithSpecFacts(t *testing.T) {
	facts := 0
	diffs := map[string]string{}
	check := func(key string, same bool, detail string) {
		facts++
		if !same {
			diffs[key+": "+detail] = detail
		}
	}

	hand, gen := packageConsts(t, "."), packageConsts(t, "../nlctrl")
	for _, name := range slices.Sorted(maps.Keys(gen)) {
		if h, ok := hand[name]; ok {
			check("const "+name, constant.Compare(h, token.EQL, gen[name]), h.ExactString()+", spec "+gen[name].ExactString())
		}
	}

	for _, e := range nlctrl.AttrTypeEnum.Entries {
		name := "NL_ATTR_TYPE_" + strings.TrimPrefix(e.Name, "NLCTRL_ATTR_TYPE_")
		v, ok := genl.AttrTypes.Lookup(name)
		check("enum "+name, ok && uint64(v) == e.Value, strconv.FormatUint(uint64(v), 10)+", spec "+strconv.FormatUint(e.Value, 10))
	}
	for _, e := range nlctrl.OpFlagsEnum.Entries {
		name := "GENL_" + strings.TrimPrefix(e.Name, "NLCTRL_OP_FLAGS_")
		h, ok := hand[name]
		v, _ := constant.Uint64Val(h)
		check("flag "+name, ok && v == e.Value, strconv.FormatUint(v, 10)+", spec "+strconv.FormatUint(e.Value, 10))
	}

	for _, op := range nlctrl.Family.Ops {
		for dir, cmd := range map[string]int32{"request": op.Request, "reply": op.Reply} {
			if cmd == family.None {
				continue
			}
			h := genl.Commands.Name(uint16(cmd))
			check("op "+op.Name+" "+dir, h == op.Name, h+", spec "+op.Name)
		}
		m := genl.Messages.Msg(genl.GENL_ID_CTRL)
		check("op "+op.Name+" attrs", m != nil && m.Attrs.Space == op.Attrs.Space, "spec "+op.Attrs.Space)
	}

	// Which set each nest holds: walk the nests of both tables together.
	type pair struct{ hand, spec *family.Set }
	seen := map[pair]bool{}
	queue := []pair{{&genl.CtrlAttrs, &nlctrl.CtrlAttrs}}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		for typ := range max(len(p.hand.Attrs), len(p.spec.Attrs)) {
			h, s := p.hand.Attr(uint16(typ)), p.spec.Attr(uint16(typ))
			if h == nil || s == nil || h.Name == "" || s.Name == "" || s.Format != family.Nested && s.Format != family.NestedArray {
				continue
			}
			hc, sc := h.ChildSet(""), s.ChildSet("")
			if hc == nil || sc == nil {
				check("nest "+s.Name, hc == sc, "one table leaves the nest undescribed")
				continue
			}
			if hc.Elem != nil || sc.Elem != nil {
				// An array level (policy index, then attribute type):
				// its name is made up on both sides, its element is
				// the fact.
				same := hc.Elem != nil && sc.Elem != nil && hc.Elem.Format == sc.Elem.Format
				check("nest "+s.Name+" elements", same, "hand "+describeElem(hc)+", spec "+describeElem(sc))
				if same && hc.Elem.Child != nil && sc.Elem.Child != nil {
					check("nest "+s.Name+" element", hc.Elem.Child.Space == sc.Elem.Child.Space, hc.Elem.Child.Space+", spec "+sc.Elem.Child.Space)
					queue = append(queue, pair{hc.Elem.Child, sc.Elem.Child})
				}
				continue
			}
			check("nest "+s.Name, hc.Space == sc.Space, hc.Space+", spec "+sc.Space)
			queue = append(queue, pair{hc, sc})
		}
	}
	if len(seen) < 5 {
		t.Errorf("followed %d pairs of sets, want CTRL_ATTR_*, the 3 spaces its nests hold and NL_POLICY_TYPE_ATTR_*", len(seen))
	}

	for _, k := range slices.Sorted(maps.Keys(diffs)) {
		if _, ok := nlctrlDiffs[k]; !ok {
			t.Error(k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(nlctrlDiffs)) {
		if _, ok := diffs[k]; !ok {
			t.Errorf("%s: the known difference (%s) is gone", k, nlctrlDiffs[k])
		}
	}
	t.Logf("%d facts compared, %d agree, %d known differences; %d pairs of sets followed", facts, facts-len(diffs), len(diffs), len(seen))
}
