package route

// Route types (rtm_type, include/uapi/linux/rtnetlink.h).
const (
	RTN_UNSPEC      = 0
	RTN_UNICAST     = 1
	RTN_LOCAL       = 2
	RTN_BROADCAST   = 3
	RTN_ANYCAST     = 4
	RTN_MULTICAST   = 5
	RTN_BLACKHOLE   = 6
	RTN_UNREACHABLE = 7
	RTN_PROHIBIT    = 8
	RTN_THROW       = 9
	RTN_NAT         = 10
	RTN_XRESOLVE    = 11
)

// Route scopes (enum rt_scope_t, rtm_scope and ifa_scope, include/uapi/linux/rtnetlink.h).
const (
	RT_SCOPE_UNIVERSE = 0
	RT_SCOPE_SITE     = 200
	RT_SCOPE_LINK     = 253
	RT_SCOPE_HOST     = 254
	RT_SCOPE_NOWHERE  = 255
)

// Reserved routing table IDs (enum rt_class_t, include/uapi/linux/rtnetlink.h).
const (
	RT_TABLE_UNSPEC  = 0
	RT_TABLE_COMPAT  = 252
	RT_TABLE_DEFAULT = 253
	RT_TABLE_MAIN    = 254
	RT_TABLE_LOCAL   = 255
)

// Route origins (rtm_protocol, include/uapi/linux/rtnetlink.h). Values
// from RTPROT_STATIC up are not interpreted by the kernel.
const (
	RTPROT_UNSPEC     = 0   // unknown
	RTPROT_REDIRECT   = 1   // installed by ICMP redirects (unused)
	RTPROT_KERNEL     = 2   // installed by the kernel
	RTPROT_BOOT       = 3   // installed during boot
	RTPROT_STATIC     = 4   // installed by the administrator
	RTPROT_GATED      = 8   // GateD
	RTPROT_RA         = 9   // RDISC/ND router advertisements
	RTPROT_MRT        = 10  // Merit MRT
	RTPROT_ZEBRA      = 11  // Zebra
	RTPROT_BIRD       = 12  // BIRD
	RTPROT_DNROUTED   = 13  // DECnet routing daemon
	RTPROT_XORP       = 14  // XORP
	RTPROT_NTK        = 15  // Netsukuku
	RTPROT_DHCP       = 16  // DHCP client
	RTPROT_MROUTED    = 17  // multicast daemon
	RTPROT_KEEPALIVED = 18  // Keepalived
	RTPROT_BABEL      = 42  // Babel
	RTPROT_OPENR      = 99  // Open/R
	RTPROT_BGP        = 186 // BGP
	RTPROT_ISIS       = 187 // IS-IS
	RTPROT_OSPF       = 188 // OSPF
	RTPROT_RIP        = 189 // RIP
	RTPROT_EIGRP      = 192 // EIGRP
)

// Route flags (rtm_flags, include/uapi/linux/rtnetlink.h).
const (
	RTM_F_NOTIFY       = 0x100  // notify the user of route change
	RTM_F_CLONED       = 0x200  // this route is cloned
	RTM_F_EQUALIZE     = 0x400  // multipath equalizer (not implemented)
	RTM_F_PREFIX       = 0x800  // prefix addresses
	RTM_F_LOOKUP_TABLE = 0x1000 // set rtm_table to the FIB lookup result
	RTM_F_FIB_MATCH    = 0x2000 // return the full FIB lookup match
	RTM_F_OFFLOAD      = 0x4000 // the route is offloaded
	RTM_F_TRAP         = 0x8000 // the route is trapping packets
)

// Next hop flags (rtnh_flags of struct rtnexthop, and rtm_flags,
// include/uapi/linux/rtnetlink.h).
const (
	RTNH_F_DEAD       = 1  // next hop is dead (used by multipath)
	RTNH_F_PERVASIVE  = 2  // do recursive gateway lookup
	RTNH_F_ONLINK     = 4  // gateway is forced on link
	RTNH_F_OFFLOAD    = 8  // next hop is offloaded
	RTNH_F_LINKDOWN   = 16 // carrier down on the next hop
	RTNH_F_UNRESOLVED = 32 // the entry is unresolved (ipmr)
	RTNH_F_TRAP       = 64 // next hop is trapping packets
)

// Address flags (ifa_flags and IFA_FLAGS, include/uapi/linux/if_addr.h).
const (
	IFA_F_SECONDARY      = 0x01  // a secondary address
	IFA_F_TEMPORARY      = 0x01  // an IPv6 temporary address (same bit as IFA_F_SECONDARY)
	IFA_F_NODAD          = 0x02  // no duplicate address detection
	IFA_F_OPTIMISTIC     = 0x04  // optimistic DAD
	IFA_F_DADFAILED      = 0x08  // DAD failed
	IFA_F_HOMEADDRESS    = 0x10  // Mobile IPv6 home address
	IFA_F_DEPRECATED     = 0x20  // deprecated
	IFA_F_TENTATIVE      = 0x40  // DAD in progress
	IFA_F_PERMANENT      = 0x80  // permanent
	IFA_F_MANAGETEMPADDR = 0x100 // manage temporary addresses from this prefix
	IFA_F_NOPREFIXROUTE  = 0x200 // no prefix route
	IFA_F_MCAUTOJOIN     = 0x400 // join the multicast group automatically
	IFA_F_STABLE_PRIVACY = 0x800 // RFC 7217 stable privacy address
)

// Neighbour states (ndm_state, include/uapi/linux/neighbour.h).
const (
	NUD_NONE       = 0x00 // no state
	NUD_INCOMPLETE = 0x01 // resolution in progress
	NUD_REACHABLE  = 0x02 // confirmed reachable
	NUD_STALE      = 0x04 // not confirmed recently
	NUD_DELAY      = 0x08 // waiting before probing
	NUD_PROBE      = 0x10 // probing
	NUD_FAILED     = 0x20 // resolution failed
	NUD_NOARP      = 0x40 // no resolution needed
	NUD_PERMANENT  = 0x80 // static entry
)

// Neighbour flags (ndm_flags, include/uapi/linux/neighbour.h).
const (
	NTF_USE         = 1 << 0 // mark the entry used
	NTF_SELF        = 1 << 1 // the device's own table
	NTF_MASTER      = 1 << 2 // the master (bridge) table
	NTF_PROXY       = 1 << 3 // a proxy entry (ATF_PUBL)
	NTF_EXT_LEARNED = 1 << 4 // learned externally
	NTF_OFFLOADED   = 1 << 5 // offloaded to hardware
	NTF_STICKY      = 1 << 6 // sticky FDB entry
	NTF_ROUTER      = 1 << 7 // the neighbour is a router
)

// Extended neighbour flags (NDA_FLAGS_EXT, include/uapi/linux/neighbour.h).
const (
	NTF_EXT_MANAGED       = 1 << 0 // managed by the kernel
	NTF_EXT_LOCKED        = 1 << 1 // locked bridge port entry
	NTF_EXT_EXT_VALIDATED = 1 << 2 // externally validated (Linux 6.17)
)

// Address families used in the family fields of the route headers and
// as the attribute types inside IFLA_AF_SPEC (include/linux/socket.h).
const (
	AF_UNSPEC = 0  // unspecified
	AF_INET   = 2  // IPv4
	AF_BRIDGE = 7  // bridge
	AF_INET6  = 10 // IPv6
	AF_PACKET = 17 // packet (link layer)
	AF_MPLS   = 28 // MPLS
)

// Interface flags (ifi_flags and ifi_change, include/uapi/linux/if.h).
const (
	IFF_UP          = 1 << 0  // administratively up
	IFF_BROADCAST   = 1 << 1  // broadcast address valid
	IFF_DEBUG       = 1 << 2  // debugging on
	IFF_LOOPBACK    = 1 << 3  // a loopback device
	IFF_POINTOPOINT = 1 << 4  // a point-to-point link
	IFF_NOTRAILERS  = 1 << 5  // avoid trailers
	IFF_RUNNING     = 1 << 6  // operationally up (RFC 2863 OPER_UP)
	IFF_NOARP       = 1 << 7  // no ARP
	IFF_PROMISC     = 1 << 8  // receive all packets
	IFF_ALLMULTI    = 1 << 9  // receive all multicast packets
	IFF_MASTER      = 1 << 10 // load-balancing master
	IFF_SLAVE       = 1 << 11 // load-balancing slave
	IFF_MULTICAST   = 1 << 12 // supports multicast
	IFF_PORTSEL     = 1 << 13 // can set media type
	IFF_AUTOMEDIA   = 1 << 14 // auto media select active
	IFF_DYNAMIC     = 1 << 15 // dial-up device with changing addresses
	IFF_LOWER_UP    = 1 << 16 // driver signals L1 up
	IFF_DORMANT     = 1 << 17 // driver signals dormant
	IFF_ECHO        = 1 << 18 // echo sent packets
)

// Link-layer types (ifi_type, include/uapi/linux/if_arp.h), the common ones.
const (
	ARPHRD_ETHER    = 1      // Ethernet
	ARPHRD_LOOPBACK = 772    // loopback
	ARPHRD_NONE     = 0xfffe // no header
	ARPHRD_VOID     = 0xffff // void type, nothing is known
)

// RTEXT_FILTER_* are the bits of IFLA_EXT_MASK in a link request
// (include/uapi/linux/rtnetlink.h).
const (
	RTEXT_FILTER_VF                = 1 << 0 // include VF information
	RTEXT_FILTER_BRVLAN            = 1 << 1 // bridge VLANs
	RTEXT_FILTER_BRVLAN_COMPRESSED = 1 << 2 // bridge VLANs, ranges compressed
	RTEXT_FILTER_SKIP_STATS        = 1 << 3 // leave the statistics out
	RTEXT_FILTER_MRP               = 1 << 4 // MRP information
	RTEXT_FILTER_CFM_CONFIG        = 1 << 5 // CFM configuration
	RTEXT_FILTER_CFM_STATUS        = 1 << 6 // CFM status
	RTEXT_FILTER_MST               = 1 << 7 // MST information
)
