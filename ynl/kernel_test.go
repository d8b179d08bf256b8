package ynl

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire/internal/linuxsrc"
	"github.com/nlwire/nlwire/internal/testenv"
)

// kernelSources returns the kernel's spec directory and its
// tools/net/ynl directory (testenv.LinuxSrc: NLWIRE_LINUX_SRC, an
// extracted /usr/src/linux-source-6.12*, or Debian's tarball
// /usr/src/linux-source-6.12.tar.xz, of which Documentation/netlink and
// tools/net/ynl are extracted once into the user's cache directory), or
// skips the test.
func kernelSources(t *testing.T) (specs, ynl string) {
	t.Helper()
	root := testenv.LinuxSrc(t, linuxsrc.YNLPaths()...)
	return filepath.Join(root, "Documentation/netlink/specs"), filepath.Join(root, "tools/net/ynl")
}

func kernelSpecFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no specs in %s", dir)
	}
	return files
}

// TestKernelSpecs parses every spec of the kernel and compares the
// model with what the kernel's own Python library (nlspec.py) and C
// generator (ynl-gen-c.py) make of it: every enum entry's value, every
// attribute's value, type and references, every operation's values,
// attribute set and fixed header, every multicast group, and the C names.
func TestKernelSpecs(t *testing.T) {
	specDir, ynlDir := kernelSources(t)
	files := kernelSpecFiles(t, specDir)
	got := make(map[string]pyFamily)
	for _, f := range files {
		s, err := ParseFile(f)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		got[filepath.Base(f)] = modelView(s, mergesSubsets(t, ynlDir))
	}
	t.Logf("parsed %d specs from %s", len(got), specDir)

	python := pythonWithYAML(t)
	cmd := exec.Command(python, append([]string{"testdata/nlspec_dump.py", ynlDir}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("nlspec_dump.py: %v\n%s", err, stderr.Bytes())
	}
	var want map[string]pyFamily
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			continue
		}
		if w.C == nil {
			g.C = nil
		}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("%s: nlspec.py (-) and ynl (+) differ:\n%s", name, diff)
		}
	}
	if len(want) != len(files) {
		t.Errorf("nlspec.py dumped %d specs of %d", len(want), len(files))
	}
}

// mergesSubsets reports whether the kernel's nlspec.py gives a subset's
// attributes the keys the subset overrides (Linux 6.15 and later), as
// ynl does; older ones take the superset's attributes as they are.
func mergesSubsets(t *testing.T, ynlDir string) bool {
	for _, p := range []string{"pyynl/lib/nlspec.py", "lib/nlspec.py"} {
		src, err := os.ReadFile(filepath.Join(ynlDir, p))
		if err == nil {
			return bytes.Contains(src, []byte("real_attr.yaml | elem"))
		}
	}
	t.Fatalf("no nlspec.py in %s", ynlDir)
	return false
}

// pyFamily is the view testdata/nlspec_dump.py prints of a family.
type pyFamily struct {
	Name    string     `json:"name"`
	Proto   string     `json:"proto"`
	Model   string     `json:"model"`
	Consts  []pyConst  `json:"consts"`
	Sets    []pySet    `json:"sets"`
	SubMsgs []pySubMsg `json:"sub_msgs"`
	Msgs    [][]any    `json:"msgs"`
	Mcgrps  [][]any    `json:"mcgrps"`
	C       *pyCNames  `json:"c,omitempty"`
}

type pyConst struct {
	Name    string  `json:"name"`
	Type    string  `json:"type"`
	Entries [][]any `json:"entries,omitempty"`
	Members [][]any `json:"members,omitempty"`
	Value   string  `json:"value,omitempty"`
}

type pySet struct {
	Name     string  `json:"name"`
	SubsetOf string  `json:"subset_of"`
	Attrs    [][]any `json:"attrs"`
}

type pySubMsg struct {
	Name    string     `json:"name"`
	Formats [][]string `json:"formats"`
}

type pyCNames struct {
	Family []string          `json:"family"`
	Sets   map[string][]any  `json:"sets"`
	Enums  map[string][]any  `json:"enums"`
	Ops    map[string]string `json:"ops"`
}

// modelView renders the model as nlspec_dump.py renders the Python's,
// numbers as float64 as encoding/json decodes them.
func modelView(s *Spec, mergeSubsets bool) pyFamily {
	n := func(v int64) float64 { return float64(v) }
	f := pyFamily{Name: s.Name, Proto: string(s.Protocol), Model: s.Operations.EnumModel,
		Consts: []pyConst{}, Sets: []pySet{}, SubMsgs: []pySubMsg{}, Msgs: [][]any{}, Mcgrps: [][]any{}}
	c := &pyCNames{Family: []string{s.CFamilyName, s.CVersionName},
		Sets: map[string][]any{}, Enums: map[string][]any{}, Ops: map[string]string{}}
	for _, d := range s.Definitions {
		pc := pyConst{Name: d.Name, Type: d.Kind.String()}
		switch d.Kind {
		case DefConst:
			pc.Value = d.StringValue
			if !d.IsString {
				pc.Value = strconv.FormatInt(d.Value, 10)
			}
		case DefEnum, DefFlags:
			pc.Entries = [][]any{}
			names := []any{}
			for _, e := range d.Entries {
				pc.Entries = append(pc.Entries, []any{e.Name, n(e.Value), n(e.UserValue(d))})
				names = append(names, e.CName)
			}
			ename := ""
			if d.EnumName != "" {
				ename = "enum " + d.EnumName
			}
			c.Enums[d.Name] = []any{ename, names}
		case DefStruct:
			for _, m := range d.Members {
				pc.Members = append(pc.Members, []any{m.Name, m.Type.String(), m.Struct, m.Enum, m.ByteOrder.String()})
			}
		}
		f.Consts = append(f.Consts, pc)
	}
	for _, set := range s.AttributeSets {
		ps := pySet{Name: set.Name, SubsetOf: set.SubsetOf, Attrs: [][]any{}}
		names := []any{}
		for _, a := range set.Attributes {
			if set.Superset != nil && !mergeSubsets {
				for sup := set.Superset; sup != nil; sup = sup.Superset {
					a = sup.Attr(a.Name)
				}
			}
			ps.Attrs = append(ps.Attrs, []any{a.Name, n(a.Value), a.Type.String(), a.MultiAttr,
				a.NestedAttributes, a.SubType.String(), a.Struct, a.Enum, a.ByteOrder.String(),
				string(a.DisplayHint), a.SubMessage, a.Selector})
			names = append(names, a.CName)
		}
		f.Sets = append(f.Sets, ps)
		c.Sets[set.Name] = []any{set.NamePrefix, set.CMaxName, set.CCntName, names}
	}
	for _, m := range s.SubMessages {
		pm := pySubMsg{Name: m.Name, Formats: [][]string{}}
		for _, fm := range m.Formats {
			pm.Formats = append(pm.Formats, []string{fm.Value, fm.FixedHeader, fm.AttributeSet})
		}
		f.SubMsgs = append(f.SubMsgs, pm)
	}
	for _, op := range s.Operations.List {
		var modes []any
		for _, m := range []struct {
			name string
			ok   bool
		}{{"do", op.Do != nil}, {"dump", op.Dump != nil}, {"event", op.Event != nil}, {"notify", op.Notify != ""}} {
			if m.ok {
				modes = append(modes, m.name)
			}
		}
		if modes == nil {
			modes = []any{}
		}
		sort.Slice(modes, func(i, j int) bool { return modes[i].(string) < modes[j].(string) })
		f.Msgs = append(f.Msgs, []any{op.Name, n(op.Value), n(op.RequestValue), n(op.ReplyValue),
			op.AttributeSet, op.FixedHeader, modes})
		c.Ops[op.Name] = op.CName
	}
	for _, g := range s.McastGroups {
		f.Mcgrps = append(f.Mcgrps, []any{g.Name, n(g.Value)})
	}
	f.C = c
	return f
}

// TestKernelSpecFacts checks a few facts of Linux 6.12's specs against
// the kernel's uAPI headers, by hand, so they hold without Python too:
// counts of definitions, sets, sub-messages, operations and groups,
// and message types and attribute values the kernel's headers define.
func TestKernelSpecFacts(t *testing.T) {
	specDir, _ := kernelSources(t)
	type op struct {
		name          string
		req, rsp      int64
		set, fixedHdr string
	}
	for _, tc := range []struct {
		file                     string
		defs, sets, subMsgs, ops int
		mcgrps                   map[string]int64
		opsWant                  []op
		attrs                    map[string]map[string]int64 // set -> attribute -> value
	}{
		{"netdev.yaml", 5, 9, 0, 13, map[string]int64{"mgmt": None, "page-pool": None},
			[]op{{"dev-get", 1, 1, "dev", ""}, {"dev-add-ntf", 2, 2, "dev", ""}},
			map[string]map[string]int64{"dev": {"ifindex": 1, "pad": 2, "xdp-features": 3}}},
		{"ethtool.yaml", 6, 54, 0, 63, map[string]int64{},
			// ETHTOOL_MSG_LINKINFO_SET = 3 (to the kernel),
			// ETHTOOL_MSG_LINKINFO_NTF = 3 (from it).
			[]op{{"strset-get", 1, 1, "strset", ""}, {"linkinfo-set", 3, None, "linkinfo", ""}, {"linkinfo-ntf", None, 3, "linkinfo", ""}},
			nil},
		{"rt_link.yaml", 32, 31, 2, 5, map[string]int64{"rtnlgrp-link": 1, "rtnlgrp-stats": 36},
			// RTM_NEWLINK 16, RTM_GETLINK 18, RTM_NEWSTATS 92, RTM_GETSTATS 94.
			[]op{{"newlink", 16, None, "link-attrs", "ifinfomsg"}, {"getlink", 18, 16, "link-attrs", "ifinfomsg"}, {"getstats", 94, 92, "stats-attrs", "if_stats_msg"}},
			// IFLA_IFNAME 3, IFLA_MTU 4, IFLA_LINKINFO 18, IFLA_PROP_LIST 52, IFLA_ALT_IFNAME 53.
			map[string]map[string]int64{"link-attrs": {"ifname": 3, "mtu": 4, "linkinfo": 18, "prop-list": 52, "alt-ifname": 53},
				"prop-list-link-attrs": {"alt-ifname": 53}}},
		{"nftables.yaml", 17, 42, 2, 33, map[string]int64{"mgmt": None},
			// NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETTABLE (1), replies NEWTABLE (0).
			[]op{{"batch-begin", 16, 16, "batch-attrs", "nfgenmsg"}, {"gettable", 0xa01, 0xa00, "table-attrs", "nfgenmsg"}, {"newrule", 0xa06, None, "rule-attrs", "nfgenmsg"}},
			nil},
	} {
		t.Run(tc.file, func(t *testing.T) {
			s, err := ParseFile(filepath.Join(specDir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Definitions) != tc.defs || len(s.AttributeSets) != tc.sets || len(s.SubMessages) != tc.subMsgs || len(s.Operations.List) != tc.ops {
				t.Errorf("%d definitions, %d sets, %d sub-messages, %d operations; want %d, %d, %d, %d",
					len(s.Definitions), len(s.AttributeSets), len(s.SubMessages), len(s.Operations.List), tc.defs, tc.sets, tc.subMsgs, tc.ops)
			}
			mcgrps := map[string]int64{}
			for _, g := range s.McastGroups {
				mcgrps[g.Name] = g.Value
			}
			if diff := cmp.Diff(tc.mcgrps, mcgrps); diff != "" {
				t.Errorf("multicast groups (-want +got):\n%s", diff)
			}
			for _, w := range tc.opsWant {
				o := s.Operation(w.name)
				if o == nil {
					t.Errorf("no operation %q", w.name)
					continue
				}
				if got := (op{o.Name, o.RequestValue, o.ReplyValue, o.AttributeSet, o.FixedHeader}); got != w {
					t.Errorf("operation %+v, want %+v", got, w)
				}
			}
			for set, attrs := range tc.attrs {
				for name, v := range attrs {
					if a := s.AttrSet(set).Attr(name); a == nil || a.Value != v {
						t.Errorf("%s/%s: %+v, want value %d", set, name, a, v)
					}
				}
			}
		})
	}
}

// pythonWithYAML returns a Python 3 that can import yaml: the one on the
// PATH, else the system's (where Debian's python3-yaml installs), else
// it skips.
func pythonWithYAML(t *testing.T) string {
	t.Helper()
	var tried []string
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		p, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		out, err := exec.Command(p, "-c", "import yaml").CombinedOutput()
		if err == nil {
			return p
		}
		tried = append(tried, p+": "+strings.TrimSpace(string(out)))
	}
	testenv.Skip(t, "no python3 that can import yaml (apt-get install python3-yaml): "+strings.Join(tried, "; "))
	return ""
}
