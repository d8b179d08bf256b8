package route

import (
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/validate"
)

// NETCONFA_MAX is the largest NETCONFA_* type of Linux 6.18
// (NETCONFA_FORCE_FORWARDING, after NETCONFA_BC_FORWARDING): the maximum
// type of NetconfPolicy and Netconf6Policy, measured.
const NETCONFA_MAX = NETCONFA_BC_FORWARDING + 1

// NETNSA_MAX is the largest NETNSA_* type (NETNSA_CURRENT_NSID), the
// maximum type of NetNSIDPolicy.
const NETNSA_MAX = NETNSA_CURRENT_NSID

// Extended ACK messages of the next hop, netconf and namespace id
// requests (net/ipv4/nexthop.c, net/ipv4/devinet.c, net/ipv6/addrconf.c,
// net/core/net_namespace.c, Linux 6.18), word for word.
const (
	MsgNhAncillaryValues = "Invalid values in ancillary header"
	MsgNhAncillaryFlags  = "Invalid nexthop flags in ancillary header"
	MsgNhFamily          = "Invalid address family"
	MsgNhHeaderValues    = "Invalid values in header"
	MsgNhIDMissing       = "Nexthop id is missing"
	MsgNhID              = "Invalid nexthop id"
	MsgNhDumpValues      = "Invalid values in header for nexthop dump request"
	MsgNhDumpDevice      = "Invalid device index"
	MsgNhDumpMaster      = "Invalid master device index"
	MsgNhBucketMissing   = "Bucket information is missing"
	MsgNhBucketIndex     = "Bucket index is missing"

	MsgNetconfGetHeader   = "ipv4: Invalid header for netconf get request"
	MsgNetconfGetAttr     = "ipv4: Unsupported attribute in netconf get request"
	MsgNetconfDumpHeader  = "ipv4: Invalid header for netconf dump request"
	MsgNetconfDumpData    = "ipv4: Invalid data after header in netconf dump request"
	MsgNetconf6GetHeader  = "ipv6: Invalid header for netconf get request"
	MsgNetconf6GetAttr    = "ipv6: Unsupported attribute in netconf get request"
	MsgNetconf6DumpHeader = "ipv6: Invalid header for netconf dump request"
	MsgNetconf6DumpData   = "ipv6: Invalid data after header in netconf dump request"

	MsgNSIDMissing     = "nsid is missing"
	MsgNSIDPeerMissing = "Peer netns reference is missing"
	MsgNSIDGetAttr     = "Unsupported attribute in peer netns getid request"
	MsgNSIDDumpAttr    = "Unsupported attribute in dump request"
)

// nexthopOpFlags is NHA_OP_FLAGS_DUMP_ALL: NHA_OP_FLAG_DUMP_STATS |
// NHA_OP_FLAG_DUMP_HW_STATS.
const nexthopOpFlags = 0x3

// Next hop policies (net/ipv4/nexthop.c, Linux 6.18). The handlers parse
// them with nlmsg_parse and nla_parse_nested: validate.ModeStrict, with
// the maximum type the last entry's.
var (
	// NexthopPolicy is rtm_nh_policy_new, of RTM_NEWNEXTHOP.
	// NHA_RES_GROUP's contents (NexthopResGroupPolicy) are parsed by
	// the handler, later.
	NexthopPolicy = validate.Policy{
		MaxType: NHA_HW_STATS_ENABLE,
		Rules: []validate.Rule{
			NHA_ID:              {Kind: validate.U32},
			NHA_GROUP:           {Kind: validate.Binary},
			NHA_GROUP_TYPE:      {Kind: validate.U16},
			NHA_BLACKHOLE:       {Kind: validate.Flag},
			NHA_OIF:             {Kind: validate.U32},
			NHA_GATEWAY:         {Kind: validate.Binary},
			NHA_ENCAP_TYPE:      {Kind: validate.U16},
			NHA_ENCAP:           {Kind: validate.Nested},
			NHA_FDB:             {Kind: validate.Flag},
			NHA_RES_GROUP:       {Kind: validate.Nested},
			NHA_HW_STATS_ENABLE: validate.Max(validate.U32, 1),
		},
	}
	// NexthopGetPolicy is rtm_nh_policy_get, of RTM_GETNEXTHOP do.
	NexthopGetPolicy = validate.Policy{
		MaxType: NHA_OP_FLAGS,
		Rules: []validate.Rule{
			NHA_ID:       {Kind: validate.U32},
			NHA_OP_FLAGS: validate.Mask(validate.U32, nexthopOpFlags),
		},
	}
	// NexthopDelPolicy is rtm_nh_policy_del, of RTM_DELNEXTHOP.
	NexthopDelPolicy = validate.Policy{
		MaxType: NHA_ID,
		Rules:   []validate.Rule{NHA_ID: {Kind: validate.U32}},
	}
	// NexthopDumpPolicy is rtm_nh_policy_dump, of RTM_GETNEXTHOP dumps.
	NexthopDumpPolicy = validate.Policy{
		MaxType: NHA_OP_FLAGS,
		Rules: []validate.Rule{
			NHA_OIF:      {Kind: validate.U32},
			NHA_GROUPS:   {Kind: validate.Flag},
			NHA_MASTER:   {Kind: validate.U32},
			NHA_FDB:      {Kind: validate.Flag},
			NHA_OP_FLAGS: validate.Mask(validate.U32, nexthopOpFlags),
		},
	}
	// NexthopResGroupPolicy is rtm_nh_res_policy_new, of NHA_RES_GROUP.
	NexthopResGroupPolicy = validate.Policy{
		MaxType: NHA_RES_GROUP_UNBALANCED_TIMER,
		Rules: []validate.Rule{
			NHA_RES_GROUP_BUCKETS:          {Kind: validate.U16},
			NHA_RES_GROUP_IDLE_TIMER:       {Kind: validate.U32},
			NHA_RES_GROUP_UNBALANCED_TIMER: {Kind: validate.U32},
		},
	}
	// NexthopBucketDumpPolicy is rtm_nh_policy_dump_bucket, of
	// RTM_GETNEXTHOPBUCKET dumps (parsed without an extended ACK).
	NexthopBucketDumpPolicy = validate.Policy{
		MaxType: NHA_RES_BUCKET,
		Rules: []validate.Rule{
			NHA_ID:         {Kind: validate.U32},
			NHA_OIF:        {Kind: validate.U32},
			NHA_MASTER:     {Kind: validate.U32},
			NHA_RES_BUCKET: {Kind: validate.Nested},
		},
	}
	// NexthopResBucketDumpPolicy is rtm_nh_res_bucket_policy_dump, of
	// NHA_RES_BUCKET in RTM_GETNEXTHOPBUCKET dumps.
	NexthopResBucketDumpPolicy = validate.Policy{
		MaxType: NHA_RES_BUCKET_NH_ID,
		Rules:   []validate.Rule{NHA_RES_BUCKET_NH_ID: {Kind: validate.U32}},
	}
	// NexthopBucketGetPolicy is rtm_nh_policy_get_bucket, of
	// RTM_GETNEXTHOPBUCKET do.
	NexthopBucketGetPolicy = validate.Policy{
		MaxType: NHA_RES_BUCKET,
		Rules: []validate.Rule{
			NHA_ID:         {Kind: validate.U32},
			NHA_RES_BUCKET: {Kind: validate.Nested},
		},
	}
	// NexthopResBucketGetPolicy is rtm_nh_res_bucket_policy_get, of
	// NHA_RES_BUCKET in RTM_GETNEXTHOPBUCKET do.
	NexthopResBucketGetPolicy = validate.Policy{
		MaxType: NHA_RES_BUCKET_INDEX,
		Rules:   []validate.Rule{NHA_RES_BUCKET_INDEX: {Kind: validate.U16}},
	}
)

// NetconfPolicy is devconf_ipv4_policy (net/ipv4/devinet.c, Linux 6.18),
// of AF_INET RTM_GETNETCONF requests: payloads of at least 4 bytes.
var NetconfPolicy = validate.Policy{
	MaxType: NETCONFA_MAX,
	Rules: []validate.Rule{
		NETCONFA_IFINDEX:                     {Len: 4},
		NETCONFA_FORWARDING:                  {Len: 4},
		NETCONFA_RP_FILTER:                   {Len: 4},
		NETCONFA_PROXY_NEIGH:                 {Len: 4},
		NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN: {Len: 4},
	},
}

// Netconf6Policy is devconf_ipv6_policy (net/ipv6/addrconf.c, Linux
// 6.18), of AF_INET6 RTM_GETNETCONF requests.
var Netconf6Policy = validate.Policy{
	MaxType: NETCONFA_MAX,
	Rules: []validate.Rule{
		NETCONFA_IFINDEX:                     {Len: 4},
		NETCONFA_FORWARDING:                  {Len: 4},
		NETCONFA_PROXY_NEIGH:                 {Len: 4},
		NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN: {Len: 4},
	},
}

// NetNSIDPolicy is rtnl_net_policy (net/core/net_namespace.c, Linux
// 6.18), of RTM_NEWNSID and RTM_GETNSID after a RtGenMsg.
var NetNSIDPolicy = validate.Policy{
	MaxType: NETNSA_MAX,
	Rules: []validate.Rule{
		NETNSA_NSID:        {Kind: validate.S32},
		NETNSA_PID:         {Kind: validate.U32},
		NETNSA_FD:          {Kind: validate.U32},
		NETNSA_TARGET_NSID: {Kind: validate.S32},
	},
}

// bareErr turns err into the errno-only answer of a parse the kernel
// makes without an extended ACK.
func bareErr(err error) error {
	var ve *validate.Error
	if errors.As(err, &ve) {
		return &validate.Error{Errno: ve.Errno}
	}
	return err
}

// checkNexthop makes the checks of the next hop handlers before they
// look the next hop up: the policy, the header, NHA_ID, and for buckets
// NHA_RES_BUCKET and its nest. Dumps are checked on every socket.
func checkNexthop(typ uint16, dump bool, payload []byte, opt validate.Options, tb []attr.Decoder) error {
	hdrLen, p, m, _ := Request(0, typ, dump, true)
	tb = tb[:p.MaxType+1]
	if typ == RTM_GETNEXTHOPBUCKET && dump {
		// Parsed with a NULL extack: no message, no warning.
		o := opt
		o.Warn = nil
		if err := o.ParseMessage(payload, hdrLen, p, m, tb); err != nil {
			return bareErr(err)
		}
	} else if err := opt.ParseMessage(payload, hdrLen, p, m, tb); err != nil {
		return err
	}
	sw := opt.Order.Swap()
	u32 := func(d attr.Decoder) uint32 { return endian.Uint32(d.Bytes(), sw) }
	idCheck := func() error {
		if payload[1] != 0 || payload[2] != 0 || payload[3] != 0 || endian.Uint32(payload[4:], sw) != 0 {
			return reqErr(MsgNhHeaderValues)
		}
		if !tb[NHA_ID].Present() {
			return reqErr(MsgNhIDMissing)
		}
		if u32(tb[NHA_ID]) == 0 {
			return reqErr(MsgNhID)
		}
		return nil
	}
	dumpCheck := func() error {
		if tb[NHA_OIF].Present() && u32(tb[NHA_OIF]) > 1<<31-1 {
			return reqErr(MsgNhDumpDevice)
		}
		if tb[NHA_MASTER].Present() && u32(tb[NHA_MASTER]) > 1<<31-1 {
			return reqErr(MsgNhDumpMaster)
		}
		if payload[1] != 0 || payload[2] != 0 || payload[3] != 0 || endian.Uint32(payload[4:], sw) != 0 {
			return reqErr(MsgNhDumpValues)
		}
		return nil
	}
	// nested parses the payload of the last NHA_RES_BUCKET (the one in
	// the kernel's tb) with p, strictly, with the kernel's offsets.
	nested := func(p *validate.Policy, ntb []attr.Decoder) error {
		d := attr.NewDecoder(payload[NhMsgLen:]).WithOrder(opt.Order).Lenient()
		var last attr.Decoder
		found := false
		for d.Next() {
			if d.Type() == NHA_RES_BUCKET {
				last, found = d, true
			}
		}
		if !found {
			return nil
		}
		o := opt
		o.Base = 16 + NhMsgLen + last.Offset() + attr.HeaderLen
		return o.Parse(last.Bytes(), p, validate.ModeStrict, ntb)
	}
	switch {
	case typ == RTM_NEWNEXTHOP:
		if payload[1] != 0 || payload[3] != 0 {
			return reqErr(MsgNhAncillaryValues)
		}
		if endian.Uint32(payload[4:], sw)&^RTNH_F_ONLINK != 0 {
			return reqErr(MsgNhAncillaryFlags)
		}
		switch payload[0] {
		case AF_INET, AF_INET6:
		case AF_UNSPEC:
			if !tb[NHA_GROUP].Present() {
				return reqErr(MsgNhFamily)
			}
		default:
			return reqErr(MsgNhFamily)
		}
		return nil
	case typ == RTM_DELNEXTHOP, typ == RTM_GETNEXTHOP && !dump:
		return idCheck()
	case typ == RTM_GETNEXTHOP:
		return dumpCheck()
	case !dump: // RTM_GETNEXTHOPBUCKET
		if err := idCheck(); err != nil {
			return err
		}
		if !tb[NHA_RES_BUCKET].Present() {
			return reqErr(MsgNhBucketMissing)
		}
		var ntb [NHA_RES_BUCKET_INDEX + 1]attr.Decoder
		if err := nested(&NexthopResBucketGetPolicy, ntb[:]); err != nil {
			return err
		}
		if !ntb[NHA_RES_BUCKET_INDEX].Present() {
			return reqErr(MsgNhBucketIndex)
		}
		return nil
	default: // RTM_GETNEXTHOPBUCKET dump
		if tb[NHA_ID].Present() && u32(tb[NHA_ID]) == 0 {
			return reqErr(MsgNhID)
		}
		if tb[NHA_RES_BUCKET].Present() {
			var ntb [NHA_RES_BUCKET_NH_ID + 1]attr.Decoder
			if err := nested(&NexthopResBucketDumpPolicy, ntb[:]); err != nil {
				return err
			}
			if ntb[NHA_RES_BUCKET_NH_ID].Present() && u32(ntb[NHA_RES_BUCKET_NH_ID]) == 0 {
				return reqErr(MsgNhID)
			}
		}
		return dumpCheck()
	}
}

// checkNetconf makes the checks of inet_netconf_get_devconf,
// inet6_netconf_get_devconf and the netconf dumps.
func checkNetconf(fam uint8, dump, strict bool, payload []byte, opt validate.Options, tb []attr.Decoder) error {
	v6 := fam == AF_INET6
	if dump {
		if !strict {
			return nil
		}
		hm, dm := MsgNetconfDumpHeader, MsgNetconfDumpData
		if v6 {
			hm, dm = MsgNetconf6DumpHeader, MsgNetconf6DumpData
		}
		if len(payload) < NetconfMsgLen {
			return reqErr(hm)
		}
		// nlmsg_attrlen: negative for 1 to 3 bytes, which counts too.
		if len(payload) != attr.Align(NetconfMsgLen) {
			return reqErr(dm)
		}
		return nil
	}
	hm, am := MsgNetconfGetHeader, MsgNetconfGetAttr
	if v6 {
		hm, am = MsgNetconf6GetHeader, MsgNetconf6GetAttr
	}
	if len(payload) < NetconfMsgLen {
		return reqErr(hm)
	}
	hdrLen, p, m, _ := Request(fam, RTM_GETNETCONF, false, strict)
	tb = tb[:NETCONFA_MAX+1]
	if err := opt.ParseMessage(payload, hdrLen, p, m, tb); err != nil {
		return err
	}
	if strict {
		for t := range tb {
			if tb[t].Present() && t != NETCONFA_IFINDEX {
				return reqErr(am)
			}
		}
	}
	if !tb[NETCONFA_IFINDEX].Present() {
		return bareAfter(nlwire.EINVAL, !strict && leftover(payload, NetconfMsgLen, opt.Order))
	}
	return nil
}

// checkNSID makes the checks of rtnl_net_newid, rtnl_net_getid and
// rtnl_net_dumpid before they look a namespace up (but for the target
// namespace of a strict dump, which st is asked about).
func checkNSID(typ uint16, dump, strict bool, payload []byte, opt validate.Options, tb []attr.Decoder, st RequestState) error {
	hdrLen, p, m, ok := Request(0, typ, dump, strict)
	if !ok {
		return nil
	}
	tb = tb[:NETNSA_MAX+1]
	if err := opt.ParseMessage(payload, hdrLen, p, m, tb); err != nil {
		return err
	}
	switch {
	case typ == RTM_NEWNSID:
		if !tb[NETNSA_NSID].Present() {
			return reqErr(MsgNSIDMissing)
		}
		if !tb[NETNSA_PID].Present() && !tb[NETNSA_FD].Present() {
			return reqErr(MsgNSIDPeerMissing)
		}
	case dump:
		base := opt
		base.Base = 16 + attr.Align(RtGenMsgLen)
		d := attr.NewDecoder(payload[min(len(payload), attr.Align(RtGenMsgLen)):]).WithOrder(opt.Order).WithBase(base.Base).Lenient()
		// The kernel reports the last attribute of each type, in the
		// order of types.
		var offs [NETNSA_MAX + 1]int
		for d.Next() {
			if t := d.Type(); t > 0 && t <= NETNSA_MAX {
				offs[t] = d.Offset()
			}
		}
		for t := range tb {
			if !tb[t].Present() {
				continue
			}
			if t == NETNSA_TARGET_NSID && st != nil && st.NetNSID(int32(endian.Uint32(tb[t].Bytes(), opt.Order.Swap()))) {
				continue
			}
			msg := MsgNSIDDumpAttr
			if t == NETNSA_TARGET_NSID {
				msg = MsgLinkDumpNetNS
			}
			return &validate.Error{Errno: nlwire.EINVAL, Msg: msg, Offset: offs[t], HasOffset: true, Path: []uint16{uint16(t)}}
		}
	default:
		if strict && tb[NETNSA_CURRENT_NSID].Present() {
			return reqErr(MsgNSIDGetAttr)
		}
		if !tb[NETNSA_PID].Present() && !tb[NETNSA_FD].Present() && !tb[NETNSA_NSID].Present() {
			return reqErr(MsgNSIDPeerMissing)
		}
	}
	return nil
}

// Extended ACK messages of strict RTM_GETMDB dumps
// (rtnl_mdb_valid_dump_req, net/core/rtnetlink.c, Linux 6.18).
const (
	MsgMDBDumpHeader = "Invalid header for mdb dump request"
	MsgMDBDumpIndex  = "Filtering by device index is not supported for mdb dump request"
	MsgMDBDumpData   = "Invalid data after header in mdb dump request"
)

// checkMDBDump makes the checks of a strict AF_BRIDGE RTM_GETMDB dump: a
// br_port_msg without an ifindex and nothing after it.
func checkMDBDump(payload []byte, o nlwire.Order) error {
	switch {
	case len(payload) < BrPortMsgLen:
		return reqErr(MsgMDBDumpHeader)
	case endian.Uint32(payload[4:], o.Swap()) != 0:
		return reqErr(MsgMDBDumpIndex)
	case len(payload) != BrPortMsgLen:
		return reqErr(MsgMDBDumpData)
	}
	return nil
}
