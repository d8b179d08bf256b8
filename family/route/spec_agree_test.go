package route_test

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
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/family/rtaddr"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/rtneigh"
	"github.com/nlwire/nlwire/family/rtroute"
	"github.com/nlwire/nlwire/family/rtrule"
	"github.com/nlwire/nlwire/family/tc"
	"github.com/nlwire/nlwire/validate"
)

// specFamilies are the rtnetlink families generated from the kernel's
// YNL specs (rt-link.yaml, ..., tc.yaml), with their package directories.
var specFamilies = []struct {
	dir string
	fam *family.Family
}{
	{"../rtlink", &rtlink.Family},
	{"../rtaddr", &rtaddr.Family},
	{"../rtroute", &rtroute.Family},
	{"../rtneigh", &rtneigh.Family},
	{"../rtrule", &rtrule.Family},
	{"../tc", &tc.Family},
}

// agreement collects the comparison of the hand-written tables with the
// generated ones: the facts compared, and the differences found, each
// under a key that names the fact ("attr IFLA_COST format").
type agreement struct {
	facts  int
	byKind map[string]int    // facts by the first word of their key
	diffs  map[string]string // key -> what differs
}

func (a *agreement) check(key string, same bool, detail string) {
	a.facts++
	kind, _, _ := strings.Cut(key, " ")
	a.byKind[kind]++
	if !same {
		a.diffs[key+": "+detail] = detail
	}
}

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
	// the errors of the declarations that use them (the tables, not the
	// constants).
	conf := types.Config{
		Importer: emptyImporter{},
		Error:    func(error) {},
	}
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

// compareConsts compares every constant both the hand-written package
// and a generated one define under the same name: attribute types,
// message types, enumeration and flag values.
func compareConsts(t *testing.T, a *agreement) {
	hand := packageConsts(t, ".")
	for _, sf := range specFamilies {
		gen := packageConsts(t, sf.dir)
		for _, name := range slices.Sorted(maps.Keys(gen)) {
			h, ok := hand[name]
			if !ok {
				continue
			}
			g := gen[name]
			a.check("const "+name, constant.Compare(h, token.EQL, g), h.ExactString()+", spec "+g.ExactString())
		}
	}
}

// pair is a hand-written attribute set and the generated set that
// describes the same space.
type pair struct{ hand, spec *family.Set }

// compareMessages compares, for each message type of every operation of
// the generated families, the hand-written Messages entry: its name, the
// size of its fixed header and (as a pair for compareSets) its attribute
// space.
func compareMessages(a *agreement) []pair {
	var roots []pair
	seen := map[pair]bool{}
	for _, sf := range specFamilies {
		for _, op := range sf.fam.Ops {
			for _, typ := range []int32{op.Request, op.Reply} {
				if typ == family.None {
					continue
				}
				m := route.Messages.Msg(uint16(typ))
				name := strings.TrimSuffix(op.Name, "_NTF")
				key := "msg " + strconv.Itoa(int(typ)) + " "
				if m == nil {
					a.check(key+"name", false, "not in Messages, spec "+name)
					continue
				}
				// A reply's type is the type of the operation's
				// RTM_NEW* message, not the request's.
				if typ == op.Request {
					a.check(key+"name", m.Name == name, m.Name+", spec "+name)
				}
				a.check(key+"header", m.HeaderLen == op.HeaderLen, strconv.Itoa(m.HeaderLen)+", spec "+strconv.Itoa(op.HeaderLen))
				// The spec's operation has one attribute set for both
				// directions: pair it with the direction's only when the
				// spec lists attributes for it (it lists none for the
				// RTM_GETSTATS request, whose space is the kernel's
				// ifla_stats_get_policy, StatsGetSetAttrs).
				attrs := len(op.DoRequest) + len(op.DumpRequest)
				if typ != op.Request || op.Request == op.Reply {
					attrs = len(op.DoReply) + len(op.DumpReply) + len(op.Event)
				}
				if op.Flags&(family.OpNotify|family.OpEvent) != 0 {
					attrs = 1 // a notification has the reply's attributes
				}
				p := pair{m.Attrs, op.Attrs}
				if op.Attrs != nil && attrs > 0 && !seen[p] {
					seen[p] = true
					roots = append(roots, p)
				}
			}
		}
	}
	return roots
}

// compareGroups compares the generated families' multicast groups
// ("rtnlgrp-link") with the RTNLGRP_* numbers of Groups.
func compareGroups(a *agreement) {
	for _, sf := range specFamilies {
		for _, g := range sf.fam.Groups {
			name := strings.ToUpper(strings.ReplaceAll(g.Name, "-", "_"))
			id, ok := route.Groups.Lookup(name)
			a.check("group "+name, ok && int32(id) == g.ID, strconv.Itoa(int(id))+", spec "+strconv.Itoa(int(g.ID)))
		}
	}
}

// compareSets walks the pairs of sets and, recursively, the pairs their
// nests and variants make, comparing every attribute type both name: the
// name, the format, the size of a nest's fixed header, and whether the
// table says what a nest holds. It returns the number of attribute types
// only the spec names.
func compareSets(a *agreement, roots []pair) (specOnly int) {
	seen := map[pair]bool{}
	queue := slices.Clone(roots)
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.hand == nil || p.spec == nil || seen[p] {
			continue
		}
		seen[p] = true
		a.check("set "+p.hand.Space+" space", p.hand.Space == p.spec.Space, p.hand.Space+", spec "+p.spec.Space)
		for typ := range max(len(p.hand.Attrs), len(p.spec.Attrs)) {
			h, s := p.hand.Attr(uint16(typ)), p.spec.Attr(uint16(typ))
			if s == nil || s.Name == "" {
				continue
			}
			if h == nil || h.Name == "" {
				specOnly++
				continue
			}
			key := "attr " + s.Name + " "
			if s.Name != h.Name {
				key = "attr " + p.spec.Space + " " + strconv.Itoa(typ) + " "
			}
			a.check(key+"name", h.Name == s.Name, h.Name+", spec "+s.Name)
			a.check(key+"format", h.Format == s.Format, h.Format.String()+", spec "+s.Format.String())
			if h.Format != family.Nested && h.Format != family.NestedArray && h.Format != family.Multipath {
				continue
			}
			a.check(key+"header", h.Header == s.Header, strconv.Itoa(int(h.Header))+", spec "+strconv.Itoa(int(s.Header)))
			hc, sc := h.ChildSet(""), s.ChildSet("")
			if len(h.Variants) > 0 || len(s.Variants) > 0 {
				a.check(key+"key", h.Key == s.Key, strconv.Itoa(int(h.Key))+", spec "+strconv.Itoa(int(s.Key)))
				for _, v := range h.Variants {
					hv, sv := h.ChildSet(v.Value), s.ChildSet(v.Value)
					if sv == s.ChildSet("") && !slices.ContainsFunc(s.Variants, func(x family.Variant) bool { return x.Value == v.Value }) {
						a.check(key+"variant "+v.Value, false, "the spec has no variant "+v.Value)
						continue
					}
					queue = append(queue, pair{hv, sv})
				}
			}
			a.check(key+"child", (hc == nil) == (sc == nil), describe(hc)+", spec "+describe(sc))
			queue = append(queue, pair{hc, sc})
		}
	}
	return specOnly
}

func describe(s *family.Set) string {
	if s == nil {
		return "none"
	}
	return s.Space
}

// policyFormats are the formats a spec may give an attribute whose
// kernel policy has the kind: the spec's type for the same payload. A
// policy kind that says nothing of the payload's type (Unspec, which
// checks a minimum length, and Reject) is not compared.
var policyFormats = map[validate.Kind][]family.Format{
	validate.U8:          {family.U8},
	validate.U16:         {family.U16, family.BE16},
	validate.U32:         {family.U32, family.BE32, family.IPAddr},
	validate.U64:         {family.U64},
	validate.S8:          {family.S8},
	validate.S16:         {family.S16},
	validate.S32:         {family.S32},
	validate.S64:         {family.S64},
	validate.UInt:        {family.UInt},
	validate.SInt:        {family.SInt},
	validate.BE16:        {family.BE16, family.U16},
	validate.BE32:        {family.BE32, family.U32, family.IPAddr},
	validate.Msecs:       {family.U64},
	validate.String:      {family.String},
	validate.NulString:   {family.String},
	validate.Flag:        {family.Flag},
	validate.Nested:      {family.Nested},
	validate.NestedArray: {family.NestedArray, family.Nested},
	validate.Binary:      {family.Binary, family.HWAddr, family.IPAddr, family.String},
	validate.Bitfield32:  {family.Bitfield32},
}

// comparePolicies compares the kind of every rule of the kernel
// policies written here with the type the spec gives the same attribute,
// and follows the rules' nested policies into the spec's child sets. It
// returns the rules by the attribute's name, for the spec's own checks
// (TestAgreesWithSpecStructs).
func comparePolicies(a *agreement) map[string][]*validate.Rule {
	rules := map[string][]*validate.Rule{}
	type ppair struct {
		name string
		pol  *validate.Policy
		set  *family.Set
	}
	queue := []ppair{
		{"LinkPolicy", &route.LinkPolicy, &rtlink.LinkAttrs},
		{"LinkInfoPolicy", &route.LinkInfoPolicy, &rtlink.LinkinfoAttrs},
		{"XDPPolicy", &route.XDPPolicy, &rtlink.XdpAttrs},
		{"InetAFPolicy", &route.InetAFPolicy, &rtlink.IflaAttrs},
		{"Inet6AFPolicy", &route.Inet6AFPolicy, &rtlink.Ifla6Attrs},
		{"AddrPolicy", &route.AddrPolicy, &rtaddr.AddrAttrs},
		{"Addr6Policy", &route.Addr6Policy, &rtaddr.AddrAttrs},
		{"RoutePolicy", &route.RoutePolicy, &rtroute.RouteAttrs},
		{"Route6Policy", &route.Route6Policy, &rtroute.RouteAttrs},
		{"NeighPolicy", &route.NeighPolicy, &rtneigh.NeighbourAttrs},
		{"NeighTablePolicy", &route.NeighTablePolicy, &rtneigh.NdtAttrs},
		{"NeighTableParmsPolicy", &route.NeighTableParmsPolicy, &rtneigh.NdtpaAttrs},
		{"RulePolicy", &route.RulePolicy, &rtrule.FibRuleAttrs},
	}
	seen := map[*validate.Policy]bool{}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.pol == nil || p.set == nil || seen[p.pol] {
			continue
		}
		seen[p.pol] = true
		for typ := range p.pol.Rules {
			r := &p.pol.Rules[typ]
			sa := p.set.Attr(uint16(typ))
			want, typed := policyFormats[r.Kind]
			if sa == nil || sa.Name == "" {
				continue
			}
			if r.Kind != validate.Unspec || r.Len != 0 || r.Check != validate.CheckNone {
				rules[sa.Name] = append(rules[sa.Name], r)
			}
			if !typed {
				continue
			}
			a.check("policy "+p.name+" "+sa.Name, slices.Contains(want, sa.Format), r.Kind.String()+", spec "+sa.Format.String())
			if r.Nested != nil {
				queue = append(queue, ppair{p.name + "/" + sa.Name, r.Nested, sa.ChildSet("")})
			}
		}
	}
	return rules
}

// Why the hand-written tables and the specs differ, by kind. The
// hand-written tables follow the kernel (its policies and the code that
// fills the attributes: net/core/rtnetlink.c, net/bridge/br_netlink.c,
// net/ipv4/devinet.c, net/core/fib_rules.c, net/core/neighbour.c,
// net/ipv4/fib_frontend.c, Linux 6.12 and 6.18).
const (
	// The spec gives a type the kernel does not use for the attribute.
	specWrong = "spec wrong"
	// The spec gives the right integer width but no byte order or
	// display hint, which the hand-written format carries (a be16 port,
	// an IP address).
	specHint = "spec lacks byte order or display hint"
	// The hand-written table leaves the nest (or this kind's variant)
	// undescribed, or describes a kind the spec does not: nothing is
	// wrong, one table says more than the other.
	oneDescribes = "one table describes it, the other does not"
	// Both describe the same bytes in different shapes.
	shape = "same bytes, another shape"
)

// specDiffs lists every known difference between the hand-written
// tables and the generated ones, keyed by the fact and both values
// ("attr X format: hand's, spec spec's"), each with its kind and reason.
// A difference not listed fails TestAgreesWithSpec, and so does a listed
// one that no longer occurs or whose values changed.
var specDiffs = map[string]struct{ kind, why string }{
	"attr FRA_TUN_ID format: be64, spec u64":                                                 {specHint, "NLA_U64 read with nla_get_be64: big-endian"},
	"attr IFA_ANYCAST format: ipaddr, spec binary":                                           {specHint, "an IPv6 address; the spec gives no display hint"},
	"attr IFA_MULTICAST format: ipaddr, spec binary":                                         {specHint, "an IPv6 address; the spec gives no display hint"},
	"attr IFA_BROADCAST format: ipaddr, spec u32":                                            {specHint, "nla_get_in_addr: an IPv4 address in network order; the spec says u32"},
	"attr IFA_TARGET_NETNSID format: s32, spec binary":                                       {specWrong, "ifa_ipv4_policy: NLA_S32; the spec gives no type (binary)"},
	"attr IFLA_BR_FDB_FLUSH format: flag, spec binary":                                       {specWrong, "br_changelink acts on its presence alone: a flag; the spec says binary"},
	"attr IFLA_BR_MCAST_QUERIER_STATE format: nested, spec binary":                           {specWrong, "a nest of BRIDGE_QUERIER_* (br_multicast_dump_querier_state); the spec says binary"},
	"attr IFLA_BR_VLAN_PROTOCOL format: be16, spec u16":                                      {specHint, "NLA_U16 read with nla_get_be16"},
	"attr IFLA_COST format: binary, spec string":                                             {specWrong, "no policy and never filled by the kernel; the spec says string"},
	"attr IFLA_PRIORITY format: binary, spec string":                                         {specWrong, "no policy and never filled by the kernel; the spec says string"},
	"attr IFLA_WIRELESS format: binary, spec string":                                         {specWrong, "wireless extension events, binary; the spec says string"},
	"attr IFLA_PROTINFO format: binary, spec string":                                         {specWrong, "a nest whose space depends on the address family (IFLA_BRPORT_*, IFLA_INET6_*); the spec says string"},
	"attr IFLA_DEVLINK_PORT format: nested, spec binary":                                     {specWrong, "a nest (nla_nest_start in rtnl_fill_devlink_port); the spec says binary"},
	"attr IFLA_PROTO_DOWN_REASON format: nested, spec string":                                {specWrong, "ifla_policy: NLA_NESTED of IFLA_PROTO_DOWN_REASON_*; the spec says string"},
	"attr IFLA_PROTO_DOWN_REASON child: IFLA_PROTO_DOWN_REASON, spec none":                   {specWrong, "as its format"},
	"attr IFLA_INET6_TOKEN format: ipaddr, spec binary":                                      {specHint, "an IPv6 address; the spec gives no display hint"},
	"attr NDA_FDB_EXT_ATTRS format: nested, spec binary":                                     {specWrong, "nda_policy: NLA_NESTED; the spec says binary"},
	"attr NDA_PORT format: be16, spec u16":                                                   {specHint, "NLA_U16 holding a be16 port"},
	"attr RTA_DPORT format: be16, spec u16":                                                  {specHint, "NLA_U16 holding a be16 port"},
	"attr RTA_SPORT format: be16, spec u16":                                                  {specHint, "NLA_U16 holding a be16 port"},
	"attr RTA_ENCAP format: nested, spec binary":                                             {specWrong, "rtm_ipv4_policy: NLA_NESTED (its space depends on RTA_ENCAP_TYPE); the spec says binary"},
	"attr RTA_ENCAP key: 21, spec 0":                                                         {oneDescribes, "its space depends on RTA_ENCAP_TYPE (lwtunnel_fill_encap); the spec shows bytes"},
	"attr RTA_ENCAP variant bpf: the spec has no variant bpf":                                {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant ila: the spec has no variant ila":                                {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant ioam6: the spec has no variant ioam6":                            {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant ip: the spec has no variant ip":                                  {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant ip6: the spec has no variant ip6":                                {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant mpls: the spec has no variant mpls":                              {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant rpl: the spec has no variant rpl":                                {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant seg6: the spec has no variant seg6":                              {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant seg6-local: the spec has no variant seg6-local":                  {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_ENCAP variant xfrm: the spec has no variant xfrm":                              {oneDescribes, "the spec has no encapsulation sub-messages"},
	"attr RTA_MULTIPATH format: multipath, spec binary":                                      {specWrong, "struct rtnexthop records, each followed by RTA_* attributes; the spec says binary"},
	"attr RTA_MULTIPATH child: RTA, spec none":                                               {specWrong, "as its format"},
	"attr RTA_MULTIPATH header: 8, spec 0":                                                   {specWrong, "as its format: sizeof(struct rtnexthop) is 8"},
	"attr IFLA_STATS_LINK_XSTATS format: nested, spec binary":                                {specWrong, "a nest of LINK_XSTATS_TYPE_* (rtnl_fill_statsinfo); the spec says binary"},
	"attr IFLA_STATS_LINK_XSTATS child: LINK_XSTATS_TYPE, spec none":                         {specWrong, "as its format"},
	"attr IFLA_STATS_LINK_XSTATS_SLAVE format: nested, spec binary":                          {specWrong, "as IFLA_STATS_LINK_XSTATS"},
	"attr IFLA_STATS_LINK_XSTATS_SLAVE child: LINK_XSTATS_TYPE, spec none":                   {specWrong, "as IFLA_STATS_LINK_XSTATS"},
	"attr IFLA_STATS_AF_SPEC format: nested, spec binary":                                    {specWrong, "a nest of address families (rtnl_fill_statsinfo); the spec says binary"},
	"attr IFLA_STATS_AF_SPEC child: AF, spec none":                                           {specWrong, "as its format"},
	"attr IFLA_DPLL_PIN child: none, spec DPLL_A":                                            {oneDescribes, "the spec describes the DPLL_A_PIN_* nest"},
	"attr IFLA_PORT_SELF child: none, spec IFLA":                                             {oneDescribes, "the spec describes the nest"},
	"attr IFLA_VF_PORTS child: none, spec IFLA":                                              {oneDescribes, "the spec describes the nest"},
	"attr IFLA_VFINFO_LIST child: none, spec IFLA_VF":                                        {oneDescribes, "the spec describes the nest"},
	"attr IFLA_VLAN_EGRESS_QOS child: none, spec IFLA_VLAN_QOS":                              {oneDescribes, "the spec describes the nest"},
	"attr IFLA_VLAN_INGRESS_QOS child: none, spec IFLA_VLAN_QOS":                             {oneDescribes, "the spec describes the nest"},
	"attr IFLA_INFO_DATA variant macvlan: the spec has no variant macvlan":                   {oneDescribes, "the spec has no macvlan sub-message"},
	"attr IFLA_INFO_DATA variant macvtap: the spec has no variant macvtap":                   {oneDescribes, "the spec has no macvtap sub-message"},
	"attr IFLA_INFO_DATA variant veth: the spec has no variant veth":                         {oneDescribes, "the spec has no veth sub-message"},
	"attr IFLA_INFO_DATA variant vxlan: the spec has no variant vxlan":                       {oneDescribes, "the spec has no vxlan sub-message"},
	"attr TCA_OPTIONS format: binary, spec nested":                                           {oneDescribes, "the spec describes each kind's options (a sub-message); the hand-written table shows bytes"},
	"attr TCA_XSTATS format: binary, spec nested":                                            {oneDescribes, "the spec describes each kind's xstats (a sub-message); the hand-written table shows bytes"},
	"attr TCA_STAB child: none, spec TCA_STAB":                                               {oneDescribes, "the spec describes the nest"},
	"attr TCA_ACT_OPTIONS key: 0, spec 1":                                                    {oneDescribes, "the spec describes each action kind's options, selected by TCA_ACT_KIND; the hand-written table shows bytes"},
	"attr TCA_ACT_STATS child: none, spec TCA_STATS":                                         {oneDescribes, "the spec describes the nest (TCA_STATS_*)"},
	"attr TCA_STATS2 child: none, spec TCA_STATS":                                            {oneDescribes, "the spec describes the nest"},
	"attr IFLA_OFFLOAD_XSTATS_HW_S_INFO format: nested, spec nested-array":                   {shape, "an array indexed by offload stats type: the hand-written table names the indexes (a nest of IFLA_OFFLOAD_XSTATS_*), the spec calls it an indexed array"},
	"policy InetAFPolicy IFLA_INET_CONF: NLA_NESTED, spec binary":                            {shape, "a request's is a nest of IPV4_DEVCONF_* (inet_af_policy: NLA_NESTED), the kernel's own an array of u32 (nla_reserve in inet_fill_link), which the spec describes"},
	"policy AddrPolicy IFA_TARGET_NETNSID: NLA_S32, spec binary":                             {specWrong, "as its format"},
	"policy Addr6Policy IFA_TARGET_NETNSID: NLA_S32, spec binary":                            {specWrong, "as its format"},
	"policy LinkPolicy IFLA_PROTO_DOWN_REASON: NLA_NESTED, spec string":                      {specWrong, "as its format"},
	"policy NeighPolicy NDA_FDB_EXT_ATTRS: NLA_NESTED, spec binary":                          {specWrong, "as its format"},
	"policy RoutePolicy RTA_ENCAP: NLA_NESTED, spec binary":                                  {specWrong, "as its format"},
	"policy Route6Policy RTA_ENCAP: NLA_NESTED, spec binary":                                 {specWrong, "as its format"},
	"set IFLA_OFFLOAD_XSTATS space: IFLA_OFFLOAD_XSTATS, spec IFLA_OFFLOAD_XSTATS_HW_S_INFO": {shape, "as IFLA_OFFLOAD_XSTATS_HW_S_INFO: the hand-written element space is the indexes', the spec's the entries'"},
}

// bridgePortFlags are the IFLA_BRPORT_* options the kernel takes as
// NLA_U8 (br_port_policy) and fills with nla_put_u8, 0 or 1; the spec
// calls them flags.
var bridgePortFlags = []string{
	"BCAST_FLOOD", "FAST_LEAVE", "GUARD", "ISOLATED", "LEARNING", "LEARNING_SYNC",
	"LOCKED", "MAB", "MCAST_FLOOD", "MCAST_TO_UCAST", "MODE", "MRP_IN_OPEN",
	"MRP_RING_OPEN", "NEIGH_SUPPRESS", "NEIGH_VLAN_SUPPRESS", "PROTECT",
	"PROXYARP", "PROXYARP_WIFI", "UNICAST_FLOOD", "VLAN_TUNNEL",
}

// knownDiffs returns specDiffs. The bridge port options the spec calls
// flags (bridgePortFlags) and FRA_DST and FRA_SRC, which it calls u32,
// are no longer among them: ynl/tables' corrections make the generated
// tables agree (TestCorrectionsApplied).
func knownDiffs() map[string]struct{ kind, why string } {
	return maps.Clone(specDiffs)
}

// TestCorrectionsApplied: the spec's wrong facts this package's tables
// contradict and ynl/tables corrects are corrected in the generated
// tables: the bridge port options are u8, FRA_DST and FRA_SRC addresses.
func TestCorrectionsApplied(t *testing.T) {
	for _, f := range bridgePortFlags {
		found := false
		for _, a := range rtlink.LinkinfoBrportAttrs.Attrs {
			if a.Name == "IFLA_BRPORT_"+f {
				found = true
				if a.Format != family.U8 {
					t.Errorf("IFLA_BRPORT_%s: %v, want u8", f, a.Format)
				}
			}
		}
		if !found {
			t.Errorf("IFLA_BRPORT_%s not in rt-link's table", f)
		}
	}
	for _, typ := range []uint16{rtrule.FRA_DST, rtrule.FRA_SRC} {
		if f := rtrule.FibRuleAttrs.Attrs[typ].Format; f != family.IPAddr {
			t.Errorf("%s: %v, want ipaddr", rtrule.FibRuleAttrs.Attrs[typ].Name, f)
		}
	}
}

// TestAgreesWithSpec: the hand-written tables of this package and the
// ones generated from the kernel's rtnetlink and tc specs (family/rtlink,
// rtaddr, rtroute, rtneigh, rtrule, tc) agree on every fact both state,
// or the difference is listed in specDiffs with its reason.
func TestAgreesWithSpec(t *testing.T) {
	a := &agreement{byKind: map[string]int{}, diffs: map[string]string{}}
	compareConsts(t, a)
	compareGroups(a)
	roots := compareMessages(a)
	// The tc spec has no action messages (RTM_*ACTION), but describes
	// the actions TCA_ACT_TAB holds.
	roots = append(roots, pair{&route.ActionAttrs, &tc.ActAttrs})
	specOnly := compareSets(a, roots)
	comparePolicies(a)
	known := knownDiffs()
	kinds := map[string]int{}
	for _, k := range slices.Sorted(maps.Keys(a.diffs)) {
		if w, ok := known[k]; ok {
			kinds[w.kind]++
			continue
		}
		t.Error(k)
	}
	for _, k := range slices.Sorted(maps.Keys(known)) {
		if _, ok := a.diffs[k]; !ok {
			t.Errorf("%s: the known difference (%s: %s) is gone", k, known[k].kind, known[k].why)
		}
	}
	if a.facts < 1000 {
		t.Errorf("only %d facts compared", a.facts)
	}
	t.Logf("%d facts compared (%v), %d agree; differences explained by kind: %v; %d attribute types only the spec names",
		a.facts, a.byKind, a.facts-len(a.diffs), kinds, specOnly)
}
