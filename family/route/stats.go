package route

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/validate"
)

// IFLA_STATS_MAX is the largest IFLA_STATS_* type (Linux 6.18): a
// filter mask may have the bits IFLA_STATS_FILTER_BIT(1) to
// IFLA_STATS_FILTER_BIT(IFLA_STATS_MAX).
const IFLA_STATS_MAX = IFLA_STATS_AF_SPEC

// Extended ACK messages of the statistics requests (net/core/rtnetlink.c,
// Linux 6.18), word for word.
const (
	MsgStatsHeader      = "Invalid header for stats dump"
	MsgStatsValues      = "Invalid values in header for stats dump request"
	MsgStatsMask        = "Invalid stats requested through filter mask"
	MsgStatsGetMask     = "Filter mask must be set for stats get"
	MsgStatsDumpMask    = "Filter mask must be set for stats dump"
	MsgStatsFiltered    = "Filtered attribute not enabled in filter_mask"
	MsgStatsSetFamily   = "Address family should be AF_UNSPEC"
	MsgStatsSetMaskZero = "Filter mask must be 0 for stats set"
)

// StatsFiltersPolicy is rtnl_stats_get_policy_filters, the policy of
// IFLA_STATS_GET_FILTERS: a mask of IFLA_OFFLOAD_XSTATS_* bits
// (RTNL_STATS_OFFLOAD_XSTATS_VALID) for IFLA_STATS_LINK_OFFLOAD_XSTATS.
var StatsFiltersPolicy = validate.Policy{
	MaxType: IFLA_STATS_MAX,
	Rules: []validate.Rule{
		IFLA_STATS_LINK_OFFLOAD_XSTATS: validate.Mask(validate.U32, 0xf), // (1 << __IFLA_OFFLOAD_XSTATS_MAX) - 1
	},
}

// StatsGetPolicy is rtnl_stats_get_policy (net/core/rtnetlink.c, Linux
// 6.18), of RTM_GETSTATS after an IfStatsMsg, parsed with nlmsg_parse
// (validate.ModeStrict) on every socket.
var StatsGetPolicy = validate.Policy{
	MaxType: IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS,
	Rules: []validate.Rule{
		IFLA_STATS_GET_FILTERS: validate.NestedPolicy(&StatsFiltersPolicy),
	},
}

// StatsSetPolicy is ifla_stats_set_policy, of RTM_SETSTATS (strict).
var StatsSetPolicy = validate.Policy{
	MaxType: IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS,
	Rules: []validate.Rule{
		IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS: validate.Max(validate.U8, 1),
	},
}

// checkStats makes the checks of rtnl_stats_get, rtnl_stats_dump and
// rtnl_stats_set (rtnl_valid_stats_req first), in the kernel's order;
// st is asked whether the device of a do request exists.
func checkStats(fam uint8, typ uint16, dump, strict bool, payload []byte, opt validate.Options, tb []attr.Decoder, st RequestState) error {
	if len(payload) < IfStatsMsgLen {
		return reqErr(MsgStatsHeader)
	}
	sw := opt.Order.Swap()
	ifindex, mask := endian.Uint32(payload[4:], sw), endian.Uint32(payload[8:], sw)
	if strict {
		if payload[1] != 0 || payload[2] != 0 || payload[3] != 0 || dump && ifindex != 0 {
			return reqErr(MsgStatsValues)
		}
		if mask >= 1<<IFLA_STATS_MAX {
			return reqErr(MsgStatsMask)
		}
	}
	if typ == RTM_SETSTATS && fam != AF_UNSPEC {
		return reqErr(MsgStatsSetFamily)
	}
	if !dump {
		if ifindex == 0 { // if_stats_msg.ifindex is unsigned
			return &validate.Error{Errno: nlwire.EINVAL}
		}
		if st == nil || !st.Device(ifindex) {
			return &validate.Error{Errno: nlwire.ENODEV}
		}
	}
	if typ == RTM_SETSTATS {
		if mask != 0 {
			return reqErr(MsgStatsSetMaskZero)
		}
		return opt.ParseMessage(payload, IfStatsMsgLen, &StatsSetPolicy, validate.ModeStrict, tb[:IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS+1])
	}
	if mask == 0 {
		if dump {
			return reqErr(MsgStatsDumpMask)
		}
		return reqErr(MsgStatsGetMask)
	}
	tb = tb[:IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS+1]
	if err := opt.ParseMessage(payload, IfStatsMsgLen, &StatsGetPolicy, validate.ModeStrict, tb); err != nil {
		return err
	}
	if !tb[IFLA_STATS_GET_FILTERS].Present() {
		return nil
	}
	// The nest passed StatsFiltersPolicy, which leaves only
	// IFLA_STATS_LINK_OFFLOAD_XSTATS possible.
	d := attr.NewDecoder(tb[IFLA_STATS_GET_FILTERS].Bytes()).WithOrder(opt.Order).Lenient()
	for d.Next() {
		if t := d.Type(); t > 0 && t <= IFLA_STATS_MAX && mask&(1<<(t-1)) == 0 {
			return reqErr(MsgStatsFiltered)
		}
	}
	return nil
}
