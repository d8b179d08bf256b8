// Package route describes NETLINK_ROUTE (rtnetlink) as data: the numbers,
// fixed headers, attribute tables and validation policies of its link,
// address, route, neighbour and traffic-control messages, and the fixed
// headers and attribute tables of its rule, next hop (and bucket),
// namespace ID, netconf, statistics, neighbour table, bridge MDB and
// action messages, as the Linux UAPI headers
// (include/uapi/linux/rtnetlink.h, if_link.h, if_addr.h, neighbour.h,
// fib_rules.h, nexthop.h, net_namespace.h, netconf.h, if_bridge.h,
// pkt_cls.h) and net/core/rtnetlink.c define them.
//
// It holds:
//
//   - Constants under the kernel's own C names, so that code reads like
//     the C it is checked against: message types (RTM_NEWLINK, ...),
//     attribute types (IFLA_*, IFA_*, RTA_*, NDA_*, TCA_* and the nested
//     spaces), flags and enumerations (IFF_*, RTN_*, RTPROT_*, NUD_*,
//     ...), and the multicast groups (RTNLGRP_*, with the legacy
//     RTMGRP_* masks) to join for notifications.
//   - The fixed headers that follow the nlmsghdr, as values: IfInfoMsg,
//     IfAddrMsg, RtMsg, NdMsg, TcMsg, FibRuleHdr, NhMsg, RtGenMsg,
//     NetconfMsg, IfStatsMsg, NdtMsg, BrPortMsg, TcaMsg, IfAddrLblMsg,
//     BrVlanMsg, TunnelMsg, DcbMsg, PrefixMsg and NdUserOptMsg, each parsed
//     by ParseIfInfoMsg and the like, and written by wire.PutFixedHeader
//     in the order of the wire.Builder it writes into; RtNexthop and the
//     Nexthops walker for RTA_MULTIPATH.
//   - Attribute tables (family.Set values such as LinkAttrs and
//     RouteAttrs, and Messages for the message types) that name each
//     attribute, say how to show its payload and which space a nest
//     holds, for dumpers such as cmd/nldump. RTA_ENCAP and NHA_ENCAP hold
//     the space of the lightweight tunnel their sibling RTA_ENCAP_TYPE
//     (NHA_ENCAP_TYPE) names (LWTunnelEncapTypes: LWTIPAttrs,
//     MPLSIPTunnelAttrs, Seg6LocalAttrs, ...).
//   - Policies (LinkPolicy, AddrPolicy, RoutePolicy, RulePolicy, the
//     IFLA_AF_SPEC nests' InetAFPolicy and Inet6AFPolicy, the next hop,
//     netconf and namespace id policies, ...): the kernel's struct
//     nla_policy tables as validate.Policy values. rtnetlink parses most
//     requests with the liberal, deprecated parsers: validate them with
//     validate.ModeLiberal.
//   - The table of what the kernel applies to a request: Request gives,
//     for an address family, message type and form (do or dump, strict
//     socket or not), the family header's size, the policy and the mode;
//     CheckRequest makes the handlers' checks around the policy (header
//     values, allow-lists, required attributes, IFLA_AF_SPEC's separate
//     pass, the rule and next hop checks) with the kernel's errno,
//     message and offset; DumpFiltered says when NLMSG_DONE carries
//     NLM_F_DUMP_FILTERED. nltest and cmd/nldump use them.
//
// # One source of truth
//
// The kernel's YNL specs describe part of rtnetlink too, and tables are
// generated from them (family/rtlink, rtaddr, rtroute, rtneigh, rtrule
// and tc). Where the two cover the same fact, one is the source and the
// tests hold the other to it (spec_agree_test.go, spec_layout_test.go):
//
//   - Constants, fixed headers, message types and the message type to
//     header and attribute space mapping (Messages): this package. The
//     generated packages agree on every shared constant, header size and
//     member; they have no header types, and the specs describe none of
//     the next hop, namespace id, netconf, MDB, action, multicast and
//     anycast address messages.
//   - Attribute tables: this package's, written from the kernel's code,
//     for the spaces it describes; the specs give another type than the
//     kernel's for forty-one attributes (IFLA_PROTINFO as a string,
//     RTA_MULTIPATH as bytes, the bridge port options, u8 in the kernel,
//     as flags, ...) and no byte order or address hint for nine more.
//     Each such difference is listed in the tests with its reason; any
//     other fails them. For what these tables leave undescribed (the
//     options of each qdisc and filter kind, the link kinds but bridge,
//     veth, vlan and vxlan, the VF and DPLL pin nests), the generated
//     tables are the source.
//   - Validation: this package's policies, the kernel's struct
//     nla_policy tables. The specs' checks are sparse (none of the
//     newest rtnetlink specs' checks falls on an attribute these
//     policies cover); the tests compare each rule's type with the
//     spec's, and the checks a spec does state with the rules.
//
// Nothing here makes a system call: the package builds and works on
// every GOOS and GOARCH, the numbers being Linux's wherever the program
// runs (to build a request on a laptop for a router, or to decode a
// capture). On Linux, the tests check every constant that
// golang.org/x/sys/unix also defines against it. The byte order is
// never assumed: parsers take an nlwire.Order, and a wire.Builder writes
// the headers in its own.
//
// Build a request to add an IPv4 address, for the host's byte order:
//
//	b := wire.NewBuilder(nil)
//	m := b.Start(wire.Header{Type: route.RTM_NEWADDR, Flags: wire.Request | wire.Ack | wire.Create, Seq: 1})
//	wire.PutFixedHeader(&b, route.IfAddrMsg{Family: route.AF_INET, PrefixLen: 24, Index: 2})
//	b.Attrs().Put(route.IFA_LOCAL, []byte{192, 0, 2, 1})
//	b.End(m)
//	req, err := b.Finish()
//
// Read a link message (payload is a wire.Reader's Payload):
//
//	ifi, err := route.ParseIfInfoMsg(payload, nlwire.Native)
//	d := attr.NewDecoder(payload[route.IfInfoMsgLen:])
//	for d.Next() {
//		switch d.Type() {
//		case route.IFLA_IFNAME:
//			name = d.String()
//		case route.IFLA_MTU:
//			mtu = d.Uint32()
//		}
//	}
//
// Watch links and IPv4 addresses come and go (nlsock, Linux only):
//
//	c, err := nlsock.Dial(nlsock.Route, &nlsock.Config{Groups: []uint32{route.RTNLGRP_LINK, route.RTNLGRP_IPV4_IFADDR}})
package route
