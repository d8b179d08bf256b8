//go:build linux

package bench

import v "github.com/nlwire/nlwire/validate"

// validateOpts places the attributes after the nlmsghdr and the
// ifinfomsg, so that error offsets are those of the message.
var validateOpts = v.Options{Base: 32}

// A policy modelled on the kernel's ifla_policy (net/core/rtnetlink.c),
// ifla_info_policy, vlan_policy (net/8021q/vlan_netlink.c) and the
// IFLA_AF_SPEC/AF_INET6 policy (net/ipv6/addrconf.c): the one validate's
// own BenchmarkValidate uses.
var (
	vlanPolicy = v.Policy{Rules: []v.Rule{
		1: {Kind: v.U16},            // IFLA_VLAN_ID
		2: {Kind: v.Unspec, Len: 8}, // IFLA_VLAN_FLAGS: { .len = sizeof(struct ifla_vlan_flags) }
		3: {Kind: v.Nested},         // IFLA_VLAN_EGRESS_QOS
		4: {Kind: v.Nested},         // IFLA_VLAN_INGRESS_QOS
		5: {Kind: v.BE16},           // IFLA_VLAN_PROTOCOL
	}}
	linkInfoPolicy = v.Policy{Rules: []v.Rule{
		1: {Kind: v.String},            // IFLA_INFO_KIND
		2: v.NestedPolicy(&vlanPolicy), // IFLA_INFO_DATA (vlan's)
		3: {Kind: v.Unspec},            // IFLA_INFO_XSTATS
		4: {Kind: v.String},            // IFLA_INFO_SLAVE_KIND
		5: {Kind: v.Nested},            // IFLA_INFO_SLAVE_DATA
	}}
	inet6Policy = v.Policy{Rules: []v.Rule{
		1: {Kind: v.U32},             // IFLA_INET6_FLAGS
		7: {Kind: v.Binary, Len: 16}, // IFLA_INET6_TOKEN
		8: {Kind: v.U8},              // IFLA_INET6_ADDR_GEN_MODE
		9: {Kind: v.Binary, Len: 16}, // IFLA_INET6_RA_MTU stand-in
	}}
	afSpecPolicy = v.Policy{Rules: []v.Rule{
		2:  {Kind: v.Nested},             // AF_INET
		10: v.NestedPolicy(&inet6Policy), // AF_INET6
	}}
	linkPolicy = v.Policy{StrictStartType: 40, Rules: []v.Rule{
		1:  {Kind: v.Binary, Len: 32},       // IFLA_ADDRESS (MAX_ADDR_LEN)
		2:  {Kind: v.Binary, Len: 32},       // IFLA_BROADCAST
		3:  {Kind: v.String, Len: 15},       // IFLA_IFNAME (IFNAMSIZ-1)
		4:  {Kind: v.U32},                   // IFLA_MTU
		5:  {Kind: v.U32},                   // IFLA_LINK
		6:  {Kind: v.String, Len: 15},       // IFLA_QDISC
		7:  {Kind: v.Unspec, Len: 96},       // IFLA_STATS
		10: {Kind: v.U32},                   // IFLA_MASTER
		13: {Kind: v.U32},                   // IFLA_TXQLEN
		14: {Kind: v.Unspec, Len: 32},       // IFLA_MAP
		15: {Kind: v.U32},                   // IFLA_WEIGHT
		16: {Kind: v.U8},                    // IFLA_OPERSTATE
		17: {Kind: v.U8},                    // IFLA_LINKMODE
		18: v.NestedPolicy(&linkInfoPolicy), // IFLA_LINKINFO
		19: {Kind: v.U32},                   // IFLA_NET_NS_PID
		20: {Kind: v.String, Len: 255},      // IFLA_IFALIAS
		22: {Kind: v.Nested},                // IFLA_VFINFO_LIST
		23: {Kind: v.Unspec, Len: 192},      // IFLA_STATS64
		24: {Kind: v.Nested},                // IFLA_VF_PORTS
		25: {Kind: v.Nested},                // IFLA_PORT_SELF
		26: v.NestedPolicy(&afSpecPolicy),   // IFLA_AF_SPEC
		27: {Kind: v.U32},                   // IFLA_GROUP
		28: {Kind: v.U32},                   // IFLA_NET_NS_FD
		29: {Kind: v.U32},                   // IFLA_EXT_MASK
		30: {Kind: v.U32},                   // IFLA_PROMISCUITY
		31: {Kind: v.U32},                   // IFLA_NUM_TX_QUEUES
		32: {Kind: v.U32},                   // IFLA_NUM_RX_QUEUES
		33: {Kind: v.U8},                    // IFLA_CARRIER
		34: {Kind: v.Binary, Len: 32},       // IFLA_PHYS_PORT_ID
		35: {Kind: v.U32},                   // IFLA_CARRIER_CHANGES
		36: {Kind: v.Binary, Len: 32},       // IFLA_PHYS_SWITCH_ID
		37: {Kind: v.S32},                   // IFLA_LINK_NETNSID
		38: {Kind: v.String, Len: 15},       // IFLA_PHYS_PORT_NAME
		39: v.Range(v.U8, 0, 1),             // IFLA_PROTO_DOWN
		40: {Kind: v.U32},                   // IFLA_GSO_MAX_SEGS
		41: {Kind: v.U32},                   // IFLA_GSO_MAX_SIZE
		48: {Kind: v.U32},                   // IFLA_CARRIER_DOWN_COUNT
		50: {Kind: v.U32},                   // IFLA_MIN_MTU
		51: {Kind: v.U32},                   // IFLA_MAX_MTU
		52: {Kind: v.Nested},                // IFLA_PROP_LIST
		53: {Kind: v.String, Len: 127},      // IFLA_ALT_IFNAME
		54: {Kind: v.Reject},                // IFLA_PERM_ADDRESS
		55: {Kind: v.U32},                   // IFLA_PROTO_DOWN_REASON stand-in
	}}
)
