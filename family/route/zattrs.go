// Attribute tables written from the kernel's UAPI headers
// (include/uapi/linux/*.h), by hand where newer kernels added members.
// Keep them in step with golang.org/x/sys/unix: consts_linux_test.go
// compares every value both define.

package route

import "github.com/nlwire/nlwire/family"

// Link attributes (IFLA_*, include/uapi/linux/if_link.h): the attributes of RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK and RTM_SETLINK after an IfInfoMsg.
const (
	IFLA_UNSPEC                     = 0  // unused
	IFLA_ADDRESS                    = 1  // link-layer address
	IFLA_BROADCAST                  = 2  // link-layer address
	IFLA_IFNAME                     = 3  // string
	IFLA_MTU                        = 4  // u32
	IFLA_LINK                       = 5  // u32
	IFLA_QDISC                      = 6  // string
	IFLA_STATS                      = 7  // binary
	IFLA_COST                       = 8  // binary
	IFLA_PRIORITY                   = 9  // binary
	IFLA_MASTER                     = 10 // u32
	IFLA_WIRELESS                   = 11 // binary
	IFLA_PROTINFO                   = 12 // binary
	IFLA_TXQLEN                     = 13 // u32
	IFLA_MAP                        = 14 // binary
	IFLA_WEIGHT                     = 15 // u32
	IFLA_OPERSTATE                  = 16 // u8
	IFLA_LINKMODE                   = 17 // u8
	IFLA_LINKINFO                   = 18 // nested
	IFLA_NET_NS_PID                 = 19 // u32
	IFLA_IFALIAS                    = 20 // string
	IFLA_NUM_VF                     = 21 // u32
	IFLA_VFINFO_LIST                = 22 // nested
	IFLA_STATS64                    = 23 // binary
	IFLA_VF_PORTS                   = 24 // nested
	IFLA_PORT_SELF                  = 25 // nested
	IFLA_AF_SPEC                    = 26 // nested
	IFLA_GROUP                      = 27 // u32
	IFLA_NET_NS_FD                  = 28 // u32
	IFLA_EXT_MASK                   = 29 // u32
	IFLA_PROMISCUITY                = 30 // u32
	IFLA_NUM_TX_QUEUES              = 31 // u32
	IFLA_NUM_RX_QUEUES              = 32 // u32
	IFLA_CARRIER                    = 33 // u8
	IFLA_PHYS_PORT_ID               = 34 // binary
	IFLA_CARRIER_CHANGES            = 35 // u32
	IFLA_PHYS_SWITCH_ID             = 36 // binary
	IFLA_LINK_NETNSID               = 37 // s32
	IFLA_PHYS_PORT_NAME             = 38 // string
	IFLA_PROTO_DOWN                 = 39 // u8
	IFLA_GSO_MAX_SEGS               = 40 // u32
	IFLA_GSO_MAX_SIZE               = 41 // u32
	IFLA_PAD                        = 42 // padding for 64-bit alignment
	IFLA_XDP                        = 43 // nested
	IFLA_EVENT                      = 44 // u32
	IFLA_NEW_NETNSID                = 45 // s32
	IFLA_IF_NETNSID                 = 46 // s32, the older name of IFLA_TARGET_NETNSID
	IFLA_TARGET_NETNSID             = 46 // s32
	IFLA_CARRIER_UP_COUNT           = 47 // u32
	IFLA_CARRIER_DOWN_COUNT         = 48 // u32
	IFLA_NEW_IFINDEX                = 49 // s32
	IFLA_MIN_MTU                    = 50 // u32
	IFLA_MAX_MTU                    = 51 // u32
	IFLA_PROP_LIST                  = 52 // nested
	IFLA_ALT_IFNAME                 = 53 // string
	IFLA_PERM_ADDRESS               = 54 // link-layer address
	IFLA_PROTO_DOWN_REASON          = 55 // nested
	IFLA_PARENT_DEV_NAME            = 56 // string
	IFLA_PARENT_DEV_BUS_NAME        = 57 // string
	IFLA_GRO_MAX_SIZE               = 58 // u32
	IFLA_TSO_MAX_SIZE               = 59 // u32
	IFLA_TSO_MAX_SEGS               = 60 // u32
	IFLA_ALLMULTI                   = 61 // u32
	IFLA_DEVLINK_PORT               = 62 // nested
	IFLA_GSO_IPV4_MAX_SIZE          = 63 // u32
	IFLA_GRO_IPV4_MAX_SIZE          = 64 // u32
	IFLA_DPLL_PIN                   = 65 // nested
	IFLA_MAX_PACING_OFFLOAD_HORIZON = 66 // u32 or u64
	IFLA_NETNS_IMMUTABLE            = 67 // u8
	IFLA_HEADROOM                   = 68 // u16
	IFLA_TAILROOM                   = 69 // u16
)

var linkAttrs = [...]family.Attr{
	IFLA_UNSPEC:                     {Name: "IFLA_UNSPEC", Format: family.Binary},
	IFLA_ADDRESS:                    {Name: "IFLA_ADDRESS", Format: family.HWAddr},
	IFLA_BROADCAST:                  {Name: "IFLA_BROADCAST", Format: family.HWAddr},
	IFLA_IFNAME:                     {Name: "IFLA_IFNAME", Format: family.String},
	IFLA_MTU:                        {Name: "IFLA_MTU", Format: family.U32},
	IFLA_LINK:                       {Name: "IFLA_LINK", Format: family.U32},
	IFLA_QDISC:                      {Name: "IFLA_QDISC", Format: family.String},
	IFLA_STATS:                      {Name: "IFLA_STATS", Format: family.Binary},
	IFLA_COST:                       {Name: "IFLA_COST", Format: family.Binary},
	IFLA_PRIORITY:                   {Name: "IFLA_PRIORITY", Format: family.Binary},
	IFLA_MASTER:                     {Name: "IFLA_MASTER", Format: family.U32},
	IFLA_WIRELESS:                   {Name: "IFLA_WIRELESS", Format: family.Binary},
	IFLA_PROTINFO:                   {Name: "IFLA_PROTINFO", Format: family.Binary},
	IFLA_TXQLEN:                     {Name: "IFLA_TXQLEN", Format: family.U32},
	IFLA_MAP:                        {Name: "IFLA_MAP", Format: family.Binary},
	IFLA_WEIGHT:                     {Name: "IFLA_WEIGHT", Format: family.U32},
	IFLA_OPERSTATE:                  {Name: "IFLA_OPERSTATE", Format: family.U8},
	IFLA_LINKMODE:                   {Name: "IFLA_LINKMODE", Format: family.U8},
	IFLA_LINKINFO:                   {Name: "IFLA_LINKINFO", Format: family.Nested, Child: &LinkInfoAttrs},
	IFLA_NET_NS_PID:                 {Name: "IFLA_NET_NS_PID", Format: family.U32},
	IFLA_IFALIAS:                    {Name: "IFLA_IFALIAS", Format: family.String},
	IFLA_NUM_VF:                     {Name: "IFLA_NUM_VF", Format: family.U32},
	IFLA_VFINFO_LIST:                {Name: "IFLA_VFINFO_LIST", Format: family.Nested},
	IFLA_STATS64:                    {Name: "IFLA_STATS64", Format: family.Binary},
	IFLA_VF_PORTS:                   {Name: "IFLA_VF_PORTS", Format: family.Nested},
	IFLA_PORT_SELF:                  {Name: "IFLA_PORT_SELF", Format: family.Nested},
	IFLA_AF_SPEC:                    {Name: "IFLA_AF_SPEC", Format: family.Nested, Child: &AFSpecAttrs},
	IFLA_GROUP:                      {Name: "IFLA_GROUP", Format: family.U32},
	IFLA_NET_NS_FD:                  {Name: "IFLA_NET_NS_FD", Format: family.U32},
	IFLA_EXT_MASK:                   {Name: "IFLA_EXT_MASK", Format: family.U32},
	IFLA_PROMISCUITY:                {Name: "IFLA_PROMISCUITY", Format: family.U32},
	IFLA_NUM_TX_QUEUES:              {Name: "IFLA_NUM_TX_QUEUES", Format: family.U32},
	IFLA_NUM_RX_QUEUES:              {Name: "IFLA_NUM_RX_QUEUES", Format: family.U32},
	IFLA_CARRIER:                    {Name: "IFLA_CARRIER", Format: family.U8},
	IFLA_PHYS_PORT_ID:               {Name: "IFLA_PHYS_PORT_ID", Format: family.Binary},
	IFLA_CARRIER_CHANGES:            {Name: "IFLA_CARRIER_CHANGES", Format: family.U32},
	IFLA_PHYS_SWITCH_ID:             {Name: "IFLA_PHYS_SWITCH_ID", Format: family.Binary},
	IFLA_LINK_NETNSID:               {Name: "IFLA_LINK_NETNSID", Format: family.S32},
	IFLA_PHYS_PORT_NAME:             {Name: "IFLA_PHYS_PORT_NAME", Format: family.String},
	IFLA_PROTO_DOWN:                 {Name: "IFLA_PROTO_DOWN", Format: family.U8},
	IFLA_GSO_MAX_SEGS:               {Name: "IFLA_GSO_MAX_SEGS", Format: family.U32},
	IFLA_GSO_MAX_SIZE:               {Name: "IFLA_GSO_MAX_SIZE", Format: family.U32},
	IFLA_PAD:                        {Name: "IFLA_PAD", Format: family.Binary},
	IFLA_XDP:                        {Name: "IFLA_XDP", Format: family.Nested, Child: &XDPAttrs},
	IFLA_EVENT:                      {Name: "IFLA_EVENT", Format: family.U32},
	IFLA_NEW_NETNSID:                {Name: "IFLA_NEW_NETNSID", Format: family.S32},
	IFLA_TARGET_NETNSID:             {Name: "IFLA_TARGET_NETNSID", Format: family.S32},
	IFLA_CARRIER_UP_COUNT:           {Name: "IFLA_CARRIER_UP_COUNT", Format: family.U32},
	IFLA_CARRIER_DOWN_COUNT:         {Name: "IFLA_CARRIER_DOWN_COUNT", Format: family.U32},
	IFLA_NEW_IFINDEX:                {Name: "IFLA_NEW_IFINDEX", Format: family.S32},
	IFLA_MIN_MTU:                    {Name: "IFLA_MIN_MTU", Format: family.U32},
	IFLA_MAX_MTU:                    {Name: "IFLA_MAX_MTU", Format: family.U32},
	IFLA_PROP_LIST:                  {Name: "IFLA_PROP_LIST", Format: family.Nested, ChildRef: refLinkAttrs},
	IFLA_ALT_IFNAME:                 {Name: "IFLA_ALT_IFNAME", Format: family.String},
	IFLA_PERM_ADDRESS:               {Name: "IFLA_PERM_ADDRESS", Format: family.HWAddr},
	IFLA_PROTO_DOWN_REASON:          {Name: "IFLA_PROTO_DOWN_REASON", Format: family.Nested, Child: &ProtoDownReasonAttrs},
	IFLA_PARENT_DEV_NAME:            {Name: "IFLA_PARENT_DEV_NAME", Format: family.String},
	IFLA_PARENT_DEV_BUS_NAME:        {Name: "IFLA_PARENT_DEV_BUS_NAME", Format: family.String},
	IFLA_GRO_MAX_SIZE:               {Name: "IFLA_GRO_MAX_SIZE", Format: family.U32},
	IFLA_TSO_MAX_SIZE:               {Name: "IFLA_TSO_MAX_SIZE", Format: family.U32},
	IFLA_TSO_MAX_SEGS:               {Name: "IFLA_TSO_MAX_SEGS", Format: family.U32},
	IFLA_ALLMULTI:                   {Name: "IFLA_ALLMULTI", Format: family.U32},
	IFLA_DEVLINK_PORT:               {Name: "IFLA_DEVLINK_PORT", Format: family.Nested},
	IFLA_GSO_IPV4_MAX_SIZE:          {Name: "IFLA_GSO_IPV4_MAX_SIZE", Format: family.U32},
	IFLA_GRO_IPV4_MAX_SIZE:          {Name: "IFLA_GRO_IPV4_MAX_SIZE", Format: family.U32},
	IFLA_DPLL_PIN:                   {Name: "IFLA_DPLL_PIN", Format: family.Nested},
	IFLA_MAX_PACING_OFFLOAD_HORIZON: {Name: "IFLA_MAX_PACING_OFFLOAD_HORIZON", Format: family.UInt},
	IFLA_NETNS_IMMUTABLE:            {Name: "IFLA_NETNS_IMMUTABLE", Format: family.U8},
	IFLA_HEADROOM:                   {Name: "IFLA_HEADROOM", Format: family.U16},
	IFLA_TAILROOM:                   {Name: "IFLA_TAILROOM", Format: family.U16},
}

// Attributes inside IFLA_PROTO_DOWN_REASON (include/uapi/linux/if_link.h).
const (
	IFLA_PROTO_DOWN_REASON_UNSPEC = 0 // unused
	IFLA_PROTO_DOWN_REASON_MASK   = 1 // u32
	IFLA_PROTO_DOWN_REASON_VALUE  = 2 // u32
)

var protoDownReasonAttrs = [...]family.Attr{
	IFLA_PROTO_DOWN_REASON_UNSPEC: {Name: "IFLA_PROTO_DOWN_REASON_UNSPEC", Format: family.Binary},
	IFLA_PROTO_DOWN_REASON_MASK:   {Name: "IFLA_PROTO_DOWN_REASON_MASK", Format: family.U32},
	IFLA_PROTO_DOWN_REASON_VALUE:  {Name: "IFLA_PROTO_DOWN_REASON_VALUE", Format: family.U32},
}

// Attributes inside IFLA_LINKINFO (IFLA_INFO_*, include/uapi/linux/if_link.h).
const (
	IFLA_INFO_UNSPEC     = 0 // unused
	IFLA_INFO_KIND       = 1 // string
	IFLA_INFO_DATA       = 2 // nested
	IFLA_INFO_XSTATS     = 3 // binary
	IFLA_INFO_SLAVE_KIND = 4 // string
	IFLA_INFO_SLAVE_DATA = 5 // nested
)

var linkInfoAttrs = [...]family.Attr{
	IFLA_INFO_UNSPEC:     {Name: "IFLA_INFO_UNSPEC", Format: family.Binary},
	IFLA_INFO_KIND:       {Name: "IFLA_INFO_KIND", Format: family.String},
	IFLA_INFO_DATA:       {Name: "IFLA_INFO_DATA", Format: family.Nested, Key: IFLA_INFO_KIND, Variants: []family.Variant{{Value: "bridge", Set: &BridgeAttrs}, {Value: "macvlan", Set: &MacvlanAttrs}, {Value: "macvtap", Set: &MacvlanAttrs}, {Value: "veth", Set: &VethAttrs}, {Value: "vlan", Set: &VLANAttrs}, {Value: "vxlan", Set: &VXLANAttrs}}},
	IFLA_INFO_XSTATS:     {Name: "IFLA_INFO_XSTATS", Format: family.Binary},
	IFLA_INFO_SLAVE_KIND: {Name: "IFLA_INFO_SLAVE_KIND", Format: family.String},
	IFLA_INFO_SLAVE_DATA: {Name: "IFLA_INFO_SLAVE_DATA", Format: family.Nested, Key: IFLA_INFO_SLAVE_KIND, Variants: []family.Variant{{Value: "bridge", Set: &BridgePortAttrs}}},
}

// Attributes inside IFLA_XDP (IFLA_XDP_*, include/uapi/linux/if_link.h).
const (
	IFLA_XDP_UNSPEC      = 0 // unused
	IFLA_XDP_FD          = 1 // s32
	IFLA_XDP_ATTACHED    = 2 // u8
	IFLA_XDP_FLAGS       = 3 // u32
	IFLA_XDP_PROG_ID     = 4 // u32
	IFLA_XDP_DRV_PROG_ID = 5 // u32
	IFLA_XDP_SKB_PROG_ID = 6 // u32
	IFLA_XDP_HW_PROG_ID  = 7 // u32
	IFLA_XDP_EXPECTED_FD = 8 // s32
)

var xDPAttrs = [...]family.Attr{
	IFLA_XDP_UNSPEC:      {Name: "IFLA_XDP_UNSPEC", Format: family.Binary},
	IFLA_XDP_FD:          {Name: "IFLA_XDP_FD", Format: family.S32},
	IFLA_XDP_ATTACHED:    {Name: "IFLA_XDP_ATTACHED", Format: family.U8},
	IFLA_XDP_FLAGS:       {Name: "IFLA_XDP_FLAGS", Format: family.U32},
	IFLA_XDP_PROG_ID:     {Name: "IFLA_XDP_PROG_ID", Format: family.U32},
	IFLA_XDP_DRV_PROG_ID: {Name: "IFLA_XDP_DRV_PROG_ID", Format: family.U32},
	IFLA_XDP_SKB_PROG_ID: {Name: "IFLA_XDP_SKB_PROG_ID", Format: family.U32},
	IFLA_XDP_HW_PROG_ID:  {Name: "IFLA_XDP_HW_PROG_ID", Format: family.U32},
	IFLA_XDP_EXPECTED_FD: {Name: "IFLA_XDP_EXPECTED_FD", Format: family.S32},
}

// Attributes inside the AF_INET entry of IFLA_AF_SPEC (IFLA_INET_*, include/uapi/linux/if_link.h).
const (
	IFLA_INET_UNSPEC = 0 // unused
	IFLA_INET_CONF   = 1 // binary
)

var inetAttrs = [...]family.Attr{
	IFLA_INET_UNSPEC: {Name: "IFLA_INET_UNSPEC", Format: family.Binary},
	IFLA_INET_CONF:   {Name: "IFLA_INET_CONF", Format: family.Binary, Child: &IPv4DevconfAttrs},
}

// IPv4 device settings (IPV4_DEVCONF_*, include/uapi/linux/ip.h): the u32 attributes inside IFLA_INET_CONF, numbered as the net.ipv4.conf sysctls.
const (
	IPV4_DEVCONF_FORWARDING                         = 1  // u32
	IPV4_DEVCONF_MC_FORWARDING                      = 2  // u32
	IPV4_DEVCONF_PROXY_ARP                          = 3  // u32
	IPV4_DEVCONF_ACCEPT_REDIRECTS                   = 4  // u32
	IPV4_DEVCONF_SECURE_REDIRECTS                   = 5  // u32
	IPV4_DEVCONF_SEND_REDIRECTS                     = 6  // u32
	IPV4_DEVCONF_SHARED_MEDIA                       = 7  // u32
	IPV4_DEVCONF_RP_FILTER                          = 8  // u32
	IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE                = 9  // u32
	IPV4_DEVCONF_BOOTP_RELAY                        = 10 // u32
	IPV4_DEVCONF_LOG_MARTIANS                       = 11 // u32
	IPV4_DEVCONF_TAG                                = 12 // u32
	IPV4_DEVCONF_ARPFILTER                          = 13 // u32
	IPV4_DEVCONF_MEDIUM_ID                          = 14 // u32
	IPV4_DEVCONF_NOXFRM                             = 15 // u32
	IPV4_DEVCONF_NOPOLICY                           = 16 // u32
	IPV4_DEVCONF_FORCE_IGMP_VERSION                 = 17 // u32
	IPV4_DEVCONF_ARP_ANNOUNCE                       = 18 // u32
	IPV4_DEVCONF_ARP_IGNORE                         = 19 // u32
	IPV4_DEVCONF_PROMOTE_SECONDARIES                = 20 // u32
	IPV4_DEVCONF_ARP_ACCEPT                         = 21 // u32
	IPV4_DEVCONF_ARP_NOTIFY                         = 22 // u32
	IPV4_DEVCONF_ACCEPT_LOCAL                       = 23 // u32
	IPV4_DEVCONF_SRC_VMARK                          = 24 // u32
	IPV4_DEVCONF_PROXY_ARP_PVLAN                    = 25 // u32
	IPV4_DEVCONF_ROUTE_LOCALNET                     = 26 // u32
	IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL = 27 // u32
	IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL = 28 // u32
	IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN        = 29 // u32
	IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST       = 30 // u32
	IPV4_DEVCONF_DROP_GRATUITOUS_ARP                = 31 // u32
	IPV4_DEVCONF_BC_FORWARDING                      = 32 // u32
	IPV4_DEVCONF_ARP_EVICT_NOCARRIER                = 33 // u32
)

var iPv4DevconfAttrs = [...]family.Attr{
	IPV4_DEVCONF_FORWARDING:                         {Name: "IPV4_DEVCONF_FORWARDING", Format: family.U32},
	IPV4_DEVCONF_MC_FORWARDING:                      {Name: "IPV4_DEVCONF_MC_FORWARDING", Format: family.U32},
	IPV4_DEVCONF_PROXY_ARP:                          {Name: "IPV4_DEVCONF_PROXY_ARP", Format: family.U32},
	IPV4_DEVCONF_ACCEPT_REDIRECTS:                   {Name: "IPV4_DEVCONF_ACCEPT_REDIRECTS", Format: family.U32},
	IPV4_DEVCONF_SECURE_REDIRECTS:                   {Name: "IPV4_DEVCONF_SECURE_REDIRECTS", Format: family.U32},
	IPV4_DEVCONF_SEND_REDIRECTS:                     {Name: "IPV4_DEVCONF_SEND_REDIRECTS", Format: family.U32},
	IPV4_DEVCONF_SHARED_MEDIA:                       {Name: "IPV4_DEVCONF_SHARED_MEDIA", Format: family.U32},
	IPV4_DEVCONF_RP_FILTER:                          {Name: "IPV4_DEVCONF_RP_FILTER", Format: family.U32},
	IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE:                {Name: "IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE", Format: family.U32},
	IPV4_DEVCONF_BOOTP_RELAY:                        {Name: "IPV4_DEVCONF_BOOTP_RELAY", Format: family.U32},
	IPV4_DEVCONF_LOG_MARTIANS:                       {Name: "IPV4_DEVCONF_LOG_MARTIANS", Format: family.U32},
	IPV4_DEVCONF_TAG:                                {Name: "IPV4_DEVCONF_TAG", Format: family.U32},
	IPV4_DEVCONF_ARPFILTER:                          {Name: "IPV4_DEVCONF_ARPFILTER", Format: family.U32},
	IPV4_DEVCONF_MEDIUM_ID:                          {Name: "IPV4_DEVCONF_MEDIUM_ID", Format: family.U32},
	IPV4_DEVCONF_NOXFRM:                             {Name: "IPV4_DEVCONF_NOXFRM", Format: family.U32},
	IPV4_DEVCONF_NOPOLICY:                           {Name: "IPV4_DEVCONF_NOPOLICY", Format: family.U32},
	IPV4_DEVCONF_FORCE_IGMP_VERSION:                 {Name: "IPV4_DEVCONF_FORCE_IGMP_VERSION", Format: family.U32},
	IPV4_DEVCONF_ARP_ANNOUNCE:                       {Name: "IPV4_DEVCONF_ARP_ANNOUNCE", Format: family.U32},
	IPV4_DEVCONF_ARP_IGNORE:                         {Name: "IPV4_DEVCONF_ARP_IGNORE", Format: family.U32},
	IPV4_DEVCONF_PROMOTE_SECONDARIES:                {Name: "IPV4_DEVCONF_PROMOTE_SECONDARIES", Format: family.U32},
	IPV4_DEVCONF_ARP_ACCEPT:                         {Name: "IPV4_DEVCONF_ARP_ACCEPT", Format: family.U32},
	IPV4_DEVCONF_ARP_NOTIFY:                         {Name: "IPV4_DEVCONF_ARP_NOTIFY", Format: family.U32},
	IPV4_DEVCONF_ACCEPT_LOCAL:                       {Name: "IPV4_DEVCONF_ACCEPT_LOCAL", Format: family.U32},
	IPV4_DEVCONF_SRC_VMARK:                          {Name: "IPV4_DEVCONF_SRC_VMARK", Format: family.U32},
	IPV4_DEVCONF_PROXY_ARP_PVLAN:                    {Name: "IPV4_DEVCONF_PROXY_ARP_PVLAN", Format: family.U32},
	IPV4_DEVCONF_ROUTE_LOCALNET:                     {Name: "IPV4_DEVCONF_ROUTE_LOCALNET", Format: family.U32},
	IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL: {Name: "IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL", Format: family.U32},
	IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL: {Name: "IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL", Format: family.U32},
	IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN:        {Name: "IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN", Format: family.U32},
	IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST:       {Name: "IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST", Format: family.U32},
	IPV4_DEVCONF_DROP_GRATUITOUS_ARP:                {Name: "IPV4_DEVCONF_DROP_GRATUITOUS_ARP", Format: family.U32},
	IPV4_DEVCONF_BC_FORWARDING:                      {Name: "IPV4_DEVCONF_BC_FORWARDING", Format: family.U32},
	IPV4_DEVCONF_ARP_EVICT_NOCARRIER:                {Name: "IPV4_DEVCONF_ARP_EVICT_NOCARRIER", Format: family.U32},
}

// Attributes inside the AF_INET6 entry of IFLA_AF_SPEC (IFLA_INET6_*, include/uapi/linux/if_link.h).
const (
	IFLA_INET6_UNSPEC        = 0 // unused
	IFLA_INET6_FLAGS         = 1 // u32
	IFLA_INET6_CONF          = 2 // binary
	IFLA_INET6_STATS         = 3 // binary
	IFLA_INET6_MCAST         = 4 // binary
	IFLA_INET6_CACHEINFO     = 5 // binary
	IFLA_INET6_ICMP6STATS    = 6 // binary
	IFLA_INET6_TOKEN         = 7 // IP address
	IFLA_INET6_ADDR_GEN_MODE = 8 // u8
	IFLA_INET6_RA_MTU        = 9 // u32
)

var inet6Attrs = [...]family.Attr{
	IFLA_INET6_UNSPEC:        {Name: "IFLA_INET6_UNSPEC", Format: family.Binary},
	IFLA_INET6_FLAGS:         {Name: "IFLA_INET6_FLAGS", Format: family.U32},
	IFLA_INET6_CONF:          {Name: "IFLA_INET6_CONF", Format: family.Binary},
	IFLA_INET6_STATS:         {Name: "IFLA_INET6_STATS", Format: family.Binary},
	IFLA_INET6_MCAST:         {Name: "IFLA_INET6_MCAST", Format: family.Binary},
	IFLA_INET6_CACHEINFO:     {Name: "IFLA_INET6_CACHEINFO", Format: family.Binary},
	IFLA_INET6_ICMP6STATS:    {Name: "IFLA_INET6_ICMP6STATS", Format: family.Binary},
	IFLA_INET6_TOKEN:         {Name: "IFLA_INET6_TOKEN", Format: family.IPAddr},
	IFLA_INET6_ADDR_GEN_MODE: {Name: "IFLA_INET6_ADDR_GEN_MODE", Format: family.U8},
	IFLA_INET6_RA_MTU:        {Name: "IFLA_INET6_RA_MTU", Format: family.U32},
}

// Attributes inside IFLA_INFO_DATA of a veth link (VETH_INFO_*, include/uapi/linux/veth.h). VETH_INFO_PEER holds a struct ifinfomsg followed by link attributes.
const (
	VETH_INFO_UNSPEC = 0 // unused
	VETH_INFO_PEER   = 1 // nested
)

var vethAttrs = [...]family.Attr{
	VETH_INFO_UNSPEC: {Name: "VETH_INFO_UNSPEC", Format: family.Binary},
	VETH_INFO_PEER:   {Name: "VETH_INFO_PEER", Format: family.Nested, Header: 16, ChildRef: refLinkAttrs},
}

// Attributes inside IFLA_INFO_DATA of a VLAN link (IFLA_VLAN_*, include/uapi/linux/if_link.h).
const (
	IFLA_VLAN_UNSPEC      = 0 // unused
	IFLA_VLAN_ID          = 1 // u16
	IFLA_VLAN_FLAGS       = 2 // binary
	IFLA_VLAN_EGRESS_QOS  = 3 // nested
	IFLA_VLAN_INGRESS_QOS = 4 // nested
	IFLA_VLAN_PROTOCOL    = 5 // big-endian u16
)

var vLANAttrs = [...]family.Attr{
	IFLA_VLAN_UNSPEC:      {Name: "IFLA_VLAN_UNSPEC", Format: family.Binary},
	IFLA_VLAN_ID:          {Name: "IFLA_VLAN_ID", Format: family.U16},
	IFLA_VLAN_FLAGS:       {Name: "IFLA_VLAN_FLAGS", Format: family.Binary},
	IFLA_VLAN_EGRESS_QOS:  {Name: "IFLA_VLAN_EGRESS_QOS", Format: family.Nested},
	IFLA_VLAN_INGRESS_QOS: {Name: "IFLA_VLAN_INGRESS_QOS", Format: family.Nested},
	IFLA_VLAN_PROTOCOL:    {Name: "IFLA_VLAN_PROTOCOL", Format: family.BE16},
}

// Attributes inside IFLA_INFO_DATA of a bridge (IFLA_BR_*, include/uapi/linux/if_link.h).
const (
	IFLA_BR_UNSPEC                     = 0  // unused
	IFLA_BR_FORWARD_DELAY              = 1  // u32
	IFLA_BR_HELLO_TIME                 = 2  // u32
	IFLA_BR_MAX_AGE                    = 3  // u32
	IFLA_BR_AGEING_TIME                = 4  // u32
	IFLA_BR_STP_STATE                  = 5  // u32
	IFLA_BR_PRIORITY                   = 6  // u16
	IFLA_BR_VLAN_FILTERING             = 7  // u8
	IFLA_BR_VLAN_PROTOCOL              = 8  // big-endian u16
	IFLA_BR_GROUP_FWD_MASK             = 9  // u16
	IFLA_BR_ROOT_ID                    = 10 // binary
	IFLA_BR_BRIDGE_ID                  = 11 // binary
	IFLA_BR_ROOT_PORT                  = 12 // u16
	IFLA_BR_ROOT_PATH_COST             = 13 // u32
	IFLA_BR_TOPOLOGY_CHANGE            = 14 // u8
	IFLA_BR_TOPOLOGY_CHANGE_DETECTED   = 15 // u8
	IFLA_BR_HELLO_TIMER                = 16 // u64
	IFLA_BR_TCN_TIMER                  = 17 // u64
	IFLA_BR_TOPOLOGY_CHANGE_TIMER      = 18 // u64
	IFLA_BR_GC_TIMER                   = 19 // u64
	IFLA_BR_GROUP_ADDR                 = 20 // link-layer address
	IFLA_BR_FDB_FLUSH                  = 21 // flag
	IFLA_BR_MCAST_ROUTER               = 22 // u8
	IFLA_BR_MCAST_SNOOPING             = 23 // u8
	IFLA_BR_MCAST_QUERY_USE_IFADDR     = 24 // u8
	IFLA_BR_MCAST_QUERIER              = 25 // u8
	IFLA_BR_MCAST_HASH_ELASTICITY      = 26 // u32
	IFLA_BR_MCAST_HASH_MAX             = 27 // u32
	IFLA_BR_MCAST_LAST_MEMBER_CNT      = 28 // u32
	IFLA_BR_MCAST_STARTUP_QUERY_CNT    = 29 // u32
	IFLA_BR_MCAST_LAST_MEMBER_INTVL    = 30 // u64
	IFLA_BR_MCAST_MEMBERSHIP_INTVL     = 31 // u64
	IFLA_BR_MCAST_QUERIER_INTVL        = 32 // u64
	IFLA_BR_MCAST_QUERY_INTVL          = 33 // u64
	IFLA_BR_MCAST_QUERY_RESPONSE_INTVL = 34 // u64
	IFLA_BR_MCAST_STARTUP_QUERY_INTVL  = 35 // u64
	IFLA_BR_NF_CALL_IPTABLES           = 36 // u8
	IFLA_BR_NF_CALL_IP6TABLES          = 37 // u8
	IFLA_BR_NF_CALL_ARPTABLES          = 38 // u8
	IFLA_BR_VLAN_DEFAULT_PVID          = 39 // u16
	IFLA_BR_PAD                        = 40 // padding for 64-bit alignment
	IFLA_BR_VLAN_STATS_ENABLED         = 41 // u8
	IFLA_BR_MCAST_STATS_ENABLED        = 42 // u8
	IFLA_BR_MCAST_IGMP_VERSION         = 43 // u8
	IFLA_BR_MCAST_MLD_VERSION          = 44 // u8
	IFLA_BR_VLAN_STATS_PER_PORT        = 45 // u8
	IFLA_BR_MULTI_BOOLOPT              = 46 // binary
	IFLA_BR_MCAST_QUERIER_STATE        = 47 // nested
	IFLA_BR_FDB_N_LEARNED              = 48 // u32
	IFLA_BR_FDB_MAX_LEARNED            = 49 // u32
)

var bridgeAttrs = [...]family.Attr{
	IFLA_BR_UNSPEC:                     {Name: "IFLA_BR_UNSPEC", Format: family.Binary},
	IFLA_BR_FORWARD_DELAY:              {Name: "IFLA_BR_FORWARD_DELAY", Format: family.U32},
	IFLA_BR_HELLO_TIME:                 {Name: "IFLA_BR_HELLO_TIME", Format: family.U32},
	IFLA_BR_MAX_AGE:                    {Name: "IFLA_BR_MAX_AGE", Format: family.U32},
	IFLA_BR_AGEING_TIME:                {Name: "IFLA_BR_AGEING_TIME", Format: family.U32},
	IFLA_BR_STP_STATE:                  {Name: "IFLA_BR_STP_STATE", Format: family.U32},
	IFLA_BR_PRIORITY:                   {Name: "IFLA_BR_PRIORITY", Format: family.U16},
	IFLA_BR_VLAN_FILTERING:             {Name: "IFLA_BR_VLAN_FILTERING", Format: family.U8},
	IFLA_BR_VLAN_PROTOCOL:              {Name: "IFLA_BR_VLAN_PROTOCOL", Format: family.BE16},
	IFLA_BR_GROUP_FWD_MASK:             {Name: "IFLA_BR_GROUP_FWD_MASK", Format: family.U16},
	IFLA_BR_ROOT_ID:                    {Name: "IFLA_BR_ROOT_ID", Format: family.Binary},
	IFLA_BR_BRIDGE_ID:                  {Name: "IFLA_BR_BRIDGE_ID", Format: family.Binary},
	IFLA_BR_ROOT_PORT:                  {Name: "IFLA_BR_ROOT_PORT", Format: family.U16},
	IFLA_BR_ROOT_PATH_COST:             {Name: "IFLA_BR_ROOT_PATH_COST", Format: family.U32},
	IFLA_BR_TOPOLOGY_CHANGE:            {Name: "IFLA_BR_TOPOLOGY_CHANGE", Format: family.U8},
	IFLA_BR_TOPOLOGY_CHANGE_DETECTED:   {Name: "IFLA_BR_TOPOLOGY_CHANGE_DETECTED", Format: family.U8},
	IFLA_BR_HELLO_TIMER:                {Name: "IFLA_BR_HELLO_TIMER", Format: family.U64},
	IFLA_BR_TCN_TIMER:                  {Name: "IFLA_BR_TCN_TIMER", Format: family.U64},
	IFLA_BR_TOPOLOGY_CHANGE_TIMER:      {Name: "IFLA_BR_TOPOLOGY_CHANGE_TIMER", Format: family.U64},
	IFLA_BR_GC_TIMER:                   {Name: "IFLA_BR_GC_TIMER", Format: family.U64},
	IFLA_BR_GROUP_ADDR:                 {Name: "IFLA_BR_GROUP_ADDR", Format: family.HWAddr},
	IFLA_BR_FDB_FLUSH:                  {Name: "IFLA_BR_FDB_FLUSH", Format: family.Flag},
	IFLA_BR_MCAST_ROUTER:               {Name: "IFLA_BR_MCAST_ROUTER", Format: family.U8},
	IFLA_BR_MCAST_SNOOPING:             {Name: "IFLA_BR_MCAST_SNOOPING", Format: family.U8},
	IFLA_BR_MCAST_QUERY_USE_IFADDR:     {Name: "IFLA_BR_MCAST_QUERY_USE_IFADDR", Format: family.U8},
	IFLA_BR_MCAST_QUERIER:              {Name: "IFLA_BR_MCAST_QUERIER", Format: family.U8},
	IFLA_BR_MCAST_HASH_ELASTICITY:      {Name: "IFLA_BR_MCAST_HASH_ELASTICITY", Format: family.U32},
	IFLA_BR_MCAST_HASH_MAX:             {Name: "IFLA_BR_MCAST_HASH_MAX", Format: family.U32},
	IFLA_BR_MCAST_LAST_MEMBER_CNT:      {Name: "IFLA_BR_MCAST_LAST_MEMBER_CNT", Format: family.U32},
	IFLA_BR_MCAST_STARTUP_QUERY_CNT:    {Name: "IFLA_BR_MCAST_STARTUP_QUERY_CNT", Format: family.U32},
	IFLA_BR_MCAST_LAST_MEMBER_INTVL:    {Name: "IFLA_BR_MCAST_LAST_MEMBER_INTVL", Format: family.U64},
	IFLA_BR_MCAST_MEMBERSHIP_INTVL:     {Name: "IFLA_BR_MCAST_MEMBERSHIP_INTVL", Format: family.U64},
	IFLA_BR_MCAST_QUERIER_INTVL:        {Name: "IFLA_BR_MCAST_QUERIER_INTVL", Format: family.U64},
	IFLA_BR_MCAST_QUERY_INTVL:          {Name: "IFLA_BR_MCAST_QUERY_INTVL", Format: family.U64},
	IFLA_BR_MCAST_QUERY_RESPONSE_INTVL: {Name: "IFLA_BR_MCAST_QUERY_RESPONSE_INTVL", Format: family.U64},
	IFLA_BR_MCAST_STARTUP_QUERY_INTVL:  {Name: "IFLA_BR_MCAST_STARTUP_QUERY_INTVL", Format: family.U64},
	IFLA_BR_NF_CALL_IPTABLES:           {Name: "IFLA_BR_NF_CALL_IPTABLES", Format: family.U8},
	IFLA_BR_NF_CALL_IP6TABLES:          {Name: "IFLA_BR_NF_CALL_IP6TABLES", Format: family.U8},
	IFLA_BR_NF_CALL_ARPTABLES:          {Name: "IFLA_BR_NF_CALL_ARPTABLES", Format: family.U8},
	IFLA_BR_VLAN_DEFAULT_PVID:          {Name: "IFLA_BR_VLAN_DEFAULT_PVID", Format: family.U16},
	IFLA_BR_PAD:                        {Name: "IFLA_BR_PAD", Format: family.Binary},
	IFLA_BR_VLAN_STATS_ENABLED:         {Name: "IFLA_BR_VLAN_STATS_ENABLED", Format: family.U8},
	IFLA_BR_MCAST_STATS_ENABLED:        {Name: "IFLA_BR_MCAST_STATS_ENABLED", Format: family.U8},
	IFLA_BR_MCAST_IGMP_VERSION:         {Name: "IFLA_BR_MCAST_IGMP_VERSION", Format: family.U8},
	IFLA_BR_MCAST_MLD_VERSION:          {Name: "IFLA_BR_MCAST_MLD_VERSION", Format: family.U8},
	IFLA_BR_VLAN_STATS_PER_PORT:        {Name: "IFLA_BR_VLAN_STATS_PER_PORT", Format: family.U8},
	IFLA_BR_MULTI_BOOLOPT:              {Name: "IFLA_BR_MULTI_BOOLOPT", Format: family.Binary},
	IFLA_BR_MCAST_QUERIER_STATE:        {Name: "IFLA_BR_MCAST_QUERIER_STATE", Format: family.Nested},
	IFLA_BR_FDB_N_LEARNED:              {Name: "IFLA_BR_FDB_N_LEARNED", Format: family.U32},
	IFLA_BR_FDB_MAX_LEARNED:            {Name: "IFLA_BR_FDB_MAX_LEARNED", Format: family.U32},
}

// Attributes inside IFLA_INFO_SLAVE_DATA of a bridge port (IFLA_BRPORT_*, include/uapi/linux/if_link.h).
const (
	IFLA_BRPORT_UNSPEC                = 0  // unused
	IFLA_BRPORT_STATE                 = 1  // u8
	IFLA_BRPORT_PRIORITY              = 2  // u16
	IFLA_BRPORT_COST                  = 3  // u32
	IFLA_BRPORT_MODE                  = 4  // u8
	IFLA_BRPORT_GUARD                 = 5  // u8
	IFLA_BRPORT_PROTECT               = 6  // u8
	IFLA_BRPORT_FAST_LEAVE            = 7  // u8
	IFLA_BRPORT_LEARNING              = 8  // u8
	IFLA_BRPORT_UNICAST_FLOOD         = 9  // u8
	IFLA_BRPORT_PROXYARP              = 10 // u8
	IFLA_BRPORT_LEARNING_SYNC         = 11 // u8
	IFLA_BRPORT_PROXYARP_WIFI         = 12 // u8
	IFLA_BRPORT_ROOT_ID               = 13 // binary
	IFLA_BRPORT_BRIDGE_ID             = 14 // binary
	IFLA_BRPORT_DESIGNATED_PORT       = 15 // u16
	IFLA_BRPORT_DESIGNATED_COST       = 16 // u16
	IFLA_BRPORT_ID                    = 17 // u16
	IFLA_BRPORT_NO                    = 18 // u16
	IFLA_BRPORT_TOPOLOGY_CHANGE_ACK   = 19 // u8
	IFLA_BRPORT_CONFIG_PENDING        = 20 // u8
	IFLA_BRPORT_MESSAGE_AGE_TIMER     = 21 // u64
	IFLA_BRPORT_FORWARD_DELAY_TIMER   = 22 // u64
	IFLA_BRPORT_HOLD_TIMER            = 23 // u64
	IFLA_BRPORT_FLUSH                 = 24 // flag
	IFLA_BRPORT_MULTICAST_ROUTER      = 25 // u8
	IFLA_BRPORT_PAD                   = 26 // padding for 64-bit alignment
	IFLA_BRPORT_MCAST_FLOOD           = 27 // u8
	IFLA_BRPORT_MCAST_TO_UCAST        = 28 // u8
	IFLA_BRPORT_VLAN_TUNNEL           = 29 // u8
	IFLA_BRPORT_BCAST_FLOOD           = 30 // u8
	IFLA_BRPORT_GROUP_FWD_MASK        = 31 // u16
	IFLA_BRPORT_NEIGH_SUPPRESS        = 32 // u8
	IFLA_BRPORT_ISOLATED              = 33 // u8
	IFLA_BRPORT_BACKUP_PORT           = 34 // u32
	IFLA_BRPORT_MRP_RING_OPEN         = 35 // u8
	IFLA_BRPORT_MRP_IN_OPEN           = 36 // u8
	IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT = 37 // u32
	IFLA_BRPORT_MCAST_EHT_HOSTS_CNT   = 38 // u32
	IFLA_BRPORT_LOCKED                = 39 // u8
	IFLA_BRPORT_MAB                   = 40 // u8
	IFLA_BRPORT_MCAST_N_GROUPS        = 41 // u32
	IFLA_BRPORT_MCAST_MAX_GROUPS      = 42 // u32
	IFLA_BRPORT_NEIGH_VLAN_SUPPRESS   = 43 // u8
	IFLA_BRPORT_BACKUP_NHID           = 44 // u32
)

var bridgePortAttrs = [...]family.Attr{
	IFLA_BRPORT_UNSPEC:                {Name: "IFLA_BRPORT_UNSPEC", Format: family.Binary},
	IFLA_BRPORT_STATE:                 {Name: "IFLA_BRPORT_STATE", Format: family.U8},
	IFLA_BRPORT_PRIORITY:              {Name: "IFLA_BRPORT_PRIORITY", Format: family.U16},
	IFLA_BRPORT_COST:                  {Name: "IFLA_BRPORT_COST", Format: family.U32},
	IFLA_BRPORT_MODE:                  {Name: "IFLA_BRPORT_MODE", Format: family.U8},
	IFLA_BRPORT_GUARD:                 {Name: "IFLA_BRPORT_GUARD", Format: family.U8},
	IFLA_BRPORT_PROTECT:               {Name: "IFLA_BRPORT_PROTECT", Format: family.U8},
	IFLA_BRPORT_FAST_LEAVE:            {Name: "IFLA_BRPORT_FAST_LEAVE", Format: family.U8},
	IFLA_BRPORT_LEARNING:              {Name: "IFLA_BRPORT_LEARNING", Format: family.U8},
	IFLA_BRPORT_UNICAST_FLOOD:         {Name: "IFLA_BRPORT_UNICAST_FLOOD", Format: family.U8},
	IFLA_BRPORT_PROXYARP:              {Name: "IFLA_BRPORT_PROXYARP", Format: family.U8},
	IFLA_BRPORT_LEARNING_SYNC:         {Name: "IFLA_BRPORT_LEARNING_SYNC", Format: family.U8},
	IFLA_BRPORT_PROXYARP_WIFI:         {Name: "IFLA_BRPORT_PROXYARP_WIFI", Format: family.U8},
	IFLA_BRPORT_ROOT_ID:               {Name: "IFLA_BRPORT_ROOT_ID", Format: family.Binary},
	IFLA_BRPORT_BRIDGE_ID:             {Name: "IFLA_BRPORT_BRIDGE_ID", Format: family.Binary},
	IFLA_BRPORT_DESIGNATED_PORT:       {Name: "IFLA_BRPORT_DESIGNATED_PORT", Format: family.U16},
	IFLA_BRPORT_DESIGNATED_COST:       {Name: "IFLA_BRPORT_DESIGNATED_COST", Format: family.U16},
	IFLA_BRPORT_ID:                    {Name: "IFLA_BRPORT_ID", Format: family.U16},
	IFLA_BRPORT_NO:                    {Name: "IFLA_BRPORT_NO", Format: family.U16},
	IFLA_BRPORT_TOPOLOGY_CHANGE_ACK:   {Name: "IFLA_BRPORT_TOPOLOGY_CHANGE_ACK", Format: family.U8},
	IFLA_BRPORT_CONFIG_PENDING:        {Name: "IFLA_BRPORT_CONFIG_PENDING", Format: family.U8},
	IFLA_BRPORT_MESSAGE_AGE_TIMER:     {Name: "IFLA_BRPORT_MESSAGE_AGE_TIMER", Format: family.U64},
	IFLA_BRPORT_FORWARD_DELAY_TIMER:   {Name: "IFLA_BRPORT_FORWARD_DELAY_TIMER", Format: family.U64},
	IFLA_BRPORT_HOLD_TIMER:            {Name: "IFLA_BRPORT_HOLD_TIMER", Format: family.U64},
	IFLA_BRPORT_FLUSH:                 {Name: "IFLA_BRPORT_FLUSH", Format: family.Flag},
	IFLA_BRPORT_MULTICAST_ROUTER:      {Name: "IFLA_BRPORT_MULTICAST_ROUTER", Format: family.U8},
	IFLA_BRPORT_PAD:                   {Name: "IFLA_BRPORT_PAD", Format: family.Binary},
	IFLA_BRPORT_MCAST_FLOOD:           {Name: "IFLA_BRPORT_MCAST_FLOOD", Format: family.U8},
	IFLA_BRPORT_MCAST_TO_UCAST:        {Name: "IFLA_BRPORT_MCAST_TO_UCAST", Format: family.U8},
	IFLA_BRPORT_VLAN_TUNNEL:           {Name: "IFLA_BRPORT_VLAN_TUNNEL", Format: family.U8},
	IFLA_BRPORT_BCAST_FLOOD:           {Name: "IFLA_BRPORT_BCAST_FLOOD", Format: family.U8},
	IFLA_BRPORT_GROUP_FWD_MASK:        {Name: "IFLA_BRPORT_GROUP_FWD_MASK", Format: family.U16},
	IFLA_BRPORT_NEIGH_SUPPRESS:        {Name: "IFLA_BRPORT_NEIGH_SUPPRESS", Format: family.U8},
	IFLA_BRPORT_ISOLATED:              {Name: "IFLA_BRPORT_ISOLATED", Format: family.U8},
	IFLA_BRPORT_BACKUP_PORT:           {Name: "IFLA_BRPORT_BACKUP_PORT", Format: family.U32},
	IFLA_BRPORT_MRP_RING_OPEN:         {Name: "IFLA_BRPORT_MRP_RING_OPEN", Format: family.U8},
	IFLA_BRPORT_MRP_IN_OPEN:           {Name: "IFLA_BRPORT_MRP_IN_OPEN", Format: family.U8},
	IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT: {Name: "IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT", Format: family.U32},
	IFLA_BRPORT_MCAST_EHT_HOSTS_CNT:   {Name: "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT", Format: family.U32},
	IFLA_BRPORT_LOCKED:                {Name: "IFLA_BRPORT_LOCKED", Format: family.U8},
	IFLA_BRPORT_MAB:                   {Name: "IFLA_BRPORT_MAB", Format: family.U8},
	IFLA_BRPORT_MCAST_N_GROUPS:        {Name: "IFLA_BRPORT_MCAST_N_GROUPS", Format: family.U32},
	IFLA_BRPORT_MCAST_MAX_GROUPS:      {Name: "IFLA_BRPORT_MCAST_MAX_GROUPS", Format: family.U32},
	IFLA_BRPORT_NEIGH_VLAN_SUPPRESS:   {Name: "IFLA_BRPORT_NEIGH_VLAN_SUPPRESS", Format: family.U8},
	IFLA_BRPORT_BACKUP_NHID:           {Name: "IFLA_BRPORT_BACKUP_NHID", Format: family.U32},
}

// Attributes inside IFLA_INFO_DATA of a macvlan or macvtap link
// (IFLA_MACVLAN_*, include/uapi/linux/if_link.h; types from
// drivers/net/macvlan.c's macvlan_policy and macvlan_fill_info).
const (
	IFLA_MACVLAN_UNSPEC            = 0 // unused
	IFLA_MACVLAN_MODE              = 1 // u32: MACVLAN_MODE_*
	IFLA_MACVLAN_FLAGS             = 2 // u16: MACVLAN_FLAG_*
	IFLA_MACVLAN_MACADDR_MODE      = 3 // u32: MACVLAN_MACADDR_* (requests)
	IFLA_MACVLAN_MACADDR           = 4 // a MAC address
	IFLA_MACVLAN_MACADDR_DATA      = 5 // nested: IFLA_MACVLAN_MACADDR entries
	IFLA_MACVLAN_MACADDR_COUNT     = 6 // u32
	IFLA_MACVLAN_BC_QUEUE_LEN      = 7 // u32
	IFLA_MACVLAN_BC_QUEUE_LEN_USED = 8 // u32 (replies only: NLA_REJECT in requests)
	IFLA_MACVLAN_BC_CUTOFF         = 9 // s32
)

var macvlanAttrs = [...]family.Attr{
	IFLA_MACVLAN_UNSPEC:            {Name: "IFLA_MACVLAN_UNSPEC", Format: family.Binary},
	IFLA_MACVLAN_MODE:              {Name: "IFLA_MACVLAN_MODE", Format: family.U32},
	IFLA_MACVLAN_FLAGS:             {Name: "IFLA_MACVLAN_FLAGS", Format: family.U16},
	IFLA_MACVLAN_MACADDR_MODE:      {Name: "IFLA_MACVLAN_MACADDR_MODE", Format: family.U32},
	IFLA_MACVLAN_MACADDR:           {Name: "IFLA_MACVLAN_MACADDR", Format: family.HWAddr},
	IFLA_MACVLAN_MACADDR_DATA:      {Name: "IFLA_MACVLAN_MACADDR_DATA", Format: family.Nested, ChildRef: refMacvlanAttrs},
	IFLA_MACVLAN_MACADDR_COUNT:     {Name: "IFLA_MACVLAN_MACADDR_COUNT", Format: family.U32},
	IFLA_MACVLAN_BC_QUEUE_LEN:      {Name: "IFLA_MACVLAN_BC_QUEUE_LEN", Format: family.U32},
	IFLA_MACVLAN_BC_QUEUE_LEN_USED: {Name: "IFLA_MACVLAN_BC_QUEUE_LEN_USED", Format: family.U32},
	IFLA_MACVLAN_BC_CUTOFF:         {Name: "IFLA_MACVLAN_BC_CUTOFF", Format: family.S32},
}

// Attributes inside IFLA_INFO_DATA of a VXLAN link (IFLA_VXLAN_*, include/uapi/linux/if_link.h).
const (
	IFLA_VXLAN_UNSPEC            = 0  // unused
	IFLA_VXLAN_ID                = 1  // u32
	IFLA_VXLAN_GROUP             = 2  // IP address
	IFLA_VXLAN_LINK              = 3  // u32
	IFLA_VXLAN_LOCAL             = 4  // IP address
	IFLA_VXLAN_TTL               = 5  // u8
	IFLA_VXLAN_TOS               = 6  // u8
	IFLA_VXLAN_LEARNING          = 7  // u8
	IFLA_VXLAN_AGEING            = 8  // u32
	IFLA_VXLAN_LIMIT             = 9  // u32
	IFLA_VXLAN_PORT_RANGE        = 10 // binary
	IFLA_VXLAN_PROXY             = 11 // u8
	IFLA_VXLAN_RSC               = 12 // u8
	IFLA_VXLAN_L2MISS            = 13 // u8
	IFLA_VXLAN_L3MISS            = 14 // u8
	IFLA_VXLAN_PORT              = 15 // big-endian u16
	IFLA_VXLAN_GROUP6            = 16 // IP address
	IFLA_VXLAN_LOCAL6            = 17 // IP address
	IFLA_VXLAN_UDP_CSUM          = 18 // u8
	IFLA_VXLAN_UDP_ZERO_CSUM6_TX = 19 // u8
	IFLA_VXLAN_UDP_ZERO_CSUM6_RX = 20 // u8
	IFLA_VXLAN_REMCSUM_TX        = 21 // u8
	IFLA_VXLAN_REMCSUM_RX        = 22 // u8
	IFLA_VXLAN_GBP               = 23 // flag
	IFLA_VXLAN_REMCSUM_NOPARTIAL = 24 // flag
	IFLA_VXLAN_COLLECT_METADATA  = 25 // u8
	IFLA_VXLAN_LABEL             = 26 // big-endian u32
	IFLA_VXLAN_GPE               = 27 // flag
	IFLA_VXLAN_TTL_INHERIT       = 28 // u8
	IFLA_VXLAN_DF                = 29 // u8
	IFLA_VXLAN_VNIFILTER         = 30 // u8
	IFLA_VXLAN_LOCALBYPASS       = 31 // u8
	IFLA_VXLAN_LABEL_POLICY      = 32 // u32
	IFLA_VXLAN_RESERVED_BITS     = 33 // binary
)

var vXLANAttrs = [...]family.Attr{
	IFLA_VXLAN_UNSPEC:            {Name: "IFLA_VXLAN_UNSPEC", Format: family.Binary},
	IFLA_VXLAN_ID:                {Name: "IFLA_VXLAN_ID", Format: family.U32},
	IFLA_VXLAN_GROUP:             {Name: "IFLA_VXLAN_GROUP", Format: family.IPAddr},
	IFLA_VXLAN_LINK:              {Name: "IFLA_VXLAN_LINK", Format: family.U32},
	IFLA_VXLAN_LOCAL:             {Name: "IFLA_VXLAN_LOCAL", Format: family.IPAddr},
	IFLA_VXLAN_TTL:               {Name: "IFLA_VXLAN_TTL", Format: family.U8},
	IFLA_VXLAN_TOS:               {Name: "IFLA_VXLAN_TOS", Format: family.U8},
	IFLA_VXLAN_LEARNING:          {Name: "IFLA_VXLAN_LEARNING", Format: family.U8},
	IFLA_VXLAN_AGEING:            {Name: "IFLA_VXLAN_AGEING", Format: family.U32},
	IFLA_VXLAN_LIMIT:             {Name: "IFLA_VXLAN_LIMIT", Format: family.U32},
	IFLA_VXLAN_PORT_RANGE:        {Name: "IFLA_VXLAN_PORT_RANGE", Format: family.Binary},
	IFLA_VXLAN_PROXY:             {Name: "IFLA_VXLAN_PROXY", Format: family.U8},
	IFLA_VXLAN_RSC:               {Name: "IFLA_VXLAN_RSC", Format: family.U8},
	IFLA_VXLAN_L2MISS:            {Name: "IFLA_VXLAN_L2MISS", Format: family.U8},
	IFLA_VXLAN_L3MISS:            {Name: "IFLA_VXLAN_L3MISS", Format: family.U8},
	IFLA_VXLAN_PORT:              {Name: "IFLA_VXLAN_PORT", Format: family.BE16},
	IFLA_VXLAN_GROUP6:            {Name: "IFLA_VXLAN_GROUP6", Format: family.IPAddr},
	IFLA_VXLAN_LOCAL6:            {Name: "IFLA_VXLAN_LOCAL6", Format: family.IPAddr},
	IFLA_VXLAN_UDP_CSUM:          {Name: "IFLA_VXLAN_UDP_CSUM", Format: family.U8},
	IFLA_VXLAN_UDP_ZERO_CSUM6_TX: {Name: "IFLA_VXLAN_UDP_ZERO_CSUM6_TX", Format: family.U8},
	IFLA_VXLAN_UDP_ZERO_CSUM6_RX: {Name: "IFLA_VXLAN_UDP_ZERO_CSUM6_RX", Format: family.U8},
	IFLA_VXLAN_REMCSUM_TX:        {Name: "IFLA_VXLAN_REMCSUM_TX", Format: family.U8},
	IFLA_VXLAN_REMCSUM_RX:        {Name: "IFLA_VXLAN_REMCSUM_RX", Format: family.U8},
	IFLA_VXLAN_GBP:               {Name: "IFLA_VXLAN_GBP", Format: family.Flag},
	IFLA_VXLAN_REMCSUM_NOPARTIAL: {Name: "IFLA_VXLAN_REMCSUM_NOPARTIAL", Format: family.Flag},
	IFLA_VXLAN_COLLECT_METADATA:  {Name: "IFLA_VXLAN_COLLECT_METADATA", Format: family.U8},
	IFLA_VXLAN_LABEL:             {Name: "IFLA_VXLAN_LABEL", Format: family.BE32},
	IFLA_VXLAN_GPE:               {Name: "IFLA_VXLAN_GPE", Format: family.Flag},
	IFLA_VXLAN_TTL_INHERIT:       {Name: "IFLA_VXLAN_TTL_INHERIT", Format: family.U8},
	IFLA_VXLAN_DF:                {Name: "IFLA_VXLAN_DF", Format: family.U8},
	IFLA_VXLAN_VNIFILTER:         {Name: "IFLA_VXLAN_VNIFILTER", Format: family.U8},
	IFLA_VXLAN_LOCALBYPASS:       {Name: "IFLA_VXLAN_LOCALBYPASS", Format: family.U8},
	IFLA_VXLAN_LABEL_POLICY:      {Name: "IFLA_VXLAN_LABEL_POLICY", Format: family.U32},
	IFLA_VXLAN_RESERVED_BITS:     {Name: "IFLA_VXLAN_RESERVED_BITS", Format: family.Binary},
}

// Address attributes (IFA_*, include/uapi/linux/if_addr.h): the attributes of RTM_NEWADDR, RTM_DELADDR and RTM_GETADDR after an IfAddrMsg.
const (
	IFA_UNSPEC         = 0  // unused
	IFA_ADDRESS        = 1  // IP address
	IFA_LOCAL          = 2  // IP address
	IFA_LABEL          = 3  // string
	IFA_BROADCAST      = 4  // IP address
	IFA_ANYCAST        = 5  // IP address
	IFA_CACHEINFO      = 6  // binary
	IFA_MULTICAST      = 7  // IP address
	IFA_FLAGS          = 8  // u32
	IFA_RT_PRIORITY    = 9  // u32
	IFA_TARGET_NETNSID = 10 // s32
	IFA_PROTO          = 11 // u8
)

var addrAttrs = [...]family.Attr{
	IFA_UNSPEC:         {Name: "IFA_UNSPEC", Format: family.Binary},
	IFA_ADDRESS:        {Name: "IFA_ADDRESS", Format: family.IPAddr},
	IFA_LOCAL:          {Name: "IFA_LOCAL", Format: family.IPAddr},
	IFA_LABEL:          {Name: "IFA_LABEL", Format: family.String},
	IFA_BROADCAST:      {Name: "IFA_BROADCAST", Format: family.IPAddr},
	IFA_ANYCAST:        {Name: "IFA_ANYCAST", Format: family.IPAddr},
	IFA_CACHEINFO:      {Name: "IFA_CACHEINFO", Format: family.Binary},
	IFA_MULTICAST:      {Name: "IFA_MULTICAST", Format: family.IPAddr},
	IFA_FLAGS:          {Name: "IFA_FLAGS", Format: family.U32},
	IFA_RT_PRIORITY:    {Name: "IFA_RT_PRIORITY", Format: family.U32},
	IFA_TARGET_NETNSID: {Name: "IFA_TARGET_NETNSID", Format: family.S32},
	IFA_PROTO:          {Name: "IFA_PROTO", Format: family.U8},
}

// Route attributes (enum rtattr_type_t, include/uapi/linux/rtnetlink.h): the attributes of RTM_NEWROUTE, RTM_DELROUTE and RTM_GETROUTE after an RtMsg, and of each next hop in RTA_MULTIPATH.
const (
	RTA_UNSPEC        = 0  // unused
	RTA_DST           = 1  // IP address
	RTA_SRC           = 2  // IP address
	RTA_IIF           = 3  // u32
	RTA_OIF           = 4  // u32
	RTA_GATEWAY       = 5  // IP address
	RTA_PRIORITY      = 6  // u32
	RTA_PREFSRC       = 7  // IP address
	RTA_METRICS       = 8  // nested
	RTA_MULTIPATH     = 9  // struct rtnexthop records
	RTA_PROTOINFO     = 10 // binary
	RTA_FLOW          = 11 // u32
	RTA_CACHEINFO     = 12 // binary
	RTA_SESSION       = 13 // binary
	RTA_MP_ALGO       = 14 // binary
	RTA_TABLE         = 15 // u32
	RTA_MARK          = 16 // u32
	RTA_MFC_STATS     = 17 // binary
	RTA_VIA           = 18 // binary
	RTA_NEWDST        = 19 // binary
	RTA_PREF          = 20 // u8
	RTA_ENCAP_TYPE    = 21 // u16
	RTA_ENCAP         = 22 // nested
	RTA_EXPIRES       = 23 // u32
	RTA_PAD           = 24 // padding for 64-bit alignment
	RTA_UID           = 25 // u32
	RTA_TTL_PROPAGATE = 26 // u8
	RTA_IP_PROTO      = 27 // u8
	RTA_SPORT         = 28 // big-endian u16
	RTA_DPORT         = 29 // big-endian u16
	RTA_NH_ID         = 30 // u32
	RTA_FLOWLABEL     = 31 // big-endian u32
)

var routeAttrs = [...]family.Attr{
	RTA_UNSPEC:        {Name: "RTA_UNSPEC", Format: family.Binary},
	RTA_DST:           {Name: "RTA_DST", Format: family.IPAddr},
	RTA_SRC:           {Name: "RTA_SRC", Format: family.IPAddr},
	RTA_IIF:           {Name: "RTA_IIF", Format: family.U32},
	RTA_OIF:           {Name: "RTA_OIF", Format: family.U32},
	RTA_GATEWAY:       {Name: "RTA_GATEWAY", Format: family.IPAddr},
	RTA_PRIORITY:      {Name: "RTA_PRIORITY", Format: family.U32},
	RTA_PREFSRC:       {Name: "RTA_PREFSRC", Format: family.IPAddr},
	RTA_METRICS:       {Name: "RTA_METRICS", Format: family.Nested, Child: &MetricsAttrs},
	RTA_MULTIPATH:     {Name: "RTA_MULTIPATH", Format: family.Multipath, Header: 8, ChildRef: refRouteAttrs},
	RTA_PROTOINFO:     {Name: "RTA_PROTOINFO", Format: family.Binary},
	RTA_FLOW:          {Name: "RTA_FLOW", Format: family.U32},
	RTA_CACHEINFO:     {Name: "RTA_CACHEINFO", Format: family.Binary},
	RTA_SESSION:       {Name: "RTA_SESSION", Format: family.Binary},
	RTA_MP_ALGO:       {Name: "RTA_MP_ALGO", Format: family.Binary},
	RTA_TABLE:         {Name: "RTA_TABLE", Format: family.U32},
	RTA_MARK:          {Name: "RTA_MARK", Format: family.U32},
	RTA_MFC_STATS:     {Name: "RTA_MFC_STATS", Format: family.Binary},
	RTA_VIA:           {Name: "RTA_VIA", Format: family.Binary},
	RTA_NEWDST:        {Name: "RTA_NEWDST", Format: family.Binary},
	RTA_PREF:          {Name: "RTA_PREF", Format: family.U8},
	RTA_ENCAP_TYPE:    {Name: "RTA_ENCAP_TYPE", Format: family.U16, Enum: &LWTunnelEncapTypes},
	RTA_ENCAP:         {Name: "RTA_ENCAP", Format: family.Nested, Key: RTA_ENCAP_TYPE, Variants: lwtEncapVariants},
	RTA_EXPIRES:       {Name: "RTA_EXPIRES", Format: family.U32},
	RTA_PAD:           {Name: "RTA_PAD", Format: family.Binary},
	RTA_UID:           {Name: "RTA_UID", Format: family.U32},
	RTA_TTL_PROPAGATE: {Name: "RTA_TTL_PROPAGATE", Format: family.U8},
	RTA_IP_PROTO:      {Name: "RTA_IP_PROTO", Format: family.U8},
	RTA_SPORT:         {Name: "RTA_SPORT", Format: family.BE16},
	RTA_DPORT:         {Name: "RTA_DPORT", Format: family.BE16},
	RTA_NH_ID:         {Name: "RTA_NH_ID", Format: family.U32},
	RTA_FLOWLABEL:     {Name: "RTA_FLOWLABEL", Format: family.BE32},
}

// Route metrics (RTAX_*, include/uapi/linux/rtnetlink.h): the u32 attributes inside RTA_METRICS; RTAX_CC_ALGO is a string.
const (
	RTAX_UNSPEC             = 0  // unused
	RTAX_LOCK               = 1  // u32
	RTAX_MTU                = 2  // u32
	RTAX_WINDOW             = 3  // u32
	RTAX_RTT                = 4  // u32
	RTAX_RTTVAR             = 5  // u32
	RTAX_SSTHRESH           = 6  // u32
	RTAX_CWND               = 7  // u32
	RTAX_ADVMSS             = 8  // u32
	RTAX_REORDERING         = 9  // u32
	RTAX_HOPLIMIT           = 10 // u32
	RTAX_INITCWND           = 11 // u32
	RTAX_FEATURES           = 12 // u32
	RTAX_RTO_MIN            = 13 // u32
	RTAX_INITRWND           = 14 // u32
	RTAX_QUICKACK           = 15 // u32
	RTAX_CC_ALGO            = 16 // string
	RTAX_FASTOPEN_NO_COOKIE = 17 // u32
)

var metricsAttrs = [...]family.Attr{
	RTAX_UNSPEC:             {Name: "RTAX_UNSPEC", Format: family.Binary},
	RTAX_LOCK:               {Name: "RTAX_LOCK", Format: family.U32},
	RTAX_MTU:                {Name: "RTAX_MTU", Format: family.U32},
	RTAX_WINDOW:             {Name: "RTAX_WINDOW", Format: family.U32},
	RTAX_RTT:                {Name: "RTAX_RTT", Format: family.U32},
	RTAX_RTTVAR:             {Name: "RTAX_RTTVAR", Format: family.U32},
	RTAX_SSTHRESH:           {Name: "RTAX_SSTHRESH", Format: family.U32},
	RTAX_CWND:               {Name: "RTAX_CWND", Format: family.U32},
	RTAX_ADVMSS:             {Name: "RTAX_ADVMSS", Format: family.U32},
	RTAX_REORDERING:         {Name: "RTAX_REORDERING", Format: family.U32},
	RTAX_HOPLIMIT:           {Name: "RTAX_HOPLIMIT", Format: family.U32},
	RTAX_INITCWND:           {Name: "RTAX_INITCWND", Format: family.U32},
	RTAX_FEATURES:           {Name: "RTAX_FEATURES", Format: family.U32},
	RTAX_RTO_MIN:            {Name: "RTAX_RTO_MIN", Format: family.U32},
	RTAX_INITRWND:           {Name: "RTAX_INITRWND", Format: family.U32},
	RTAX_QUICKACK:           {Name: "RTAX_QUICKACK", Format: family.U32},
	RTAX_CC_ALGO:            {Name: "RTAX_CC_ALGO", Format: family.String},
	RTAX_FASTOPEN_NO_COOKIE: {Name: "RTAX_FASTOPEN_NO_COOKIE", Format: family.U32},
}

// Neighbour attributes (NDA_*, include/uapi/linux/neighbour.h): the attributes of RTM_NEWNEIGH, RTM_DELNEIGH and RTM_GETNEIGH after an NdMsg.
const (
	NDA_UNSPEC         = 0  // unused
	NDA_DST            = 1  // IP address
	NDA_LLADDR         = 2  // link-layer address
	NDA_CACHEINFO      = 3  // binary
	NDA_PROBES         = 4  // u32
	NDA_VLAN           = 5  // u16
	NDA_PORT           = 6  // big-endian u16
	NDA_VNI            = 7  // u32
	NDA_IFINDEX        = 8  // u32
	NDA_MASTER         = 9  // u32
	NDA_LINK_NETNSID   = 10 // s32
	NDA_SRC_VNI        = 11 // u32
	NDA_PROTOCOL       = 12 // u8
	NDA_NH_ID          = 13 // u32
	NDA_FDB_EXT_ATTRS  = 14 // nested
	NDA_FLAGS_EXT      = 15 // u32
	NDA_NDM_STATE_MASK = 16 // u16
	NDA_NDM_FLAGS_MASK = 17 // u8
)

var neighAttrs = [...]family.Attr{
	NDA_UNSPEC:         {Name: "NDA_UNSPEC", Format: family.Binary},
	NDA_DST:            {Name: "NDA_DST", Format: family.IPAddr},
	NDA_LLADDR:         {Name: "NDA_LLADDR", Format: family.HWAddr},
	NDA_CACHEINFO:      {Name: "NDA_CACHEINFO", Format: family.Binary},
	NDA_PROBES:         {Name: "NDA_PROBES", Format: family.U32},
	NDA_VLAN:           {Name: "NDA_VLAN", Format: family.U16},
	NDA_PORT:           {Name: "NDA_PORT", Format: family.BE16},
	NDA_VNI:            {Name: "NDA_VNI", Format: family.U32},
	NDA_IFINDEX:        {Name: "NDA_IFINDEX", Format: family.U32},
	NDA_MASTER:         {Name: "NDA_MASTER", Format: family.U32},
	NDA_LINK_NETNSID:   {Name: "NDA_LINK_NETNSID", Format: family.S32},
	NDA_SRC_VNI:        {Name: "NDA_SRC_VNI", Format: family.U32},
	NDA_PROTOCOL:       {Name: "NDA_PROTOCOL", Format: family.U8},
	NDA_NH_ID:          {Name: "NDA_NH_ID", Format: family.U32},
	NDA_FDB_EXT_ATTRS:  {Name: "NDA_FDB_EXT_ATTRS", Format: family.Nested},
	NDA_FLAGS_EXT:      {Name: "NDA_FLAGS_EXT", Format: family.U32},
	NDA_NDM_STATE_MASK: {Name: "NDA_NDM_STATE_MASK", Format: family.U16},
	NDA_NDM_FLAGS_MASK: {Name: "NDA_NDM_FLAGS_MASK", Format: family.U8},
}

// Traffic control attributes (TCA_*, include/uapi/linux/rtnetlink.h): the top-level attributes of qdisc, class and filter messages after a TcMsg.
const (
	TCA_UNSPEC         = 0  // unused
	TCA_KIND           = 1  // string
	TCA_OPTIONS        = 2  // binary
	TCA_STATS          = 3  // binary
	TCA_XSTATS         = 4  // binary
	TCA_RATE           = 5  // binary
	TCA_FCNT           = 6  // u32
	TCA_STATS2         = 7  // nested
	TCA_STAB           = 8  // nested
	TCA_PAD            = 9  // padding for 64-bit alignment
	TCA_DUMP_INVISIBLE = 10 // flag
	TCA_CHAIN          = 11 // u32
	TCA_HW_OFFLOAD     = 12 // u8
	TCA_INGRESS_BLOCK  = 13 // u32
	TCA_EGRESS_BLOCK   = 14 // u32
	TCA_DUMP_FLAGS     = 15 // struct nla_bitfield32
	TCA_EXT_WARN_MSG   = 16 // string
)

var tCAttrs = [...]family.Attr{
	TCA_UNSPEC:         {Name: "TCA_UNSPEC", Format: family.Binary},
	TCA_KIND:           {Name: "TCA_KIND", Format: family.String},
	TCA_OPTIONS:        {Name: "TCA_OPTIONS", Format: family.Binary},
	TCA_STATS:          {Name: "TCA_STATS", Format: family.Binary},
	TCA_XSTATS:         {Name: "TCA_XSTATS", Format: family.Binary},
	TCA_RATE:           {Name: "TCA_RATE", Format: family.Binary},
	TCA_FCNT:           {Name: "TCA_FCNT", Format: family.U32},
	TCA_STATS2:         {Name: "TCA_STATS2", Format: family.Nested},
	TCA_STAB:           {Name: "TCA_STAB", Format: family.Nested},
	TCA_PAD:            {Name: "TCA_PAD", Format: family.Binary},
	TCA_DUMP_INVISIBLE: {Name: "TCA_DUMP_INVISIBLE", Format: family.Flag},
	TCA_CHAIN:          {Name: "TCA_CHAIN", Format: family.U32},
	TCA_HW_OFFLOAD:     {Name: "TCA_HW_OFFLOAD", Format: family.U8},
	TCA_INGRESS_BLOCK:  {Name: "TCA_INGRESS_BLOCK", Format: family.U32},
	TCA_EGRESS_BLOCK:   {Name: "TCA_EGRESS_BLOCK", Format: family.U32},
	TCA_DUMP_FLAGS:     {Name: "TCA_DUMP_FLAGS", Format: family.Bitfield32},
	TCA_EXT_WARN_MSG:   {Name: "TCA_EXT_WARN_MSG", Format: family.String},
}

// setRef names one of the package's sets for family.Attr.ChildRef: the
// children of IFLA_PROP_LIST, VETH_INFO_PEER, RTA_MULTIPATH and
// IFLA_MACVLAN_MACADDR_DATA contain them, and a pointer would make the
// tables an initialization cycle.
type setRef uint8

// The sets setRef names.
const (
	refLinkAttrs setRef = iota
	refRouteAttrs
	refMacvlanAttrs
)

// Set returns the set r names.
func (r setRef) Set() *family.Set {
	switch r {
	case refRouteAttrs:
		return &RouteAttrs
	case refMacvlanAttrs:
		return &MacvlanAttrs
	}
	return &LinkAttrs
}
