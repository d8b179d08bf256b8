package route

import "github.com/nlwire/nlwire/validate"

// Kernel limits the policies use.
const (
	ifNameSize  = 16  // IFNAMSIZ
	ifAliasSize = 256 // IFALIASZ
	maxAddrLen  = 32  // MAX_ADDR_LEN
	maxPhysItem = 32  // MAX_PHYS_ITEM_ID_LEN
	altIfNameSz = 128 // ALTIFNAMSIZ

	// MaxTCPHeader is MAX_TCP_HEADER as the kernel recorded in
	// testdata/probes.hex was built (x86_64, Linux 6.18): the minimum of
	// IFLA_GSO_MAX_SIZE and IFLA_GSO_IPV4_MAX_SIZE is one more. It
	// depends on the kernel configuration (L1_CACHE_BYTES, LL_MAX_HEADER).
	MaxTCPHeader = 192
)

// LinkPolicy is the kernel's policy for link messages, ifla_policy in
// net/core/rtnetlink.c (Linux 6.18). rtnetlink parses it with the
// deprecated (liberal) parsers, so validate with validate.ModeLiberal;
// types from IFLA_DPLL_PIN up are strict. IFLA_LINKINFO's nest is
// LinkInfoPolicy, parsed separately by the kernel, as are IFLA_VFINFO_LIST,
// IFLA_VF_PORTS, IFLA_PORT_SELF, IFLA_AF_SPEC and IFLA_XDP: their rules
// here check only the nest's length, as ifla_policy does.
var LinkPolicy = validate.Policy{
	StrictStartType: IFLA_DPLL_PIN,
	MaxType:         IFLA_TAILROOM,
	Rules: []validate.Rule{
		IFLA_IFNAME:             {Kind: validate.String, Len: ifNameSize - 1},
		IFLA_ADDRESS:            {Kind: validate.Binary, Len: maxAddrLen},
		IFLA_BROADCAST:          {Kind: validate.Binary, Len: maxAddrLen},
		IFLA_MAP:                {Len: 32}, // sizeof(struct rtnl_link_ifmap) on 64-bit targets
		IFLA_MTU:                {Kind: validate.U32},
		IFLA_LINK:               {Kind: validate.U32},
		IFLA_MASTER:             {Kind: validate.U32},
		IFLA_CARRIER:            {Kind: validate.U8},
		IFLA_TXQLEN:             {Kind: validate.U32},
		IFLA_WEIGHT:             {Kind: validate.U32},
		IFLA_OPERSTATE:          {Kind: validate.U8},
		IFLA_LINKMODE:           {Kind: validate.U8},
		IFLA_LINKINFO:           {Kind: validate.Nested},
		IFLA_NET_NS_PID:         {Kind: validate.U32},
		IFLA_NET_NS_FD:          {Kind: validate.U32},
		IFLA_IFALIAS:            {Kind: validate.Binary, Len: ifAliasSize - 1},
		IFLA_VFINFO_LIST:        {Kind: validate.Nested},
		IFLA_VF_PORTS:           {Kind: validate.Nested},
		IFLA_PORT_SELF:          {Kind: validate.Nested},
		IFLA_AF_SPEC:            {Kind: validate.Nested},
		IFLA_EXT_MASK:           {Kind: validate.U32},
		IFLA_PROMISCUITY:        {Kind: validate.U32},
		IFLA_NUM_TX_QUEUES:      {Kind: validate.U32},
		IFLA_NUM_RX_QUEUES:      {Kind: validate.U32},
		IFLA_GSO_MAX_SEGS:       {Kind: validate.U32},
		IFLA_GSO_MAX_SIZE:       validate.Min(validate.U32, MaxTCPHeader+1),
		IFLA_PHYS_PORT_ID:       {Kind: validate.Binary, Len: maxPhysItem},
		IFLA_CARRIER_CHANGES:    {Kind: validate.U32},
		IFLA_PHYS_SWITCH_ID:     {Kind: validate.Binary, Len: maxPhysItem},
		IFLA_LINK_NETNSID:       {Kind: validate.S32},
		IFLA_PROTO_DOWN:         {Kind: validate.U8},
		IFLA_XDP:                {Kind: validate.Nested},
		IFLA_EVENT:              {Kind: validate.U32},
		IFLA_GROUP:              {Kind: validate.U32},
		IFLA_TARGET_NETNSID:     {Kind: validate.S32},
		IFLA_CARRIER_UP_COUNT:   {Kind: validate.U32},
		IFLA_CARRIER_DOWN_COUNT: {Kind: validate.U32},
		IFLA_MIN_MTU:            {Kind: validate.U32},
		IFLA_MAX_MTU:            {Kind: validate.U32},
		IFLA_PROP_LIST:          {Kind: validate.Nested},
		IFLA_ALT_IFNAME:         {Kind: validate.String, Len: altIfNameSz - 1},
		IFLA_PERM_ADDRESS:       {Kind: validate.Reject},
		IFLA_PROTO_DOWN_REASON:  {Kind: validate.Nested},
		IFLA_NEW_IFINDEX:        validate.Min(validate.S32, 1),
		IFLA_PARENT_DEV_NAME:    {Kind: validate.NulString},
		IFLA_GRO_MAX_SIZE:       {Kind: validate.U32},
		IFLA_TSO_MAX_SIZE:       {Kind: validate.Reject},
		IFLA_TSO_MAX_SEGS:       {Kind: validate.Reject},
		IFLA_ALLMULTI:           {Kind: validate.Reject},
		IFLA_GSO_IPV4_MAX_SIZE:  validate.Min(validate.U32, MaxTCPHeader+1),
		IFLA_GRO_IPV4_MAX_SIZE:  {Kind: validate.U32},
		IFLA_NETNS_IMMUTABLE:    {Kind: validate.Reject},
		IFLA_HEADROOM:           {Kind: validate.Reject},
		IFLA_TAILROOM:           {Kind: validate.Reject},
	},
}

// LinkInfoPolicy is ifla_info_policy (net/core/rtnetlink.c), the policy
// of IFLA_LINKINFO's nest. The kernel checks IFLA_INFO_DATA against the
// link kind's own policy (VethPolicy for "veth"), not this one.
var LinkInfoPolicy = validate.Policy{Rules: []validate.Rule{
	IFLA_INFO_KIND:       {Kind: validate.String},
	IFLA_INFO_DATA:       {Kind: validate.Nested},
	IFLA_INFO_SLAVE_KIND: {Kind: validate.String},
	IFLA_INFO_SLAVE_DATA: {Kind: validate.Nested},
}}

// VethPolicy is veth_policy (drivers/net/veth.c), the policy of
// IFLA_INFO_DATA for kind "veth": VETH_INFO_PEER must hold at least a
// struct ifinfomsg; the kernel then parses the link attributes after it
// with LinkPolicy.
var VethPolicy = validate.Policy{Rules: []validate.Rule{
	VETH_INFO_PEER: {Len: IfInfoMsgLen},
}}

// XDPPolicy is ifla_xdp_policy (net/core/rtnetlink.c), the policy of
// IFLA_XDP's nest; types from IFLA_XDP_EXPECTED_FD up are strict.
var XDPPolicy = validate.Policy{
	StrictStartType: IFLA_XDP_EXPECTED_FD,
	Rules: []validate.Rule{
		IFLA_XDP_FD:          {Kind: validate.S32},
		IFLA_XDP_EXPECTED_FD: {Kind: validate.S32},
		IFLA_XDP_ATTACHED:    {Kind: validate.U8},
		IFLA_XDP_FLAGS:       {Kind: validate.U32},
		IFLA_XDP_PROG_ID:     {Kind: validate.U32},
	},
}

// AddrPolicy is ifa_ipv4_policy (net/ipv4/devinet.c, Linux 6.18), the
// policy of IPv4 address messages (ModeLiberal).
var AddrPolicy = validate.Policy{Rules: []validate.Rule{
	IFA_LOCAL:          {Kind: validate.U32},
	IFA_ADDRESS:        {Kind: validate.U32},
	IFA_BROADCAST:      {Kind: validate.U32},
	IFA_LABEL:          {Kind: validate.String, Len: ifNameSize - 1},
	IFA_CACHEINFO:      {Len: 16}, // sizeof(struct ifa_cacheinfo)
	IFA_FLAGS:          {Kind: validate.U32},
	IFA_RT_PRIORITY:    {Kind: validate.U32},
	IFA_TARGET_NETNSID: {Kind: validate.S32},
	IFA_PROTO:          {Kind: validate.U8},
}}

// Addr6Policy is ifa_ipv6_policy (net/ipv6/addrconf.c, Linux 6.18), the
// policy of IPv6 address messages (ModeLiberal).
var Addr6Policy = validate.Policy{Rules: []validate.Rule{
	IFA_ADDRESS:        {Len: 16}, // sizeof(struct in6_addr)
	IFA_LOCAL:          {Len: 16},
	IFA_CACHEINFO:      {Len: 16}, // sizeof(struct ifa_cacheinfo)
	IFA_FLAGS:          {Len: 4},
	IFA_RT_PRIORITY:    {Len: 4},
	IFA_TARGET_NETNSID: {Kind: validate.S32},
	IFA_PROTO:          {Kind: validate.U8},
}}

// RoutePolicy is rtm_ipv4_policy (net/ipv4/fib_frontend.c, Linux 6.18),
// the policy of IPv4 route messages (ModeLiberal); types after
// RTA_DPORT are strict. RTA_FLOWLABEL is not in it: this machine's
// kernel answers "Unsupported attribute" (testdata/probes.hex).
var RoutePolicy = validate.Policy{
	StrictStartType: RTA_DPORT + 1,
	MaxType:         RTA_FLOWLABEL,
	Rules: []validate.Rule{
		RTA_DST:        {Kind: validate.U32},
		RTA_SRC:        {Kind: validate.U32},
		RTA_IIF:        {Kind: validate.U32},
		RTA_OIF:        {Kind: validate.U32},
		RTA_GATEWAY:    {Kind: validate.U32},
		RTA_PRIORITY:   {Kind: validate.U32},
		RTA_PREFSRC:    {Kind: validate.U32},
		RTA_METRICS:    {Kind: validate.Nested},
		RTA_MULTIPATH:  {Len: RtNexthopLen},
		RTA_FLOW:       {Kind: validate.U32},
		RTA_ENCAP_TYPE: {Kind: validate.U16},
		RTA_ENCAP:      {Kind: validate.Nested},
		RTA_UID:        {Kind: validate.U32},
		RTA_MARK:       {Kind: validate.U32},
		RTA_TABLE:      {Kind: validate.U32},
		RTA_IP_PROTO:   {Kind: validate.U8},
		RTA_SPORT:      {Kind: validate.U16},
		RTA_DPORT:      {Kind: validate.U16},
		RTA_NH_ID:      {Kind: validate.U32},
	},
}

// Route6Policy is rtm_ipv6_policy (net/ipv6/route.c, Linux 6.18), the
// policy of IPv6 route messages (ModeLiberal); types after RTA_DPORT are
// strict.
var Route6Policy = validate.Policy{
	StrictStartType: RTA_DPORT + 1,
	MaxType:         RTA_FLOWLABEL,
	Rules: []validate.Rule{
		RTA_GATEWAY:    {Len: 16}, // sizeof(struct in6_addr)
		RTA_PREFSRC:    {Len: 16},
		RTA_OIF:        {Kind: validate.U32},
		RTA_IIF:        {Kind: validate.U32},
		RTA_PRIORITY:   {Kind: validate.U32},
		RTA_METRICS:    {Kind: validate.Nested},
		RTA_MULTIPATH:  {Len: RtNexthopLen},
		RTA_PREF:       {Kind: validate.U8},
		RTA_ENCAP_TYPE: {Kind: validate.U16},
		RTA_ENCAP:      {Kind: validate.Nested},
		RTA_EXPIRES:    {Kind: validate.U32},
		RTA_UID:        {Kind: validate.U32},
		RTA_MARK:       {Kind: validate.U32},
		RTA_TABLE:      {Kind: validate.U32},
		RTA_IP_PROTO:   {Kind: validate.U8},
		RTA_SPORT:      {Kind: validate.U16},
		RTA_DPORT:      {Kind: validate.U16},
		RTA_NH_ID:      {Kind: validate.U32},
		RTA_FLOWLABEL:  {Kind: validate.BE32},
	},
}

// NeighPolicy is nda_policy (net/core/neighbour.c, Linux 6.18), the
// policy of neighbour messages (ModeLiberal); types from NDA_NH_ID up
// are strict. NDA_FLAGS_EXT is NLA_POLICY_MASK(NLA_U32, NTF_EXT_MASK),
// and include/net/neighbour.h defines NTF_EXT_MASK as
// (NTF_EXT_MANAGED | NTF_EXT_EXT_VALIDATED): NTF_EXT_LOCKED is set only by
// the bridge and a request carrying it gets EINVAL "reserved bit set"
// (mask 0x5 in NLMSGERR_ATTR_POLICY; nlsock's
// TestRoutePoliciesAgainstKernel).
var NeighPolicy = validate.Policy{
	StrictStartType: NDA_NH_ID,
	MaxType:         NDA_NDM_FLAGS_MASK,
	Rules: []validate.Rule{
		NDA_DST:           {Kind: validate.Binary, Len: maxAddrLen},
		NDA_LLADDR:        {Kind: validate.Binary, Len: maxAddrLen},
		NDA_CACHEINFO:     {Len: 16}, // sizeof(struct nda_cacheinfo)
		NDA_PROBES:        {Kind: validate.U32},
		NDA_VLAN:          {Kind: validate.U16},
		NDA_PORT:          {Kind: validate.U16},
		NDA_VNI:           {Kind: validate.U32},
		NDA_IFINDEX:       {Kind: validate.U32},
		NDA_MASTER:        {Kind: validate.U32},
		NDA_PROTOCOL:      {Kind: validate.U8},
		NDA_NH_ID:         {Kind: validate.U32},
		NDA_FLAGS_EXT:     validate.Mask(validate.U32, NTF_EXT_MANAGED|NTF_EXT_EXT_VALIDATED),
		NDA_FDB_EXT_ATTRS: {Kind: validate.Nested},
	},
}
