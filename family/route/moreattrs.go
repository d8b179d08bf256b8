// Attribute tables of the rule, next hop, namespace ID, netconf,
// statistics, neighbour table, bridge MDB and action messages, written
// by hand from the kernel's UAPI headers (include/uapi/linux/*.h,
// Linux 6.12, and the members later kernels appended). Keep them in
// step with golang.org/x/sys/unix: consts_linux_test.go compares every
// value both define.

package route

import "github.com/nlwire/nlwire/family"

// BrMDBEntryLen is sizeof(struct br_mdb_entry), the header of
// MDBA_MDB_ENTRY_INFO's payload (include/uapi/linux/if_bridge.h).
const BrMDBEntryLen = 28

// Policy routing rule attributes (FRA_*, include/uapi/linux/fib_rules.h;
// FRA_FLOWLABEL to FRA_DSCP_MASK appended after Linux 6.12, numbers and
// formats checked against the dump of a Linux 6.18 kernel): the attributes
// of RTM_NEWRULE, RTM_DELRULE and RTM_GETRULE after a FibRuleHdr.
const (
	FRA_UNSPEC             = 0  // unused
	FRA_DST                = 1  // IP address
	FRA_SRC                = 2  // IP address
	FRA_IIFNAME            = 3  // string: input interface name
	FRA_GOTO               = 4  // u32: target rule of FR_ACT_GOTO
	FRA_UNUSED2            = 5  // unused
	FRA_PRIORITY           = 6  // u32: preference
	FRA_UNUSED3            = 7  // unused
	FRA_UNUSED4            = 8  // unused
	FRA_UNUSED5            = 9  // unused
	FRA_FWMARK             = 10 // u32
	FRA_FLOW               = 11 // u32: realms
	FRA_TUN_ID             = 12 // big-endian u64 tunnel ID
	FRA_SUPPRESS_IFGROUP   = 13 // u32
	FRA_SUPPRESS_PREFIXLEN = 14 // u32
	FRA_TABLE              = 15 // u32
	FRA_FWMASK             = 16 // u32
	FRA_OIFNAME            = 17 // string: output interface name
	FRA_PAD                = 18 // padding for 64-bit alignment
	FRA_L3MDEV             = 19 // u8
	FRA_UID_RANGE          = 20 // struct fib_rule_uid_range
	FRA_PROTOCOL           = 21 // u8: RTPROT_* of who added the rule
	FRA_IP_PROTO           = 22 // u8
	FRA_SPORT_RANGE        = 23 // struct fib_rule_port_range
	FRA_DPORT_RANGE        = 24 // struct fib_rule_port_range
	FRA_DSCP               = 25 // u8
	FRA_FLOWLABEL          = 26 // big-endian u32: IPv6 flow label
	FRA_FLOWLABEL_MASK     = 27 // big-endian u32
	FRA_SPORT_MASK         = 28 // u16
	FRA_DPORT_MASK         = 29 // u16
	FRA_DSCP_MASK          = 30 // u8
)

var ruleAttrsTable = [...]family.Attr{
	FRA_UNSPEC:             {Name: "FRA_UNSPEC", Format: family.Binary},
	FRA_DST:                {Name: "FRA_DST", Format: family.IPAddr},
	FRA_SRC:                {Name: "FRA_SRC", Format: family.IPAddr},
	FRA_IIFNAME:            {Name: "FRA_IIFNAME", Format: family.String},
	FRA_GOTO:               {Name: "FRA_GOTO", Format: family.U32},
	FRA_UNUSED2:            {Name: "FRA_UNUSED2", Format: family.Binary},
	FRA_PRIORITY:           {Name: "FRA_PRIORITY", Format: family.U32},
	FRA_UNUSED3:            {Name: "FRA_UNUSED3", Format: family.Binary},
	FRA_UNUSED4:            {Name: "FRA_UNUSED4", Format: family.Binary},
	FRA_UNUSED5:            {Name: "FRA_UNUSED5", Format: family.Binary},
	FRA_FWMARK:             {Name: "FRA_FWMARK", Format: family.U32},
	FRA_FLOW:               {Name: "FRA_FLOW", Format: family.U32},
	FRA_TUN_ID:             {Name: "FRA_TUN_ID", Format: family.BE64},
	FRA_SUPPRESS_IFGROUP:   {Name: "FRA_SUPPRESS_IFGROUP", Format: family.U32},
	FRA_SUPPRESS_PREFIXLEN: {Name: "FRA_SUPPRESS_PREFIXLEN", Format: family.U32},
	FRA_TABLE:              {Name: "FRA_TABLE", Format: family.U32},
	FRA_FWMASK:             {Name: "FRA_FWMASK", Format: family.U32},
	FRA_OIFNAME:            {Name: "FRA_OIFNAME", Format: family.String},
	FRA_PAD:                {Name: "FRA_PAD", Format: family.Binary},
	FRA_L3MDEV:             {Name: "FRA_L3MDEV", Format: family.U8},
	FRA_UID_RANGE:          {Name: "FRA_UID_RANGE", Format: family.Binary},
	FRA_PROTOCOL:           {Name: "FRA_PROTOCOL", Format: family.U8},
	FRA_IP_PROTO:           {Name: "FRA_IP_PROTO", Format: family.U8},
	FRA_SPORT_RANGE:        {Name: "FRA_SPORT_RANGE", Format: family.Binary},
	FRA_DPORT_RANGE:        {Name: "FRA_DPORT_RANGE", Format: family.Binary},
	FRA_DSCP:               {Name: "FRA_DSCP", Format: family.U8},
	FRA_FLOWLABEL:          {Name: "FRA_FLOWLABEL", Format: family.BE32},
	FRA_FLOWLABEL_MASK:     {Name: "FRA_FLOWLABEL_MASK", Format: family.BE32},
	FRA_SPORT_MASK:         {Name: "FRA_SPORT_MASK", Format: family.U16},
	FRA_DPORT_MASK:         {Name: "FRA_DPORT_MASK", Format: family.U16},
	FRA_DSCP_MASK:          {Name: "FRA_DSCP_MASK", Format: family.U8},
}

// Next hop attributes (NHA_*, include/uapi/linux/nexthop.h): the
// attributes of RTM_NEWNEXTHOP, RTM_DELNEXTHOP, RTM_GETNEXTHOP and of the
// next hop bucket messages after an NhMsg.
const (
	NHA_UNSPEC          = 0  // unused
	NHA_ID              = 1  // u32
	NHA_GROUP           = 2  // array of struct nexthop_grp
	NHA_GROUP_TYPE      = 3  // u16: NEXTHOP_GRP_TYPE_*
	NHA_BLACKHOLE       = 4  // flag
	NHA_OIF             = 5  // u32
	NHA_GATEWAY         = 6  // IP address
	NHA_ENCAP_TYPE      = 7  // u16
	NHA_ENCAP           = 8  // nested: lightweight tunnel encapsulation
	NHA_GROUPS          = 9  // flag: dump only groups
	NHA_MASTER          = 10 // u32
	NHA_FDB             = 11 // flag
	NHA_RES_GROUP       = 12 // nested: resilient group
	NHA_RES_BUCKET      = 13 // nested: bucket
	NHA_OP_FLAGS        = 14 // u32: NHA_OP_FLAG_*
	NHA_GROUP_STATS     = 15 // nested
	NHA_HW_STATS_ENABLE = 16 // u32
	NHA_HW_STATS_USED   = 17 // u32
)

var nexthopAttrsTable = [...]family.Attr{
	NHA_UNSPEC:          {Name: "NHA_UNSPEC", Format: family.Binary},
	NHA_ID:              {Name: "NHA_ID", Format: family.U32},
	NHA_GROUP:           {Name: "NHA_GROUP", Format: family.Binary},
	NHA_GROUP_TYPE:      {Name: "NHA_GROUP_TYPE", Format: family.U16},
	NHA_BLACKHOLE:       {Name: "NHA_BLACKHOLE", Format: family.Flag},
	NHA_OIF:             {Name: "NHA_OIF", Format: family.U32},
	NHA_GATEWAY:         {Name: "NHA_GATEWAY", Format: family.IPAddr},
	NHA_ENCAP_TYPE:      {Name: "NHA_ENCAP_TYPE", Format: family.U16, Enum: &LWTunnelEncapTypes},
	NHA_ENCAP:           {Name: "NHA_ENCAP", Format: family.Nested, Key: NHA_ENCAP_TYPE, Variants: lwtEncapVariants},
	NHA_GROUPS:          {Name: "NHA_GROUPS", Format: family.Flag},
	NHA_MASTER:          {Name: "NHA_MASTER", Format: family.U32},
	NHA_FDB:             {Name: "NHA_FDB", Format: family.Flag},
	NHA_RES_GROUP:       {Name: "NHA_RES_GROUP", Format: family.Nested, Child: &NexthopResGroupAttrs},
	NHA_RES_BUCKET:      {Name: "NHA_RES_BUCKET", Format: family.Nested, Child: &NexthopResBucketAttrs},
	NHA_OP_FLAGS:        {Name: "NHA_OP_FLAGS", Format: family.U32},
	NHA_GROUP_STATS:     {Name: "NHA_GROUP_STATS", Format: family.Nested, Child: &NexthopGroupStatsAttrs},
	NHA_HW_STATS_ENABLE: {Name: "NHA_HW_STATS_ENABLE", Format: family.U32},
	NHA_HW_STATS_USED:   {Name: "NHA_HW_STATS_USED", Format: family.U32},
}

// Attributes inside NHA_RES_GROUP (include/uapi/linux/nexthop.h).
const (
	NHA_RES_GROUP_PAD              = 0 // padding for 64-bit alignment
	NHA_RES_GROUP_BUCKETS          = 1 // u16
	NHA_RES_GROUP_IDLE_TIMER       = 2 // u32: clock_t
	NHA_RES_GROUP_UNBALANCED_TIMER = 3 // u32: clock_t
	NHA_RES_GROUP_UNBALANCED_TIME  = 4 // u64: clock_t
)

var nexthopResGroupAttrsTable = [...]family.Attr{
	NHA_RES_GROUP_PAD:              {Name: "NHA_RES_GROUP_PAD", Format: family.Binary},
	NHA_RES_GROUP_BUCKETS:          {Name: "NHA_RES_GROUP_BUCKETS", Format: family.U16},
	NHA_RES_GROUP_IDLE_TIMER:       {Name: "NHA_RES_GROUP_IDLE_TIMER", Format: family.U32},
	NHA_RES_GROUP_UNBALANCED_TIMER: {Name: "NHA_RES_GROUP_UNBALANCED_TIMER", Format: family.U32},
	NHA_RES_GROUP_UNBALANCED_TIME:  {Name: "NHA_RES_GROUP_UNBALANCED_TIME", Format: family.U64},
}

// Attributes inside NHA_RES_BUCKET (include/uapi/linux/nexthop.h).
const (
	NHA_RES_BUCKET_PAD       = 0 // padding for 64-bit alignment
	NHA_RES_BUCKET_INDEX     = 1 // u16
	NHA_RES_BUCKET_IDLE_TIME = 2 // u64: clock_t
	NHA_RES_BUCKET_NH_ID     = 3 // u32
)

var nexthopResBucketAttrsTable = [...]family.Attr{
	NHA_RES_BUCKET_PAD:       {Name: "NHA_RES_BUCKET_PAD", Format: family.Binary},
	NHA_RES_BUCKET_INDEX:     {Name: "NHA_RES_BUCKET_INDEX", Format: family.U16},
	NHA_RES_BUCKET_IDLE_TIME: {Name: "NHA_RES_BUCKET_IDLE_TIME", Format: family.U64},
	NHA_RES_BUCKET_NH_ID:     {Name: "NHA_RES_BUCKET_NH_ID", Format: family.U32},
}

// Attributes inside NHA_GROUP_STATS (include/uapi/linux/nexthop.h).
const (
	NHA_GROUP_STATS_UNSPEC = 0 // unused
	NHA_GROUP_STATS_ENTRY  = 1 // nested, one per group member
)

var nexthopGroupStatsAttrsTable = [...]family.Attr{
	NHA_GROUP_STATS_UNSPEC: {Name: "NHA_GROUP_STATS_UNSPEC", Format: family.Binary},
	NHA_GROUP_STATS_ENTRY:  {Name: "NHA_GROUP_STATS_ENTRY", Format: family.Nested, Child: &NexthopGroupStatsEntryAttrs},
}

// Attributes inside NHA_GROUP_STATS_ENTRY (include/uapi/linux/nexthop.h).
const (
	NHA_GROUP_STATS_ENTRY_UNSPEC     = 0 // unused
	NHA_GROUP_STATS_ENTRY_ID         = 1 // u32
	NHA_GROUP_STATS_ENTRY_PACKETS    = 2 // u32 or u64
	NHA_GROUP_STATS_ENTRY_PACKETS_HW = 3 // u32 or u64
)

var nexthopGroupStatsEntryAttrsTable = [...]family.Attr{
	NHA_GROUP_STATS_ENTRY_UNSPEC:     {Name: "NHA_GROUP_STATS_ENTRY_UNSPEC", Format: family.Binary},
	NHA_GROUP_STATS_ENTRY_ID:         {Name: "NHA_GROUP_STATS_ENTRY_ID", Format: family.U32},
	NHA_GROUP_STATS_ENTRY_PACKETS:    {Name: "NHA_GROUP_STATS_ENTRY_PACKETS", Format: family.UInt},
	NHA_GROUP_STATS_ENTRY_PACKETS_HW: {Name: "NHA_GROUP_STATS_ENTRY_PACKETS_HW", Format: family.UInt},
}

// Network namespace ID attributes (NETNSA_*,
// include/uapi/linux/net_namespace.h): the attributes of RTM_NEWNSID,
// RTM_DELNSID and RTM_GETNSID after a RtGenMsg.
const (
	NETNSA_NONE         = 0 // unused
	NETNSA_NSID         = 1 // s32: -1 (NETNSA_NSID_NOT_ASSIGNED) if none
	NETNSA_PID          = 2 // u32
	NETNSA_FD           = 3 // u32
	NETNSA_TARGET_NSID  = 4 // s32
	NETNSA_CURRENT_NSID = 5 // s32
)

var nSIDAttrsTable = [...]family.Attr{
	NETNSA_NONE:         {Name: "NETNSA_NONE", Format: family.Binary},
	NETNSA_NSID:         {Name: "NETNSA_NSID", Format: family.S32},
	NETNSA_PID:          {Name: "NETNSA_PID", Format: family.U32},
	NETNSA_FD:           {Name: "NETNSA_FD", Format: family.U32},
	NETNSA_TARGET_NSID:  {Name: "NETNSA_TARGET_NSID", Format: family.S32},
	NETNSA_CURRENT_NSID: {Name: "NETNSA_CURRENT_NSID", Format: family.S32},
}

// Device configuration attributes (NETCONFA_*,
// include/uapi/linux/netconf.h): the attributes of RTM_NEWNETCONF,
// RTM_DELNETCONF and RTM_GETNETCONF after a NetconfMsg.
const (
	NETCONFA_UNSPEC                      = 0 // unused
	NETCONFA_IFINDEX                     = 1 // s32: -1 for all, -2 for the default
	NETCONFA_FORWARDING                  = 2 // s32
	NETCONFA_RP_FILTER                   = 3 // s32
	NETCONFA_MC_FORWARDING               = 4 // s32
	NETCONFA_PROXY_NEIGH                 = 5 // s32
	NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN = 6 // s32
	NETCONFA_INPUT                       = 7 // s32
	NETCONFA_BC_FORWARDING               = 8 // s32
)

var netconfAttrsTable = [...]family.Attr{
	NETCONFA_UNSPEC:                      {Name: "NETCONFA_UNSPEC", Format: family.Binary},
	NETCONFA_IFINDEX:                     {Name: "NETCONFA_IFINDEX", Format: family.S32},
	NETCONFA_FORWARDING:                  {Name: "NETCONFA_FORWARDING", Format: family.S32},
	NETCONFA_RP_FILTER:                   {Name: "NETCONFA_RP_FILTER", Format: family.S32},
	NETCONFA_MC_FORWARDING:               {Name: "NETCONFA_MC_FORWARDING", Format: family.S32},
	NETCONFA_PROXY_NEIGH:                 {Name: "NETCONFA_PROXY_NEIGH", Format: family.S32},
	NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN: {Name: "NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN", Format: family.S32},
	NETCONFA_INPUT:                       {Name: "NETCONFA_INPUT", Format: family.S32},
	NETCONFA_BC_FORWARDING:               {Name: "NETCONFA_BC_FORWARDING", Format: family.S32},
}

// Link statistics attributes (IFLA_STATS_*, include/uapi/linux/if_link.h):
// the attributes of RTM_NEWSTATS after an IfStatsMsg.
const (
	IFLA_STATS_UNSPEC              = 0 // padding for 64-bit alignment
	IFLA_STATS_LINK_64             = 1 // struct rtnl_link_stats64
	IFLA_STATS_LINK_XSTATS         = 2 // nested
	IFLA_STATS_LINK_XSTATS_SLAVE   = 3 // nested
	IFLA_STATS_LINK_OFFLOAD_XSTATS = 4 // nested
	IFLA_STATS_AF_SPEC             = 5 // nested, by address family
)

var statsAttrsTable = [...]family.Attr{
	IFLA_STATS_UNSPEC:              {Name: "IFLA_STATS_UNSPEC", Format: family.Binary},
	IFLA_STATS_LINK_64:             {Name: "IFLA_STATS_LINK_64", Format: family.Binary},
	IFLA_STATS_LINK_XSTATS:         {Name: "IFLA_STATS_LINK_XSTATS", Format: family.Nested, Child: &LinkXstatsAttrs},
	IFLA_STATS_LINK_XSTATS_SLAVE:   {Name: "IFLA_STATS_LINK_XSTATS_SLAVE", Format: family.Nested, Child: &LinkXstatsAttrs},
	IFLA_STATS_LINK_OFFLOAD_XSTATS: {Name: "IFLA_STATS_LINK_OFFLOAD_XSTATS", Format: family.Nested, Child: &OffloadXstatsAttrs},
	IFLA_STATS_AF_SPEC:             {Name: "IFLA_STATS_AF_SPEC", Format: family.Nested, Child: &StatsAFSpecAttrs},
}

// Link statistics request attributes (IFLA_STATS_GETSET_*,
// include/uapi/linux/if_link.h): the attributes of RTM_GETSTATS and
// RTM_SETSTATS after an IfStatsMsg.
const (
	IFLA_STATS_GETSET_UNSPEC               = 0 // unused
	IFLA_STATS_GET_FILTERS                 = 1 // nested: a u32 filter mask per IFLA_STATS_* type
	IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS = 2 // u8
)

var statsGetSetAttrsTable = [...]family.Attr{
	IFLA_STATS_GETSET_UNSPEC:               {Name: "IFLA_STATS_GETSET_UNSPEC", Format: family.Binary},
	IFLA_STATS_GET_FILTERS:                 {Name: "IFLA_STATS_GET_FILTERS", Format: family.Nested, Child: &StatsFilterAttrs},
	IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS: {Name: "IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS", Format: family.U8},
}

var statsFilterAttrsTable = [...]family.Attr{
	IFLA_STATS_LINK_64:             {Name: "IFLA_STATS_LINK_64", Format: family.U32},
	IFLA_STATS_LINK_XSTATS:         {Name: "IFLA_STATS_LINK_XSTATS", Format: family.U32},
	IFLA_STATS_LINK_XSTATS_SLAVE:   {Name: "IFLA_STATS_LINK_XSTATS_SLAVE", Format: family.U32},
	IFLA_STATS_LINK_OFFLOAD_XSTATS: {Name: "IFLA_STATS_LINK_OFFLOAD_XSTATS", Format: family.U32},
	IFLA_STATS_AF_SPEC:             {Name: "IFLA_STATS_AF_SPEC", Format: family.U32},
}

// Attributes inside IFLA_STATS_LINK_XSTATS and
// IFLA_STATS_LINK_XSTATS_SLAVE (LINK_XSTATS_TYPE_*,
// include/uapi/linux/if_link.h).
const (
	LINK_XSTATS_TYPE_UNSPEC = 0 // unused
	LINK_XSTATS_TYPE_BRIDGE = 1 // nested
	LINK_XSTATS_TYPE_BOND   = 2 // nested: BOND_XSTATS_*
)

var linkXstatsAttrsTable = [...]family.Attr{
	LINK_XSTATS_TYPE_UNSPEC: {Name: "LINK_XSTATS_TYPE_UNSPEC", Format: family.Binary},
	LINK_XSTATS_TYPE_BRIDGE: {Name: "LINK_XSTATS_TYPE_BRIDGE", Format: family.Nested, Child: &BridgeXstatsAttrs},
	LINK_XSTATS_TYPE_BOND:   {Name: "LINK_XSTATS_TYPE_BOND", Format: family.Nested},
}

// Attributes inside LINK_XSTATS_TYPE_BRIDGE (BRIDGE_XSTATS_*,
// include/uapi/linux/if_bridge.h).
const (
	BRIDGE_XSTATS_UNSPEC = 0 // unused
	BRIDGE_XSTATS_VLAN   = 1 // struct bridge_vlan_xstats
	BRIDGE_XSTATS_MCAST  = 2 // struct br_mcast_stats
	BRIDGE_XSTATS_PAD    = 3 // padding for 64-bit alignment
	BRIDGE_XSTATS_STP    = 4 // struct bridge_stp_xstats
)

var bridgeXstatsAttrsTable = [...]family.Attr{
	BRIDGE_XSTATS_UNSPEC: {Name: "BRIDGE_XSTATS_UNSPEC", Format: family.Binary},
	BRIDGE_XSTATS_VLAN:   {Name: "BRIDGE_XSTATS_VLAN", Format: family.Binary},
	BRIDGE_XSTATS_MCAST:  {Name: "BRIDGE_XSTATS_MCAST", Format: family.Binary},
	BRIDGE_XSTATS_PAD:    {Name: "BRIDGE_XSTATS_PAD", Format: family.Binary},
	BRIDGE_XSTATS_STP:    {Name: "BRIDGE_XSTATS_STP", Format: family.Binary},
}

// Attributes inside IFLA_STATS_LINK_OFFLOAD_XSTATS (IFLA_OFFLOAD_XSTATS_*,
// include/uapi/linux/if_link.h).
const (
	IFLA_OFFLOAD_XSTATS_UNSPEC    = 0 // unused
	IFLA_OFFLOAD_XSTATS_CPU_HIT   = 1 // struct rtnl_link_stats64
	IFLA_OFFLOAD_XSTATS_HW_S_INFO = 2 // nested, by IFLA_OFFLOAD_XSTATS_* type
	IFLA_OFFLOAD_XSTATS_L3_STATS  = 3 // struct rtnl_hw_stats64
)

var offloadXstatsAttrsTable = [...]family.Attr{
	IFLA_OFFLOAD_XSTATS_UNSPEC:    {Name: "IFLA_OFFLOAD_XSTATS_UNSPEC", Format: family.Binary},
	IFLA_OFFLOAD_XSTATS_CPU_HIT:   {Name: "IFLA_OFFLOAD_XSTATS_CPU_HIT", Format: family.Binary},
	IFLA_OFFLOAD_XSTATS_HW_S_INFO: {Name: "IFLA_OFFLOAD_XSTATS_HW_S_INFO", Format: family.Nested, Child: &OffloadHwSInfoAttrs},
	IFLA_OFFLOAD_XSTATS_L3_STATS:  {Name: "IFLA_OFFLOAD_XSTATS_L3_STATS", Format: family.Binary},
}

var offloadHwSInfoAttrsTable = [...]family.Attr{
	IFLA_OFFLOAD_XSTATS_L3_STATS: {Name: "IFLA_OFFLOAD_XSTATS_L3_STATS", Format: family.Nested, Child: &OffloadHwSInfoEntryAttrs},
}

// Attributes of each entry of IFLA_OFFLOAD_XSTATS_HW_S_INFO
// (include/uapi/linux/if_link.h).
const (
	IFLA_OFFLOAD_XSTATS_HW_S_INFO_UNSPEC  = 0 // unused
	IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST = 1 // u8
	IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED    = 2 // u8
)

var offloadHwSInfoEntryAttrsTable = [...]family.Attr{
	IFLA_OFFLOAD_XSTATS_HW_S_INFO_UNSPEC:  {Name: "IFLA_OFFLOAD_XSTATS_HW_S_INFO_UNSPEC", Format: family.Binary},
	IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST: {Name: "IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST", Format: family.U8},
	IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED:    {Name: "IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED", Format: family.U8},
}

var statsAFSpecAttrsTable = [...]family.Attr{
	AF_MPLS: {Name: "AF_MPLS", Format: family.Nested},
}

// Neighbour table attributes (NDTA_*, include/uapi/linux/neighbour.h): the
// attributes of RTM_NEWNEIGHTBL, RTM_GETNEIGHTBL and RTM_SETNEIGHTBL after
// an NdtMsg.
const (
	NDTA_UNSPEC      = 0 // unused
	NDTA_NAME        = 1 // string
	NDTA_THRESH1     = 2 // u32
	NDTA_THRESH2     = 3 // u32
	NDTA_THRESH3     = 4 // u32
	NDTA_CONFIG      = 5 // struct ndt_config
	NDTA_PARMS       = 6 // nested
	NDTA_STATS       = 7 // struct ndt_stats
	NDTA_GC_INTERVAL = 8 // u64: milliseconds
	NDTA_PAD         = 9 // padding for 64-bit alignment
)

var neighTblAttrsTable = [...]family.Attr{
	NDTA_UNSPEC:      {Name: "NDTA_UNSPEC", Format: family.Binary},
	NDTA_NAME:        {Name: "NDTA_NAME", Format: family.String},
	NDTA_THRESH1:     {Name: "NDTA_THRESH1", Format: family.U32},
	NDTA_THRESH2:     {Name: "NDTA_THRESH2", Format: family.U32},
	NDTA_THRESH3:     {Name: "NDTA_THRESH3", Format: family.U32},
	NDTA_CONFIG:      {Name: "NDTA_CONFIG", Format: family.Binary},
	NDTA_PARMS:       {Name: "NDTA_PARMS", Format: family.Nested, Child: &NeighTblParmsAttrs},
	NDTA_STATS:       {Name: "NDTA_STATS", Format: family.Binary},
	NDTA_GC_INTERVAL: {Name: "NDTA_GC_INTERVAL", Format: family.U64},
	NDTA_PAD:         {Name: "NDTA_PAD", Format: family.Binary},
}

// Neighbour table parameters (NDTPA_*, include/uapi/linux/neighbour.h):
// the attributes inside NDTA_PARMS.
const (
	NDTPA_UNSPEC                 = 0  // unused
	NDTPA_IFINDEX                = 1  // u32
	NDTPA_REFCNT                 = 2  // u32
	NDTPA_REACHABLE_TIME         = 3  // u64: milliseconds
	NDTPA_BASE_REACHABLE_TIME    = 4  // u64: milliseconds
	NDTPA_RETRANS_TIME           = 5  // u64: milliseconds
	NDTPA_GC_STALETIME           = 6  // u64: milliseconds
	NDTPA_DELAY_PROBE_TIME       = 7  // u64: milliseconds
	NDTPA_QUEUE_LEN              = 8  // u32
	NDTPA_APP_PROBES             = 9  // u32
	NDTPA_UCAST_PROBES           = 10 // u32
	NDTPA_MCAST_PROBES           = 11 // u32
	NDTPA_ANYCAST_DELAY          = 12 // u64: milliseconds
	NDTPA_PROXY_DELAY            = 13 // u64: milliseconds
	NDTPA_PROXY_QLEN             = 14 // u32
	NDTPA_LOCKTIME               = 15 // u64: milliseconds
	NDTPA_QUEUE_LENBYTES         = 16 // u32
	NDTPA_MCAST_REPROBES         = 17 // u32
	NDTPA_PAD                    = 18 // padding for 64-bit alignment
	NDTPA_INTERVAL_PROBE_TIME_MS = 19 // u64: milliseconds
)

var neighTblParmsAttrsTable = [...]family.Attr{
	NDTPA_UNSPEC:                 {Name: "NDTPA_UNSPEC", Format: family.Binary},
	NDTPA_IFINDEX:                {Name: "NDTPA_IFINDEX", Format: family.U32},
	NDTPA_REFCNT:                 {Name: "NDTPA_REFCNT", Format: family.U32},
	NDTPA_REACHABLE_TIME:         {Name: "NDTPA_REACHABLE_TIME", Format: family.U64},
	NDTPA_BASE_REACHABLE_TIME:    {Name: "NDTPA_BASE_REACHABLE_TIME", Format: family.U64},
	NDTPA_RETRANS_TIME:           {Name: "NDTPA_RETRANS_TIME", Format: family.U64},
	NDTPA_GC_STALETIME:           {Name: "NDTPA_GC_STALETIME", Format: family.U64},
	NDTPA_DELAY_PROBE_TIME:       {Name: "NDTPA_DELAY_PROBE_TIME", Format: family.U64},
	NDTPA_QUEUE_LEN:              {Name: "NDTPA_QUEUE_LEN", Format: family.U32},
	NDTPA_APP_PROBES:             {Name: "NDTPA_APP_PROBES", Format: family.U32},
	NDTPA_UCAST_PROBES:           {Name: "NDTPA_UCAST_PROBES", Format: family.U32},
	NDTPA_MCAST_PROBES:           {Name: "NDTPA_MCAST_PROBES", Format: family.U32},
	NDTPA_ANYCAST_DELAY:          {Name: "NDTPA_ANYCAST_DELAY", Format: family.U64},
	NDTPA_PROXY_DELAY:            {Name: "NDTPA_PROXY_DELAY", Format: family.U64},
	NDTPA_PROXY_QLEN:             {Name: "NDTPA_PROXY_QLEN", Format: family.U32},
	NDTPA_LOCKTIME:               {Name: "NDTPA_LOCKTIME", Format: family.U64},
	NDTPA_QUEUE_LENBYTES:         {Name: "NDTPA_QUEUE_LENBYTES", Format: family.U32},
	NDTPA_MCAST_REPROBES:         {Name: "NDTPA_MCAST_REPROBES", Format: family.U32},
	NDTPA_PAD:                    {Name: "NDTPA_PAD", Format: family.Binary},
	NDTPA_INTERVAL_PROBE_TIME_MS: {Name: "NDTPA_INTERVAL_PROBE_TIME_MS", Format: family.U64},
}

// Bridge multicast database attributes (MDBA_*,
// include/uapi/linux/if_bridge.h): the attributes after a BrPortMsg of the
// MDB messages the kernel sends (RTM_GETMDB in a dump, RTM_NEWMDB and
// RTM_DELMDB).
const (
	MDBA_UNSPEC = 0 // unused
	MDBA_MDB    = 1 // nested
	MDBA_ROUTER = 2 // nested
)

var mDBAttrsTable = [...]family.Attr{
	MDBA_UNSPEC: {Name: "MDBA_UNSPEC", Format: family.Binary},
	MDBA_MDB:    {Name: "MDBA_MDB", Format: family.Nested, Child: &MDBEntriesAttrs},
	MDBA_ROUTER: {Name: "MDBA_ROUTER", Format: family.Nested, Child: &MDBRouterAttrs},
}

// Attributes inside MDBA_MDB (include/uapi/linux/if_bridge.h).
const (
	MDBA_MDB_UNSPEC = 0 // unused
	MDBA_MDB_ENTRY  = 1 // nested
)

var mDBEntriesAttrsTable = [...]family.Attr{
	MDBA_MDB_UNSPEC: {Name: "MDBA_MDB_UNSPEC", Format: family.Binary},
	MDBA_MDB_ENTRY:  {Name: "MDBA_MDB_ENTRY", Format: family.Nested, Child: &MDBEntryAttrs},
}

// Attributes inside MDBA_MDB_ENTRY (include/uapi/linux/if_bridge.h).
const (
	MDBA_MDB_ENTRY_UNSPEC = 0 // unused
	MDBA_MDB_ENTRY_INFO   = 1 // struct br_mdb_entry, then MDBA_MDB_EATTR_* attributes
)

var mDBEntryAttrsTable = [...]family.Attr{
	MDBA_MDB_ENTRY_UNSPEC: {Name: "MDBA_MDB_ENTRY_UNSPEC", Format: family.Binary},
	MDBA_MDB_ENTRY_INFO:   {Name: "MDBA_MDB_ENTRY_INFO", Format: family.Nested, Header: BrMDBEntryLen, Child: &MDBEntryInfoAttrs},
}

// Attributes after the struct br_mdb_entry of MDBA_MDB_ENTRY_INFO
// (MDBA_MDB_EATTR_*, include/uapi/linux/if_bridge.h).
const (
	MDBA_MDB_EATTR_UNSPEC     = 0  // unused
	MDBA_MDB_EATTR_TIMER      = 1  // u32
	MDBA_MDB_EATTR_SRC_LIST   = 2  // nested
	MDBA_MDB_EATTR_GROUP_MODE = 3  // u8
	MDBA_MDB_EATTR_SOURCE     = 4  // IP address
	MDBA_MDB_EATTR_RTPROT     = 5  // u8
	MDBA_MDB_EATTR_DST        = 6  // IP address
	MDBA_MDB_EATTR_DST_PORT   = 7  // u16
	MDBA_MDB_EATTR_VNI        = 8  // u32
	MDBA_MDB_EATTR_IFINDEX    = 9  // u32
	MDBA_MDB_EATTR_SRC_VNI    = 10 // u32
)

var mDBEntryInfoAttrsTable = [...]family.Attr{
	MDBA_MDB_EATTR_UNSPEC:     {Name: "MDBA_MDB_EATTR_UNSPEC", Format: family.Binary},
	MDBA_MDB_EATTR_TIMER:      {Name: "MDBA_MDB_EATTR_TIMER", Format: family.U32},
	MDBA_MDB_EATTR_SRC_LIST:   {Name: "MDBA_MDB_EATTR_SRC_LIST", Format: family.Nested, Child: &MDBSrcListAttrs},
	MDBA_MDB_EATTR_GROUP_MODE: {Name: "MDBA_MDB_EATTR_GROUP_MODE", Format: family.U8},
	MDBA_MDB_EATTR_SOURCE:     {Name: "MDBA_MDB_EATTR_SOURCE", Format: family.IPAddr},
	MDBA_MDB_EATTR_RTPROT:     {Name: "MDBA_MDB_EATTR_RTPROT", Format: family.U8},
	MDBA_MDB_EATTR_DST:        {Name: "MDBA_MDB_EATTR_DST", Format: family.IPAddr},
	MDBA_MDB_EATTR_DST_PORT:   {Name: "MDBA_MDB_EATTR_DST_PORT", Format: family.U16},
	MDBA_MDB_EATTR_VNI:        {Name: "MDBA_MDB_EATTR_VNI", Format: family.U32},
	MDBA_MDB_EATTR_IFINDEX:    {Name: "MDBA_MDB_EATTR_IFINDEX", Format: family.U32},
	MDBA_MDB_EATTR_SRC_VNI:    {Name: "MDBA_MDB_EATTR_SRC_VNI", Format: family.U32},
}

// Attributes inside MDBA_MDB_EATTR_SRC_LIST and MDBE_ATTR_SRC_LIST
// (include/uapi/linux/if_bridge.h).
const (
	MDBA_MDB_SRCLIST_UNSPEC = 0 // unused
	MDBA_MDB_SRCLIST_ENTRY  = 1 // nested
)

var mDBSrcListAttrsTable = [...]family.Attr{
	MDBA_MDB_SRCLIST_UNSPEC: {Name: "MDBA_MDB_SRCLIST_UNSPEC", Format: family.Binary},
	MDBA_MDB_SRCLIST_ENTRY:  {Name: "MDBA_MDB_SRCLIST_ENTRY", Format: family.Nested, Child: &MDBSrcAttrs},
}

// Attributes inside MDBA_MDB_SRCLIST_ENTRY
// (include/uapi/linux/if_bridge.h).
const (
	MDBA_MDB_SRCATTR_UNSPEC  = 0 // unused
	MDBA_MDB_SRCATTR_ADDRESS = 1 // IP address
	MDBA_MDB_SRCATTR_TIMER   = 2 // u32
)

var mDBSrcAttrsTable = [...]family.Attr{
	MDBA_MDB_SRCATTR_UNSPEC:  {Name: "MDBA_MDB_SRCATTR_UNSPEC", Format: family.Binary},
	MDBA_MDB_SRCATTR_ADDRESS: {Name: "MDBA_MDB_SRCATTR_ADDRESS", Format: family.IPAddr},
	MDBA_MDB_SRCATTR_TIMER:   {Name: "MDBA_MDB_SRCATTR_TIMER", Format: family.U32},
}

// Attributes inside MDBA_ROUTER (include/uapi/linux/if_bridge.h).
const (
	MDBA_ROUTER_UNSPEC = 0 // unused
	MDBA_ROUTER_PORT   = 1 // u32 port ifindex, then MDBA_ROUTER_PATTR_* attributes
)

var mDBRouterAttrsTable = [...]family.Attr{
	MDBA_ROUTER_UNSPEC: {Name: "MDBA_ROUTER_UNSPEC", Format: family.Binary},
	MDBA_ROUTER_PORT:   {Name: "MDBA_ROUTER_PORT", Format: family.Nested, Header: 4, Child: &MDBRouterPortAttrs},
}

// Attributes after the ifindex of MDBA_ROUTER_PORT (MDBA_ROUTER_PATTR_*,
// include/uapi/linux/if_bridge.h).
const (
	MDBA_ROUTER_PATTR_UNSPEC      = 0 // unused
	MDBA_ROUTER_PATTR_TIMER       = 1 // u32
	MDBA_ROUTER_PATTR_TYPE        = 2 // u8
	MDBA_ROUTER_PATTR_INET_TIMER  = 3 // u32
	MDBA_ROUTER_PATTR_INET6_TIMER = 4 // u32
	MDBA_ROUTER_PATTR_VID         = 5 // u16
)

var mDBRouterPortAttrsTable = [...]family.Attr{
	MDBA_ROUTER_PATTR_UNSPEC:      {Name: "MDBA_ROUTER_PATTR_UNSPEC", Format: family.Binary},
	MDBA_ROUTER_PATTR_TIMER:       {Name: "MDBA_ROUTER_PATTR_TIMER", Format: family.U32},
	MDBA_ROUTER_PATTR_TYPE:        {Name: "MDBA_ROUTER_PATTR_TYPE", Format: family.U8},
	MDBA_ROUTER_PATTR_INET_TIMER:  {Name: "MDBA_ROUTER_PATTR_INET_TIMER", Format: family.U32},
	MDBA_ROUTER_PATTR_INET6_TIMER: {Name: "MDBA_ROUTER_PATTR_INET6_TIMER", Format: family.U32},
	MDBA_ROUTER_PATTR_VID:         {Name: "MDBA_ROUTER_PATTR_VID", Format: family.U16},
}

// Attributes of RTM_NEWMDB and RTM_DELMDB requests (MDBA_SET_ENTRY_*,
// include/uapi/linux/if_bridge.h).
const (
	MDBA_SET_ENTRY_UNSPEC = 0 // unused
	MDBA_SET_ENTRY        = 1 // struct br_mdb_entry
	MDBA_SET_ENTRY_ATTRS  = 2 // nested
)

var mDBSetAttrsTable = [...]family.Attr{
	MDBA_SET_ENTRY_UNSPEC: {Name: "MDBA_SET_ENTRY_UNSPEC", Format: family.Binary},
	MDBA_SET_ENTRY:        {Name: "MDBA_SET_ENTRY", Format: family.Binary},
	MDBA_SET_ENTRY_ATTRS:  {Name: "MDBA_SET_ENTRY_ATTRS", Format: family.Nested, Child: &MDBEntryReqAttrs},
}

// Attributes of RTM_GETMDB requests (MDBA_GET_ENTRY_*,
// include/uapi/linux/if_bridge.h).
const (
	MDBA_GET_ENTRY_UNSPEC = 0 // unused
	MDBA_GET_ENTRY        = 1 // struct br_mdb_entry
	MDBA_GET_ENTRY_ATTRS  = 2 // nested
)

var mDBGetAttrsTable = [...]family.Attr{
	MDBA_GET_ENTRY_UNSPEC: {Name: "MDBA_GET_ENTRY_UNSPEC", Format: family.Binary},
	MDBA_GET_ENTRY:        {Name: "MDBA_GET_ENTRY", Format: family.Binary},
	MDBA_GET_ENTRY_ATTRS:  {Name: "MDBA_GET_ENTRY_ATTRS", Format: family.Nested, Child: &MDBEntryReqAttrs},
}

// Attributes inside MDBA_SET_ENTRY_ATTRS and MDBA_GET_ENTRY_ATTRS
// (MDBE_ATTR_*, include/uapi/linux/if_bridge.h).
const (
	MDBE_ATTR_UNSPEC     = 0  // unused
	MDBE_ATTR_SOURCE     = 1  // IP address
	MDBE_ATTR_SRC_LIST   = 2  // nested
	MDBE_ATTR_GROUP_MODE = 3  // u8
	MDBE_ATTR_RTPROT     = 4  // u8
	MDBE_ATTR_DST        = 5  // IP address
	MDBE_ATTR_DST_PORT   = 6  // u16
	MDBE_ATTR_VNI        = 7  // u32
	MDBE_ATTR_IFINDEX    = 8  // u32
	MDBE_ATTR_SRC_VNI    = 9  // u32
	MDBE_ATTR_STATE_MASK = 10 // u8
)

var mDBEntryReqAttrsTable = [...]family.Attr{
	MDBE_ATTR_UNSPEC:     {Name: "MDBE_ATTR_UNSPEC", Format: family.Binary},
	MDBE_ATTR_SOURCE:     {Name: "MDBE_ATTR_SOURCE", Format: family.IPAddr},
	MDBE_ATTR_SRC_LIST:   {Name: "MDBE_ATTR_SRC_LIST", Format: family.Nested, Child: &MDBSrcListAttrs},
	MDBE_ATTR_GROUP_MODE: {Name: "MDBE_ATTR_GROUP_MODE", Format: family.U8},
	MDBE_ATTR_RTPROT:     {Name: "MDBE_ATTR_RTPROT", Format: family.U8},
	MDBE_ATTR_DST:        {Name: "MDBE_ATTR_DST", Format: family.IPAddr},
	MDBE_ATTR_DST_PORT:   {Name: "MDBE_ATTR_DST_PORT", Format: family.U16},
	MDBE_ATTR_VNI:        {Name: "MDBE_ATTR_VNI", Format: family.U32},
	MDBE_ATTR_IFINDEX:    {Name: "MDBE_ATTR_IFINDEX", Format: family.U32},
	MDBE_ATTR_SRC_VNI:    {Name: "MDBE_ATTR_SRC_VNI", Format: family.U32},
	MDBE_ATTR_STATE_MASK: {Name: "MDBE_ATTR_STATE_MASK", Format: family.U8},
}

// Traffic-control action message attributes (TCA_ROOT_*,
// include/uapi/linux/rtnetlink.h): the attributes of RTM_NEWACTION,
// RTM_DELACTION and RTM_GETACTION after a TcaMsg.
const (
	TCA_ROOT_UNSPEC       = 0 // unused
	TCA_ROOT_TAB          = 1 // nested array of actions, by priority
	TCA_ROOT_FLAGS        = 2 // struct nla_bitfield32: TCA_ACT_FLAG_*
	TCA_ROOT_COUNT        = 3 // u32
	TCA_ROOT_TIME_DELTA   = 4 // u32: milliseconds
	TCA_ROOT_EXT_WARN_MSG = 5 // string
)

var actionRootAttrsTable = [...]family.Attr{
	TCA_ROOT_UNSPEC:       {Name: "TCA_ROOT_UNSPEC", Format: family.Binary},
	TCA_ROOT_TAB:          {Name: "TCA_ROOT_TAB", Format: family.NestedArray, Child: &ActionAttrs},
	TCA_ROOT_FLAGS:        {Name: "TCA_ROOT_FLAGS", Format: family.Bitfield32},
	TCA_ROOT_COUNT:        {Name: "TCA_ROOT_COUNT", Format: family.U32},
	TCA_ROOT_TIME_DELTA:   {Name: "TCA_ROOT_TIME_DELTA", Format: family.U32},
	TCA_ROOT_EXT_WARN_MSG: {Name: "TCA_ROOT_EXT_WARN_MSG", Format: family.String},
}

// Attributes of one action (TCA_ACT_*, include/uapi/linux/pkt_cls.h):
// inside each entry of TCA_ROOT_TAB.
const (
	TCA_ACT_UNSPEC        = 0  // unused
	TCA_ACT_KIND          = 1  // string
	TCA_ACT_OPTIONS       = 2  // nested, by TCA_ACT_KIND
	TCA_ACT_INDEX         = 3  // u32
	TCA_ACT_STATS         = 4  // nested: TCA_STATS_*
	TCA_ACT_PAD           = 5  // padding for 64-bit alignment
	TCA_ACT_COOKIE        = 6  // binary
	TCA_ACT_FLAGS         = 7  // struct nla_bitfield32: TCA_ACT_FLAGS_*
	TCA_ACT_HW_STATS      = 8  // struct nla_bitfield32: TCA_ACT_HW_STATS_*
	TCA_ACT_USED_HW_STATS = 9  // struct nla_bitfield32
	TCA_ACT_IN_HW_COUNT   = 10 // u32
)

var actionAttrsTable = [...]family.Attr{
	TCA_ACT_UNSPEC:        {Name: "TCA_ACT_UNSPEC", Format: family.Binary},
	TCA_ACT_KIND:          {Name: "TCA_ACT_KIND", Format: family.String},
	TCA_ACT_OPTIONS:       {Name: "TCA_ACT_OPTIONS", Format: family.Nested},
	TCA_ACT_INDEX:         {Name: "TCA_ACT_INDEX", Format: family.U32},
	TCA_ACT_STATS:         {Name: "TCA_ACT_STATS", Format: family.Nested},
	TCA_ACT_PAD:           {Name: "TCA_ACT_PAD", Format: family.Binary},
	TCA_ACT_COOKIE:        {Name: "TCA_ACT_COOKIE", Format: family.Binary},
	TCA_ACT_FLAGS:         {Name: "TCA_ACT_FLAGS", Format: family.Bitfield32},
	TCA_ACT_HW_STATS:      {Name: "TCA_ACT_HW_STATS", Format: family.Bitfield32},
	TCA_ACT_USED_HW_STATS: {Name: "TCA_ACT_USED_HW_STATS", Format: family.Bitfield32},
	TCA_ACT_IN_HW_COUNT:   {Name: "TCA_ACT_IN_HW_COUNT", Format: family.U32},
}

// Attribute spaces of the rule, next hop, namespace ID, netconf,
// statistics, neighbour table, bridge MDB and action messages.
var (
	// RuleAttrs is the FRA_* space of policy routing rule messages
	// (RTM_*RULE).
	RuleAttrs = family.Set{Space: "FRA", Attrs: ruleAttrsTable[:]}
	// NexthopAttrs is the NHA_* space of next hop and next hop bucket messages
	// (RTM_*NEXTHOP, RTM_*NEXTHOPBUCKET).
	NexthopAttrs = family.Set{Space: "NHA", Attrs: nexthopAttrsTable[:]}
	// NexthopResGroupAttrs is the NHA_RES_GROUP_* space inside NHA_RES_GROUP.
	NexthopResGroupAttrs = family.Set{Space: "NHA_RES_GROUP", Attrs: nexthopResGroupAttrsTable[:]}
	// NexthopResBucketAttrs is the NHA_RES_BUCKET_* space inside
	// NHA_RES_BUCKET.
	NexthopResBucketAttrs = family.Set{Space: "NHA_RES_BUCKET", Attrs: nexthopResBucketAttrsTable[:]}
	// NexthopGroupStatsAttrs is the NHA_GROUP_STATS_* space inside
	// NHA_GROUP_STATS.
	NexthopGroupStatsAttrs = family.Set{Space: "NHA_GROUP_STATS", Attrs: nexthopGroupStatsAttrsTable[:]}
	// NexthopGroupStatsEntryAttrs is the NHA_GROUP_STATS_ENTRY_* space inside
	// NHA_GROUP_STATS_ENTRY.
	NexthopGroupStatsEntryAttrs = family.Set{Space: "NHA_GROUP_STATS_ENTRY", Attrs: nexthopGroupStatsEntryAttrsTable[:]}
	// NSIDAttrs is the NETNSA_* space of namespace ID messages (RTM_*NSID).
	NSIDAttrs = family.Set{Space: "NETNSA", Attrs: nSIDAttrsTable[:]}
	// NetconfAttrs is the NETCONFA_* space of device configuration messages
	// (RTM_*NETCONF).
	NetconfAttrs = family.Set{Space: "NETCONFA", Attrs: netconfAttrsTable[:]}
	// StatsAttrs is the IFLA_STATS_* space of RTM_NEWSTATS.
	StatsAttrs = family.Set{Space: "IFLA_STATS", Attrs: statsAttrsTable[:]}
	// StatsGetSetAttrs is the IFLA_STATS_GETSET_* space of RTM_GETSTATS and
	// RTM_SETSTATS requests.
	StatsGetSetAttrs = family.Set{Space: "IFLA_STATS", Attrs: statsGetSetAttrsTable[:]}
	// StatsFilterAttrs is the space inside IFLA_STATS_GET_FILTERS: its types
	// are the IFLA_STATS_* types, each holding a u32 mask of the nest members
	// wanted.
	StatsFilterAttrs = family.Set{Space: "IFLA_STATS", Attrs: statsFilterAttrsTable[:]}
	// LinkXstatsAttrs is the LINK_XSTATS_TYPE_* space inside
	// IFLA_STATS_LINK_XSTATS and IFLA_STATS_LINK_XSTATS_SLAVE.
	LinkXstatsAttrs = family.Set{Space: "LINK_XSTATS_TYPE", Attrs: linkXstatsAttrsTable[:]}
	// BridgeXstatsAttrs is the BRIDGE_XSTATS_* space inside
	// LINK_XSTATS_TYPE_BRIDGE.
	BridgeXstatsAttrs = family.Set{Space: "BRIDGE_XSTATS", Attrs: bridgeXstatsAttrsTable[:]}
	// OffloadXstatsAttrs is the IFLA_OFFLOAD_XSTATS_* space inside
	// IFLA_STATS_LINK_OFFLOAD_XSTATS.
	OffloadXstatsAttrs = family.Set{Space: "IFLA_OFFLOAD_XSTATS", Attrs: offloadXstatsAttrsTable[:]}
	// OffloadHwSInfoAttrs is the space inside IFLA_OFFLOAD_XSTATS_HW_S_INFO:
	// its types are IFLA_OFFLOAD_XSTATS_* types, each a nest of
	// OffloadHwSInfoEntryAttrs.
	OffloadHwSInfoAttrs = family.Set{Space: "IFLA_OFFLOAD_XSTATS", Attrs: offloadHwSInfoAttrsTable[:]}
	// OffloadHwSInfoEntryAttrs is the IFLA_OFFLOAD_XSTATS_HW_S_INFO_* space of
	// each entry of IFLA_OFFLOAD_XSTATS_HW_S_INFO.
	OffloadHwSInfoEntryAttrs = family.Set{Space: "IFLA_OFFLOAD_XSTATS_HW_S_INFO", Attrs: offloadHwSInfoEntryAttrsTable[:]}
	// StatsAFSpecAttrs is the space inside IFLA_STATS_AF_SPEC: its types are
	// address families, each holding that family's statistics (AF_MPLS:
	// MPLS_STATS_*).
	StatsAFSpecAttrs = family.Set{Space: "AF", Attrs: statsAFSpecAttrsTable[:]}
	// NeighTblAttrs is the NDTA_* space of neighbour table messages
	// (RTM_*NEIGHTBL).
	NeighTblAttrs = family.Set{Space: "NDTA", Attrs: neighTblAttrsTable[:]}
	// NeighTblParmsAttrs is the NDTPA_* space inside NDTA_PARMS.
	NeighTblParmsAttrs = family.Set{Space: "NDTPA", Attrs: neighTblParmsAttrsTable[:]}
	// MDBAttrs is the MDBA_* space of the MDB messages the kernel sends
	// (RTM_GETMDB in a dump, RTM_NEWMDB, RTM_DELMDB). Requests to add, delete
	// or get an entry carry types 1 and 2 of another space instead:
	// MDBSetAttrs, MDBGetAttrs.
	MDBAttrs = family.Set{Space: "MDBA", Attrs: mDBAttrsTable[:]}
	// MDBEntriesAttrs is the MDBA_MDB_* space inside MDBA_MDB.
	MDBEntriesAttrs = family.Set{Space: "MDBA_MDB", Attrs: mDBEntriesAttrsTable[:]}
	// MDBEntryAttrs is the MDBA_MDB_ENTRY_* space inside MDBA_MDB_ENTRY.
	MDBEntryAttrs = family.Set{Space: "MDBA_MDB_ENTRY", Attrs: mDBEntryAttrsTable[:]}
	// MDBEntryInfoAttrs is the MDBA_MDB_EATTR_* space after the struct
	// br_mdb_entry of MDBA_MDB_ENTRY_INFO.
	MDBEntryInfoAttrs = family.Set{Space: "MDBA_MDB_EATTR", Attrs: mDBEntryInfoAttrsTable[:]}
	// MDBSrcListAttrs is the MDBA_MDB_SRCLIST_* space inside
	// MDBA_MDB_EATTR_SRC_LIST and MDBE_ATTR_SRC_LIST.
	MDBSrcListAttrs = family.Set{Space: "MDBA_MDB_SRCLIST", Attrs: mDBSrcListAttrsTable[:]}
	// MDBSrcAttrs is the MDBA_MDB_SRCATTR_* space inside
	// MDBA_MDB_SRCLIST_ENTRY.
	MDBSrcAttrs = family.Set{Space: "MDBA_MDB_SRCATTR", Attrs: mDBSrcAttrsTable[:]}
	// MDBRouterAttrs is the MDBA_ROUTER_* space inside MDBA_ROUTER.
	MDBRouterAttrs = family.Set{Space: "MDBA_ROUTER", Attrs: mDBRouterAttrsTable[:]}
	// MDBRouterPortAttrs is the MDBA_ROUTER_PATTR_* space after the u32
	// ifindex of MDBA_ROUTER_PORT.
	MDBRouterPortAttrs = family.Set{Space: "MDBA_ROUTER_PATTR", Attrs: mDBRouterPortAttrsTable[:]}
	// MDBSetAttrs is the MDBA_SET_ENTRY_* space of RTM_NEWMDB and RTM_DELMDB
	// requests; Messages describes those types with MDBAttrs, the space of
	// what the kernel sends.
	MDBSetAttrs = family.Set{Space: "MDBA", Attrs: mDBSetAttrsTable[:]}
	// MDBGetAttrs is the MDBA_GET_ENTRY_* space of RTM_GETMDB requests for one
	// entry (not dumps); Messages describes RTM_GETMDB with MDBAttrs, the
	// space of what the kernel sends.
	MDBGetAttrs = family.Set{Space: "MDBA", Attrs: mDBGetAttrsTable[:]}
	// MDBEntryReqAttrs is the MDBE_ATTR_* space inside MDBA_SET_ENTRY_ATTRS
	// and MDBA_GET_ENTRY_ATTRS.
	MDBEntryReqAttrs = family.Set{Space: "MDBE_ATTR", Attrs: mDBEntryReqAttrsTable[:]}
	// ActionRootAttrs is the TCA_ROOT_* space of action messages
	// (RTM_*ACTION).
	ActionRootAttrs = family.Set{Space: "TCA_ROOT", Attrs: actionRootAttrsTable[:]}
	// ActionAttrs is the TCA_ACT_* space of each action in TCA_ROOT_TAB.
	// TCA_ACT_OPTIONS depends on TCA_ACT_KIND and is left undescribed.
	ActionAttrs = family.Set{Space: "TCA_ACT", Attrs: actionAttrsTable[:]}
)
