package route

import (
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/validate"
)

// Extended ACK messages of the GET requests' checks (net/core/rtnetlink.c,
// net/ipv4/devinet.c, net/ipv6/addrconf.c, net/ipv4/fib_frontend.c,
// net/ipv4/route.c, net/ipv6/route.c, net/core/neighbour.c), word for
// word; messages set with NL_SET_ERR_MSG_MOD carry the module's name
// ("ipv6: ").
const (
	MsgLinkDumpHeader  = "Invalid header for link dump"
	MsgLinkDumpValues  = "Invalid values in header for link dump request"
	MsgLinkDumpIndex   = "Filter by device index not supported for link dumps"
	MsgLinkDumpAttr    = "Unsupported attribute in link dump request"
	MsgGetLinkHeader   = "Invalid header for get link"
	MsgGetLinkValues   = "Invalid values in header for get link request"
	MsgGetLinkAttr     = "Unsupported attribute in get link request"
	MsgAddrDumpHeader  = "ipv4: Invalid header for address dump request"
	MsgAddrDumpValues  = "ipv4: Invalid values in header for address dump request"
	MsgAddrDumpAttr    = "ipv4: Unsupported attribute in dump request"
	MsgAddr6DumpHeader = "ipv6: Invalid header for address dump request"
	MsgAddr6DumpValues = "ipv6: Invalid values in header for address dump request"
	MsgAddr6DumpAttr   = "ipv6: Unsupported attribute in dump request"
	MsgGetAddr6Header  = "ipv6: Invalid header for get address request"
	MsgGetAddr6Values  = "ipv6: Invalid values in header for get address request"
	MsgGetAddr6Attr    = "ipv6: Unsupported attribute in get address request"
	MsgFIBDumpHeader   = "Invalid header for FIB dump request"
	MsgFIBDumpValues   = "Invalid values in header for FIB dump request"
	MsgFIBDumpFlags    = "Invalid flags for FIB dump request"
	MsgFIBDumpAttr     = "Unsupported attribute in dump request"
	MsgGetRouteHeader  = "ipv4: Invalid header for route get request"
	MsgGetRouteValues  = "ipv4: Invalid values in header for route get request"
	MsgGetRouteFlags   = "ipv4: Unsupported rtm_flags for route get request"
	MsgGetRouteLen     = "ipv4: rtm_src_len and rtm_dst_len must be 32 for IPv4"
	MsgGetRouteAttr    = "ipv4: Unsupported attribute in route get request"
	MsgGetRoute6Header = "ipv6: Invalid header for get route request"
	MsgGetRoute6Values = "ipv6: Invalid values in header for get route request"
	MsgGetRoute6Flags  = "ipv6: Invalid flags for get route request"
	MsgGetRoute6Len    = "ipv6: rtm_src_len and rtm_dst_len must be 128 for IPv6"
	MsgGetRoute6Attr   = "ipv6: Unsupported attribute in get route request"
	MsgNeighDumpHeader = "Invalid header for neighbor dump request"
	MsgNeighDumpValues = "Invalid values in header for neighbor dump request"
	MsgNeighDumpFlags  = "Invalid flags in header for neighbor dump request"
	MsgNeighDumpAttr   = "Unsupported attribute in neighbor dump request"
	MsgGetNeighHeader  = "Invalid header for neighbor get request"
	MsgGetNeighValues  = "Invalid values in header for neighbor get request"
	MsgGetNeighFlags   = "Invalid flags in header for neighbor get request"
	MsgGetNeighFamily  = "Unsupported family in header for neighbor get request"
	MsgGetNeighAddress = "Invalid network address in neighbor get request"
	MsgGetNeighAttr    = "Unsupported attribute in neighbor get request"
)

// Request returns what the kernel (Linux 6.18) applies to a request of
// message type typ whose family header starts with the address family
// fam, as a do (dump false) or a dump request, from a socket with
// NETLINK_GET_STRICT_CHK (strict) or without: the size of the family
// header the handler parses, the attribute policy and the validation
// mode. ok is false where the kernel parses no attributes: message types
// this package has no policy for (traffic control, actions, bridge MDB
// entries, address labels, ...), requests without a handler (RTM_GETADDR
// do for any family but AF_INET6, RTM_GETNETCONF do for any but AF_INET
// and AF_INET6, RTM_GETRULE do, write requests of a family without one:
// rtnetlink answers EOPNOTSUPP), rule requests of a family without rules
// (RuleFamily: EAFNOSUPPORT), the dumps that take no attributes
// (RTM_GETRULE, RTM_GETNETCONF, RTM_GETNEIGHTBL, RTM_GETMDB, and
// RTM_GETLINK of AF_INET6 and RTNL_FAMILY_IPMR), and dumps that read
// nothing of the request (address, FIB and namespace id dumps without
// strict checking). Messages gives the family header's size of every
// type, parsed or not.
//
// The table, per message type (write: RTM_NEW*, RTM_DEL*, RTM_SETLINK):
//
//	RTM_NEWLINK, RTM_DELLINK, RTM_SETLINK  IfInfoMsg, LinkPolicy, liberal (then IFLA_AF_SPEC: ValidateAFSpec)
//	RTM_GETLINK do                         IfInfoMsg, LinkPolicy, deprecated-strict if strict
//	RTM_GETLINK dump                       IfInfoMsg, LinkPolicy (AF_INET6, RTNL_FAMILY_IPMR: none)
//	RTM_NEWADDR, RTM_DELADDR               AF_INET, AF_INET6: IfAddrMsg, AddrPolicy, Addr6Policy, liberal
//	RTM_GETADDR do                         AF_INET6 only: IfAddrMsg, Addr6Policy
//	RTM_GETADDR dump                       strict only: IfAddrMsg, AddrPolicy (AF_INET6: Addr6Policy)
//	RTM_NEWROUTE, RTM_DELROUTE             RtMsg, RoutePolicy, Route6Policy, MrRoutePolicy (RTNL_FAMILY_IPMR), liberal
//	RTM_GETROUTE do                        RtMsg, RoutePolicy (AF_INET, RTNL_FAMILY_IPMR), Route6Policy,
//	                                       Mr6GetRoutePolicy (RTNL_FAMILY_IP6MR, strict on every socket)
//	RTM_GETROUTE dump                      strict only: RtMsg, RoutePolicy whatever the family
//	RTM_NEWNEIGH, RTM_DELNEIGH             NdMsg, NeighPolicy, liberal
//	RTM_GETNEIGH do                        NdMsg, NeighPolicy, always deprecated-strict
//	RTM_GETNEIGH dump                      NdMsg, NeighPolicy (AF_BRIDGE: not modelled)
//	RTM_NEWRULE, RTM_DELRULE               RuleFamily only: FibRuleHdr, RulePolicy, liberal
//	RTM_GETRULE                            none (dump only; strict: no attributes allowed)
//	RTM_NEWNEXTHOP                         NhMsg, NexthopPolicy, strict
//	RTM_DELNEXTHOP                         NhMsg, NexthopDelPolicy, strict
//	RTM_GETNEXTHOP do, dump                NhMsg, NexthopGetPolicy, NexthopDumpPolicy, strict on every socket
//	RTM_GETNEXTHOPBUCKET do, dump          NhMsg, NexthopBucketGetPolicy, NexthopBucketDumpPolicy, strict on every socket
//	RTM_GETNETCONF do                      AF_INET: NetconfMsg, NetconfPolicy; AF_INET6: Netconf6Policy
//	RTM_GETNETCONF dump                    none (strict: no attributes allowed)
//	RTM_GETNEIGHTBL                        none (dump only; strict: no attributes allowed)
//	RTM_SETNEIGHTBL                        NdtMsg, NeighTablePolicy, liberal (NDTA_PARMS: NeighTableParmsPolicy)
//	RTM_GETMDB dump                        none (AF_BRIDGE; strict: a bare br_port_msg without ifindex)
//	RTM_GETSTATS do, dump                  IfStatsMsg, StatsGetPolicy, strict on every socket
//	RTM_SETSTATS                           IfStatsMsg, StatsSetPolicy, strict
//	RTM_NEWNSID                            RtGenMsg, NetNSIDPolicy, liberal
//	RTM_GETNSID do                         RtGenMsg, NetNSIDPolicy
//	RTM_GETNSID dump                       strict only: RtGenMsg, NetNSIDPolicy
//
// The rules: write requests are parsed with nlmsg_parse_deprecated,
// validate.ModeLiberal (types from the policy's StrictStartType on are
// checked strictly by validate itself), but for the next hop,
// statistics and RTNL_FAMILY_IP6MR route get requests, which are parsed
// with nlmsg_parse (validate.ModeStrict) whatever the socket, dumps
// included; strict GET requests with
// nlmsg_parse_deprecated_strict, validate.ModeDeprecatedStrict, after
// the header checks CheckRequest makes; non-strict GET requests
// liberally. Address and route policies are chosen by the header's
// family, except route dumps, which every family checks with
// RoutePolicy (ip_valid_fib_dump_req), and RTM_GETNEIGH do, which
// neigh_valid_get_req always parses strictly.
//
// Not modelled: RTM_SETLINK and RTM_DELLINK of AF_BRIDGE (the bridge's
// own handlers) and RTM_NEWNEIGH, RTM_DELNEIGH and RTM_GETNEIGH of
// AF_BRIDGE (the FDB handlers) report ok false; IFLA_LINKINFO and the
// other nests but IFLA_AF_SPEC are checked only as ifla_policy checks
// them (their contents are parsed later by the handlers, per link
// kind).
func Request(fam uint8, typ uint16, dump, strict bool) (hdrLen int, p *validate.Policy, m validate.Mode, ok bool) {
	get := typ >= RTM_BASE && typ&3 == 2
	mode := validate.ModeLiberal
	if get && strict {
		mode = validate.ModeDeprecatedStrict
	}
	if !get {
		dump = false
	}
	switch typ {
	case RTM_NEWLINK, RTM_DELLINK, RTM_SETLINK:
		if fam == AF_BRIDGE && typ != RTM_NEWLINK {
			return 0, nil, 0, false // rtnl_bridge_dellink, rtnl_bridge_setlink
		}
		return IfInfoMsgLen, &LinkPolicy, validate.ModeLiberal, true
	case RTM_GETLINK:
		if dump && (fam == AF_INET6 || fam == RTNL_FAMILY_IPMR) {
			return 0, nil, 0, false
		}
		return IfInfoMsgLen, &LinkPolicy, mode, true
	case RTM_NEWADDR, RTM_DELADDR:
		switch fam {
		case AF_INET:
			return IfAddrMsgLen, &AddrPolicy, validate.ModeLiberal, true
		case AF_INET6:
			return IfAddrMsgLen, &Addr6Policy, validate.ModeLiberal, true
		}
	case RTM_GETADDR:
		if !strict && dump || !dump && fam != AF_INET6 {
			return 0, nil, 0, false
		}
		if fam == AF_INET6 {
			return IfAddrMsgLen, &Addr6Policy, mode, true
		}
		return IfAddrMsgLen, &AddrPolicy, mode, true
	case RTM_NEWROUTE, RTM_DELROUTE:
		switch fam {
		case AF_INET:
			return RtMsgLen, &RoutePolicy, validate.ModeLiberal, true
		case AF_INET6:
			return RtMsgLen, &Route6Policy, validate.ModeLiberal, true
		case RTNL_FAMILY_IPMR:
			return RtMsgLen, &MrRoutePolicy, validate.ModeLiberal, true
		}
	case RTM_GETROUTE:
		if dump {
			if !strict {
				return 0, nil, 0, false
			}
			return RtMsgLen, &RoutePolicy, mode, true
		}
		switch fam {
		case AF_INET, RTNL_FAMILY_IPMR:
			return RtMsgLen, &RoutePolicy, mode, true
		case AF_INET6:
			return RtMsgLen, &Route6Policy, mode, true
		case RTNL_FAMILY_IP6MR:
			return RtMsgLen, &Mr6GetRoutePolicy, validate.ModeStrict, true
		}
	case RTM_NEWNEIGH, RTM_DELNEIGH:
		if fam == AF_BRIDGE {
			return 0, nil, 0, false // rtnl_fdb_add, rtnl_fdb_del
		}
		return NdMsgLen, &NeighPolicy, validate.ModeLiberal, true
	case RTM_GETNEIGH:
		if fam == AF_BRIDGE {
			return 0, nil, 0, false
		}
		if !dump {
			mode = validate.ModeDeprecatedStrict
		}
		return NdMsgLen, &NeighPolicy, mode, true
	case RTM_NEWRULE, RTM_DELRULE:
		if !RuleFamily(fam) {
			return 0, nil, 0, false
		}
		return FibRuleHdrLen, &RulePolicy, validate.ModeLiberal, true
	case RTM_NEWNEXTHOP:
		return NhMsgLen, &NexthopPolicy, validate.ModeStrict, true
	case RTM_DELNEXTHOP:
		return NhMsgLen, &NexthopDelPolicy, validate.ModeStrict, true
	case RTM_GETNEXTHOP:
		if dump {
			return NhMsgLen, &NexthopDumpPolicy, validate.ModeStrict, true
		}
		return NhMsgLen, &NexthopGetPolicy, validate.ModeStrict, true
	case RTM_GETNEXTHOPBUCKET:
		if dump {
			return NhMsgLen, &NexthopBucketDumpPolicy, validate.ModeStrict, true
		}
		return NhMsgLen, &NexthopBucketGetPolicy, validate.ModeStrict, true
	case RTM_GETNETCONF:
		switch {
		case dump:
			return 0, nil, 0, false
		case fam == AF_INET:
			return NetconfMsgLen, &NetconfPolicy, mode, true
		case fam == AF_INET6:
			return NetconfMsgLen, &Netconf6Policy, mode, true
		}
	case RTM_SETNEIGHTBL:
		return NdtMsgLen, &NeighTablePolicy, validate.ModeLiberal, true
	case RTM_GETSTATS:
		return IfStatsMsgLen, &StatsGetPolicy, validate.ModeStrict, true
	case RTM_SETSTATS:
		return IfStatsMsgLen, &StatsSetPolicy, validate.ModeStrict, true
	case RTM_NEWNSID:
		return RtGenMsgLen, &NetNSIDPolicy, validate.ModeLiberal, true
	case RTM_GETNSID:
		if dump && !strict {
			return 0, nil, 0, false
		}
		return RtGenMsgLen, &NetNSIDPolicy, mode, true
	}
	return 0, nil, 0, false
}

// MsgGetNeighDevice is neigh_get's answer to a request for a neighbour
// entry (not a proxy entry) without ndm_ifindex.
const MsgGetNeighDevice = "No device specified"

// MissingAttrError is a request without an attribute its handler
// requires (the kernel's NL_REQ_ATTR_CHECK): EINVAL with no message and
// the type in NLMSGERR_ATTR_MISS_TYPE, at the top level of the message.
type MissingAttrError struct {
	Type uint16 // the missing attribute's type
}

// Error returns "route: missing attribute N".
func (e *MissingAttrError) Error() string {
	return "route: missing attribute " + strconv.Itoa(int(e.Type))
}

// Unwrap returns EINVAL.
func (e *MissingAttrError) Unwrap() error { return nlwire.EINVAL }

// Extended ACK messages of failed target namespace lookups in dump
// requests.
const (
	MsgLinkDumpNetNS  = "Invalid target network namespace id"
	MsgAddrDumpNetNS  = "ipv4: Invalid target network namespace id"
	MsgAddr6DumpNetNS = "ipv6: Invalid target network namespace id"
)

// RTM_BASE is the first rtnetlink message type; a type's kind (NEW, DEL,
// GET, SET) is its offset from RTM_BASE modulo 4.
const RTM_BASE = 16

// RTM_MAX is the largest message type rtnetlink accepts (Linux 6.18);
// larger ones are answered with EOPNOTSUPP.
const RTM_MAX = 123

// MaxAttrs is the most attribute slots CheckRequest's tb needs: one more
// than the largest maximum type of the policies Request returns.
const MaxAttrs = IFLA_TAILROOM + 1

// RequestState is what CheckRequest and DumpFiltered ask of the kernel's
// state; a nil RequestState knows nothing.
type RequestState interface {
	// NetNSID reports whether a peer network namespace has the id.
	NetNSID(id int32) bool
	// Device reports whether a device of the namespace has the index.
	Device(ifindex uint32) bool
}

func reqErr(msg string) error {
	return &validate.Error{Errno: nlwire.EINVAL, Msg: msg}
}

// CheckRequest makes the checks the kernel's handlers make of a request
// (payload: the bytes after the nlmsghdr) before they look at what it
// asks for, as Request describes them, and returns nil or the kernel's
// answer as a *validate.Error: the strict header checks of GET requests
// ("Invalid header for ... dump request", "Invalid values in header for
// ... dump request", flags), the policy validation, and the allow-lists
// of attributes a strict GET request may carry ("Unsupported attribute
// in ..."); offsets count from the nlmsghdr. opt gives the byte order
// and the Warn hook, which sees "bytes leftover after parsing
// attributes" where the kernel leaves that message in an ACK. Errors a
// non-strict dump ignores (link and neighbour dumps walk on) are not
// reported, though the kernel's NLMSG_DONE carries their message. tb, if
// not nil, must have at least MaxAttrs entries and receives the parsed
// attributes (it is also used as scratch); a nil tb costs an allocation
// for the GET requests whose attributes are checked. Checks that depend
// on the kernel's state (the device of RTA_OIF, the namespace of
// *_TARGET_NETNSID, a neighbour table for the family) are left to the
// handler, except the target namespace ids of link, address and
// namespace id dumps, the RTA_OIF device of FIB dumps and the device of
// statistics requests, which st is asked about in the kernel's order
// (nil knows no namespace id and no device: "Invalid target network
// namespace id", ENODEV), and RTM_GETNEIGH do's "Unsupported family" for
// families other than AF_INET and AF_INET6 and its NDA_DST length; the
// neighbour tables and rule families are Linux's (RuleFamily). A
// handler's errno-only error after a liberal parse that left bytes over
// carries validate.MsgLeftover, as the kernel's extended ACK keeps it.
//
// Rule requests: RTM_NEWRULE and RTM_DELRULE check the header's length
// (MsgRuleLen), the family (RuleFamily; EAFNOSUPPORT MsgRuleFamily) and
// RulePolicy, whose errors keep their errno, offset and policy but carry
// MsgRuleParse; a strict RTM_GETRULE dump checks the header's length and
// that every field but the family is zero, and refuses any byte after
// it (MsgRuleDumpData) before a policy could be consulted. The family
// of a rule dump is looked up by the handler (EAFNOSUPPORT without a
// message, in NLMSG_DONE), after these checks.
//
// Next hop requests: after the policy, RTM_NEWNEXTHOP's header
// (MsgNhAncillaryValues, MsgNhAncillaryFlags) and family (MsgNhFamily:
// AF_UNSPEC only with NHA_GROUP); RTM_DELNEXTHOP, RTM_GETNEXTHOP and
// RTM_GETNEXTHOPBUCKET do's header (MsgNhHeaderValues) and NHA_ID
// (MsgNhIDMissing, MsgNhID), and the bucket's NHA_RES_BUCKET
// (MsgNhBucketMissing, NexthopResBucketGetPolicy, MsgNhBucketIndex);
// dumps' NHA_OIF and NHA_MASTER (MsgNhDumpDevice, MsgNhDumpMaster, above
// INT_MAX) and header (MsgNhDumpValues); RTM_GETNEXTHOPBUCKET dumps'
// policy errors have no message (the kernel parses without an extended
// ACK), then NHA_ID and NHA_RES_BUCKET's NHA_RES_BUCKET_NH_ID (not 0:
// MsgNhID). RTM_GETNETCONF: the strict allow-list (NETCONFA_IFINDEX
// only) and a bare EINVAL without NETCONFA_IFINDEX; strict dumps take
// nothing after the 4-byte aligned netconfmsg (an unaligned one fails
// too). RTM_NEWNSID needs NETNSA_NSID (MsgNSIDMissing) and NETNSA_PID or
// NETNSA_FD (MsgNSIDPeerMissing); RTM_GETNSID do a peer reference too,
// and strictly nothing but NETNSA_PID, NETNSA_FD, NETNSA_NSID and
// NETNSA_TARGET_NSID (MsgNSIDGetAttr); a strict dump only a
// NETNSA_TARGET_NSID st knows, with the offending attribute's offset.
// Statistics requests: the header's length on every socket
// (MsgStatsHeader), strictly its padding, a dump's ifindex
// (MsgStatsValues) and the filter mask's bits (MsgStatsMask); a do
// request's ifindex (bare EINVAL if 0; ENODEV for a device st
// does not know); RTM_SETSTATS' family (MsgStatsSetFamily) and zero mask
// (MsgStatsSetMaskZero) before StatsSetPolicy; RTM_GETSTATS' non-zero
// mask (MsgStatsGetMask, MsgStatsDumpMask) before StatsGetPolicy, then
// filters only for the types the mask enables (MsgStatsFiltered).
// Neighbour tables: a strict RTM_GETNEIGHTBL dump takes a 4-byte ndtmsg
// with zero padding and nothing after (MsgNeighTblDumpHeader,
// MsgNeighTblDumpValues, MsgNeighTblDumpData); RTM_SETNEIGHTBL needs
// NDTA_NAME (bare EINVAL) naming a table of the family ("arp_cache",
// "ndisc_cache"; bare ENOENT), then NDTA_PARMS passes
// NeighTableParmsPolicy.
//
// Multicast routing: RTNL_FAMILY_IPMR RTM_GETROUTE do checks as the
// IPv4 route get does with its own messages (MsgMrGetRouteHeader,
// MsgMrGetRouteValues, MsgMrGetRouteAttr: RTA_SRC, RTA_DST and RTA_TABLE
// only); RTNL_FAMILY_IP6MR's parses Mr6GetRoutePolicy first, then the
// header (MsgMr6GetRouteValues) and prefix lengths; RTNL_FAMILY_IPMR
// RTM_NEWROUTE and RTM_DELROUTE validate MrRoutePolicy, then need
// rtm_dst_len 32, RTN_MULTICAST, RT_SCOPE_UNIVERSE and RTPROT_STATIC or
// RTPROT_MROUTED (bare EINVAL). Strict RTM_GETLINK dumps of AF_INET6,
// RTNL_FAMILY_IPMR (a bare ifinfomsg, zero but the family) and
// AF_BRIDGE (LinkPolicy, IFLA_EXT_MASK only) have their own messages
// (MsgLink6Dump*, MsgMrLinkDump*, MsgBridgeDump*); so do strict
// AF_BRIDGE RTM_GETMDB dumps (MsgMDBDumpHeader, MsgMDBDumpIndex,
// MsgMDBDumpData).
//
// RTM_NEWLINK and RTM_SETLINK requests that pass LinkPolicy have their
// IFLA_AF_SPEC checked by ValidateAFSpec, as validate_linkmsg checks it
// once the handler has found the device (an RTM_NEWLINK that creates a
// link reaches it only after its kind's checks).
func CheckRequest(fam uint8, typ uint16, dump, strict bool, payload []byte, opt validate.Options, tb []attr.Decoder, st RequestState) error {
	dump = dump && typ >= RTM_BASE && typ&3 == 2
	mroute := fam == RTNL_FAMILY_IPMR && (typ == RTM_NEWROUTE || typ == RTM_DELROUTE) ||
		(fam == RTNL_FAMILY_IPMR || fam == RTNL_FAMILY_IP6MR) && typ == RTM_GETROUTE && !dump
	linkDump := typ == RTM_GETLINK && dump && (fam == AF_INET6 || fam == RTNL_FAMILY_IPMR || fam == AF_BRIDGE)
	if typ == RTM_GETMDB && dump && strict && fam == AF_BRIDGE {
		return checkMDBDump(payload, opt.Order)
	}
	if mroute || linkDump {
		if len(tb) < MaxAttrs {
			tb = make([]attr.Decoder, MaxAttrs)
		}
		if linkDump {
			return checkLinkDump(fam, strict, payload, opt, tb)
		}
		return checkMroute(fam, typ, strict, payload, opt, tb)
	}
	switch typ {
	case RTM_NEWRULE, RTM_DELRULE, RTM_GETRULE:
		return checkRule(typ, dump, strict, payload, opt, tb)
	case RTM_NEWNEXTHOP, RTM_DELNEXTHOP, RTM_GETNEXTHOP, RTM_GETNEXTHOPBUCKET,
		RTM_GETNETCONF, RTM_NEWNSID, RTM_GETNSID, RTM_GETSTATS, RTM_SETSTATS, RTM_GETNEIGHTBL, RTM_SETNEIGHTBL:
		if len(tb) < MaxAttrs {
			tb = make([]attr.Decoder, MaxAttrs)
		}
		switch typ {
		case RTM_GETNETCONF:
			if !dump && fam != AF_INET && fam != AF_INET6 {
				return nil // no handler: EOPNOTSUPP
			}
			return checkNetconf(fam, dump, strict, payload, opt, tb)
		case RTM_NEWNSID, RTM_GETNSID:
			return checkNSID(typ, dump, strict, payload, opt, tb, st)
		case RTM_GETSTATS, RTM_SETSTATS:
			return checkStats(fam, typ, dump, strict, payload, opt, tb, st)
		case RTM_GETNEIGHTBL, RTM_SETNEIGHTBL:
			return checkNeighTable(typ, dump, strict, payload, opt, tb)
		}
		return checkNexthop(typ, dump, payload, opt, tb)
	}
	hdrLen, p, m, ok := Request(fam, typ, dump, strict)
	if !ok {
		return nil
	}
	get := typ&3 == 2
	if !get {
		if err := opt.ParseMessage(payload, hdrLen, p, m, tb); err != nil || typ != RTM_NEWLINK && typ != RTM_SETLINK {
			return err
		}
		return checkAFSpec(payload, opt)
	}
	if tb == nil || len(tb) < MaxAttrs {
		tb = make([]attr.Decoder, MaxAttrs)
	}
	tb = tb[:int(p.MaxType)+1]
	if p.MaxType == 0 {
		tb = tb[:len(p.Rules)]
	}
	short := len(payload) < hdrLen
	sw := opt.Order.Swap()
	u16 := func(i int) uint16 { return endian.Uint16(payload[i:], sw) }
	u32 := func(i int) uint32 { return endian.Uint32(payload[i:], sw) }
	parse := func() error {
		return opt.ParseMessage(payload, hdrLen, p, m, tb)
	}
	// allowed reports the first attribute present outside the list, in
	// the order of types, or a namespace id (of type nsType) nsid does
	// not know.
	nsType, nsMsg, devType := -1, "", -1
	allowed := func(msg string, types ...uint16) error {
		for t := range tb {
			if !tb[t].Present() {
				continue
			}
			if t == devType {
				b := tb[t].Bytes()
				if len(b) < 4 || st == nil || !st.Device(endian.Uint32(b, sw)) {
					return &validate.Error{Errno: nlwire.ENODEV}
				}
			}
			if t == nsType {
				b := tb[t].Bytes()
				if len(b) < 4 || st == nil || !st.NetNSID(int32(endian.Uint32(b, sw))) {
					return reqErr(nsMsg)
				}
			}
			found := false
			for _, a := range types {
				found = found || int(a) == t
			}
			if !found {
				return reqErr(msg)
			}
		}
		return nil
	}
	switch typ {
	case RTM_GETLINK:
		if dump {
			if !strict {
				return nil // errors are ignored: the dump walks every link
			}
			if short {
				return reqErr(MsgLinkDumpHeader)
			}
			if payload[1] != 0 || u16(2) != 0 || u32(8) != 0 || u32(12) != 0 {
				return reqErr(MsgLinkDumpValues)
			}
			if u32(4) != 0 {
				return reqErr(MsgLinkDumpIndex)
			}
			if err := parse(); err != nil {
				return err
			}
			nsType, nsMsg = IFLA_TARGET_NETNSID, MsgLinkDumpNetNS
			return allowed(MsgLinkDumpAttr, IFLA_TARGET_NETNSID, IFLA_EXT_MASK, IFLA_MASTER, IFLA_LINKINFO)
		}
		if short {
			return reqErr(MsgGetLinkHeader)
		}
		if !strict {
			return parse()
		}
		if payload[1] != 0 || u16(2) != 0 || u32(8) != 0 || u32(12) != 0 {
			return reqErr(MsgGetLinkValues)
		}
		if err := parse(); err != nil {
			return err
		}
		return allowed(MsgGetLinkAttr, IFLA_IFNAME, IFLA_ALT_IFNAME, IFLA_EXT_MASK, IFLA_TARGET_NETNSID)
	case RTM_GETADDR:
		v6 := fam == AF_INET6
		if dump {
			hm, vm, am, nm := MsgAddrDumpHeader, MsgAddrDumpValues, MsgAddrDumpAttr, MsgAddrDumpNetNS
			if v6 {
				hm, vm, am, nm = MsgAddr6DumpHeader, MsgAddr6DumpValues, MsgAddr6DumpAttr, MsgAddr6DumpNetNS
			}
			nsType, nsMsg = IFA_TARGET_NETNSID, nm
			if short {
				return reqErr(hm)
			}
			if payload[1] != 0 || payload[2] != 0 || payload[3] != 0 {
				return reqErr(vm)
			}
			if err := parse(); err != nil {
				return err
			}
			if err := allowed(am, IFA_TARGET_NETNSID); err != nil || v6 || fam == AF_INET {
				return err
			}
			// Any other family: rtnl_dump_all runs the IPv4 dump, then
			// the IPv6 one, which parses with its own policy.
			p, nsMsg = &Addr6Policy, MsgAddr6DumpNetNS
			if err := parse(); err != nil {
				return err
			}
			return allowed(MsgAddr6DumpAttr, IFA_TARGET_NETNSID)
		}
		if short {
			return reqErr(MsgGetAddr6Header)
		}
		if !strict {
			return parse()
		}
		if payload[1] != 0 || payload[2] != 0 || payload[3] != 0 {
			return reqErr(MsgGetAddr6Values)
		}
		if err := parse(); err != nil {
			return err
		}
		return allowed(MsgGetAddr6Attr, IFA_TARGET_NETNSID, IFA_ADDRESS, IFA_LOCAL)
	case RTM_GETROUTE:
		if dump {
			if short {
				return reqErr(MsgFIBDumpHeader)
			}
			if payload[1] != 0 || payload[2] != 0 || payload[3] != 0 || payload[6] != 0 {
				return reqErr(MsgFIBDumpValues)
			}
			if u32(8)&^(RTM_F_CLONED|RTM_F_PREFIX) != 0 {
				return reqErr(MsgFIBDumpFlags)
			}
			if err := parse(); err != nil {
				return err
			}
			devType = RTA_OIF
			return allowed(MsgFIBDumpAttr, RTA_TABLE, RTA_OIF)
		}
		v6 := fam == AF_INET6
		hm, vm, fm, lm, am := MsgGetRouteHeader, MsgGetRouteValues, MsgGetRouteFlags, MsgGetRouteLen, MsgGetRouteAttr
		full := uint8(32)
		okFlags := uint32(RTM_F_NOTIFY | RTM_F_LOOKUP_TABLE | RTM_F_FIB_MATCH)
		if v6 {
			hm, vm, fm, lm, am = MsgGetRoute6Header, MsgGetRoute6Values, MsgGetRoute6Flags, MsgGetRoute6Len, MsgGetRoute6Attr
			full, okFlags = 128, RTM_F_FIB_MATCH
		}
		if short {
			return reqErr(hm)
		}
		if !strict {
			return parse()
		}
		dl, sl := payload[1], payload[2]
		if sl != 0 && sl != full || dl != 0 && dl != full || payload[4] != 0 || payload[5] != 0 || payload[6] != 0 || payload[7] != 0 {
			return reqErr(vm)
		}
		if u32(8)&^okFlags != 0 {
			return reqErr(fm)
		}
		if err := parse(); err != nil {
			return err
		}
		if tb[RTA_SRC].Present() && sl == 0 || tb[RTA_DST].Present() && dl == 0 {
			return reqErr(lm)
		}
		if v6 {
			// Linux 6.18 (measured) also takes RTA_FLOWLABEL.
			return allowed(am, RTA_IIF, RTA_OIF, RTA_SRC, RTA_DST, RTA_IP_PROTO, RTA_SPORT, RTA_DPORT, RTA_MARK, RTA_UID, RTA_FLOWLABEL)
		}
		return allowed(am, RTA_IIF, RTA_OIF, RTA_SRC, RTA_DST, RTA_IP_PROTO, RTA_SPORT, RTA_DPORT, RTA_MARK, RTA_UID)
	case RTM_GETNEIGH:
		if dump {
			if !strict {
				return nil // errors are ignored: the dump walks on
			}
			if short {
				return reqErr(MsgNeighDumpHeader)
			}
			if payload[1] != 0 || u16(2) != 0 || u32(4) != 0 || u16(8) != 0 || payload[11] != 0 {
				return reqErr(MsgNeighDumpValues)
			}
			if payload[10]&^NTF_PROXY != 0 {
				return reqErr(MsgNeighDumpFlags)
			}
			if err := parse(); err != nil {
				return err
			}
			return allowed(MsgNeighDumpAttr, NDA_IFINDEX, NDA_MASTER)
		}
		if short {
			return reqErr(MsgGetNeighHeader)
		}
		if payload[1] != 0 || u16(2) != 0 || u16(8) != 0 || payload[11] != 0 {
			return reqErr(MsgGetNeighValues)
		}
		if payload[10]&^NTF_PROXY != 0 {
			return reqErr(MsgGetNeighFlags)
		}
		// Linux 6.18 (measured; 6.12 differs): the device is required
		// before the attributes are parsed, NDA_DST after, and the
		// family is checked only then.
		if payload[10]&NTF_PROXY == 0 && u32(4) == 0 {
			return reqErr(MsgGetNeighDevice)
		}
		if err := parse(); err != nil {
			return err
		}
		if !tb[NDA_DST].Present() {
			return &MissingAttrError{Type: NDA_DST}
		}
		// 6.18 (measured): other attributes are rejected before the
		// family is looked at, and NDA_DST's length after.
		if err := allowed(MsgGetNeighAttr, NDA_DST); err != nil {
			return err
		}
		keyLen := 4
		switch fam {
		case AF_INET:
		case AF_INET6:
			keyLen = 16
		default:
			return &validate.Error{Errno: nlwire.EAFNOSUPPORT, Msg: MsgGetNeighFamily}
		}
		if tb[NDA_DST].Len() != keyLen {
			return reqErr(MsgGetNeighAddress)
		}
		return nil
	}
	return parse()
}

// DumpFiltered reports whether the kernel sets NLM_F_DUMP_FILTERED on
// the NLMSG_DONE of a strict dump request that passed CheckRequest (or,
// for address dumps, failed it after the header checks): address dumps
// that filter by ifa_index, FIB dumps with a filter (rtm_flags,
// rtm_protocol, rtm_type, rtm_table, RTA_TABLE, or RTA_OIF of a device
// st knows; of any family, the multicast routing dumps included). It is
// the kernel's cb->answer_flags. Filtered link and neighbour dumps mark
// their data messages instead (as multicast route dumps do too), which
// is their handlers' part.
func DumpFiltered(fam uint8, typ uint16, strict bool, payload []byte, o nlwire.Order, st RequestState) bool {
	if !strict {
		return false
	}
	sw := o.Swap()
	switch typ {
	case RTM_GETADDR:
		return len(payload) >= IfAddrMsgLen && payload[1] == 0 && payload[2] == 0 && payload[3] == 0 &&
			endian.Uint32(payload[4:], sw) != 0
	case RTM_GETROUTE:
		if len(payload) < RtMsgLen {
			return false
		}
		if payload[4] != 0 || payload[5] != 0 || payload[7] != 0 || endian.Uint32(payload[8:], sw) != 0 {
			return true
		}
		d := attr.NewDecoder(payload[RtMsgLen:]).WithOrder(o).Lenient()
		for d.Next() {
			b := d.Bytes()
			if len(b) < 4 {
				continue
			}
			v := endian.Uint32(b, sw)
			if d.Type() == RTA_TABLE && v != 0 || d.Type() == RTA_OIF && st != nil && st.Device(v) {
				return true
			}
		}
	}
	return false
}
