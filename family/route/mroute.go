package route

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/validate"
)

// Extended ACK messages of the multicast routing requests
// (net/ipv4/ipmr.c, net/ipv6/ip6mr.c) and of the link dumps of other
// families than AF_UNSPEC (net/ipv6/addrconf.c, net/core/rtnetlink.c),
// Linux 6.18, word for word.
const (
	MsgMrGetRouteHeader  = "ipv4: Invalid header for multicast route get request"
	MsgMrGetRouteValues  = "ipv4: Invalid values in header for multicast route get request"
	MsgMrGetRouteAttr    = "ipv4: Unsupported attribute in multicast route get request"
	MsgMr6GetRouteValues = "ipv6: Invalid values in header for multicast route get request"
	MsgMrLinkDumpHeader  = "ipv4: Invalid header for ipmr link dump"
	MsgMrLinkDumpData    = "Invalid data after header in ipmr link dump"
	MsgMrLinkDumpValues  = "Invalid values in header for ipmr link dump request"
	MsgLink6DumpHeader   = "ipv6: Invalid header for link dump request"
	MsgLink6DumpData     = "ipv6: Invalid data after header"
	MsgLink6DumpValues   = "ipv6: Invalid values in header for dump request"
	MsgBridgeDumpHeader  = "Invalid header for bridge link dump"
	MsgBridgeDumpValues  = "Invalid values in header for bridge link dump request"
	MsgBridgeDumpAttr    = "Unsupported attribute in bridge link dump request"
)

// MrRoutePolicy is rtm_ipmr_policy (net/ipv4/ipmr.c, Linux 6.18), of
// RTNL_FAMILY_IPMR RTM_NEWROUTE and RTM_DELROUTE, validated liberally
// (nlmsg_validate_deprecated).
var MrRoutePolicy = validate.Policy{
	MaxType: RTA_FLOWLABEL, // RTA_MAX
	Rules: []validate.Rule{
		RTA_SRC:       {Kind: validate.U32},
		RTA_DST:       {Kind: validate.U32},
		RTA_IIF:       {Kind: validate.U32},
		RTA_TABLE:     {Kind: validate.U32},
		RTA_MULTIPATH: {Len: RtNexthopLen},
	},
}

// Mr6GetRoutePolicy is ip6mr_getroute_policy (net/ipv6/ip6mr.c, Linux
// 6.18), of RTNL_FAMILY_IP6MR RTM_GETROUTE do, parsed with nlmsg_parse
// (validate.ModeStrict) on every socket.
var Mr6GetRoutePolicy = validate.Policy{
	MaxType: RTA_FLOWLABEL, // RTA_MAX
	Rules: []validate.Rule{
		RTA_SRC:   validate.ExactLen(16),
		RTA_DST:   validate.ExactLen(16),
		RTA_TABLE: {Kind: validate.U32},
	},
}

// rtmValues reports whether an rtmsg has prefix lengths other than 0 or
// full, or any of tos, table, protocol, scope, type and flags set.
func rtmValues(p []byte, full uint8, sw bool) bool {
	return p[1] != 0 && p[1] != full || p[2] != 0 && p[2] != full ||
		p[3] != 0 || p[4] != 0 || p[5] != 0 || p[6] != 0 || p[7] != 0 || endian.Uint32(p[8:], sw) != 0
}

// checkMroute makes the checks of ipmr_rtm_getroute, ip6mr_rtm_getroute
// and ipmr_rtm_route (rtm_to_ipmr_mfcc's policy and header), the
// handlers of the multicast routing families.
func checkMroute(fam uint8, typ uint16, strict bool, payload []byte, opt validate.Options, tb []attr.Decoder) error {
	sw := opt.Order.Swap()
	tb = tb[:RTA_FLOWLABEL+1]
	switch {
	case typ != RTM_GETROUTE: // RTNL_FAMILY_IPMR RTM_NEWROUTE, RTM_DELROUTE
		if len(payload) < RtMsgLen {
			return &validate.Error{Errno: nlwire.EINVAL} // nlmsg_validate_deprecated: no message
		}
		if err := opt.ParseMessage(payload, RtMsgLen, &MrRoutePolicy, validate.ModeLiberal, tb); err != nil {
			return err
		}
		if payload[1] != 32 || payload[7] != RTN_MULTICAST || payload[6] != RT_SCOPE_UNIVERSE ||
			payload[5] != RTPROT_STATIC && payload[5] != RTPROT_MROUTED {
			return bareAfter(nlwire.EINVAL, leftover(payload, RtMsgLen, opt.Order))
		}
		return nil
	case fam == RTNL_FAMILY_IP6MR:
		if err := opt.ParseMessage(payload, RtMsgLen, &Mr6GetRoutePolicy, validate.ModeStrict, tb); err != nil {
			return err
		}
		if rtmValues(payload, 128, sw) {
			return reqErr(MsgMr6GetRouteValues)
		}
		if tb[RTA_SRC].Present() && payload[2] == 0 || tb[RTA_DST].Present() && payload[1] == 0 {
			return reqErr(MsgGetRoute6Len)
		}
		return nil
	}
	if len(payload) < RtMsgLen {
		return reqErr(MsgMrGetRouteHeader)
	}
	if !strict {
		return opt.ParseMessage(payload, RtMsgLen, &RoutePolicy, validate.ModeLiberal, tb)
	}
	if rtmValues(payload, 32, sw) {
		return reqErr(MsgMrGetRouteValues)
	}
	if err := opt.ParseMessage(payload, RtMsgLen, &RoutePolicy, validate.ModeDeprecatedStrict, tb); err != nil {
		return err
	}
	if tb[RTA_SRC].Present() && payload[2] == 0 || tb[RTA_DST].Present() && payload[1] == 0 {
		return reqErr(MsgGetRouteLen)
	}
	for t := range tb {
		if tb[t].Present() && t != RTA_SRC && t != RTA_DST && t != RTA_TABLE {
			return reqErr(MsgMrGetRouteAttr)
		}
	}
	return nil
}

// checkLinkDump makes the checks of the RTM_GETLINK dumps of AF_INET6
// (inet6_valid_dump_ifinfo), RTNL_FAMILY_IPMR (ipmr_valid_dumplink) and
// AF_BRIDGE (valid_bridge_getlink_req), on strict sockets; the bridge's
// errors on other sockets are ignored by its dump.
func checkLinkDump(fam uint8, strict bool, payload []byte, opt validate.Options, tb []attr.Decoder) error {
	if !strict {
		return nil
	}
	sw := opt.Order.Swap()
	values := func() bool {
		return payload[1] != 0 || endian.Uint16(payload[2:], sw) != 0 || endian.Uint32(payload[4:], sw) != 0 ||
			endian.Uint32(payload[8:], sw) != 0 || endian.Uint32(payload[12:], sw) != 0
	}
	short := len(payload) < IfInfoMsgLen
	switch fam {
	case AF_INET6, RTNL_FAMILY_IPMR:
		hm, dm, vm := MsgLink6DumpHeader, MsgLink6DumpData, MsgLink6DumpValues
		if fam == RTNL_FAMILY_IPMR {
			hm, dm, vm = MsgMrLinkDumpHeader, MsgMrLinkDumpData, MsgMrLinkDumpValues
		}
		switch {
		case short:
			return reqErr(hm)
		case len(payload) != IfInfoMsgLen:
			return reqErr(dm)
		case values():
			return reqErr(vm)
		}
		return nil
	}
	// AF_BRIDGE
	if short {
		return reqErr(MsgBridgeDumpHeader)
	}
	if values() {
		return reqErr(MsgBridgeDumpValues)
	}
	tb = tb[:IFLA_TAILROOM+1]
	if err := opt.ParseMessage(payload, IfInfoMsgLen, &LinkPolicy, validate.ModeDeprecatedStrict, tb); err != nil {
		return err
	}
	for t := range tb {
		if tb[t].Present() && t != IFLA_EXT_MASK {
			return reqErr(MsgBridgeDumpAttr)
		}
	}
	return nil
}
