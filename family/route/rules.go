package route

import (
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
)

// Address families of the multicast routing tables' rules
// (include/uapi/linux/rtnetlink.h): fib_rule_hdr.family of the IPv4 and
// IPv6 multicast routing rules (ip mrule).
const (
	RTNL_FAMILY_IPMR  = 128 // IPv4 multicast routing
	RTNL_FAMILY_IP6MR = 129 // IPv6 multicast routing
)

// Extended ACK messages of the rule requests (net/core/fib_rules.c,
// Linux 6.18), word for word.
const (
	// MsgRuleLen: a RTM_NEWRULE or RTM_DELRULE shorter than a
	// fib_rule_hdr (EINVAL).
	MsgRuleLen = "Invalid msg length"
	// MsgRuleFamily: a RTM_NEWRULE or RTM_DELRULE of a family without
	// rules (EAFNOSUPPORT).
	MsgRuleFamily = "Rule family not supported"
	// MsgRuleParse replaces the policy's message when a RTM_NEWRULE or
	// RTM_DELRULE fails RulePolicy; the errno, offset and policy stay.
	MsgRuleParse = "Error parsing msg"
	// MsgRuleDumpHeader: a strict RTM_GETRULE dump shorter than a
	// fib_rule_hdr (EINVAL).
	MsgRuleDumpHeader = "Invalid header for fib rule dump request"
	// MsgRuleDumpValues: a strict RTM_GETRULE dump with a header field
	// other than the family set (EINVAL).
	MsgRuleDumpValues = "Invalid values in header for fib rule dump request"
	// MsgRuleDumpData: a strict RTM_GETRULE dump with any byte after the
	// header (EINVAL): the dump takes no attributes, so the policy is
	// never consulted.
	MsgRuleDumpData = "Invalid data after header in fib rule dump request"
)

// RulePolicy is fib_rule_policy (net/core/fib_rules.c, Linux 6.18), the
// policy of RTM_NEWRULE and RTM_DELRULE after a FibRuleHdr, for every
// rule family. The handlers parse it with nlmsg_parse_deprecated
// (validate.ModeLiberal); types from FRA_DSCP up are strict. FRA_DSCP
// and FRA_DSCP_MASK hold a DSCP (INET_DSCP_MASK >> 2 = 0x3f).
var RulePolicy = validate.Policy{
	StrictStartType: FRA_DPORT_RANGE + 1,
	MaxType:         FRA_DSCP_MASK,
	Rules: []validate.Rule{
		FRA_IIFNAME:            {Kind: validate.String, Len: ifNameSize - 1},
		FRA_OIFNAME:            {Kind: validate.String, Len: ifNameSize - 1},
		FRA_PRIORITY:           {Kind: validate.U32},
		FRA_FWMARK:             {Kind: validate.U32},
		FRA_FLOW:               {Kind: validate.U32},
		FRA_TUN_ID:             {Kind: validate.U64},
		FRA_FWMASK:             {Kind: validate.U32},
		FRA_TABLE:              {Kind: validate.U32},
		FRA_SUPPRESS_PREFIXLEN: {Kind: validate.U32},
		FRA_SUPPRESS_IFGROUP:   {Kind: validate.U32},
		FRA_GOTO:               {Kind: validate.U32},
		FRA_L3MDEV:             {Kind: validate.U8},
		FRA_UID_RANGE:          {Len: 8}, // sizeof(struct fib_rule_uid_range)
		FRA_PROTOCOL:           {Kind: validate.U8},
		FRA_IP_PROTO:           {Kind: validate.U8},
		FRA_SPORT_RANGE:        {Len: 4}, // sizeof(struct fib_rule_port_range)
		FRA_DPORT_RANGE:        {Len: 4},
		FRA_DSCP:               validate.Max(validate.U8, 0x3f),
		FRA_FLOWLABEL:          {Kind: validate.BE32},
		FRA_FLOWLABEL_MASK:     {Kind: validate.BE32},
		FRA_SPORT_MASK:         {Kind: validate.U16},
		FRA_DPORT_MASK:         {Kind: validate.U16},
		FRA_DSCP_MASK:          validate.Mask(validate.U8, 0x3f),
	},
}

// RuleFamily reports whether the kernel has policy routing rules for the
// family fam (lookup_rules_ops): AF_INET, AF_INET6, RTNL_FAMILY_IPMR and
// RTNL_FAMILY_IP6MR, as a Linux 6.18 built with
// CONFIG_IP_MULTIPLE_TABLES, CONFIG_IPV6_MULTIPLE_TABLES and the
// multicast routing tables (CONFIG_IP_MROUTE_MULTIPLE_TABLES,
// CONFIG_IPV6_MROUTE_MULTIPLE_TABLES) has them.
func RuleFamily(fam uint8) bool {
	switch fam {
	case AF_INET, AF_INET6, RTNL_FAMILY_IPMR, RTNL_FAMILY_IP6MR:
		return true
	}
	return false
}

// checkRule makes the checks of fib_nl_newrule and fib_nl_delrule (write
// requests) and of fib_valid_dumprule_req (strict dumps), in the kernel's
// order; a non-strict dump and a do-form RTM_GETRULE (which has no
// handler: rtnetlink answers EOPNOTSUPP) are not checked here.
func checkRule(typ uint16, dump, strict bool, payload []byte, opt validate.Options, tb []attr.Decoder) error {
	if typ == RTM_GETRULE {
		if !dump || !strict {
			return nil
		}
		if len(payload) < FibRuleHdrLen {
			return reqErr(MsgRuleDumpHeader)
		}
		for _, b := range payload[1:FibRuleHdrLen] {
			if b != 0 {
				return reqErr(MsgRuleDumpValues)
			}
		}
		if len(payload) > FibRuleHdrLen {
			return reqErr(MsgRuleDumpData)
		}
		return nil
	}
	if len(payload) < FibRuleHdrLen {
		return reqErr(MsgRuleLen)
	}
	if !RuleFamily(payload[0]) {
		return &validate.Error{Errno: nlwire.EAFNOSUPPORT, Msg: MsgRuleFamily}
	}
	var err error
	if len(tb) > FRA_DSCP_MASK {
		err = opt.ParseMessage(payload, FibRuleHdrLen, &RulePolicy, validate.ModeLiberal, tb[:FRA_DSCP_MASK+1])
	} else {
		err = opt.ValidateMessage(payload, FibRuleHdrLen, &RulePolicy, validate.ModeLiberal)
	}
	if err != nil {
		var ve *validate.Error
		if errors.As(err, &ve) {
			ve.Msg = MsgRuleParse
		}
	}
	return err
}
