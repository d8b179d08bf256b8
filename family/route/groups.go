package route

import "github.com/nlwire/nlwire/family"

// Multicast groups of NETLINK_ROUTE (enum rtnetlink_groups,
// include/uapi/linux/rtnetlink.h, complete as of Linux 6.18). A socket
// that joins one (NETLINK_ADD_MEMBERSHIP: nlsock.Config.Groups or
// Conn.JoinGroup) receives the kernel's notifications of that kind, the
// message types named in each comment. A group is a number, not a bit;
// the RTMGRP_* masks are the legacy bind-time form of the first ones.
// Joining RTNLGRP_IPV4_MROUTE_R or RTNLGRP_IPV6_MROUTE_R needs
// CAP_NET_ADMIN; a group above the running kernel's newest fails with
// EINVAL.
const (
	RTNLGRP_NONE          = 0  // no group
	RTNLGRP_LINK          = 1  // links: RTM_NEWLINK, RTM_DELLINK
	RTNLGRP_NOTIFY        = 2  // legacy general notifications
	RTNLGRP_NEIGH         = 3  // neighbours: RTM_NEWNEIGH, RTM_DELNEIGH
	RTNLGRP_TC            = 4  // traffic control: qdiscs, classes, filters, actions, chains
	RTNLGRP_IPV4_IFADDR   = 5  // IPv4 addresses: RTM_NEWADDR, RTM_DELADDR
	RTNLGRP_IPV4_MROUTE   = 6  // IPv4 multicast routes (family RTNL_FAMILY_IPMR)
	RTNLGRP_IPV4_ROUTE    = 7  // IPv4 routes: RTM_NEWROUTE, RTM_DELROUTE
	RTNLGRP_IPV4_RULE     = 8  // IPv4 routing rules: RTM_NEWRULE, RTM_DELRULE
	RTNLGRP_IPV6_IFADDR   = 9  // IPv6 addresses: RTM_NEWADDR, RTM_DELADDR
	RTNLGRP_IPV6_MROUTE   = 10 // IPv6 multicast routes (family RTNL_FAMILY_IP6MR)
	RTNLGRP_IPV6_ROUTE    = 11 // IPv6 routes: RTM_NEWROUTE, RTM_DELROUTE
	RTNLGRP_IPV6_IFINFO   = 12 // IPv6 link state: RTM_NEWLINK with family AF_INET6
	RTNLGRP_DECnet_IFADDR = 13 // DECnet addresses (DECnet left Linux in 6.1)
	RTNLGRP_NOP2          = 14 // unused
	RTNLGRP_DECnet_ROUTE  = 15 // DECnet routes (DECnet left Linux in 6.1)
	RTNLGRP_DECnet_RULE   = 16 // DECnet rules (DECnet left Linux in 6.1)
	RTNLGRP_NOP4          = 17 // unused
	RTNLGRP_IPV6_PREFIX   = 18 // IPv6 prefixes from router advertisements: RTM_NEWPREFIX
	RTNLGRP_IPV6_RULE     = 19 // IPv6 routing rules: RTM_NEWRULE, RTM_DELRULE
	RTNLGRP_ND_USEROPT    = 20 // neighbour discovery options for user space (RDNSS): RTM_NEWNDUSEROPT
	RTNLGRP_PHONET_IFADDR = 21 // Phonet addresses
	RTNLGRP_PHONET_ROUTE  = 22 // Phonet routes
	RTNLGRP_DCB           = 23 // Data Center Bridging settings
	RTNLGRP_IPV4_NETCONF  = 24 // IPv4 per-device settings: RTM_NEWNETCONF, RTM_DELNETCONF
	RTNLGRP_IPV6_NETCONF  = 25 // IPv6 per-device settings: RTM_NEWNETCONF, RTM_DELNETCONF
	RTNLGRP_MDB           = 26 // bridge multicast database: RTM_NEWMDB, RTM_DELMDB
	RTNLGRP_MPLS_ROUTE    = 27 // MPLS routes: RTM_NEWROUTE, RTM_DELROUTE
	RTNLGRP_NSID          = 28 // network namespace IDs: RTM_NEWNSID, RTM_DELNSID
	RTNLGRP_MPLS_NETCONF  = 29 // MPLS per-device settings: RTM_NEWNETCONF
	RTNLGRP_IPV4_MROUTE_R = 30 // IPv4 multicast routing reports: RTM_NEWCACHEREPORT
	RTNLGRP_IPV6_MROUTE_R = 31 // IPv6 multicast routing reports: RTM_NEWCACHEREPORT
	RTNLGRP_NEXTHOP       = 32 // next-hop objects: RTM_NEWNEXTHOP, RTM_DELNEXTHOP
	RTNLGRP_BRVLAN        = 33 // bridge VLANs: RTM_NEWVLAN, RTM_DELVLAN
	RTNLGRP_MCTP_IFADDR   = 34 // MCTP addresses: RTM_NEWADDR, RTM_DELADDR
	RTNLGRP_TUNNEL        = 35 // tunnel VNI filters: RTM_NEWTUNNEL, RTM_DELTUNNEL
	RTNLGRP_STATS         = 36 // statistics: RTM_NEWSTATS
	RTNLGRP_IPV4_MCADDR   = 37 // IPv4 multicast memberships: RTM_NEWMULTICAST, RTM_DELMULTICAST
	RTNLGRP_IPV6_MCADDR   = 38 // IPv6 multicast memberships: RTM_NEWMULTICAST, RTM_DELMULTICAST
	RTNLGRP_IPV6_ACADDR   = 39 // IPv6 anycast addresses: RTM_NEWANYCAST, RTM_DELANYCAST
)

// RTNLGRP_MAX is the newest multicast group this package knows
// (RTNLGRP_MAX in Linux 6.18). The running kernel may know fewer, or
// more.
const RTNLGRP_MAX = RTNLGRP_IPV6_ACADDR

// Legacy multicast group masks (RTMGRP_*, include/uapi/linux/rtnetlink.h)
// for sockaddr_nl.nl_groups at bind(2): bit n-1 stands for group n, so
// that they reach groups 1 to 32 only. The kernel's header defines these
// fifteen; newer code joins groups by number (RTNLGRP_*) instead.
const (
	RTMGRP_LINK          = 0x1     // 1 << (RTNLGRP_LINK - 1)
	RTMGRP_NOTIFY        = 0x2     // 1 << (RTNLGRP_NOTIFY - 1)
	RTMGRP_NEIGH         = 0x4     // 1 << (RTNLGRP_NEIGH - 1)
	RTMGRP_TC            = 0x8     // 1 << (RTNLGRP_TC - 1)
	RTMGRP_IPV4_IFADDR   = 0x10    // 1 << (RTNLGRP_IPV4_IFADDR - 1)
	RTMGRP_IPV4_MROUTE   = 0x20    // 1 << (RTNLGRP_IPV4_MROUTE - 1)
	RTMGRP_IPV4_ROUTE    = 0x40    // 1 << (RTNLGRP_IPV4_ROUTE - 1)
	RTMGRP_IPV4_RULE     = 0x80    // 1 << (RTNLGRP_IPV4_RULE - 1)
	RTMGRP_IPV6_IFADDR   = 0x100   // 1 << (RTNLGRP_IPV6_IFADDR - 1)
	RTMGRP_IPV6_MROUTE   = 0x200   // 1 << (RTNLGRP_IPV6_MROUTE - 1)
	RTMGRP_IPV6_ROUTE    = 0x400   // 1 << (RTNLGRP_IPV6_ROUTE - 1)
	RTMGRP_IPV6_IFINFO   = 0x800   // 1 << (RTNLGRP_IPV6_IFINFO - 1)
	RTMGRP_DECnet_IFADDR = 0x1000  // 1 << (RTNLGRP_DECnet_IFADDR - 1)
	RTMGRP_DECnet_ROUTE  = 0x4000  // 1 << (RTNLGRP_DECnet_ROUTE - 1)
	RTMGRP_IPV6_PREFIX   = 0x20000 // 1 << (RTNLGRP_IPV6_PREFIX - 1)
)

// Groups names the RTNLGRP_* multicast groups, by number.
var Groups = family.Enum{Space: "RTNLGRP", Names: []string{
	RTNLGRP_NONE:          "RTNLGRP_NONE",
	RTNLGRP_LINK:          "RTNLGRP_LINK",
	RTNLGRP_NOTIFY:        "RTNLGRP_NOTIFY",
	RTNLGRP_NEIGH:         "RTNLGRP_NEIGH",
	RTNLGRP_TC:            "RTNLGRP_TC",
	RTNLGRP_IPV4_IFADDR:   "RTNLGRP_IPV4_IFADDR",
	RTNLGRP_IPV4_MROUTE:   "RTNLGRP_IPV4_MROUTE",
	RTNLGRP_IPV4_ROUTE:    "RTNLGRP_IPV4_ROUTE",
	RTNLGRP_IPV4_RULE:     "RTNLGRP_IPV4_RULE",
	RTNLGRP_IPV6_IFADDR:   "RTNLGRP_IPV6_IFADDR",
	RTNLGRP_IPV6_MROUTE:   "RTNLGRP_IPV6_MROUTE",
	RTNLGRP_IPV6_ROUTE:    "RTNLGRP_IPV6_ROUTE",
	RTNLGRP_IPV6_IFINFO:   "RTNLGRP_IPV6_IFINFO",
	RTNLGRP_DECnet_IFADDR: "RTNLGRP_DECnet_IFADDR",
	RTNLGRP_NOP2:          "RTNLGRP_NOP2",
	RTNLGRP_DECnet_ROUTE:  "RTNLGRP_DECnet_ROUTE",
	RTNLGRP_DECnet_RULE:   "RTNLGRP_DECnet_RULE",
	RTNLGRP_NOP4:          "RTNLGRP_NOP4",
	RTNLGRP_IPV6_PREFIX:   "RTNLGRP_IPV6_PREFIX",
	RTNLGRP_IPV6_RULE:     "RTNLGRP_IPV6_RULE",
	RTNLGRP_ND_USEROPT:    "RTNLGRP_ND_USEROPT",
	RTNLGRP_PHONET_IFADDR: "RTNLGRP_PHONET_IFADDR",
	RTNLGRP_PHONET_ROUTE:  "RTNLGRP_PHONET_ROUTE",
	RTNLGRP_DCB:           "RTNLGRP_DCB",
	RTNLGRP_IPV4_NETCONF:  "RTNLGRP_IPV4_NETCONF",
	RTNLGRP_IPV6_NETCONF:  "RTNLGRP_IPV6_NETCONF",
	RTNLGRP_MDB:           "RTNLGRP_MDB",
	RTNLGRP_MPLS_ROUTE:    "RTNLGRP_MPLS_ROUTE",
	RTNLGRP_NSID:          "RTNLGRP_NSID",
	RTNLGRP_MPLS_NETCONF:  "RTNLGRP_MPLS_NETCONF",
	RTNLGRP_IPV4_MROUTE_R: "RTNLGRP_IPV4_MROUTE_R",
	RTNLGRP_IPV6_MROUTE_R: "RTNLGRP_IPV6_MROUTE_R",
	RTNLGRP_NEXTHOP:       "RTNLGRP_NEXTHOP",
	RTNLGRP_BRVLAN:        "RTNLGRP_BRVLAN",
	RTNLGRP_MCTP_IFADDR:   "RTNLGRP_MCTP_IFADDR",
	RTNLGRP_TUNNEL:        "RTNLGRP_TUNNEL",
	RTNLGRP_STATS:         "RTNLGRP_STATS",
	RTNLGRP_IPV4_MCADDR:   "RTNLGRP_IPV4_MCADDR",
	RTNLGRP_IPV6_MCADDR:   "RTNLGRP_IPV6_MCADDR",
	RTNLGRP_IPV6_ACADDR:   "RTNLGRP_IPV6_ACADDR",
}}
