package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire/family"
	familyregistry "github.com/nlwire/nlwire/family/registry"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/ynl"
	"github.com/nlwire/nlwire/ynl/tables"
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

// testSpecDir is the spec directory the tests read: $NLWIRE_YNL_SPECS
// (a directory holding the newest specs, those the manifest lists) or
// the kernel sources' (Linux 6.12 in CI).
func testSpecDir(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("NLWIRE_YNL_SPECS"); dir != "" {
		return dir
	}
	return specDir(t)
}

func testManifest(t *testing.T) manifest {
	t.Helper()
	man, err := readManifest(filepath.Join(moduleRoot, filepath.FromSlash(manifestName)))
	if err != nil {
		t.Fatal(err)
	}
	return man
}

// TestUpToDate regenerates every package whose spec the spec directory
// holds byte for byte as the manifest names it, and requires the
// committed files to be identical (run go generate ./family when it
// fails). Packages committed from another version of their spec (newer
// than CI's 6.12) are compared with their spec by TestSpecFacts; with
// NLWIRE_YNL_SPECS naming a directory of the manifest's specs, every
// package and the registry are regenerated and compared.
func TestUpToDate(t *testing.T) {
	dir := testSpecDir(t)
	man := testManifest(t)
	res, err := generate(dir, man, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.missing) > 0 {
		t.Errorf("specs not in %s: %v", manifestName, res.missing)
	}
	if len(res.matched) == 0 {
		t.Fatalf("no spec of %s is the one %s names: nothing to compare", dir, manifestName)
	}
	t.Logf("regenerated from %s: %s", dir, strings.Join(res.matched, " "))
	for _, k := range res.kept {
		t.Logf("kept %s", k)
	}
	var names []string
	for n := range res.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		old, err := os.ReadFile(filepath.Join(moduleRoot, n))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./family)", n, err)
			continue
		}
		if !bytes.Equal(old, res.files[n]) {
			t.Errorf("%s is stale: run go generate ./family", n)
		}
	}
	// Every package the manifest lists is committed and registered, and
	// every generated file belongs to a package of the manifest.
	for _, pkg := range man.pkgs() {
		if _, err := os.Stat(filepath.Join(moduleRoot, "family", pkg, "zfamily.go")); err != nil {
			t.Errorf("%s lists %s: %v", manifestName, pkg, err)
		}
	}
	if len(generated) != len(man) {
		t.Errorf("%d registered packages, %d in %s", len(generated), len(man), manifestName)
	}
	got, _ := filepath.Glob(filepath.Join(moduleRoot, "family", "*", "z*.go"))
	for _, p := range got {
		rel, _ := filepath.Rel(moduleRoot, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "family/route/") || strings.HasPrefix(rel, "family/genl/") {
			continue // written by hand
		}
		pkg := strings.Split(rel, "/")[1]
		if _, ok := man[pkg]; !ok {
			t.Errorf("%s is not generated from any spec %s lists", rel, manifestName)
			continue
		}
		if _, ok := res.files[rel]; !ok && slices.Contains(res.matched, pkg) {
			t.Errorf("%s is not generated from its spec", rel)
		}
	}
}

func TestManifest(t *testing.T) {
	const text = `# comment
rtlink rt-link.yaml 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef torvalds/linux commit 0123
`
	m, err := parseManifest(strings.NewReader(text), "x")
	if err != nil {
		t.Fatal(err)
	}
	want := manifest{"rtlink": {Pkg: "rtlink", File: "rt-link.yaml", SHA256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Source: "torvalds/linux commit 0123"}}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("parseManifest (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		"rtlink rt-link.yaml 0123 Linux 6.12",                                                            // short hash
		"rtlink rt-link.yaml 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",           // no source
		"rtlink rt-link.txt 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef Linux 6.12", // not a spec
		"a a.yaml " + strings.Repeat("0", 64) + " L\na a.yaml " + strings.Repeat("0", 64) + " L",         // twice
	} {
		if _, err := parseManifest(strings.NewReader(bad), "x"); err == nil {
			t.Errorf("parseManifest(%q) succeeded", bad)
		}
	}
}

// TestSpecFacts parses every spec of the spec directory (Linux 6.12's in
// CI) and checks that each value and type it declares is in the
// committed tables as the spec says it: the attribute sets (numbers,
// names, formats, multi-attr, enums, nests, sub-messages), the enums and
// flags, the operations and the multicast groups. It does not use the
// generator's code, only the ynl model and the tables. Where a package
// comes from a newer spec (the manifest says which), that spec may add
// sets, attributes, entries, operations and groups; any other difference
// must be one knownChanges explains, and each explained change must
// still be seen.
func TestSpecFacts(t *testing.T) {
	dir := testSpecDir(t)
	man := testManifest(t)
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no specs in %s: %v", dir, err)
	}
	newer := map[string]bool{} // specs whose package comes from another version
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		spec, err := ynl.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// The tables follow the kernel where the spec is wrong
		// (tables.Corrections, checked against the kernel by their own
		// tests): compare with the corrected spec.
		tables.Correct(spec)
		fam := generated[spec.Name]
		if fam == nil {
			t.Errorf("%s: no generated package", spec.Name)
			continue
		}
		e := man[pkgName(spec.Name)]
		if e.File != filepath.Base(p) || e.SHA256 != specSum(data) {
			newer[spec.Name] = true
		}
		seen := map[string]bool{}
		rn := func(n string) string { return n }
		if newer[spec.Name] {
			rn = func(n string) string {
				for _, r := range knownRenames {
					if r.spec == spec.Name && (n == r.old || !r.exact && strings.HasPrefix(n, r.old)) {
						seen[r.spec+": "+r.old] = true
						return r.new + n[len(r.old):]
					}
				}
				return n
			}
		}
		byName := newer[spec.Name] && defaultPrefixFamilies[spec.Name] != ""
		if byName {
			t.Logf("known change: %s: sets without name-prefix matched by attribute names (%s)", spec.Name, defaultPrefixFamilies[spec.Name])
		}
		for _, d := range specDiffs(spec, fam, rn, byName, !newer[spec.Name]) {
			key, why := knownChange(d)
			switch {
			case key != "" && newer[spec.Name]:
				seen[key] = true
				t.Logf("known change: %s (%s)", d, why)
			case newer[spec.Name] && strings.HasSuffix(d, addedSuffix):
				// An addition of the newer spec's.
			default:
				t.Errorf("%s", d)
			}
		}
		for d := range knownChanges {
			if strings.HasPrefix(d, spec.Name+": ") && newer[spec.Name] && !seen[d] {
				t.Errorf("known change not seen, drop it from knownChanges: %s", d)
			}
		}
		for _, r := range knownRenames {
			if r.spec == spec.Name && newer[spec.Name] && !seen[r.spec+": "+r.old] {
				t.Errorf("known rename not seen, drop it from knownRenames: %s: %s", r.spec, r.old)
			}
		}
	}
}

// addedSuffix ends the differences that are additions of the tables.
const addedSuffix = " (added)"

// knownRenames are the C names the newer specs changed: a name of the
// 6.12 spec starting with old is the tables' name starting with new.
// Values and types are still compared, under the new names.
var knownRenames = []struct {
	spec, old, new, why string
	exact               bool // old is a whole name, not a prefix
}{
	{"rt-addr", "RT_ADDR_A_ADDR_ATTRS_", "", prefixWhy, false},
	{"rt-addr", "RT_ADDR_A_ADDR_ATTRS", "IFA", prefixWhy, false},
	{"rt-addr", "RT_ADDR_IFA_FLAGS", "IFA_F", "the newer spec gives the flags the kernel's prefix (name-prefix ifa-f-: IFA_F_SECONDARY, linux/if_addr.h)", false},
	{"rt-addr", "RT_ADDR_CMD_", "RTM_", opsWhy, false},
	{"rt-route", "RT_ROUTE_A_ROUTE_ATTRS_", "", prefixWhy, false},
	{"rt-route", "RT_ROUTE_A_ROUTE_ATTRS", "RTA", prefixWhy, false},
	{"rt-route", "RT_ROUTE_A_RTA_METRICS_", "", prefixWhy, false},
	{"rt-route", "RT_ROUTE_A_RTA_METRICS", "RTAX", prefixWhy, false},
	{"rt-route", "RT_ROUTE_CMD_", "RTM_", opsWhy, false},
	{"rt-link", "RT_LINK_CMD_", "RTM_", opsWhy, false},
	{"rt-link", "RT_LINK_IFINFO_FLAGS", "IFF", "the newer spec gives the link flags the kernel's prefix (name-prefix iff-: IFF_UP, linux/if.h)", false},
	{"rt-link", "IFLA_BR_NF_CALL_IP6_TABLES", "IFLA_BR_NF_CALL_IP6TABLES", "a fix: the kernel's name (linux/if_link.h) has no underscore in IP6TABLES", true},
	{"rt-link", "IFLA_VLAN_FLAG", "IFLA_VLAN_FLAGS", "a fix: the kernel's name is IFLA_VLAN_FLAGS (linux/if_link.h)", true},
	{"rt-link", "IFLA_INET6_ICMP6_STATS", "IFLA_INET6_ICMP6STATS", "a fix: the kernel's name is IFLA_INET6_ICMP6STATS (linux/if_link.h)", true},
	{"rt-link", "IFLA_VLAN_QOSMAPPING", "IFLA_VLAN_QOS_MAPPING", "a fix: 6.12's name-prefix ifla-vlan-qos lacks its dash; the kernel's name is IFLA_VLAN_QOS_MAPPING", true},
	{"tc", "TC_CMD_", "RTM_", opsWhy, false},
	{"tc", "TC_TC_CLS_FLAGS", "TC_CLS_FLAGS", "the newer spec renames tc-cls-flags to cls-flags (the kernel's TCA_CLS_FLAGS_* are bit numbers, not these masks' names)", false},
	{"tc", "TC_TC_FLOWER_KEY_CTRL_FLAGS", "TCA_FLOWER_KEY_FLAGS", "the newer spec gives the flower key flags the kernel's prefix (name-prefix tca-flower-key-flags-)", false},
	{"ethtool", "ETHTOOL_HEADER_FLAGS", "ETHTOOL_FLAG", "the newer spec gives the header flags the kernel's prefix (name-prefix ethtool-flag-: ETHTOOL_FLAG_COMPACT_BITSETS)", false},
}

// defaultPrefixFamilies are the families whose 6.12 spec gives (most
// of) its attribute sets no name-prefix, so that their C names are
// YNL's defaults (TC_A_TC_ATTRS_KIND); the newer specs give every set
// the kernel's prefix (TCA_KIND). A set of such a family without a
// name-prefix is matched with the table naming its attributes (by
// name and number) under any prefix.
var defaultPrefixFamilies = map[string]string{
	"tc":      "6.12's tc spec has no name-prefix on its sets; the newer one has the kernel's (tca-, tca-act-, tca-flower-, ...)",
	"rt-link": "6.12's rt_link spec lacks name-prefix on some sets (xdp-attrs, ifla-attrs, ...); the newer one has the kernel's",
}

const (
	prefixWhy = "6.12's rt_addr/rt_route specs give their sets no name-prefix, so their C names are YNL's defaults " +
		"(RT_ADDR_A_ADDR_ATTRS_IFA_ADDRESS); the newer rt-addr/rt-route specs set name-prefix ifa-, rta-, rtax- and drop it " +
		"from the attribute names, giving the kernel's names (IFA_ADDRESS, RTA_DST, RTAX_MTU)"
	opsWhy = "the newer specs set the operations' name-prefix rtm-, giving the kernel's message types (RTM_NEWADDR)"
)

// knownChange returns the key of knownChanges that matches the
// difference d (a key may hold path.Match's wildcards), and its
// explanation.
func knownChange(d string) (key, why string) {
	for k, w := range knownChanges {
		if k == d {
			return k, w
		}
		if ok, _ := path.Match(k, d); ok {
			return k, w
		}
	}
	return "", ""
}

// knownChanges explains the differences between the Linux 6.12 specs and
// the newer ones the committed tables come from that are not additions:
// renames and fixes in the kernel's specs. Keys are specDiffs' lines.
var knownChanges = map[string]string{
	"rt-addr: set addr-attrs IFA_BROADCAST: format u32, spec binary (ipaddr)": "the newer rt-addr spec declares broadcast " +
		"a u32 (display-hint ipv4) where 6.12's said binary; the table shows the u32 the spec declares",
	"rt-addr: operation RTM_NEWADDR: do request lacks attribute 8": membersWhy,
	"rt-addr: operation RTM_DELADDR: do request lacks attribute 8": membersWhy,
	"ethtool: operation ETHTOOL_MSG_MODULE_EEPROM_GET: do request lacks attribute [2-6]": "the ethtool spec read " +
		"(torvalds/linux e72a6c89) lists only header in module-eeprom-get's do request; 6.12's also lists offset, length, " +
		"page, bank and i2c-address (2-6), which the request carries: the copy read differs from 6.12 there",
	"rt-link: set linkinfo-*-attrs IFLA_*: format be16, spec u16 (u16)": byteOrderWhy,
	"rt-link: set linkinfo-*-attrs IFLA_*: format be32, spec u32 (u32)": byteOrderWhy,
	"rt-link: set linkinfo-gre-attrs IFLA_GRE_ENCAP_LIMIT: format u8, spec u32 (u32)": "a fix: the newer spec " +
		"declares encap-limit u8, as the kernel's GRE policy (NLA_U8) has it",
	"rt-link: set linkinfo-geneve-attrs IFLA_GENEVE_REMOTE: format u32, spec binary (ipaddr)":         ipv4U32Why,
	"rt-link: set linkinfo-iptun-attrs IFLA_IPTUN_6RD_RELAY_PREFIX: format u32, spec binary (ipaddr)": ipv4U32Why,
	"tc: set tc-act-stats-attrs TCA_STATS_APP: format nested, spec binary (binary)": "the newer tc spec makes " +
		"TCA_STATS_APP a sub-message selected by the qdisc's kind (it was binary)",
}

const (
	// byteOrderWhy explains the tunnel attributes' byte order.
	byteOrderWhy = "a fix: the newer rt-link spec gives the GRE, GENEVE and IP tunnel keys, flags, ports and " +
		"flow labels byte-order big-endian, as the kernel carries them (__be16, __be32)"
	// ipv4U32Why explains the IPv4 addresses declared u32.
	ipv4U32Why = "the newer rt-link spec declares this IPv4 address a u32 with display-hint ipv4 where 6.12's said " +
		"binary; the table shows the u32 the spec declares"
)

// membersWhy explains rt-addr's request lists.
const membersWhy = "6.12's rt_addr lists the ifaddrmsg members (ifa-family, ifa-flags, ...) among a request's " +
	"attributes, and ifa-flags is also the name of attribute IFA_FLAGS (8); the newer spec lists attributes only"

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
		case ynl.TypeU64:
			f = family.BE64
		case ynl.TypeS32:
			f = family.SBE32
		case ynl.TypeS8, ynl.TypeS16, ynl.TypeS64:
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

// matchSet finds the table of a spec's attribute set: among the tables
// of the set's C prefix, the one naming most of its attributes at their
// numbers (ties going to the one naming as many attributes as the set).
func matchSet(fam *family.Family, as *ynl.AttrSet, rn func(string) string) *family.Set {
	space := rn(strings.TrimSuffix(as.NamePrefix, "_"))
	var best *family.Set
	bestScore, bestExtra := -1, 0
	for _, s := range fam.Sets {
		if s.Space != space {
			continue
		}
		score, named := 0, 0
		for _, a := range as.Attributes {
			if s.Name(uint16(a.Value)) == rn(cname(a.CName)) {
				score++
			}
		}
		for _, at := range s.Attrs {
			if at.Name != "" {
				named++
			}
		}
		extra := named - len(as.Attributes)
		if extra < 0 {
			extra = -extra
		}
		if score > bestScore || score == bestScore && extra < bestExtra {
			best, bestScore, bestExtra = s, score, extra
		}
	}
	return best
}

// defaultPrefix reports whether the spec gives the set no name-prefix:
// its C names are YNL's defaults (the family's name, "_A_", the set's).
func defaultPrefix(s *ynl.Spec, as *ynl.AttrSet) bool {
	p := s.CName + "-a-" + as.Name + "-"
	if as.Name == s.Name {
		p = s.CName + "-a-"
	}
	return as.NamePrefix == cUpperName(p)
}

// cUpperName is a spec name as a C name's part ("6rd-prefix" -> 6RD_PREFIX).
func cUpperName(n string) string { return strings.ToUpper(strings.ReplaceAll(n, "-", "_")) }

// matchSetByName finds the table of a set whose C names are YNL's
// defaults in this spec and the kernel's in the tables': the one naming
// most of its attributes, at their numbers, with the attribute's name
// after any prefix.
func matchSetByName(fam *family.Family, as *ynl.AttrSet) *family.Set {
	var best *family.Set
	bestScore, bestExtra := 0, 0
	for _, s := range fam.Sets {
		score, named := 0, 0
		for _, a := range as.Attributes {
			if strings.HasSuffix(s.Name(uint16(a.Value)), "_"+cname(cUpperName(a.Name))) {
				score++
			}
		}
		for _, at := range s.Attrs {
			if at.Name != "" {
				named++
			}
		}
		extra := max(named-len(as.Attributes), len(as.Attributes)-named)
		if score > bestScore || score == bestScore && score > 0 && extra < bestExtra {
			best, bestScore, bestExtra = s, score, extra
		}
	}
	return best
}

// findEnum finds the table of an enum or flags definition: the one of
// its C prefix (and first entry).
func findEnum(fam *family.Family, d *ynl.Definition, rn func(string) string) *family.EnumDef {
	for _, e := range fam.Enums {
		if e.Space != rn(strings.TrimSuffix(d.NamePrefix, "_")) {
			continue
		}
		if len(d.Entries) == 0 || len(e.Entries) > 0 && e.Entries[0].Name == rn(cname(d.Entries[0].CName)) {
			return e
		}
	}
	return nil
}

// specDiffs lists how the tables differ from what the spec declares,
// one line each, "spec: what"; a line ending in addedSuffix is something
// the tables have that the spec does not. rn maps the spec's C names
// (and prefixes) to the tables' (see knownRenames). Sets are matched
// with tables by position when the tables come from this very spec
// (same, subsets look alike), else by prefix and names.
func specDiffs(s *ynl.Spec, fam *family.Family, rn func(string) string, byName, same bool) []string {
	var d []string
	add := func(format string, args ...any) { d = append(d, s.Name+": "+fmt.Sprintf(format, args...)) }
	if fam.Protocol != s.Protonum || (s.Protocol.IsGenetlink() && fam.Version != s.Version) {
		add("protocol %d version %d, spec %d %d", fam.Protocol, fam.Version, s.Protonum, s.Version)
	}
	enumOf := map[*ynl.Definition]*family.EnumDef{}
	nEnums := 0
	for _, def := range s.Definitions {
		if def.Kind != ynl.DefEnum && def.Kind != ynl.DefFlags {
			continue
		}
		nEnums++
		e := findEnum(fam, def, rn)
		if e == nil {
			add("enum %s: not in the tables", def.Name)
			continue
		}
		enumOf[def] = e
		if e.Flags != (def.Kind == ynl.DefFlags) {
			add("enum %s: flags %v, spec %s", def.Name, e.Flags, def.Kind)
		}
		for j, en := range def.Entries {
			if j >= len(e.Entries) {
				add("enum %s: %s missing", def.Name, en.CName)
				continue
			}
			if got := e.Entries[j]; got.Name != rn(cname(en.CName)) || got.Value != uint64(en.UserValue(def)) {
				add("enum %s entry %d: %s = %d, spec %s = %d", def.Name, j, got.Name, got.Value, en.CName, en.UserValue(def))
			}
		}
		for _, en := range e.Entries[min(len(def.Entries), len(e.Entries)):] {
			add("enum %s: %s%s", def.Name, en.Name, addedSuffix)
		}
	}
	if nEnums < len(fam.Enums) {
		add("%d enums, spec %d%s", len(fam.Enums), nEnums, addedSuffix)
	}
	setOf := map[*ynl.AttrSet]*family.Set{}
	// want is the tables' name of a spec's attribute.
	want := func(as *ynl.AttrSet, a *ynl.Attr) string { return rn(cname(a.CName)) }
	for i, as := range s.AttributeSets {
		if same {
			if len(fam.Sets) != len(s.AttributeSets) {
				add("%d sets, spec %d", len(fam.Sets), len(s.AttributeSets))
				break
			}
			setOf[as] = fam.Sets[i]
			continue
		}
		if byName && defaultPrefix(s, as) {
			if set := matchSetByName(fam, as); set != nil {
				setOf[as] = set
			}
			continue
		}
		if set := matchSet(fam, as, rn); set != nil {
			setOf[as] = set
		}
	}
	if byName {
		// A default-prefix set is the table its parent's attribute (or
		// sub-message variant) leads to, where the parent is matched:
		// small sets (one "info" or "parms" attribute) name alike.
		for range 3 {
			for _, as := range s.AttributeSets {
				parent := setOf[as]
				if parent == nil {
					continue
				}
				for _, a := range as.Attributes {
					at := parent.Attr(uint16(a.Value))
					if at == nil {
						continue
					}
					if a.Nested != nil && defaultPrefix(s, a.Nested) {
						if c := at.ChildSet(""); c != nil {
							setOf[a.Nested] = c
						}
					}
					if a.SubMsg != nil {
						for _, f := range a.SubMsg.Formats {
							if f.Set != nil && defaultPrefix(s, f.Set) {
								if c := at.ChildSet(f.Value); c != nil {
									setOf[f.Set] = c
								}
							}
						}
					}
				}
			}
		}
		want = func(as *ynl.AttrSet, a *ynl.Attr) string {
			if set := setOf[as]; defaultPrefix(s, as) && set != nil {
				if n := set.Name(uint16(a.Value)); strings.HasSuffix(n, "_"+cname(cUpperName(a.Name))) {
					return n
				}
				return rn(set.Space + "_" + cname(cUpperName(a.Name)))
			}
			return rn(cname(a.CName))
		}
	}
	seenSet := map[*family.Set]bool{}
	if len(s.AttributeSets) < len(fam.Sets) {
		add("%d sets, spec %d%s", len(fam.Sets), len(s.AttributeSets), addedSuffix)
	}
	for _, as := range s.AttributeSets {
		set := setOf[as]
		if set == nil {
			add("set %s: no table of space %s", as.Name, rn(strings.TrimSuffix(as.NamePrefix, "_")))
			continue
		}
		if seenSet[set] && len(as.Attributes) == 0 {
			continue // an empty set: one table serves them all
		}
		seenSet[set] = true
		known := map[uint16]bool{}
		for _, a := range as.Attributes {
			known[uint16(a.Value)] = true
			got := set.Attr(uint16(a.Value))
			where := "set " + as.Name + " " + want(as, a)
			if got == nil || got.Name != want(as, a) {
				name := "nothing"
				if got != nil {
					name = got.Name
				}
				add("%s: type %d is %s", where, a.Value, name)
				continue
			}
			if f := expectFormat(a); got.Format != f {
				add("%s: format %v, spec %s (%v)", where, got.Format, a.Type, f)
			}
			if got.Multi != a.MultiAttr {
				add("%s: multi %v, spec %v", where, got.Multi, a.MultiAttr)
			}
			if a.EnumDef != nil && got.Enum != enumOf[a.EnumDef] {
				add("%s: enum is not %s", where, a.EnumDef.Name)
			}
			switch a.Type {
			case ynl.TypeNest, ynl.TypeIndexedArray:
				if a.Nested != nil && got.ChildSet("") != setOf[a.Nested] {
					add("%s: child set is not %s", where, a.Nested.Name)
				}
			case ynl.TypeSubMessage:
				if sel := as.Attr(a.Selector); sel != nil && got.Key != uint16(sel.Value) {
					add("%s: key %d, spec %s (%d)", where, got.Key, a.Selector, sel.Value)
				}
				for _, f := range a.SubMsg.Formats {
					if got.ChildSet(f.Value) != setOf[f.Set] {
						add("%s: variant %q is not set %s", where, f.Value, f.AttributeSet)
					}
				}
			}
		}
		for typ, at := range set.Attrs {
			if at.Name != "" && !known[uint16(typ)] {
				add("set %s: %s%s", as.Name, at.Name, addedSuffix)
			}
		}
	}
	for _, o := range s.Operations.List {
		oname := rn(cname(o.CName))
		i := slices.IndexFunc(fam.Ops, func(op family.Op) bool { return op.Name == oname })
		if i < 0 {
			add("operation %s: not in the tables", oname)
			continue
		}
		op := &fam.Ops[i]
		hasDo, hasDump := op.Flags&family.OpDo != 0, op.Flags&family.OpDump != 0
		if int64(op.Request) != o.RequestValue || int64(op.Reply) != o.ReplyValue ||
			o.Do != nil && !hasDo || o.Dump != nil && !hasDump {
			add("operation %s: %d/%d do %v dump %v, spec %d/%d do %v dump %v", oname, op.Request, op.Reply,
				hasDo, hasDump, o.RequestValue, o.ReplyValue, o.Do != nil, o.Dump != nil)
		}
		if hasDo && o.Do == nil {
			add("operation %s: do%s", oname, addedSuffix)
		}
		if hasDump && o.Dump == nil {
			add("operation %s: dump%s", oname, addedSuffix)
		}
		if o.Set != nil && op.Attrs != setOf[o.Set] {
			add("operation %s: not set %s", oname, o.Set.Name)
		}
		if o.Do != nil && o.Do.Request != nil {
			var want []uint16
			for _, a := range o.Do.Request.Attrs {
				want = append(want, uint16(a.Value))
			}
			for _, v := range want {
				if !slices.Contains(op.DoRequest, v) {
					add("operation %s: do request lacks attribute %d", oname, v)
				}
			}
			for _, v := range op.DoRequest {
				if !slices.Contains(want, v) {
					add("operation %s: do request attribute %d%s", oname, v, addedSuffix)
				}
			}
		}
	}
	for _, op := range fam.Ops {
		if !slices.ContainsFunc(s.Operations.List, func(o *ynl.Operation) bool { return rn(cname(o.CName)) == op.Name }) {
			add("operation %s%s", op.Name, addedSuffix)
		}
	}
	for _, m := range s.McastGroups {
		i := slices.IndexFunc(fam.Groups, func(g family.Group) bool { return g.Name == m.Name })
		if i < 0 {
			add("group %s: not in the tables", m.Name)
			continue
		}
		if g := fam.Groups[i]; g.CName != rn(m.CName) || int64(g.ID) != m.Value {
			add("group %s: %s %d, spec %s %d", m.Name, g.CName, g.ID, m.CName, m.Value)
		}
	}
	for _, g := range fam.Groups {
		if !slices.ContainsFunc(s.McastGroups, func(m *ynl.McastGroup) bool { return m.Name == g.Name }) {
			add("group %s%s", g.Name, addedSuffix)
		}
	}
	return d
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

// TestRegistry requires family/registry to list exactly the generated
// generic netlink families.
func TestRegistry(t *testing.T) {
	var want, got []string
	for name, f := range generated {
		if f.Protocol == 16 {
			want = append(want, name)
		}
	}
	sort.Strings(want)
	for _, f := range familyregistry.GenericFamilies() {
		got = append(got, f.Name)
		if generated[f.Name] != f {
			t.Errorf("registry's %s is not the generated package's", f.Name)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("registry.GenericFamilies (-generated +registry):\n%s", diff)
	}
}
