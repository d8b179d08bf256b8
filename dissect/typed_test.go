package dissect_test

import (
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/binder"
	"github.com/nlwire/nlwire/family/conntrack"
	"github.com/nlwire/nlwire/family/devenergymodel"
	"github.com/nlwire/nlwire/family/devlink"
	"github.com/nlwire/nlwire/family/dpll"
	"github.com/nlwire/nlwire/family/drmras"
	"github.com/nlwire/nlwire/family/ethtool"
	"github.com/nlwire/nlwire/family/fou"
	"github.com/nlwire/nlwire/family/handshake"
	"github.com/nlwire/nlwire/family/lockd"
	"github.com/nlwire/nlwire/family/mptcppm"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/family/netshaper"
	"github.com/nlwire/nlwire/family/nfsd"
	"github.com/nlwire/nlwire/family/nftables"
	"github.com/nlwire/nlwire/family/nl80211"
	"github.com/nlwire/nlwire/family/nlctrl"
	"github.com/nlwire/nlwire/family/ovpn"
	"github.com/nlwire/nlwire/family/ovsdatapath"
	"github.com/nlwire/nlwire/family/ovsflow"
	"github.com/nlwire/nlwire/family/ovspacket"
	"github.com/nlwire/nlwire/family/ovsvport"
	"github.com/nlwire/nlwire/family/psp"
	"github.com/nlwire/nlwire/family/rtaddr"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/rtneigh"
	"github.com/nlwire/nlwire/family/rtroute"
	"github.com/nlwire/nlwire/family/rtrule"
	"github.com/nlwire/nlwire/family/sunrpc"
	"github.com/nlwire/nlwire/family/tc"
	"github.com/nlwire/nlwire/family/tcpmetrics"
	"github.com/nlwire/nlwire/family/team"
	"github.com/nlwire/nlwire/family/typed"
	"github.com/nlwire/nlwire/family/wireguard"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/wire"
)

// typedPkg is one generated family package: its tables and its typed
// set types (index-aligned with Family.Sets).
type typedPkg struct {
	f    *family.Family
	sets []typed.SetType
}

// typedPkgs are all the packages with generated typed code.
var typedPkgs = []typedPkg{
	{&binder.Family, binder.TypedSets},
	{&conntrack.Family, conntrack.TypedSets},
	{&devenergymodel.Family, devenergymodel.TypedSets},
	{&devlink.Family, devlink.TypedSets},
	{&dpll.Family, dpll.TypedSets},
	{&drmras.Family, drmras.TypedSets},
	{&ethtool.Family, ethtool.TypedSets},
	{&fou.Family, fou.TypedSets},
	{&handshake.Family, handshake.TypedSets},
	{&lockd.Family, lockd.TypedSets},
	{&mptcppm.Family, mptcppm.TypedSets},
	{&netdev.Family, netdev.TypedSets},
	{&netshaper.Family, netshaper.TypedSets},
	{&nfsd.Family, nfsd.TypedSets},
	{&nftables.Family, nftables.TypedSets},
	{&nl80211.Family, nl80211.TypedSets},
	{&nlctrl.Family, nlctrl.TypedSets},
	{&ovpn.Family, ovpn.TypedSets},
	{&ovsdatapath.Family, ovsdatapath.TypedSets},
	{&ovsflow.Family, ovsflow.TypedSets},
	{&ovspacket.Family, ovspacket.TypedSets},
	{&ovsvport.Family, ovsvport.TypedSets},
	{&psp.Family, psp.TypedSets},
	{&rtaddr.Family, rtaddr.TypedSets},
	{&rtlink.Family, rtlink.TypedSets},
	{&rtneigh.Family, rtneigh.TypedSets},
	{&rtroute.Family, rtroute.TypedSets},
	{&rtrule.Family, rtrule.TypedSets},
	{&sunrpc.Family, sunrpc.TypedSets},
	{&tc.Family, tc.TypedSets},
	{&tcpmetrics.Family, tcpmetrics.TypedSets},
	{&team.Family, team.TypedSets},
	{&wireguard.Family, wireguard.TypedSets},
}

// typedCaptures are the captures the differential test reads, relative
// to ../testdata.
var typedCaptures = []string{
	"route-dumps.pcap", "route-errors.pcap", "route-notify.pcap", "tools-route.pcap", "genl-ctrl.pcapng",
	"../cmd/nldump/testdata/genl-ynl.pcap",
	"../cmd/nldump/testdata/tools-genl.pcap",
	"../cmd/nldump/testdata/tools-netfilter.pcap",
	"../cmd/nldump/testdata/tools-diag.pcap",
	"../cmd/nldump/testdata/tools-tc.pcap",
}

// typedChoice is what the tables say about one message: its family, its
// operation, the typed set of its attributes and the fixed bytes before
// them (nlmsghdr, genlmsghdr, family header).
type typedChoice struct {
	pkg    *typedPkg
	op     *family.Op
	set    *family.Set
	setIdx int
	fixed  int // bytes before the attributes, nlmsghdr included
}

// typedSetIndex returns the index of s in f.Sets, or -1.
func typedSetIndex(f *family.Family, s *family.Set) int {
	for i, x := range f.Sets {
		if x == s {
			return i
		}
	}
	return -1
}

// typedOpOf finds the operation whose message type (or command) is typ in
// the direction request, falling back to the other direction.
func typedOpOf(f *family.Family, typ int32, request bool) *family.Op {
	for pass := 0; pass < 2; pass++ {
		for i := range f.Ops {
			op := &f.Ops[i]
			if op.Attrs == nil {
				continue
			}
			if (request == (pass == 0)) && op.Request == typ || (request != (pass == 0)) && op.Reply == typ {
				return op
			}
		}
	}
	return nil
}

// typedChoose picks the generated type for a message, or reports why
// there is none.
func typedChoose(proto uint16, k *dissect.Kind, msg []byte) (typedChoice, string) {
	h := k.Header
	request := h.Flags&wire.Request != 0
	if h.Type < 0x10 {
		return typedChoice{}, "control message"
	}
	if proto == dissect.ProtoGeneric {
		p := typedPkgByName(k.Name)
		if p == nil {
			return typedChoice{}, "generic family without typed code: " + k.Name
		}
		if len(msg) < wire.HeaderLen+4 {
			return typedChoice{}, "short genl message"
		}
		op := typedOpOf(p.f, int32(msg[wire.HeaderLen]), request)
		if op == nil {
			return typedChoice{}, fmt.Sprintf("%s: no op for cmd %d", p.f.Name, msg[wire.HeaderLen])
		}
		hl := p.f.HeaderLen
		if op.HeaderLen != 0 {
			hl = op.HeaderLen
		}
		return typedChoice{pkg: p, op: op, set: op.Attrs, setIdx: typedSetIndex(p.f, op.Attrs), fixed: wire.HeaderLen + 4 + hl}, ""
	}
	for i := range typedPkgs {
		p := &typedPkgs[i]
		if p.f.Protocol != int(proto) {
			continue
		}
		op := typedOpOf(p.f, int32(h.Type), request)
		if op == nil {
			continue
		}
		hl := p.f.HeaderLen
		if op.HeaderLen != 0 {
			hl = op.HeaderLen
		}
		return typedChoice{pkg: p, op: op, set: op.Attrs, setIdx: typedSetIndex(p.f, op.Attrs), fixed: wire.HeaderLen + hl}, ""
	}
	return typedChoice{}, fmt.Sprintf("%s message type %#x without typed code", dissect.FamilyName(proto), h.Type)
}

// typedPkgByName returns the generic family package named name.
func typedPkgByName(name string) *typedPkg {
	for i := range typedPkgs {
		if p := &typedPkgs[i]; p.f.Protocol == dissect.ProtoGeneric && p.f.Name == name {
			return p
		}
	}
	return nil
}

// typedStrictExplained are the strict decoding failures the captures
// hold, by family, set, attribute and error, with the reason: each is a
// message the kernel refuses, one it accepts without strict validation,
// or one the spec describes wrongly.
var typedStrictExplained = map[string]string{
	// route-errors.pcap message 0: a request with a 2-byte IFLA_MTU; the
	// kernel refused it (message 1 is its NLMSG_ERROR pointing at IFLA_MTU).
	"rt-link link-attrs IFLA_MTU: attr: bad attribute length": "a request the kernel refused",
	// genl-ctrl.pcapng: CTRL_CMD_GETFAMILY with a 4-byte CTRL_ATTR_FAMILY_ID
	// (NLA_U16). The op is GENL_DONT_VALIDATE_STRICT, so the kernel accepts
	// a longer integer (and answered); typed is strict by default by design
	// and Options.Lenient accepts it.
	"nlctrl ctrl-attrs CTRL_ATTR_FAMILY_ID: attr: bad attribute length": "accepted by the kernel without strict validation",
	// (The spec errors tools-route.pcap and tools-tc.pcap once showed,
	// rt-rule's u32 FRA_DST/FRA_SRC and rt-link's bridge port options
	// declared flag, are corrected by ynl/tables.Corrections: those
	// messages now decode strictly and are compared.)
}

// typedNode is one attribute of a dissect tree.
type typedNode struct {
	Kind  string // "attr", "nest", "elem", "nexthop"
	Type  uint16
	Name  string
	Net   bool   // NLA_F_NET_BYTEORDER
	Value string // a leaf's value; a nest's header, hex
	Kids  []*typedNode
}

// typedTree is a Writer that keeps a message's dissect tree.
type typedTree struct {
	dissect.Discard
	header   string
	payload  string
	root     typedNode
	stack    []*typedNode
	problems []string
}

func (t *typedTree) top() *typedNode {
	if len(t.stack) == 0 {
		return &t.root
	}
	return t.stack[len(t.stack)-1]
}

func (t *typedTree) Header(h *dissect.Header) {
	s := h.Struct
	for _, f := range h.Fields {
		s += " " + f.Name + "=" + fieldText(&f)
	}
	t.header = s + " user=" + hex.EncodeToString(h.User) + " raw=" + hex.EncodeToString(h.Raw)
}
func (t *typedTree) Payload(p []byte, _ int) { t.payload = hex.EncodeToString(p) }
func (t *typedTree) Attrs(int)               { t.stack = append(t.stack[:0], &t.root) }
func (t *typedTree) EndAttrs(int)            { t.stack = t.stack[:0] }
func (t *typedTree) Attr(a *dissect.Attr) {
	n := &typedNode{Kind: "attr", Type: a.Type, Name: a.Name, Net: a.Flags&attr.FlagNetByteOrder != 0, Value: valueText(&a.Value)}
	if a.Role == dissect.RoleElem {
		n.Kind = "elem"
	}
	p := t.top()
	p.Kids = append(p.Kids, n)
}
func (t *typedTree) Nest(a *dissect.Attr) {
	n := &typedNode{Kind: "nest", Type: a.Type, Name: a.Name, Net: a.Flags&attr.FlagNetByteOrder != 0, Value: hex.EncodeToString(a.NestHeader)}
	switch a.Role {
	case dissect.RoleElem:
		n.Kind = "elem"
	case dissect.RoleNexthop:
		n.Kind = "nexthop"
		n.Value = fmt.Sprintf("%+v", a.Nexthop)
	}
	if a.TooDeep {
		n.Value += " toodeep"
	}
	p := t.top()
	p.Kids = append(p.Kids, n)
	t.stack = append(t.stack, n)
}
func (t *typedTree) EndNest(int) {
	if len(t.stack) > 0 {
		t.stack = t.stack[:len(t.stack)-1]
	}
}
func (t *typedTree) Problem(p *dissect.Problem) {
	t.problems = append(t.problems, fmt.Sprintf("@%d %v", p.Offset, p.Error()))
}

// typedStats are the test's totals.
type typedStats struct {
	messages, compared, fields int
	strictFail, lenientFail    int
	diffs                      int
	skipped                    map[string]int // messages not compared, by reason
	byDesign                   map[string]int // attributes dropped from the comparison, by reason
	strictErrs                 map[string]int
	getters                    map[string]int
	families                   map[string]int // messages compared, by family
}

func (s *typedStats) skip(why string)   { s.skipped[why]++ }
func (s *typedStats) design(why string) { s.byDesign[why]++ }

// typedIsPad reports an attribute of the spec's type pad, which typed
// decoding drops and encoding does not write.
func typedIsPad(name string) bool {
	return strings.HasSuffix(name, "_PAD") || strings.HasSuffix(name, "_PAD1") || name == "PAD"
}

// typedKey returns the string value of the sibling of type key, without
// its "s:" prefix.
func typedKey(sibs []*typedNode, key uint16) string {
	for _, s := range sibs {
		if s.Type == key && s.Kind == "attr" {
			v, _, _ := strings.Cut(strings.TrimPrefix(s.Value, "s:"), " (")
			return v
		}
	}
	return ""
}

// typedPrune drops from kids, in place, the pad attributes and, when
// count is set, the attributes the spec set does not describe (counting
// both), recursing into the nests the spec describes.
func typedPrune(kids []*typedNode, set *family.Set, st *typedStats, count bool) []*typedNode {
	out := kids[:0]
	for _, k := range kids {
		a := set.Attr(k.Type)
		if a == nil {
			if count {
				st.design("attribute the spec does not describe: " + set.Space + " " + typedName(k))
			}
			continue
		}
		if typedIsPad(a.Name) {
			if count {
				st.design("pad attribute")
			}
			continue
		}
		if k.Kind == "nest" {
			switch a.Format {
			case family.NestedArray:
				child := a.ChildSet("")
				for _, e := range k.Kids {
					if e.Kind == "elem" && child != nil {
						e.Kids = typedPrune(e.Kids, child, st, count)
					}
				}
			case family.Multipath:
				child := a.ChildSet("")
				for _, e := range k.Kids {
					if child != nil {
						e.Kids = typedPrune(e.Kids, child, st, count)
					}
				}
			default:
				if child := a.ChildSet(typedKey(kids, a.Key)); child != nil {
					k.Kids = typedPrune(k.Kids, child, st, count)
				}
			}
		}
		out = append(out, k)
	}
	return out
}

// typedName names a node for a path.
func typedName(n *typedNode) string {
	if n.Name != "" {
		return n.Name
	}
	return n.Kind + "#" + strconv.Itoa(int(n.Type))
}

// typedFlatten writes the tree as lines "path kind value", children in
// type order (stable: repeated attributes keep their order).
func typedFlatten(out []string, prefix string, kids []*typedNode) []string {
	kids = slices.Clone(kids)
	sort.SliceStable(kids, func(i, j int) bool {
		if kids[i].Kind == "elem" || kids[j].Kind == "elem" || kids[i].Kind == "nexthop" || kids[j].Kind == "nexthop" {
			return false
		}
		return kids[i].Type < kids[j].Type
	})
	for i, k := range kids {
		p := prefix + "/" + typedName(k)
		if k.Kind == "elem" || k.Kind == "nexthop" {
			p = prefix + "/" + k.Kind + "[" + strconv.Itoa(i) + "]"
		}
		net := ""
		if k.Net {
			net = " net-byteorder"
		}
		out = append(out, p+" "+k.Kind+net+" "+k.Value)
		out = typedFlatten(out, p, k.Kids)
	}
	return out
}

// typedTrimCompat handles a nest whose whole payload dissect gives as its
// fixed header (a sub-message format with a fixed header and no
// attributes, such as tc's prio options) when the kernel put attributes
// after the struct (nla_nest_compat_start: tc_prio_qopt, then an empty
// TCA_PRIO nest): typed decoding keeps the struct and skips those
// attributes, which the spec does not describe. Where b's header is a
// prefix of a's and the rest of a's is well-formed attributes, a's line
// takes b's value and the attributes are counted as skipped by design.
func typedTrimCompat(a, b []string, st *typedStats) {
	backs := map[string][]string{}
	for _, l := range b {
		if k, v, ok := strings.Cut(l, " nest "); ok {
			backs[k] = append(backs[k], v)
		}
	}
	for i, l := range a {
		k, v, ok := strings.Cut(l, " nest ")
		if !ok || len(backs[k]) == 0 {
			continue
		}
		w := backs[k][0]
		backs[k] = backs[k][1:]
		if w == "" || len(w) >= len(v) || !strings.HasPrefix(v, w) {
			continue
		}
		rest, err := hex.DecodeString(v[len(w):])
		if err != nil || !typedWellFormed(rest) {
			continue
		}
		a[i] = k + " nest " + w
		st.design("attributes after a fixed-header-only sub-message's struct (nla_nest_compat)")
	}
}

// typedWellFormed reports whether p is a run of whole attributes.
func typedWellFormed(p []byte) bool {
	for len(p) > 0 {
		if len(p) < 4 {
			return false
		}
		n := int(p[0]) | int(p[1])<<8 // the captures are little-endian
		if n < 4 || n > len(p) {
			return false
		}
		p = p[min(attr.Align(n), len(p)):]
	}
	return true
}

// typedDissect returns the dissect tree of msg.
func typedDissect(d *dissect.Dissector, proto uint16, o nlwire.Order, msg []byte) (*typedTree, error) {
	r := wire.NewReader(msg).WithOrder(o)
	if !r.Next() {
		return nil, errors.New("not a message")
	}
	var k dissect.Kind
	d.Classify(&k, proto, o, r.Header(), r.Payload())
	t := new(typedTree)
	d.Message(t, r.Message(), &k)
	return t, nil
}

// TestTypedDifferential decodes every message of the captures whose
// family has generated typed code with its generated set type (strict),
// encodes it again, and compares dissect's trees of the original and the
// re-encoded message: equal but for attribute order, NLA_F_NESTED, pad
// attributes and the attributes the spec does not describe.
func TestTypedDifferential(t *testing.T) {
	st := &typedStats{skipped: map[string]int{}, byDesign: map[string]int{}, strictErrs: map[string]int{}, getters: map[string]int{}, families: map[string]int{}}
	for _, name := range typedCaptures {
		d := dissect.New()
		dgs := readCapture(t, name)
		msgs := messagesOf(d, dgs)
		// the protocol and order of each message, in the order messagesOf gives them
		var protos []uint16
		var orders []nlwire.Order
		for _, dg := range dgs {
			r := wire.NewReader(dg.data).WithOrder(dg.order)
			for r.Next() {
				protos = append(protos, dg.proto)
				orders = append(orders, dg.order)
			}
		}
		for i, m := range msgs {
			st.messages++
			typedOne(t, st, d, name, i, protos[i], orders[i], m)
		}
	}
	t.Logf("messages %d, compared %d, fields compared %d, strict failures %d (lenient failures %d), diffs %d",
		st.messages, st.compared, st.fields, st.strictFail, st.lenientFail, st.diffs)
	typedLogCounts(t, "not compared", st.skipped)
	typedLogCounts(t, "skipped by design", st.byDesign)
	typedLogCounts(t, "strict decoding errors", st.strictErrs)
	for key := range typedStrictExplained {
		if st.strictErrs[key] == 0 {
			t.Errorf("explained strict failure %q no longer happens: drop it", key)
		}
	}
	typedLogCounts(t, "getters checked", st.getters)
	typedLogCounts(t, "messages compared", st.families)
	if st.compared == 0 {
		t.Error("no message compared")
	}
}

func typedLogCounts(t *testing.T, what string, m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s: %5d  %s", what, m[k], k)
	}
}

// typedOne compares one message.
func typedOne(t *testing.T, st *typedStats, d *dissect.Dissector, capName string, idx int, proto uint16, o nlwire.Order, m message) {
	where := fmt.Sprintf("%s: message %d (%s)", capName, idx, m.kind.FullName())
	if m.kind.Echo {
		st.skip("echo")
		return
	}
	c, why := typedChoose(proto, &m.kind, m.msg)
	if c.pkg == nil {
		st.skip(why)
		return
	}
	if c.setIdx < 0 || c.setIdx >= len(c.pkg.sets) {
		t.Errorf("%s: %s op %s: set not in Family.Sets", where, c.pkg.f.Name, c.op.Name)
		return
	}
	if len(m.msg) < c.fixed {
		st.skip("shorter than its fixed header")
		return
	}
	v := c.pkg.sets[c.setIdx].New()
	opts := typed.Options{Order: o, Base: c.fixed}
	if err := v.Decode(m.msg[c.fixed:], &opts); err != nil {
		st.strictFail++
		key := err.Error()
		var te *typed.Error
		if errors.As(err, &te) {
			key = fmt.Sprintf("%s %s %s: %v", c.pkg.f.Name, te.Set, te.Attr, te.Err)
		}
		st.strictErrs[key]++
		why, ok := typedStrictExplained[key]
		if !ok {
			t.Errorf("%s: strict decode (%s, op %s) fails, unexplained: %v", where, c.pkg.sets[c.setIdx].Name, c.op.Name, err)
		} else {
			t.Logf("%s: strict decode fails as explained: %v (%s)", where, err, why)
		}
		v.Reset()
		if err := v.Decode(m.msg[c.fixed:], &typed.Options{Order: o, Base: c.fixed, Lenient: true}); err != nil {
			st.lenientFail++
		}
		st.skip("strict decoding fails (explained above)")
		return
	}
	st.families[c.pkg.f.Name]++
	e := attr.NewEncoder(nil).WithOrder(o)
	v.Encode(&e)
	enc, err := e.Finish()
	if err != nil {
		t.Errorf("%s: encode: %v", where, err)
		return
	}
	re := append(slices.Clone(m.msg[:c.fixed]), enc...)
	endian.PutUint32(re, uint32(len(re)), o.Swap())

	orig, err1 := typedDissect(d, proto, o, m.msg)
	back, err2 := typedDissect(d, proto, o, re)
	if err1 != nil || err2 != nil {
		t.Errorf("%s: dissect: %v %v", where, err1, err2)
		return
	}
	st.compared++
	if len(back.problems) > 0 {
		t.Errorf("%s: dissect finds problems in the re-encoded message: %v", where, back.problems)
	}
	orig.root.Kids = typedPrune(orig.root.Kids, c.set, st, true)
	back.root.Kids = typedPrune(back.root.Kids, c.set, st, false)
	a := typedFlatten([]string{"header " + orig.header, "payload " + orig.payload}, "", orig.root.Kids)
	b := typedFlatten([]string{"header " + back.header, "payload " + back.payload}, "", back.root.Kids)
	typedTrimCompat(a, b, st)
	st.fields += len(a) - 2
	if diff := cmp.Diff(a, b); diff != "" {
		st.diffs++
		t.Errorf("%s: %s set %s: dissect of original (-) and re-encoded (+) differ:\n%s", where, c.pkg.f.Name, c.pkg.sets[c.setIdx].Name, diff)
	}
	typedGetters(t, st, where, v, orig)
}

// typedTopValue returns the value of the top-level attribute named name
// in the original's tree.
func typedTopValue(tr *typedTree, name string) (string, bool) {
	for _, k := range tr.root.Kids {
		if k.Name == name {
			return k.Value, true
		}
	}
	return "", false
}

// typedAddrText gives an address getter's bytes as dissect does.
func typedAddrText(p []byte) string {
	if a, ok := netip.AddrFromSlice(p); ok {
		return "ip:" + a.String()
	}
	return "x:" + hex.EncodeToString(p)
}

// typedGetters compares some getters' values with dissect's.
func typedGetters(t *testing.T, st *typedStats, where string, v typed.Attrs, tr *typedTree) {
	check := func(what, got string, gotOK bool, attrName string) {
		want, wantOK := typedTopValue(tr, attrName)
		want, _, _ = strings.Cut(want, " (")
		if gotOK != wantOK || gotOK && got != want {
			t.Errorf("%s: %s = %q, %v; dissect %s = %q, %v", where, what, got, gotOK, attrName, want, wantOK)
		}
		if gotOK {
			st.getters[what]++
		}
	}
	switch x := v.(type) {
	case *rtlink.LinkSet:
		name, ok := x.Ifname()
		check("rtlink Ifname", "s:"+string(name), ok, "IFLA_IFNAME")
		mtu, ok := x.Mtu()
		check("rtlink Mtu", "u:"+strconv.FormatUint(uint64(mtu), 10), ok, "IFLA_MTU")
	case *rtaddr.Addr:
		a, ok := x.Address()
		check("rtaddr Address", typedAddrText(a), ok, "IFA_ADDRESS")
	case *rtroute.Route:
		a, ok := x.Dst()
		check("rtroute Dst", typedAddrText(a), ok, "RTA_DST")
	case *nftables.Rule:
		var got []string
		if l, ok := x.Expressions(); ok {
			var ex nftables.Expr
			for it := l.Elem(); it.Next(&ex); {
				n, _ := ex.Name()
				got = append(got, string(n))
			}
		}
		var want []string
		for _, k := range tr.root.Kids {
			if k.Type != nftables.NFTABLES_A_RULE_ATTRS_EXPRESSIONS {
				continue
			}
			for _, e := range k.Kids {
				want = append(want, typedKey(e.Kids, nftables.NFTABLES_A_EXPR_ATTRS_NAME))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: nftables expression names %q; dissect %q", where, got, want)
		}
		st.getters["nftables Expr.Name"] += len(got)
	}
}

// TestTypedSetElements: every set element of nft's NEWSETELEM requests
// reaches the typed value. libnftnl numbers the elements of
// NFTA_SET_ELEM_LIST_ELEMENTS 1, 2, 3..., and the kernel takes each
// attribute of the list as one; the spec's repeated "elem" (type 1) once
// made the typed decoder keep the first and skip the others.
func TestTypedSetElements(t *testing.T) {
	msgs, elems := 0, 0
	for _, dg := range readCapture(t, "../cmd/nldump/testdata/tools-netfilter.pcap") {
		r := wire.NewReader(dg.data).WithOrder(dg.order)
		for r.Next() {
			if r.Header().Type != nftables.NFTABLES_CMD_NEWSETELEM {
				continue
			}
			p := r.Payload()
			var req nftables.NewsetelemRequest
			o := typed.Options{Order: dg.order}
			if err := req.SetelemList.Decode(p[4:], &o); err != nil {
				t.Fatalf("NEWSETELEM at %d: %v", r.Offset(), err)
			}
			// The elements as the kernel walks them: every attribute of the
			// list.
			want := 0
			ad := attr.NewDecoder(p[4:]).WithOrder(dg.order)
			for ad.Next() {
				if ad.Type() == nftables.NFTABLES_A_SETELEM_LIST_ATTRS_ELEMENTS {
					for el := ad.Nested(); el.Next(); {
						want++
					}
				}
			}
			got := 0
			var el nftables.Setelem
			for it := req.Elements(); it.Next(&el); {
				if _, ok := el.Key(); !ok {
					t.Errorf("NEWSETELEM at %d: element %d without a key", r.Offset(), got)
				}
				got++
			}
			if got != want {
				t.Errorf("NEWSETELEM at %d: %d typed elements, the list holds %d", r.Offset(), got, want)
			}
			msgs++
			elems += got
		}
	}
	if msgs == 0 || elems <= msgs {
		t.Fatalf("%d NEWSETELEM messages with %d elements: the capture should hold some with several", msgs, elems)
	}
	t.Logf("%d NEWSETELEM messages, %d elements", msgs, elems)
}
