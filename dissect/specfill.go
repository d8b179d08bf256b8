package dissect

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/family/rtaddr"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/rtneigh"
	"github.com/nlwire/nlwire/family/rtroute"
	"github.com/nlwire/nlwire/family/rtrule"
	"github.com/nlwire/nlwire/family/tc"
)

// rtnetlink's attributes are read by family/route's hand-written tables
// first (they follow the kernel where the specs are wrong, see
// family/route's doc); where those leave a nest undescribed and the
// tables generated from the kernel's rtnetlink specs (rt-link, rt-addr,
// rt-route, rt-neigh, rt-rule, tc) describe it, the walk goes on with
// the generated set: TCA_OPTIONS and TCA_XSTATS by TCA_KIND, an action's
// TCA_ACT_OPTIONS by TCA_ACT_KIND, IFLA_INFO_DATA and
// IFLA_INFO_SLAVE_DATA of the link kinds the hand-written tables leave
// out, the VF, port and statistics nests, and attribute types only the
// spec names. Below such a nest every table is the spec's.
//
// A spec attribute replaces a hand-written one only to say more: a
// payload the hand-written table gives as bytes is read as a nest only
// if the spec says nest; where the spec gives a scalar type the kernel
// does not use (family/route's spec_agree_test.go lists them), the
// hand-written format stays.

// specRoutePairs returns, for each hand-written rtnetlink attribute set,
// the generated set that describes the same space: the message types'
// sets paired as the specs' operations give them, then their nests' and
// variants' children, pair by pair. A set paired twice keeps its first
// pair. (Made once per Dissector, on its first rtnetlink message: the
// tables are package-level values, the map is the Dissector's.)
func specRoutePairs() map[*family.Set]*family.Set {
	m := map[*family.Set]*family.Set{}
	type pair struct{ hand, spec *family.Set }
	var queue []pair
	for _, f := range []*family.Family{&rtlink.Family, &rtaddr.Family, &rtroute.Family, &rtneigh.Family, &rtrule.Family, &tc.Family} {
		for i := range f.Ops {
			op := &f.Ops[i]
			for _, typ := range []int32{op.Request, op.Reply} {
				if typ == family.None || op.Attrs == nil {
					continue
				}
				if msg := route.Messages.Msg(uint16(typ)); msg != nil && msg.Attrs != nil {
					queue = append(queue, pair{msg.Attrs, op.Attrs})
				}
			}
		}
	}
	// The tc spec has no action messages, but describes the actions
	// RTM_*ACTION's TCA_ROOT_TAB holds.
	queue = append(queue, pair{&route.ActionAttrs, &tc.ActAttrs})
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.hand == nil || p.spec == nil || m[p.hand] != nil {
			continue
		}
		m[p.hand] = p.spec
		for t := range p.hand.Attrs {
			h, s := &p.hand.Attrs[t], p.spec.Attr(uint16(t))
			if s == nil || !nestFormat(h.Format) || !nestFormat(s.Format) {
				continue
			}
			queue = append(queue, pair{h.ChildSet(""), s.ChildSet("")})
			for _, v := range h.Variants {
				queue = append(queue, pair{h.ChildSet(v.Value), s.ChildSet(v.Value)})
			}
		}
	}
	return m
}

// nestFormat reports whether f's payload holds attributes.
func nestFormat(f family.Format) bool {
	return f == family.Nested || f == family.NestedArray
}

// specFill returns the attribute of type t and its set, given a, what
// the hand-written set s says of it (nil if nothing): a unless a leaves
// undescribed what the generated set paired with s describes (see
// specRoutePairs), and then the generated attribute and set.
func (d *Dissector) specFill(k *Kind, keys *siblingKeys, s *family.Set, a *family.Attr, t uint16) (*family.Attr, *family.Set) {
	if s == nil || k.Protocol != ProtoRoute || a != nil && !d.undescribed(k, keys, a) {
		return a, s
	}
	if s != d.specHand {
		// Consecutive attributes share their set: one map lookup a run.
		if d.routeSpec == nil {
			d.routeSpec = specRoutePairs()
		}
		d.specHand, d.specSet = s, d.routeSpec[s]
	}
	ss := d.specSet
	sa := ss.Attr(t)
	if sa == nil || sa.Name == "" || a != nil && !nestFormat(sa.Format) {
		return a, s
	}
	if len(sa.Variants) > 0 && sa.Child == nil && sa.ChildRef == nil && a != nil && findVariant(sa, keys.get(sa.Key)) == nil {
		// A kind the spec does not describe either (htb's TCA_XSTATS,
		// a struct tc_htb_xstats): what the hand-written table says.
		return a, s
	}
	return sa, ss
}

// mayFill reports whether specFill may replace a: what undescribed
// decides cheaply, before the call (most attributes are scalars).
func mayFill(a *family.Attr) bool {
	return a.Format == family.Binary || nestFormat(a.Format) && a.Child == nil && a.ChildRef == nil
}

// undescribed reports whether the hand-written attribute a gives its
// payload as bytes or as a nest of unknown contents (an IFLA_INFO_DATA
// whose kind has no variant in the table).
func (d *Dissector) undescribed(k *Kind, keys *siblingKeys, a *family.Attr) bool {
	switch a.Format {
	case family.Binary:
		return true
	case family.Nested, family.NestedArray:
		if a.Child != nil || a.ChildRef != nil {
			return false
		}
		return len(a.Variants) == 0 || findVariant(a, keys.get(a.Key)) == nil
	}
	return false
}

// findVariant returns a's variant that key (a string sibling, as
// TCA_KIND, with or without its NUL) selects, or nil.
func findVariant(a *family.Attr, key []byte) *family.Variant {
	for i, c := range key {
		if c == 0 {
			key = key[:i]
			break
		}
	}
	for i := range a.Variants {
		if v := &a.Variants[i]; v.Value == string(key) { // compared, not allocated
			return v
		}
	}
	return nil
}

// variantHeader returns the size of the fixed header of a's variant
// selected by key, 0 if it has none, and whether the struct is the
// variant's whole payload (a sub-message format with a fixed header and
// no attributes: prio's struct tc_prio_qopt). Such a struct may be
// longer than the spec says (sfq sends struct tc_sfq_qopt_v1, which
// extends struct tc_sfq_qopt).
func variantHeader(a *family.Attr, key []byte) (int, bool) {
	if v := findVariant(a, key); v != nil {
		return int(v.Header), v.Set == nil && v.Ref == nil
	}
	return 0, false
}

// selector returns the payload of the sibling that selects the variant
// of a's nest, in the run at depth: a's Key in the same run, but for
// TCA_STATS_APP (in TCA_STATS2), whose spec selector is the message's
// TCA_KIND, in the enclosing run, which the generated table cannot say
// (its Key is 0).
func (d *Dissector) selector(keys *siblingKeys, s *family.Set, a *family.Attr, depth int) []byte {
	if s != &tc.TcaStatsAttrs || a.Key != 0 {
		return keys.get(a.Key)
	}
	if depth != 2 || len(d.keys) < 2 {
		return nil // TCA_STATS2 elsewhere than among the message's attributes
	}
	return d.keys[1].get(tc.TCA_KIND)
}

// attrRun reports whether p is a run of well-formed attributes (each
// nla_len at least the header and within p), without the error a
// decoder would make of one that is not. It counts the attributes it
// looks at in d.Work.
func (d *Dissector) attrRun(p []byte, k *Kind) bool {
	big := k.Order == nlwire.BigEndian || k.Order == nlwire.Native && nlwire.Host() == nlwire.BigEndian
	for len(p) > 0 {
		if len(p) < attr.HeaderLen {
			return false
		}
		n := int(p[0]) | int(p[1])<<8
		if big {
			n = int(p[0])<<8 | int(p[1])
		}
		if n < attr.HeaderLen || n > len(p) {
			return false
		}
		d.Work++
		p = p[min(attr.Align(n), len(p)):]
	}
	return true
}

// pathAttr returns the attribute of type t in set s, whose run is run,
// and its set, as the walk reads it (see specFill): for the path of an
// extended ACK's offset.
func (d *Dissector) pathAttr(k *Kind, s *family.Set, run attr.Decoder, t uint16) (*family.Attr, *family.Set) {
	keys := siblingKeys{run: run, work: &d.Work}
	return d.specFill(k, &keys, s, s.Attr(t), t)
}
