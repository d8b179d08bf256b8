package dissect

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/tc"
)

// TestSpecRoutePairs: the hand-written sets are paired with the
// generated sets of the same space, and each nest family/route's
// spec_agree_test.go lists as described by the spec alone is read by the
// spec's set: the VF, port, DPLL pin and VLAN QoS nests, TCA_STAB,
// TCA_STATS2 and TCA_ACT_STATS, and the kind-dependent TCA_OPTIONS,
// TCA_XSTATS and TCA_ACT_OPTIONS.
func TestSpecRoutePairs(t *testing.T) {
	m := specRoutePairs()
	for hand, spec := range map[*family.Set]*family.Set{
		&route.LinkAttrs:   &rtlink.LinkAttrs,
		&route.VLANAttrs:   &rtlink.LinkinfoVlanAttrs,
		&route.TCAttrs:     &tc.AttrsAttrs,
		&route.ActionAttrs: &tc.ActAttrs,
	} {
		if m[hand] != spec {
			t.Errorf("%s: paired with %v, want %s", hand.Space, m[hand], spec.Space)
		}
	}
	for hand, space := range m {
		if hand.Space != space.Space && hand.Space != "IFLA_OFFLOAD_XSTATS" { // family/route names hw-s-info's indexes (spec_agree_test.go)
			t.Errorf("%s paired with %s", hand.Space, space.Space)
		}
	}
	d := New()
	k := &Kind{Protocol: ProtoRoute}
	var got []string
	for _, c := range []struct {
		s    *family.Set
		t    uint16
		kind string // the TCA_KIND or TCA_ACT_KIND (both type 1) of the run
	}{
		{&route.LinkAttrs, route.IFLA_VFINFO_LIST, ""}, {&route.LinkAttrs, route.IFLA_VF_PORTS, ""},
		{&route.LinkAttrs, route.IFLA_PORT_SELF, ""}, {&route.LinkAttrs, route.IFLA_DPLL_PIN, ""},
		{&route.VLANAttrs, route.IFLA_VLAN_EGRESS_QOS, ""}, {&route.VLANAttrs, route.IFLA_VLAN_INGRESS_QOS, ""},
		{&route.TCAttrs, route.TCA_STAB, ""}, {&route.TCAttrs, route.TCA_STATS2, ""},
		{&route.TCAttrs, route.TCA_OPTIONS, "fq_codel"}, {&route.TCAttrs, route.TCA_XSTATS, "fq_codel"},
		{&route.ActionAttrs, route.TCA_ACT_STATS, ""}, {&route.ActionAttrs, route.TCA_ACT_OPTIONS, "gact"},
	} {
		e := attr.NewEncoder(nil) // the host's order, as the Decoder reads
		e.String(1, c.kind)
		keys := &siblingKeys{run: attr.NewDecoder(e.Bytes()), work: &d.Work}
		a, s := d.specFill(k, keys, c.s, c.s.Attr(c.t), c.t)
		if s == c.s || a.Child == nil && a.ChildRef == nil && len(a.Variants) == 0 {
			t.Errorf("%s: not read by the spec", c.s.Name(c.t))
			continue
		}
		got = append(got, a.Name)
	}
	want := []string{"IFLA_VFINFO_LIST", "IFLA_VF_PORTS", "IFLA_PORT_SELF", "IFLA_DPLL_PIN",
		"IFLA_VLAN_EGRESS_QOS", "IFLA_VLAN_INGRESS_QOS", "TCA_STAB", "TCA_STATS2",
		"TCA_OPTIONS", "TCA_XSTATS", "TCA_ACT_STATS", "TCA_ACT_OPTIONS"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A nest family/route describes stays its own, and so does a kind
	// no table describes (htb's xstats, a struct).
	e := attr.NewEncoder(nil) // the host's order, as the Decoder reads
	e.String(1, "htb")
	keys := &siblingKeys{run: attr.NewDecoder(e.Bytes()), work: &d.Work}
	if a, s := d.specFill(k, keys, &route.TCAttrs, route.TCAttrs.Attr(route.TCA_XSTATS), route.TCA_XSTATS); s != &route.TCAttrs || a.Format != family.Binary {
		t.Errorf("htb's TCA_XSTATS read by %s as %v", s.Space, a.Format)
	}
	if a, s := d.specFill(k, keys, &route.LinkAttrs, route.LinkAttrs.Attr(route.IFLA_LINKINFO), route.IFLA_LINKINFO); s != &route.LinkAttrs || a != route.LinkAttrs.Attr(route.IFLA_LINKINFO) {
		t.Errorf("IFLA_LINKINFO read by %s", s.Space)
	}
}
