package tables

import (
	"slices"
	"strconv"
	"strings"

	"github.com/nlwire/nlwire/ynl"
)

// A Correction is a fact a kernel spec states and the kernel
// contradicts: an attribute's number or type that differs from the
// kernel's uAPI header or from what the kernel puts on the wire. The
// generator and Build apply the same corrections (Correct), so the
// constants, tables and typed code follow the kernel; a spec that no
// longer states the wrong fact (a fixed upstream spec) is left as it is.
type Correction struct {
	Family string // the spec's family name ("nftables")
	Set    string // the attribute set's spec name, or a superset's; "" for a definition or an operation
	Attr   string // the attribute's spec name, the definition's, or the operation's ("*": every one)
	// Field is "value" (the attribute's type number, nla_type), "type"
	// (its spec type name), "sub-type", "nested-attributes" (the set it
	// nests) or "display-hint"; for a definition (an enum),
	// "value-start", the value of its first entry, which the others
	// follow; for an operation, "dont-validate", the words its list must
	// hold (space-separated).
	Field string
	// From is what the spec states, To what the kernel does.
	From, To string
	// Why names the kernel source that decides.
	Why string
	// Header and Kernel, for a value, name the uAPI header (under
	// include/uapi/linux) and the kernel's constant whose value To is:
	// tests check them with a C compiler.
	Header, Kernel string
}

// Corrections returns every correction, grouped by family.
func Corrections() []Correction {
	const (
		nft      = "include/uapi/linux/netfilter/nf_tables.h: "
		ct       = "include/uapi/linux/netfilter/nfnetlink_conntrack.h: "
		setelems = "net/netfilter/nf_tables_api.c nf_tables_newsetelem, nf_tables_delsetelem: nla_for_each_nested over NFTA_SET_ELEM_LIST_ELEMENTS, whatever each element's type (libnftnl numbers them from 1)"
		brport   = "net/bridge/br_netlink.c br_port_fill_attrs and br_port_policy: nla_put_u8 / NLA_U8"
		ovs      = "net/openvswitch/datapath.c: every operation has .validate = GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP"
		fra      = "include/uapi/linux/fib_rules.h and net/core/fib_rules.c: FRA_DST and FRA_SRC are addresses of the rule's family (4 or 16 bytes)"
	)
	cs := []Correction{
		{"nftables", "table-attrs", "userdata", "value", "5", "6", nft + "NFTA_TABLE_PAD (5) precedes NFTA_TABLE_USERDATA", "netfilter/nf_tables.h", "NFTA_TABLE_USERDATA"},
		{"nftables", "chain-attrs", "flags", "value", "9", "10", nft + "NFTA_CHAIN_PAD (9) precedes NFTA_CHAIN_FLAGS", "netfilter/nf_tables.h", "NFTA_CHAIN_FLAGS"},
		{"nftables", "chain-attrs", "id", "value", "10", "11", nft + "NFTA_CHAIN_PAD (9) precedes NFTA_CHAIN_ID", "netfilter/nf_tables.h", "NFTA_CHAIN_ID"},
		{"nftables", "chain-attrs", "userdata", "value", "11", "12", nft + "NFTA_CHAIN_PAD (9) precedes NFTA_CHAIN_USERDATA", "netfilter/nf_tables.h", "NFTA_CHAIN_USERDATA"},
		{"nftables", "rule-attrs", "id", "value", "8", "9", nft + "NFTA_RULE_PAD (8) precedes NFTA_RULE_ID", "netfilter/nf_tables.h", "NFTA_RULE_ID"},
		{"nftables", "rule-attrs", "position-id", "value", "9", "10", nft + "NFTA_RULE_PAD (8) precedes NFTA_RULE_POSITION_ID", "netfilter/nf_tables.h", "NFTA_RULE_POSITION_ID"},
		{"nftables", "rule-attrs", "chain-id", "value", "10", "11", nft + "NFTA_RULE_PAD (8) precedes NFTA_RULE_CHAIN_ID", "netfilter/nf_tables.h", "NFTA_RULE_CHAIN_ID"},
		{"nftables", "setelem-attrs", "objref", "value", "8", "9", nft + "NFTA_SET_ELEM_PAD (8) precedes NFTA_SET_ELEM_OBJREF", "netfilter/nf_tables.h", "NFTA_SET_ELEM_OBJREF"},
		{"nftables", "setelem-attrs", "key-end", "value", "9", "10", nft + "NFTA_SET_ELEM_PAD (8) precedes NFTA_SET_ELEM_KEY_END", "netfilter/nf_tables.h", "NFTA_SET_ELEM_KEY_END"},
		{"nftables", "setelem-attrs", "expressions", "value", "10", "11", nft + "NFTA_SET_ELEM_PAD (8) precedes NFTA_SET_ELEM_EXPRESSIONS", "netfilter/nf_tables.h", "NFTA_SET_ELEM_EXPRESSIONS"},
		{"nftables", "expr-lookup-attrs", "sreg", "value", "3", "2", nft + "NFTA_LOOKUP_SREG is 2", "netfilter/nf_tables.h", "NFTA_LOOKUP_SREG"},
		{"nftables", "expr-lookup-attrs", "dreg", "value", "4", "3", nft + "NFTA_LOOKUP_DREG is 3", "netfilter/nf_tables.h", "NFTA_LOOKUP_DREG"},
		{"nftables", "expr-lookup-attrs", "set id", "value", "2", "4", nft + "NFTA_LOOKUP_SET_ID is 4", "netfilter/nf_tables.h", "NFTA_LOOKUP_SET_ID"},
		{"conntrack", "nat-attrs", "nat-proto", "value", "5", "3", ct + "CTA_NAT_PROTO is 3", "netfilter/nfnetlink_conntrack.h", "CTA_NAT_PROTO"},
		{"conntrack", "nat-attrs", "nat-v6-minip", "value", "3", "4", ct + "CTA_NAT_V6_MINIP is 4", "netfilter/nfnetlink_conntrack.h", "CTA_NAT_V6_MINIP"},
		{"conntrack", "nat-attrs", "nat-v6-maxip", "value", "4", "5", ct + "CTA_NAT_V6_MAXIP is 5", "netfilter/nfnetlink_conntrack.h", "CTA_NAT_V6_MAXIP"},
		{"nlctrl", "policy-attrs", "mask", "value", "11", "12", "include/uapi/linux/netlink.h: NL_POLICY_TYPE_ATTR_PAD is 11, NL_POLICY_TYPE_ATTR_MASK 12", "netlink.h", "NL_POLICY_TYPE_ATTR_MASK"},
		{"nlctrl", "policy-attrs", "pad", "value", "12", "11", "include/uapi/linux/netlink.h: NL_POLICY_TYPE_ATTR_PAD is 11, NL_POLICY_TYPE_ATTR_MASK 12", "netlink.h", "NL_POLICY_TYPE_ATTR_PAD"},
		{"ovs_flow", "action-attrs", "psample", "value", "24", "25", "include/uapi/linux/openvswitch.h: OVS_ACTION_ATTR_DROP (24) precedes OVS_ACTION_ATTR_PSAMPLE (25)", "openvswitch.h", "OVS_ACTION_ATTR_PSAMPLE"},
		{"nftables", "", "fib-result", "value-start", "0", "1", nft + "NFT_FIB_RESULT_UNSPEC (0) precedes NFT_FIB_RESULT_OIF (1): Linux 6.18 answers \"fib daddr type\" with 3, NFT_FIB_RESULT_ADDRTYPE", "netfilter/nf_tables.h", "NFT_FIB_RESULT_OIF"},
		// libnftnl numbers a batch's set elements 1, 2, 3... and the kernel
		// takes every attribute of the list as one (nla_for_each_nested):
		// an array of setelem-attrs nests, not repeated "elem" attributes.
		{"nftables", "setelem-list-attrs", "elements", "type", "nest", "indexed-array", setelems, "", ""},
		{"nftables", "setelem-list-attrs", "elements", "sub-type", "", "nest", setelems, "", ""},
		{"nftables", "setelem-list-attrs", "elements", "nested-attributes", "setelem-list-elem-attrs", "setelem-attrs", setelems, "", ""},
		// The openvswitch families' operations are not strictly
		// validated, which their specs do not say.
		{"ovs_datapath", "", "*", "dont-validate", "", "strict dump", ovs, "", ""},
		{"ovs_flow", "", "*", "dont-validate", "", "strict dump", ovs, "", ""},
		{"ovs_packet", "", "*", "dont-validate", "", "strict dump", ovs, "", ""},
		{"ovs_vport", "", "*", "dont-validate", "", "strict dump", ovs, "", ""},
		{"rt-rule", "fib-rule-attrs", "dst", "type", "u32", "binary", fra, "", ""},
		{"rt-rule", "fib-rule-attrs", "dst", "display-hint", "", "ipv4-or-v6", fra, "", ""},
		{"rt-rule", "fib-rule-attrs", "src", "type", "u32", "binary", fra, "", ""},
		{"rt-rule", "fib-rule-attrs", "src", "display-hint", "", "ipv4-or-v6", fra, "", ""},
	}
	for _, a := range []string{"mode", "guard", "protect", "fast-leave", "learning", "unicast-flood",
		"proxyarp", "learning-sync", "proxyarp-wifi", "mcast-flood", "mcast-to-ucast", "vlan-tunnel",
		"bcast-flood", "neigh-suppress", "isolated", "mrp-ring-open", "mrp-in-open", "locked", "mab",
		"neigh-vlan-suppress"} {
		cs = append(cs, Correction{Family: "rt-link", Set: "linkinfo-brport-attrs", Attr: a, Field: "type", From: "flag", To: "u8", Why: brport})
	}
	return cs
}

// Correct applies to s the corrections of its family whose From is
// still what s states, in place, and returns them.
func Correct(s *ynl.Spec) []Correction {
	var done []Correction
	for _, c := range Corrections() {
		if c.Family != s.Name {
			continue
		}
		applied := false
		if c.Set == "" && c.Field == "dont-validate" {
			for _, o := range s.Operations.List {
				if (c.Attr != "*" && o.Name != c.Attr) || !o.IsCall() {
					continue
				}
				for _, w := range strings.Fields(c.To) {
					if !slices.Contains(o.DontValidate, w) {
						o.DontValidate = append(o.DontValidate, w)
						applied = true
					}
				}
			}
			if applied {
				done = append(done, c)
			}
			continue
		}
		if c.Set == "" && c.Field == "value-start" {
			d := s.Definition(c.Attr)
			from, err1 := strconv.ParseInt(c.From, 10, 64)
			to, err2 := strconv.ParseInt(c.To, 10, 64)
			if d != nil && d.Kind == ynl.DefEnum && len(d.Entries) > 0 && err1 == nil && err2 == nil && d.Entries[0].Value == from {
				for _, e := range d.Entries {
					e.Value += to - from
				}
				d.ValueStart += to - from
				done = append(done, c)
			}
			continue
		}
		for _, as := range s.AttributeSets {
			if as.Name != c.Set && as.SubsetOf != c.Set {
				continue
			}
			a := as.Attr(c.Attr)
			if a == nil {
				continue
			}
			switch c.Field {
			case "value":
				from, err1 := strconv.ParseInt(c.From, 10, 64)
				to, err2 := strconv.ParseInt(c.To, 10, 64)
				if err1 == nil && err2 == nil && a.Value == from {
					a.Value = to
					applied = true
				}
			case "display-hint":
				if string(a.DisplayHint) == c.From {
					a.DisplayHint = ynl.DisplayHint(c.To)
					applied = true
				}
			case "sub-type":
				from, ok1 := ynl.ParseType(c.From)
				to, ok2 := ynl.ParseType(c.To)
				if (ok1 || c.From == "") && ok2 && (a.SubType == from || c.From == "" && a.SubType == ynl.TypeNone) {
					a.SubType = to
					applied = true
				}
			case "nested-attributes":
				if n := s.AttrSet(c.To); n != nil && a.NestedAttributes == c.From {
					a.NestedAttributes, a.Nested = c.To, n
					applied = true
				}
			case "type":
				from, ok1 := ynl.ParseType(c.From)
				to, ok2 := ynl.ParseType(c.To)
				if ok1 && ok2 && a.Type == from {
					a.Type = to
					applied = true
				}
			}
		}
		if applied {
			done = append(done, c)
		}
	}
	return done
}
