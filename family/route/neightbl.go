package route

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
)

// Extended ACK messages of strict RTM_GETNEIGHTBL dumps
// (neightbl_valid_dump_info, net/core/neighbour.c, Linux 6.18).
const (
	MsgNeighTblDumpHeader = "Invalid header for neighbor table dump request"
	MsgNeighTblDumpValues = "Invalid values in header for neighbor table dump request"
	MsgNeighTblDumpData   = "Invalid data after header in neighbor table dump request"
)

// NeighTablePolicy is nl_neightbl_policy (net/core/neighbour.c, Linux
// 6.18), of RTM_SETNEIGHTBL after an NdtMsg, parsed liberally.
var NeighTablePolicy = validate.Policy{
	MaxType: NDTA_PAD,
	Rules: []validate.Rule{
		NDTA_NAME:        {Kind: validate.String},
		NDTA_THRESH1:     {Kind: validate.U32},
		NDTA_THRESH2:     {Kind: validate.U32},
		NDTA_THRESH3:     {Kind: validate.U32},
		NDTA_GC_INTERVAL: {Kind: validate.U64},
		NDTA_PARMS:       {Kind: validate.Nested},
	},
}

// NeighTableParmsPolicy is nl_ntbl_parm_policy, of NDTA_PARMS' nest,
// which neightbl_set parses liberally once it has found the table.
var NeighTableParmsPolicy = validate.Policy{
	MaxType: NDTPA_INTERVAL_PROBE_TIME_MS,
	Rules: []validate.Rule{
		NDTPA_IFINDEX:                {Kind: validate.U32},
		NDTPA_QUEUE_LEN:              {Kind: validate.U32},
		NDTPA_QUEUE_LENBYTES:         {Kind: validate.U32},
		NDTPA_PROXY_QLEN:             {Kind: validate.U32},
		NDTPA_APP_PROBES:             {Kind: validate.U32},
		NDTPA_UCAST_PROBES:           {Kind: validate.U32},
		NDTPA_MCAST_PROBES:           {Kind: validate.U32},
		NDTPA_MCAST_REPROBES:         {Kind: validate.U32},
		NDTPA_BASE_REACHABLE_TIME:    {Kind: validate.U64},
		NDTPA_GC_STALETIME:           {Kind: validate.U64},
		NDTPA_DELAY_PROBE_TIME:       {Kind: validate.U64},
		NDTPA_RETRANS_TIME:           {Kind: validate.U64},
		NDTPA_ANYCAST_DELAY:          {Kind: validate.U64},
		NDTPA_PROXY_DELAY:            {Kind: validate.U64},
		NDTPA_LOCKTIME:               {Kind: validate.U64},
		NDTPA_INTERVAL_PROBE_TIME_MS: {Kind: validate.U64}, // .min = 1 without a validation type: unchecked (measured)
	},
}

// neighTables are the neighbour tables of Linux (neigh_tables[]): their
// family and id, which NDTA_NAME names.
var neighTables = [...]struct {
	fam uint8
	id  string
}{{AF_INET, "arp_cache"}, {AF_INET6, "ndisc_cache"}}

// checkNeighTable makes the checks of neightbl_dump_info (strict dumps:
// the header only, no attributes) and neightbl_set (the policy,
// NDTA_NAME, the table, NDTA_PARMS' policy).
func checkNeighTable(typ uint16, dump, strict bool, payload []byte, opt validate.Options, tb []attr.Decoder) error {
	if typ == RTM_GETNEIGHTBL {
		switch {
		case !dump || !strict:
			return nil
		case len(payload) < NdtMsgLen:
			return reqErr(MsgNeighTblDumpHeader)
		case payload[1] != 0 || payload[2] != 0 || payload[3] != 0:
			return reqErr(MsgNeighTblDumpValues)
		case len(payload) != NdtMsgLen:
			return reqErr(MsgNeighTblDumpData)
		}
		return nil
	}
	tb = tb[:NDTA_PAD+1]
	if err := opt.ParseMessage(payload, NdtMsgLen, &NeighTablePolicy, validate.ModeLiberal, tb); err != nil {
		return err
	}
	left := leftover(payload, NdtMsgLen, opt.Order)
	if !tb[NDTA_NAME].Present() {
		return bareAfter(nlwire.EINVAL, left)
	}
	name := tb[NDTA_NAME].Bytes() // nla_strcmp: one trailing NUL is ignored
	if n := len(name); n > 0 && name[n-1] == 0 {
		name = name[:n-1]
	}
	found := false
	for _, t := range neighTables {
		found = found || (payload[0] == 0 || payload[0] == t.fam) && string(name) == t.id
	}
	if !found {
		return bareAfter(nlwire.ENOENT, left)
	}
	// NDTA_PARMS: the last one, at the kernel's offset.
	d := attr.NewDecoder(payload[NdtMsgLen:]).WithOrder(opt.Order).Lenient()
	var parms attr.Decoder
	for d.Next() {
		if d.Type() == NDTA_PARMS {
			parms = d
		}
	}
	if !tb[NDTA_PARMS].Present() {
		return nil
	}
	o := opt
	o.Base = 16 + NdtMsgLen + parms.Offset() + attr.HeaderLen
	return o.Validate(parms.Bytes(), &NeighTableParmsPolicy, validate.ModeLiberal)
}

// leftover reports whether the attributes after a family header of
// hdrLen bytes leave bytes over, as a liberal parse warns (and leaves
// validate.MsgLeftover in the extended ACK).
func leftover(payload []byte, hdrLen int, o nlwire.Order) bool {
	start := attr.Align(hdrLen)
	if len(payload) <= start {
		return false
	}
	d := attr.NewDecoder(payload[start:]).WithOrder(o).Lenient()
	for d.Next() {
	}
	return d.Leftover() > 0
}

// bareAfter is a handler's errno-only error, which carries the leftover
// message of the parse before it, if it left bytes over.
func bareAfter(e nlwire.Errno, left bool) error {
	if left {
		return &validate.Error{Errno: e, Msg: validate.MsgLeftover}
	}
	return &validate.Error{Errno: e}
}
