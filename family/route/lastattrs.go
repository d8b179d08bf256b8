// Attribute tables of the address label, bridge VLAN, VXLAN VNI filter,
// prefix, ND user option and multicast cache report messages, written by
// hand from the kernel's UAPI headers and the policies and fill functions
// of net/bridge/br_vlan*.c, drivers/net/vxlan/vxlan_vnifilter.c,
// net/ipv6/addrconf.c and net/ipv4/ipmr.c (Linux 6.12 sources; the
// address label, bridge VLAN and VNI filter requests were checked against
// a 6.18 kernel).

package route

import "github.com/nlwire/nlwire/family"

// Address label attributes (IFAL_*, include/uapi/linux/if_addrlabel.h): the
// attributes of RTM_NEWADDRLABEL, RTM_DELADDRLABEL and RTM_GETADDRLABEL
// after an IfAddrLblMsg.
const (
	IFAL_UNSPEC  = 0 // unused
	IFAL_ADDRESS = 1 // IP address: struct in6_addr
	IFAL_LABEL   = 2 // u32: the label
)

var addrLabelAttrsTable = [...]family.Attr{
	IFAL_UNSPEC:  {Name: "IFAL_UNSPEC", Format: family.Binary},
	IFAL_ADDRESS: {Name: "IFAL_ADDRESS", Format: family.IPAddr},
	IFAL_LABEL:   {Name: "IFAL_LABEL", Format: family.U32},
}

// Bridge VLAN attributes (BRIDGE_VLANDB_*, include/uapi/linux/if_bridge.h): the
// attributes of RTM_NEWVLAN and RTM_DELVLAN after a BrVlanMsg.
const (
	BRIDGE_VLANDB_UNSPEC         = 0 // unused
	BRIDGE_VLANDB_ENTRY          = 1 // nested: BRIDGE_VLANDB_ENTRY_*
	BRIDGE_VLANDB_GLOBAL_OPTIONS = 2 // nested: BRIDGE_VLANDB_GOPTS_*
)

var bridgeVlanAttrsTable = [...]family.Attr{
	BRIDGE_VLANDB_UNSPEC:         {Name: "BRIDGE_VLANDB_UNSPEC", Format: family.Binary},
	BRIDGE_VLANDB_ENTRY:          {Name: "BRIDGE_VLANDB_ENTRY", Format: family.Nested, Child: &BridgeVlanEntryAttrs},
	BRIDGE_VLANDB_GLOBAL_OPTIONS: {Name: "BRIDGE_VLANDB_GLOBAL_OPTIONS", Format: family.Nested, Child: &BridgeVlanGOptsAttrs},
}

// Bridge VLAN dump request attributes (BRIDGE_VLANDB_DUMP_*,
// include/uapi/linux/if_bridge.h): the attributes of RTM_GETVLAN after a
// BrVlanMsg.
const (
	BRIDGE_VLANDB_DUMP_UNSPEC = 0 // unused
	BRIDGE_VLANDB_DUMP_FLAGS  = 1 // u32: BRIDGE_VLANDB_DUMPF_*
)

var bridgeVlanDumpAttrsTable = [...]family.Attr{
	BRIDGE_VLANDB_DUMP_UNSPEC: {Name: "BRIDGE_VLANDB_DUMP_UNSPEC", Format: family.Binary},
	BRIDGE_VLANDB_DUMP_FLAGS:  {Name: "BRIDGE_VLANDB_DUMP_FLAGS", Format: family.U32},
}

// Attributes inside BRIDGE_VLANDB_ENTRY (include/uapi/linux/if_bridge.h).
const (
	BRIDGE_VLANDB_ENTRY_UNSPEC           = 0 // unused
	BRIDGE_VLANDB_ENTRY_INFO             = 1 // struct bridge_vlan_info
	BRIDGE_VLANDB_ENTRY_RANGE            = 2 // u16: last VLAN of the range
	BRIDGE_VLANDB_ENTRY_STATE            = 3 // u8: BR_STATE_*
	BRIDGE_VLANDB_ENTRY_TUNNEL_INFO      = 4 // nested: BRIDGE_VLANDB_TINFO_*
	BRIDGE_VLANDB_ENTRY_STATS            = 5 // nested: BRIDGE_VLANDB_STATS_*
	BRIDGE_VLANDB_ENTRY_MCAST_ROUTER     = 6 // u8
	BRIDGE_VLANDB_ENTRY_MCAST_N_GROUPS   = 7 // u32
	BRIDGE_VLANDB_ENTRY_MCAST_MAX_GROUPS = 8 // u32
	BRIDGE_VLANDB_ENTRY_NEIGH_SUPPRESS   = 9 // u8
)

var bridgeVlanEntryAttrsTable = [...]family.Attr{
	BRIDGE_VLANDB_ENTRY_UNSPEC:           {Name: "BRIDGE_VLANDB_ENTRY_UNSPEC", Format: family.Binary},
	BRIDGE_VLANDB_ENTRY_INFO:             {Name: "BRIDGE_VLANDB_ENTRY_INFO", Format: family.Binary},
	BRIDGE_VLANDB_ENTRY_RANGE:            {Name: "BRIDGE_VLANDB_ENTRY_RANGE", Format: family.U16},
	BRIDGE_VLANDB_ENTRY_STATE:            {Name: "BRIDGE_VLANDB_ENTRY_STATE", Format: family.U8},
	BRIDGE_VLANDB_ENTRY_TUNNEL_INFO:      {Name: "BRIDGE_VLANDB_ENTRY_TUNNEL_INFO", Format: family.Nested, Child: &BridgeVlanTunnelInfoAttrs},
	BRIDGE_VLANDB_ENTRY_STATS:            {Name: "BRIDGE_VLANDB_ENTRY_STATS", Format: family.Nested, Child: &BridgeVlanStatsAttrs},
	BRIDGE_VLANDB_ENTRY_MCAST_ROUTER:     {Name: "BRIDGE_VLANDB_ENTRY_MCAST_ROUTER", Format: family.U8},
	BRIDGE_VLANDB_ENTRY_MCAST_N_GROUPS:   {Name: "BRIDGE_VLANDB_ENTRY_MCAST_N_GROUPS", Format: family.U32},
	BRIDGE_VLANDB_ENTRY_MCAST_MAX_GROUPS: {Name: "BRIDGE_VLANDB_ENTRY_MCAST_MAX_GROUPS", Format: family.U32},
	BRIDGE_VLANDB_ENTRY_NEIGH_SUPPRESS:   {Name: "BRIDGE_VLANDB_ENTRY_NEIGH_SUPPRESS", Format: family.U8},
}

// Attributes inside BRIDGE_VLANDB_ENTRY_TUNNEL_INFO
// (include/uapi/linux/if_bridge.h).
const (
	BRIDGE_VLANDB_TINFO_UNSPEC = 0 // unused
	BRIDGE_VLANDB_TINFO_ID     = 1 // u32: tunnel ID
	BRIDGE_VLANDB_TINFO_CMD    = 2 // u32: RTM_SETLINK or RTM_DELLINK
)

var bridgeVlanTunnelInfoAttrsTable = [...]family.Attr{
	BRIDGE_VLANDB_TINFO_UNSPEC: {Name: "BRIDGE_VLANDB_TINFO_UNSPEC", Format: family.Binary},
	BRIDGE_VLANDB_TINFO_ID:     {Name: "BRIDGE_VLANDB_TINFO_ID", Format: family.U32},
	BRIDGE_VLANDB_TINFO_CMD:    {Name: "BRIDGE_VLANDB_TINFO_CMD", Format: family.U32},
}

// Attributes inside BRIDGE_VLANDB_ENTRY_STATS (include/uapi/linux/if_bridge.h).
const (
	BRIDGE_VLANDB_STATS_UNSPEC     = 0 // unused
	BRIDGE_VLANDB_STATS_RX_BYTES   = 1 // u64
	BRIDGE_VLANDB_STATS_RX_PACKETS = 2 // u64
	BRIDGE_VLANDB_STATS_TX_BYTES   = 3 // u64
	BRIDGE_VLANDB_STATS_TX_PACKETS = 4 // u64
	BRIDGE_VLANDB_STATS_PAD        = 5 // padding for 64-bit alignment
)

var bridgeVlanStatsAttrsTable = [...]family.Attr{
	BRIDGE_VLANDB_STATS_UNSPEC:     {Name: "BRIDGE_VLANDB_STATS_UNSPEC", Format: family.Binary},
	BRIDGE_VLANDB_STATS_RX_BYTES:   {Name: "BRIDGE_VLANDB_STATS_RX_BYTES", Format: family.U64},
	BRIDGE_VLANDB_STATS_RX_PACKETS: {Name: "BRIDGE_VLANDB_STATS_RX_PACKETS", Format: family.U64},
	BRIDGE_VLANDB_STATS_TX_BYTES:   {Name: "BRIDGE_VLANDB_STATS_TX_BYTES", Format: family.U64},
	BRIDGE_VLANDB_STATS_TX_PACKETS: {Name: "BRIDGE_VLANDB_STATS_TX_PACKETS", Format: family.U64},
	BRIDGE_VLANDB_STATS_PAD:        {Name: "BRIDGE_VLANDB_STATS_PAD", Format: family.Binary},
}

// Attributes inside BRIDGE_VLANDB_GLOBAL_OPTIONS
// (include/uapi/linux/if_bridge.h).
const (
	BRIDGE_VLANDB_GOPTS_UNSPEC                     = 0  // unused
	BRIDGE_VLANDB_GOPTS_ID                         = 1  // u16
	BRIDGE_VLANDB_GOPTS_RANGE                      = 2  // u16
	BRIDGE_VLANDB_GOPTS_MCAST_SNOOPING             = 3  // u8
	BRIDGE_VLANDB_GOPTS_MCAST_IGMP_VERSION         = 4  // u8
	BRIDGE_VLANDB_GOPTS_MCAST_MLD_VERSION          = 5  // u8
	BRIDGE_VLANDB_GOPTS_MCAST_LAST_MEMBER_CNT      = 6  // u32
	BRIDGE_VLANDB_GOPTS_MCAST_STARTUP_QUERY_CNT    = 7  // u32
	BRIDGE_VLANDB_GOPTS_MCAST_LAST_MEMBER_INTVL    = 8  // u64
	BRIDGE_VLANDB_GOPTS_PAD                        = 9  // padding for 64-bit alignment
	BRIDGE_VLANDB_GOPTS_MCAST_MEMBERSHIP_INTVL     = 10 // u64
	BRIDGE_VLANDB_GOPTS_MCAST_QUERIER_INTVL        = 11 // u64
	BRIDGE_VLANDB_GOPTS_MCAST_QUERY_INTVL          = 12 // u64
	BRIDGE_VLANDB_GOPTS_MCAST_QUERY_RESPONSE_INTVL = 13 // u64
	BRIDGE_VLANDB_GOPTS_MCAST_STARTUP_QUERY_INTVL  = 14 // u64
	BRIDGE_VLANDB_GOPTS_MCAST_QUERIER              = 15 // u8
	BRIDGE_VLANDB_GOPTS_MCAST_ROUTER_PORTS         = 16 // nested: MDBA_ROUTER_*
	BRIDGE_VLANDB_GOPTS_MCAST_QUERIER_STATE        = 17 // nested: BRIDGE_QUERIER_*
	BRIDGE_VLANDB_GOPTS_MSTI                       = 18 // u16
)

var bridgeVlanGOptsAttrsTable = [...]family.Attr{
	BRIDGE_VLANDB_GOPTS_UNSPEC:                     {Name: "BRIDGE_VLANDB_GOPTS_UNSPEC", Format: family.Binary},
	BRIDGE_VLANDB_GOPTS_ID:                         {Name: "BRIDGE_VLANDB_GOPTS_ID", Format: family.U16},
	BRIDGE_VLANDB_GOPTS_RANGE:                      {Name: "BRIDGE_VLANDB_GOPTS_RANGE", Format: family.U16},
	BRIDGE_VLANDB_GOPTS_MCAST_SNOOPING:             {Name: "BRIDGE_VLANDB_GOPTS_MCAST_SNOOPING", Format: family.U8},
	BRIDGE_VLANDB_GOPTS_MCAST_IGMP_VERSION:         {Name: "BRIDGE_VLANDB_GOPTS_MCAST_IGMP_VERSION", Format: family.U8},
	BRIDGE_VLANDB_GOPTS_MCAST_MLD_VERSION:          {Name: "BRIDGE_VLANDB_GOPTS_MCAST_MLD_VERSION", Format: family.U8},
	BRIDGE_VLANDB_GOPTS_MCAST_LAST_MEMBER_CNT:      {Name: "BRIDGE_VLANDB_GOPTS_MCAST_LAST_MEMBER_CNT", Format: family.U32},
	BRIDGE_VLANDB_GOPTS_MCAST_STARTUP_QUERY_CNT:    {Name: "BRIDGE_VLANDB_GOPTS_MCAST_STARTUP_QUERY_CNT", Format: family.U32},
	BRIDGE_VLANDB_GOPTS_MCAST_LAST_MEMBER_INTVL:    {Name: "BRIDGE_VLANDB_GOPTS_MCAST_LAST_MEMBER_INTVL", Format: family.U64},
	BRIDGE_VLANDB_GOPTS_PAD:                        {Name: "BRIDGE_VLANDB_GOPTS_PAD", Format: family.Binary},
	BRIDGE_VLANDB_GOPTS_MCAST_MEMBERSHIP_INTVL:     {Name: "BRIDGE_VLANDB_GOPTS_MCAST_MEMBERSHIP_INTVL", Format: family.U64},
	BRIDGE_VLANDB_GOPTS_MCAST_QUERIER_INTVL:        {Name: "BRIDGE_VLANDB_GOPTS_MCAST_QUERIER_INTVL", Format: family.U64},
	BRIDGE_VLANDB_GOPTS_MCAST_QUERY_INTVL:          {Name: "BRIDGE_VLANDB_GOPTS_MCAST_QUERY_INTVL", Format: family.U64},
	BRIDGE_VLANDB_GOPTS_MCAST_QUERY_RESPONSE_INTVL: {Name: "BRIDGE_VLANDB_GOPTS_MCAST_QUERY_RESPONSE_INTVL", Format: family.U64},
	BRIDGE_VLANDB_GOPTS_MCAST_STARTUP_QUERY_INTVL:  {Name: "BRIDGE_VLANDB_GOPTS_MCAST_STARTUP_QUERY_INTVL", Format: family.U64},
	BRIDGE_VLANDB_GOPTS_MCAST_QUERIER:              {Name: "BRIDGE_VLANDB_GOPTS_MCAST_QUERIER", Format: family.U8},
	BRIDGE_VLANDB_GOPTS_MCAST_ROUTER_PORTS:         {Name: "BRIDGE_VLANDB_GOPTS_MCAST_ROUTER_PORTS", Format: family.Nested, Child: &MDBRouterAttrs},
	BRIDGE_VLANDB_GOPTS_MCAST_QUERIER_STATE:        {Name: "BRIDGE_VLANDB_GOPTS_MCAST_QUERIER_STATE", Format: family.Nested},
	BRIDGE_VLANDB_GOPTS_MSTI:                       {Name: "BRIDGE_VLANDB_GOPTS_MSTI", Format: family.U16},
}

// VXLAN VNI filter attributes (VXLAN_VNIFILTER_*,
// include/uapi/linux/if_link.h): the attributes of RTM_NEWTUNNEL,
// RTM_DELTUNNEL and RTM_GETTUNNEL after a TunnelMsg.
const (
	VXLAN_VNIFILTER_UNSPEC = 0 // unused
	VXLAN_VNIFILTER_ENTRY  = 1 // nested: VXLAN_VNIFILTER_ENTRY_*
)

var vNIFilterAttrsTable = [...]family.Attr{
	VXLAN_VNIFILTER_UNSPEC: {Name: "VXLAN_VNIFILTER_UNSPEC", Format: family.Binary},
	VXLAN_VNIFILTER_ENTRY:  {Name: "VXLAN_VNIFILTER_ENTRY", Format: family.Nested, Child: &VNIFilterEntryAttrs},
}

// Attributes inside VXLAN_VNIFILTER_ENTRY (include/uapi/linux/if_link.h).
const (
	VXLAN_VNIFILTER_ENTRY_UNSPEC = 0 // unused
	VXLAN_VNIFILTER_ENTRY_START  = 1 // u32: first VNI
	VXLAN_VNIFILTER_ENTRY_END    = 2 // u32: last VNI
	VXLAN_VNIFILTER_ENTRY_GROUP  = 3 // IP address: IPv4 multicast group
	VXLAN_VNIFILTER_ENTRY_GROUP6 = 4 // IP address: IPv6 multicast group
	VXLAN_VNIFILTER_ENTRY_STATS  = 5 // nested: VNIFILTER_ENTRY_STATS_*
)

var vNIFilterEntryAttrsTable = [...]family.Attr{
	VXLAN_VNIFILTER_ENTRY_UNSPEC: {Name: "VXLAN_VNIFILTER_ENTRY_UNSPEC", Format: family.Binary},
	VXLAN_VNIFILTER_ENTRY_START:  {Name: "VXLAN_VNIFILTER_ENTRY_START", Format: family.U32},
	VXLAN_VNIFILTER_ENTRY_END:    {Name: "VXLAN_VNIFILTER_ENTRY_END", Format: family.U32},
	VXLAN_VNIFILTER_ENTRY_GROUP:  {Name: "VXLAN_VNIFILTER_ENTRY_GROUP", Format: family.IPAddr},
	VXLAN_VNIFILTER_ENTRY_GROUP6: {Name: "VXLAN_VNIFILTER_ENTRY_GROUP6", Format: family.IPAddr},
	VXLAN_VNIFILTER_ENTRY_STATS:  {Name: "VXLAN_VNIFILTER_ENTRY_STATS", Format: family.Nested, Child: &VNIFilterStatsAttrs},
}

// Attributes inside VXLAN_VNIFILTER_ENTRY_STATS (include/uapi/linux/if_link.h).
const (
	VNIFILTER_ENTRY_STATS_UNSPEC    = 0 // unused
	VNIFILTER_ENTRY_STATS_RX_BYTES  = 1 // u64
	VNIFILTER_ENTRY_STATS_RX_PKTS   = 2 // u64
	VNIFILTER_ENTRY_STATS_RX_DROPS  = 3 // u64
	VNIFILTER_ENTRY_STATS_RX_ERRORS = 4 // u64
	VNIFILTER_ENTRY_STATS_TX_BYTES  = 5 // u64
	VNIFILTER_ENTRY_STATS_TX_PKTS   = 6 // u64
	VNIFILTER_ENTRY_STATS_TX_DROPS  = 7 // u64
	VNIFILTER_ENTRY_STATS_TX_ERRORS = 8 // u64
	VNIFILTER_ENTRY_STATS_PAD       = 9 // padding for 64-bit alignment
)

var vNIFilterStatsAttrsTable = [...]family.Attr{
	VNIFILTER_ENTRY_STATS_UNSPEC:    {Name: "VNIFILTER_ENTRY_STATS_UNSPEC", Format: family.Binary},
	VNIFILTER_ENTRY_STATS_RX_BYTES:  {Name: "VNIFILTER_ENTRY_STATS_RX_BYTES", Format: family.U64},
	VNIFILTER_ENTRY_STATS_RX_PKTS:   {Name: "VNIFILTER_ENTRY_STATS_RX_PKTS", Format: family.U64},
	VNIFILTER_ENTRY_STATS_RX_DROPS:  {Name: "VNIFILTER_ENTRY_STATS_RX_DROPS", Format: family.U64},
	VNIFILTER_ENTRY_STATS_RX_ERRORS: {Name: "VNIFILTER_ENTRY_STATS_RX_ERRORS", Format: family.U64},
	VNIFILTER_ENTRY_STATS_TX_BYTES:  {Name: "VNIFILTER_ENTRY_STATS_TX_BYTES", Format: family.U64},
	VNIFILTER_ENTRY_STATS_TX_PKTS:   {Name: "VNIFILTER_ENTRY_STATS_TX_PKTS", Format: family.U64},
	VNIFILTER_ENTRY_STATS_TX_DROPS:  {Name: "VNIFILTER_ENTRY_STATS_TX_DROPS", Format: family.U64},
	VNIFILTER_ENTRY_STATS_TX_ERRORS: {Name: "VNIFILTER_ENTRY_STATS_TX_ERRORS", Format: family.U64},
	VNIFILTER_ENTRY_STATS_PAD:       {Name: "VNIFILTER_ENTRY_STATS_PAD", Format: family.Binary},
}

// IPv6 prefix attributes (PREFIX_*, include/uapi/linux/rtnetlink.h): the
// attributes of RTM_NEWPREFIX after a PrefixMsg.
const (
	PREFIX_UNSPEC    = 0 // unused
	PREFIX_ADDRESS   = 1 // IP address: the prefix
	PREFIX_CACHEINFO = 2 // struct prefix_cacheinfo
)

var prefixAttrsTable = [...]family.Attr{
	PREFIX_UNSPEC:    {Name: "PREFIX_UNSPEC", Format: family.Binary},
	PREFIX_ADDRESS:   {Name: "PREFIX_ADDRESS", Format: family.IPAddr},
	PREFIX_CACHEINFO: {Name: "PREFIX_CACHEINFO", Format: family.Binary},
}

// ND user option attributes (NDUSEROPT_*, include/uapi/linux/rtnetlink.h): the
// attributes of RTM_NEWNDUSEROPT after its struct nduseroptmsg and the
// ND options it counts.
const (
	NDUSEROPT_UNSPEC  = 0 // unused
	NDUSEROPT_SRCADDR = 1 // IP address: the router's source address
)

var ndUserOptAttrsTable = [...]family.Attr{
	NDUSEROPT_UNSPEC:  {Name: "NDUSEROPT_UNSPEC", Format: family.Binary},
	NDUSEROPT_SRCADDR: {Name: "NDUSEROPT_SRCADDR", Format: family.IPAddr},
}

// Multicast routing cache report attributes (IPMRA_CREPORT_*,
// include/uapi/linux/mroute.h; IP6MRA_CREPORT_* of mroute6.h share the
// numbers, with MIF_ID for VIF_ID and no TABLE): the attributes of
// RTM_NEWCACHEREPORT after a RtGenMsg of family RTNL_FAMILY_IPMR or
// RTNL_FAMILY_IP6MR.
const (
	IPMRA_CREPORT_UNSPEC   = 0 // unused
	IPMRA_CREPORT_MSGTYPE  = 1 // u8: IGMPMSG_* or MRT6MSG_*
	IPMRA_CREPORT_VIF_ID   = 2 // u32: the (m)vif index
	IPMRA_CREPORT_SRC_ADDR = 3 // IP address
	IPMRA_CREPORT_DST_ADDR = 4 // IP address
	IPMRA_CREPORT_PKT      = 5 // bytes: the packet
	IPMRA_CREPORT_TABLE    = 6 // u32: multicast routing table ID (IPv4 only)
)

var cacheReportAttrsTable = [...]family.Attr{
	IPMRA_CREPORT_UNSPEC:   {Name: "IPMRA_CREPORT_UNSPEC", Format: family.Binary},
	IPMRA_CREPORT_MSGTYPE:  {Name: "IPMRA_CREPORT_MSGTYPE", Format: family.U8},
	IPMRA_CREPORT_VIF_ID:   {Name: "IPMRA_CREPORT_VIF_ID", Format: family.U32},
	IPMRA_CREPORT_SRC_ADDR: {Name: "IPMRA_CREPORT_SRC_ADDR", Format: family.IPAddr},
	IPMRA_CREPORT_DST_ADDR: {Name: "IPMRA_CREPORT_DST_ADDR", Format: family.IPAddr},
	IPMRA_CREPORT_PKT:      {Name: "IPMRA_CREPORT_PKT", Format: family.Binary},
	IPMRA_CREPORT_TABLE:    {Name: "IPMRA_CREPORT_TABLE", Format: family.U32},
}

// Attribute spaces of the address label, bridge VLAN, VXLAN VNI filter,
// prefix, ND user option and multicast cache report messages.
var (
	// AddrLabelAttrs is the IFAL_* space of address label messages
	// (RTM_*ADDRLABEL).
	AddrLabelAttrs = family.Set{Space: "IFAL", Attrs: addrLabelAttrsTable[:]}
	// BridgeVlanAttrs is the BRIDGE_VLANDB_* space of RTM_NEWVLAN and
	// RTM_DELVLAN.
	BridgeVlanAttrs = family.Set{Space: "BRIDGE_VLANDB", Attrs: bridgeVlanAttrsTable[:]}
	// BridgeVlanDumpAttrs is the BRIDGE_VLANDB_DUMP_* space of RTM_GETVLAN
	// (dump requests; the kernel answers with RTM_NEWVLAN).
	BridgeVlanDumpAttrs = family.Set{Space: "BRIDGE_VLANDB_DUMP", Attrs: bridgeVlanDumpAttrsTable[:]}
	// BridgeVlanEntryAttrs is the space inside BRIDGE_VLANDB_ENTRY.
	BridgeVlanEntryAttrs = family.Set{Space: "BRIDGE_VLANDB_ENTRY", Attrs: bridgeVlanEntryAttrsTable[:]}
	// BridgeVlanTunnelInfoAttrs is the space inside
	// BRIDGE_VLANDB_ENTRY_TUNNEL_INFO.
	BridgeVlanTunnelInfoAttrs = family.Set{Space: "BRIDGE_VLANDB_TINFO", Attrs: bridgeVlanTunnelInfoAttrsTable[:]}
	// BridgeVlanStatsAttrs is the space inside BRIDGE_VLANDB_ENTRY_STATS.
	BridgeVlanStatsAttrs = family.Set{Space: "BRIDGE_VLANDB_STATS", Attrs: bridgeVlanStatsAttrsTable[:]}
	// BridgeVlanGOptsAttrs is the space inside BRIDGE_VLANDB_GLOBAL_OPTIONS.
	BridgeVlanGOptsAttrs = family.Set{Space: "BRIDGE_VLANDB_GOPTS", Attrs: bridgeVlanGOptsAttrsTable[:]}
	// VNIFilterAttrs is the VXLAN_VNIFILTER_* space of VNI filter messages
	// (RTM_*TUNNEL).
	VNIFilterAttrs = family.Set{Space: "VXLAN_VNIFILTER", Attrs: vNIFilterAttrsTable[:]}
	// VNIFilterEntryAttrs is the space inside VXLAN_VNIFILTER_ENTRY.
	VNIFilterEntryAttrs = family.Set{Space: "VXLAN_VNIFILTER_ENTRY", Attrs: vNIFilterEntryAttrsTable[:]}
	// VNIFilterStatsAttrs is the space inside VXLAN_VNIFILTER_ENTRY_STATS.
	VNIFilterStatsAttrs = family.Set{Space: "VNIFILTER_ENTRY_STATS", Attrs: vNIFilterStatsAttrsTable[:]}
	// PrefixAttrs is the PREFIX_* space of RTM_NEWPREFIX.
	PrefixAttrs = family.Set{Space: "PREFIX", Attrs: prefixAttrsTable[:]}
	// NdUserOptAttrs is the NDUSEROPT_* space of RTM_NEWNDUSEROPT, after the
	// struct nduseroptmsg and its nduseropt_opts_len bytes of ND options.
	NdUserOptAttrs = family.Set{Space: "NDUSEROPT", Attrs: ndUserOptAttrsTable[:]}
	// CacheReportAttrs is the IPMRA_CREPORT_* space of RTM_NEWCACHEREPORT
	// (IPv4 and IPv6 multicast routing cache reports).
	CacheReportAttrs = family.Set{Space: "IPMRA_CREPORT", Attrs: cacheReportAttrsTable[:]}
)
