//go:build linux

package nlsock_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/fuzz"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
	"golang.org/x/sys/unix"
)

// The differential test of the rtnetlink policies of family/route against
// the running kernel. Attribute runs generated from each policy (fuzz.Cases
// and fuzz.Random) are sent as RTM_NEWADDR, RTM_NEWROUTE, RTM_NEWNEIGH,
// RTM_NEWLINK, RTM_SETLINK (with IFLA_AF_SPEC contents from
// route.InetAFPolicy and route.Inet6AFPolicy), RTM_NEWRULE and
// RTM_DELRULE (route.RulePolicy) requests, and as strict-checked GET
// requests, on a socket opened inside a network namespace the test creates
// and deletes; nothing is ever sent in the host's namespace. Wherever the
// kernel's answer is decided by a policy, package validate must predict
// it from the same bytes: errno, extended ACK message, offset and
// NLMSGERR_ATTR_POLICY.
//
// How the handlers parse (Linux 6.18):
//   - rtnl_newlink, rtnl_setlink, inet_rtm_newaddr, inet6_rtm_newaddr,
//     inet_rtm_newroute (rtm_to_fib_config), inet6_rtm_newroute
//     (rtm_to_fib6_config) and neigh_add all use nlmsg_parse_deprecated:
//     liberal, except the types at and above each policy's
//     strict_start_type. NETLINK_GET_STRICT_CHK does not change them.
//   - With NETLINK_GET_STRICT_CHK, the do forms of RTM_GETLINK
//     (rtnl_valid_getlink_req), RTM_GETROUTE (inet_rtm_valid_getroute_req,
//     inet6_rtm_valid_getroute_req) and RTM_GETNEIGH (neigh_valid_get_req)
//     use nlmsg_parse_deprecated_strict (NL_VALIDATE_DEPRECATED_STRICT:
//     unknown types and trailing bytes are errors), which also checks each
//     policy's maximum type.
//   - Nests parsed later by the handler: rtnl_newlink parses IFLA_LINKINFO
//     with ifla_info_policy and a NULL extack (errno only: no message, no
//     offset), then IFLA_INFO_DATA with the kind's policy (veth_policy) and
//     the extack, then veth's VETH_INFO_PEER (an ifinfomsg and link
//     attributes) with ifla_policy and the extack (rtnl_get_peer_net ->
//     rtnl_nla_parse_ifinfomsg); validate_linkmsg walks IFLA_AF_SPEC
//     once the device is found (route.ValidateAFSpec); do_setlink parses
//     IFLA_XDP with ifla_xdp_policy and a NULL extack. These stages are
//     modelled in order.
//   - fib_nl_newrule and fib_nl_delrule check the header's length and
//     family, then parse fib_rule_policy liberally and replace a policy
//     error's message with "Error parsing msg" (route.CheckRequest).
//
// Safety: attributes that name another network namespace (IFLA_NET_NS_PID,
// IFLA_NET_NS_FD, IFLA_TARGET_NETNSID, IFLA_LINK_NETNSID,
// IFA_TARGET_NETNSID), at the top level and in a veth peer, get the value
// -1 (0xffffffff) before sending: no pid, descriptor or namespace id has
// it, so no request can move or create a link outside the test's
// namespace. The policies check their lengths, not their values, so the
// comparison is unaffected.

// rtRandomPerTarget is the number of random attribute runs per target, on
// top of the systematic ones; rtBudget bounds the test's runtime.
const (
	rtRandomPerTarget = 2000
	rtBudget          = 25 * time.Second
)

// rtStage is one parse of the kernel's handler: the attributes found by
// locate in the message's attributes, checked against policy. withExtAck is
// false where the kernel passes a NULL extack: its errors then carry only
// the errno.
type rtStage struct {
	name       string
	locate     func(attrs []byte) (inner []byte, pos int, ok bool)
	policy     *validate.Policy
	mode       validate.Mode
	withExtAck bool
	// check, if set, replaces locate and policy: family/route's own
	// model of the stage, given the family header and the attributes,
	// returning a *validate.Error with offsets from the nlmsghdr. Its
	// errors without a message and an offset are errno-only.
	check func(hdr, attrs []byte, o validate.Options) error
}

// rtTarget is one kind of request: its message type, flags, family header,
// the policy the attribute runs are generated from, how they are wrapped
// into the message, and the stages the kernel parses them in.
type rtTarget struct {
	name   string
	typ    uint16
	flags  wire.Flags
	hdr    []byte
	gen    *validate.Policy
	wrap   func(gen []byte) []byte // nil: the run is the message's attributes
	netns  map[uint16]bool         // attributes to neutralize (sanitizeNetNS)
	stages []rtStage
	// bareDecides: an errno-only EAFNOSUPPORT or EOPNOTSUPP from the
	// kernel is a verdict the stages must predict (validate_linkmsg's
	// IFLA_AF_SPEC walk), not a handler's.
	bareDecides bool
	// modelled are the handlers' messages the stages model: a kernel
	// rejection with one of them is a verdict to predict.
	modelled []string
}

type rtStats struct {
	compared, agreed                int
	bothAccept, bothReject, bareRej int
	warnChecked                     int
	allowed                         map[string]int
	unexplained                     []string
	bySig                           map[string]int
}

func TestRoutePoliciesAgainstKernel(t *testing.T) {
	ns := vethNS(t)
	c := ns.Dial(t, nlsock.Route, &nlsock.Config{ReadBuffer: 1 << 20})
	v0, _, ok0 := getLink(t, c, "v0")
	v1, _, ok1 := getLink(t, c, "v1")
	if !ok0 || !ok1 {
		t.Fatal("veth pair v0/v1 missing")
	}

	seed := uint64(1)
	if s := os.Getenv("NLWIRE_DIFF_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 0, 64)
	}
	rng := rand.New(rand.NewPCG(seed, 0x72746e6c))
	start := time.Now()

	for _, tg := range rtTargets(v0, v1) {
		st := &rtStats{allowed: map[string]int{}, bySig: map[string]int{}}
		runRouteTarget(t, c, tg, st, rng, start)
		t.Logf("%-28s compared %5d, agreed %5d (both accept %d, both reject identically %d of which errno-only %d; ACK warnings checked %d)",
			tg.name, st.compared, st.agreed, st.bothAccept, st.bothReject, st.bareRej, st.warnChecked)
		reasons := make([]string, 0, len(st.allowed))
		for r := range st.allowed {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			t.Logf("    allowed: %d × %s", st.allowed[r], r)
		}
		if st.compared == 0 || st.bothReject == 0 {
			// Every target has cases the policy rejects: none means the
			// requests never reached policy validation.
			t.Errorf("%s: %d compared, %d rejected by both: the requests do not reach the policy", tg.name, st.compared, st.bothReject)
		}
		if len(st.unexplained) > 0 {
			sigs := make([]string, 0, len(st.bySig))
			for s := range st.bySig {
				sigs = append(sigs, s)
			}
			sort.Strings(sigs)
			for _, s := range sigs {
				t.Errorf("%s: %d × %s", tg.name, st.bySig[s], s)
			}
			for i, s := range st.unexplained {
				if i == 15 {
					break
				}
				t.Errorf("%s: disagreement: %s", tg.name, s)
			}
			t.Errorf("%s: %d unexplained disagreements", tg.name, len(st.unexplained))
		}
	}
	t.Logf("seed %d, %v", seed, time.Since(start).Round(time.Millisecond))
}

// rtTargets lists the requests, for the links v0 (addresses 10.99.0.1/24,
// fd00:99::1/64) and v1 of vethNS.
func rtTargets(v0, v1 int32) []rtTarget {
	ifa := func(family, plen byte) []byte {
		h := make([]byte, ifaddrmsgLen)
		h[0], h[1] = family, plen
		ne.PutUint32(h[4:], uint32(v0))
		return h
	}
	rtm := func(family, dstLen byte) []byte {
		h := make([]byte, rtmsgLen)
		h[0], h[1] = family, dstLen
		h[4] = unix.RT_TABLE_MAIN
		h[5] = unix.RTPROT_BOOT
		h[6] = unix.RT_SCOPE_UNIVERSE
		h[7] = unix.RTN_UNICAST
		return h
	}
	getIfa := func(family byte) []byte {
		h := make([]byte, ifaddrmsgLen)
		h[0] = family
		return h
	}
	getRtm := func(family byte) []byte {
		h := make([]byte, rtmsgLen)
		h[0] = family
		return h
	}
	ndm := func(idx int32, state uint16) []byte {
		h := make([]byte, route.NdMsgLen)
		h[0] = unix.AF_INET
		ne.PutUint32(h[4:], uint32(idx))
		ne.PutUint16(h[8:], state)
		return h
	}
	ifi := func(idx int32) []byte {
		h := make([]byte, ifinfomsgLen)
		ne.PutUint32(h[4:], uint32(idx))
		return h
	}
	top := func(p *validate.Policy, m validate.Mode) []rtStage {
		return []rtStage{{name: "top", policy: p, mode: m, withExtAck: true,
			locate: func(a []byte) ([]byte, int, bool) { return a, 0, true }}}
	}
	const lib = validate.ModeLiberal
	create := wire.Create | wire.Replace

	// IFLA_LINKINFO{IFLA_INFO_KIND "veth", IFLA_INFO_DATA{...}}, parsed
	// stage by stage as rtnl_newlink does.
	linkStages := func(extra ...rtStage) []rtStage {
		s := top(&route.LinkPolicy, lib)
		s = append(s, rtStage{name: "IFLA_LINKINFO", policy: &route.LinkInfoPolicy, mode: lib,
			locate: lastPath(route.IFLA_LINKINFO)})
		return append(s, extra...)
	}
	// do_setlink parses IFLA_XDP with ifla_xdp_policy and a NULL extack.
	xdp := rtStage{name: "IFLA_XDP", policy: &route.XDPPolicy, mode: lib, locate: lastPath(route.IFLA_XDP)}
	vethData := rtStage{name: "IFLA_INFO_DATA(veth)", policy: &route.VethPolicy, mode: lib, withExtAck: true,
		locate: lastPath(route.IFLA_LINKINFO, route.IFLA_INFO_DATA)}
	vethPeer := rtStage{name: "VETH_INFO_PEER", policy: &route.LinkPolicy, mode: lib, withExtAck: true,
		locate: func(a []byte) ([]byte, int, bool) {
			p, pos, ok := lastPath(route.IFLA_LINKINFO, route.IFLA_INFO_DATA, route.VETH_INFO_PEER)(a)
			if !ok || len(p) < ifinfomsgLen {
				return nil, 0, false
			}
			return p[ifinfomsgLen:], pos + ifinfomsgLen, true
		}}
	// validate_linkmsg's IFLA_AF_SPEC pass (route.ValidateAFSpec), once
	// the device is found: before do_setlink's IFLA_XDP.
	afSpec := rtStage{name: "IFLA_AF_SPEC", withExtAck: true,
		check: func(hdr, attrs []byte, o validate.Options) error {
			inner, pos, ok := lastPath(route.IFLA_AF_SPEC)(attrs)
			if !ok {
				return nil
			}
			o.Base = wire.HeaderLen + attr.Align(len(hdr)) + pos
			return route.ValidateAFSpec(inner, o)
		}}
	// fib_nl_newrule and fib_nl_delrule: length, family, fib_rule_policy
	// (route.CheckRequest).
	ruleStages := func(typ uint16) []rtStage {
		return []rtStage{{name: "fib_rule_policy", withExtAck: true,
			check: func(hdr, attrs []byte, o validate.Options) error {
				return route.CheckRequest(hdr[0], typ, false, false, cat(hdr, attrs), o, nil, nil)
			}}}
	}
	frh := func(family byte) []byte {
		h := make([]byte, route.FibRuleHdrLen)
		h[0] = family
		h[4] = unix.RT_TABLE_MAIN
		h[7] = unix.FR_ACT_TO_TBL
		return h
	}
	// The whole of route.CheckRequest as one stage, for the request
	// kinds whose handlers check more than a policy.
	devs := nsDevices{1: true, uint32(v0): true, uint32(v1): true}
	checked := func(typ uint16, dump bool) []rtStage {
		_, _, m, _ := route.Request(0, typ, dump, true)
		return []rtStage{{name: "CheckRequest", withExtAck: true, mode: m,
			check: func(hdr, attrs []byte, o validate.Options) error {
				h := make([]byte, attr.Align(len(hdr)))
				copy(h, hdr)
				return route.CheckRequest(hdr[0], typ, dump, true, cat(h, attrs), o, nil, devs)
			}}}
	}
	stats := func(idx int32, mask uint32) []byte {
		h := make([]byte, route.IfStatsMsgLen)
		ne.PutUint32(h[4:], uint32(idx))
		ne.PutUint32(h[8:], mask)
		return h
	}
	nhm := func(family byte) []byte {
		h := make([]byte, route.NhMsgLen)
		h[0] = family
		return h
	}
	rtgen := []byte{0, 0, 0, 0}
	inAFSpec := func(fam uint16, g []byte) []byte {
		return put(route.IFLA_AF_SPEC|attr.FlagNested, put(fam|attr.FlagNested, g))
	}
	linkinfoVeth := func(data []byte) []byte {
		return cat(putStr(route.IFLA_IFNAME, "vt0"),
			put(route.IFLA_LINKINFO|attr.FlagNested, cat(putStr(route.IFLA_INFO_KIND, "veth"),
				put(route.IFLA_INFO_DATA|attr.FlagNested, data))))
	}

	return []rtTarget{
		{name: "RTM_NEWADDR inet", netns: addrNetNS, typ: route.RTM_NEWADDR, flags: create, hdr: ifa(unix.AF_INET, 24),
			gen: &route.AddrPolicy, stages: top(&route.AddrPolicy, lib)},
		{name: "RTM_NEWADDR inet6", netns: addrNetNS, typ: route.RTM_NEWADDR, flags: create, hdr: ifa(unix.AF_INET6, 64),
			gen: &route.Addr6Policy, stages: top(&route.Addr6Policy, lib)},
		{name: "RTM_NEWROUTE inet", typ: route.RTM_NEWROUTE, flags: create, hdr: rtm(unix.AF_INET, 32),
			gen: &route.RoutePolicy, stages: top(&route.RoutePolicy, lib)},
		{name: "RTM_NEWROUTE inet6", typ: route.RTM_NEWROUTE, flags: create, hdr: rtm(unix.AF_INET6, 128),
			gen: &route.Route6Policy, stages: top(&route.Route6Policy, lib)},
		{name: "RTM_NEWNEIGH", typ: route.RTM_NEWNEIGH, flags: create, hdr: ndm(v0, unix.NUD_PERMANENT),
			gen: &route.NeighPolicy, stages: top(&route.NeighPolicy, lib)},
		{name: "RTM_SETLINK", netns: linkNetNS, typ: route.RTM_SETLINK, hdr: ifi(v1), bareDecides: true,
			gen: &route.LinkPolicy, stages: append(top(&route.LinkPolicy, lib), afSpec, xdp)},
		{name: "RTM_NEWLINK (existing)", netns: linkNetNS, typ: route.RTM_NEWLINK, hdr: ifi(v1), bareDecides: true,
			gen: &route.LinkPolicy, stages: linkStages(afSpec, xdp)},
		{name: "RTM_NEWLINK IFLA_LINKINFO", netns: linkNetNS, typ: route.RTM_NEWLINK, hdr: ifi(v1),
			gen: &route.LinkInfoPolicy, stages: linkStages(),
			wrap: func(g []byte) []byte { return put(route.IFLA_LINKINFO|attr.FlagNested, g) }},
		{name: "RTM_SETLINK IFLA_AF_SPEC", netns: linkNetNS, typ: route.RTM_SETLINK, hdr: ifi(v1), bareDecides: true,
			gen:    &afSpecGen,
			stages: append(top(&route.LinkPolicy, lib), afSpec, xdp),
			wrap:   func(g []byte) []byte { return put(route.IFLA_AF_SPEC|attr.FlagNested, g) }},
		{name: "RTM_SETLINK AF_INET", netns: linkNetNS, typ: route.RTM_SETLINK, hdr: ifi(v1), bareDecides: true,
			gen:    &inetAFGen,
			stages: append(top(&route.LinkPolicy, lib), afSpec, xdp),
			wrap:   func(g []byte) []byte { return inAFSpec(route.AF_INET, g) }},
		{name: "RTM_SETLINK AF_INET6", netns: linkNetNS, typ: route.RTM_SETLINK, hdr: ifi(v1), bareDecides: true,
			gen:    &route.Inet6AFPolicy,
			stages: append(top(&route.LinkPolicy, lib), afSpec, xdp),
			wrap:   func(g []byte) []byte { return inAFSpec(route.AF_INET6, g) }},
		{name: "RTM_NEWRULE inet", typ: route.RTM_NEWRULE, flags: create, hdr: frh(unix.AF_INET),
			gen: &route.RulePolicy, stages: ruleStages(route.RTM_NEWRULE)},
		{name: "RTM_NEWRULE inet6", typ: route.RTM_NEWRULE, flags: create, hdr: frh(unix.AF_INET6),
			gen: &route.RulePolicy, stages: ruleStages(route.RTM_NEWRULE)},
		{name: "RTM_NEWRULE ipmr", typ: route.RTM_NEWRULE, flags: create, hdr: frh(route.RTNL_FAMILY_IPMR),
			gen: &route.RulePolicy, stages: ruleStages(route.RTM_NEWRULE)},
		{name: "RTM_DELRULE inet6", typ: route.RTM_DELRULE, hdr: frh(unix.AF_INET6),
			gen: &route.RulePolicy, stages: ruleStages(route.RTM_DELRULE)},
		{name: "RTM_NEWRULE unspec", typ: route.RTM_NEWRULE, flags: create, hdr: frh(unix.AF_UNSPEC),
			gen: &route.RulePolicy, stages: ruleStages(route.RTM_NEWRULE)},
		{name: "RTM_NEWNEXTHOP inet", typ: route.RTM_NEWNEXTHOP, flags: create, hdr: nhm(unix.AF_INET),
			gen: &route.NexthopPolicy, stages: checked(route.RTM_NEWNEXTHOP, false), modelled: nhNewMsgs},
		{name: "RTM_NEWNEXTHOP unspec", typ: route.RTM_NEWNEXTHOP, flags: create, hdr: nhm(unix.AF_UNSPEC),
			gen: &route.NexthopPolicy, stages: checked(route.RTM_NEWNEXTHOP, false), modelled: nhNewMsgs},
		{name: "RTM_DELNEXTHOP", typ: route.RTM_DELNEXTHOP, hdr: nhm(unix.AF_UNSPEC),
			gen: &route.NexthopDelPolicy, stages: checked(route.RTM_DELNEXTHOP, false), modelled: nhIDMsgs},
		{name: "RTM_GETNEXTHOP", typ: route.RTM_GETNEXTHOP, hdr: nhm(unix.AF_UNSPEC),
			gen: &route.NexthopGetPolicy, stages: checked(route.RTM_GETNEXTHOP, false), modelled: nhIDMsgs},
		{name: "RTM_GETNEXTHOP dump", typ: route.RTM_GETNEXTHOP, flags: wire.Dump, hdr: nhm(unix.AF_UNSPEC),
			gen: &route.NexthopDumpPolicy, stages: checked(route.RTM_GETNEXTHOP, true), modelled: nhDumpMsgs},
		{name: "RTM_GETNEXTHOPBUCKET", typ: route.RTM_GETNEXTHOPBUCKET, hdr: nhm(unix.AF_UNSPEC),
			gen: &bucketGetGen, stages: checked(route.RTM_GETNEXTHOPBUCKET, false), modelled: nhBucketMsgs},
		{name: "RTM_GETNEXTHOPBUCKET dump", typ: route.RTM_GETNEXTHOPBUCKET, flags: wire.Dump, hdr: nhm(unix.AF_UNSPEC),
			gen: &bucketDumpGen, stages: checked(route.RTM_GETNEXTHOPBUCKET, true), modelled: nhBucketDumpMsgs},
		{name: "RTM_GETNETCONF inet", typ: route.RTM_GETNETCONF, hdr: []byte{unix.AF_INET}, gen: &route.NetconfPolicy,
			stages: checked(route.RTM_GETNETCONF, false), modelled: []string{route.MsgNetconfGetAttr}},
		{name: "RTM_GETNETCONF inet6", typ: route.RTM_GETNETCONF, hdr: []byte{unix.AF_INET6}, gen: &route.Netconf6Policy,
			stages: checked(route.RTM_GETNETCONF, false), modelled: []string{route.MsgNetconf6GetAttr}},
		{name: "RTM_GETNETCONF inet6 dump", typ: route.RTM_GETNETCONF, flags: wire.Dump, hdr: []byte{unix.AF_INET6}, gen: &route.Netconf6Policy,
			stages: checked(route.RTM_GETNETCONF, true), modelled: []string{route.MsgNetconf6DumpData}},
		{name: "RTM_NEWNSID", netns: nsidNetNS, typ: route.RTM_NEWNSID, hdr: rtgen[:1:1], gen: &route.NetNSIDPolicy,
			stages: checked(route.RTM_NEWNSID, false), modelled: []string{route.MsgNSIDMissing, route.MsgNSIDPeerMissing}},
		{name: "RTM_GETNSID", typ: route.RTM_GETNSID, hdr: rtgen[:1:1], gen: &route.NetNSIDPolicy,
			stages: checked(route.RTM_GETNSID, false), modelled: []string{route.MsgNSIDGetAttr, route.MsgNSIDPeerMissing}},
		{name: "RTM_GETNSID dump", typ: route.RTM_GETNSID, flags: wire.Dump, hdr: rtgen[:1:1], gen: &route.NetNSIDPolicy,
			stages: checked(route.RTM_GETNSID, true), modelled: []string{route.MsgNSIDDumpAttr, route.MsgLinkDumpNetNS}},
		{name: "RTM_GETSTATS", typ: route.RTM_GETSTATS, hdr: stats(v1, 1<<(route.IFLA_STATS_LINK_OFFLOAD_XSTATS-1)), gen: &route.StatsGetPolicy,
			stages: checked(route.RTM_GETSTATS, false), modelled: statsMsgs},
		{name: "RTM_GETSTATS dump", typ: route.RTM_GETSTATS, flags: wire.Dump, hdr: stats(0, 1), gen: &route.StatsGetPolicy,
			stages: checked(route.RTM_GETSTATS, true), modelled: statsMsgs},
		{name: "RTM_SETSTATS", typ: route.RTM_SETSTATS, hdr: stats(v1, 0), gen: &route.StatsSetPolicy,
			stages: checked(route.RTM_SETSTATS, false), modelled: statsMsgs},
		{name: "RTM_SETNEIGHTBL", typ: route.RTM_SETNEIGHTBL, hdr: []byte{unix.AF_INET, 0, 0, 0}, gen: &route.NeighTablePolicy,
			stages: checked(route.RTM_SETNEIGHTBL, false)},
		{name: "RTM_SETNEIGHTBL NDTA_PARMS", typ: route.RTM_SETNEIGHTBL, hdr: []byte{unix.AF_INET6, 0, 0, 0}, gen: &route.NeighTableParmsPolicy,
			stages: checked(route.RTM_SETNEIGHTBL, false),
			wrap: func(g []byte) []byte {
				return cat(putStr(route.NDTA_NAME, "ndisc_cache"), put(route.NDTA_PARMS|attr.FlagNested, g))
			}},
		{name: "RTM_GETNEIGHTBL dump", typ: route.RTM_GETNEIGHTBL, flags: wire.Dump, hdr: []byte{unix.AF_INET, 0, 0, 0}, gen: &route.NeighTablePolicy,
			stages: checked(route.RTM_GETNEIGHTBL, true), modelled: []string{route.MsgNeighTblDumpData, route.MsgNeighTblDumpValues}},
		{name: "RTM_NEWROUTE ipmr", typ: route.RTM_NEWROUTE, flags: create, gen: &route.MrRoutePolicy, stages: checked(route.RTM_NEWROUTE, false),
			hdr: []byte{route.RTNL_FAMILY_IPMR, 32, 0, 0, unix.RT_TABLE_DEFAULT, unix.RTPROT_STATIC, unix.RT_SCOPE_UNIVERSE, unix.RTN_MULTICAST, 0, 0, 0, 0}},
		{name: "RTM_GETROUTE ipmr strict", typ: route.RTM_GETROUTE, hdr: getRtm(route.RTNL_FAMILY_IPMR), gen: &route.RoutePolicy,
			stages: checked(route.RTM_GETROUTE, false), modelled: []string{route.MsgMrGetRouteValues, route.MsgMrGetRouteAttr, route.MsgGetRouteLen}},
		{name: "RTM_GETROUTE ip6mr", typ: route.RTM_GETROUTE, hdr: getRtm(route.RTNL_FAMILY_IP6MR), gen: &route.Mr6GetRoutePolicy,
			stages: checked(route.RTM_GETROUTE, false), modelled: []string{route.MsgMr6GetRouteValues, route.MsgGetRoute6Len}},
		{name: "RTM_GETRULE dump", typ: route.RTM_GETRULE, flags: wire.Dump, hdr: frh(unix.AF_INET), gen: &route.RulePolicy,
			stages: checked(route.RTM_GETRULE, true), modelled: []string{route.MsgRuleDumpData, route.MsgRuleDumpValues}},
		{name: "RTM_SETLINK IFLA_XDP", netns: linkNetNS, typ: route.RTM_SETLINK, hdr: ifi(v1), bareDecides: true,
			gen:    &route.XDPPolicy,
			stages: append(top(&route.LinkPolicy, lib), afSpec, xdp),
			wrap:   func(g []byte) []byte { return put(route.IFLA_XDP|attr.FlagNested, g) }},
		{name: "RTM_NEWLINK veth data", netns: linkNetNS, typ: route.RTM_NEWLINK, flags: wire.Create | wire.Excl, hdr: ifi(0),
			gen: &route.VethPolicy, stages: linkStages(vethData, vethPeer), wrap: linkinfoVeth},
		{name: "RTM_NEWLINK veth peer", netns: linkNetNS, typ: route.RTM_NEWLINK, flags: wire.Create | wire.Excl, hdr: ifi(0),
			gen: &route.LinkPolicy, stages: linkStages(vethData, vethPeer),
			wrap: func(g []byte) []byte {
				return linkinfoVeth(put(route.VETH_INFO_PEER, cat(make([]byte, ifinfomsgLen), g)))
			}},
		// Strict-checked GET requests: nlmsg_parse_deprecated_strict.
		{name: "RTM_GETLINK strict", netns: linkNetNS, typ: route.RTM_GETLINK, hdr: ifi(v1),
			gen: &route.LinkPolicy, stages: top(&route.LinkPolicy, validate.ModeDeprecatedStrict)},
		{name: "RTM_GETROUTE inet strict", typ: route.RTM_GETROUTE, hdr: getRtm(unix.AF_INET),
			gen: &route.RoutePolicy, stages: top(&route.RoutePolicy, validate.ModeDeprecatedStrict)},
		{name: "RTM_GETROUTE inet6 strict", typ: route.RTM_GETROUTE, hdr: getRtm(unix.AF_INET6),
			gen: &route.Route6Policy, stages: top(&route.Route6Policy, validate.ModeDeprecatedStrict)},
		// inet6_rtm_valid_getaddr_req; IPv4 has no RTM_GETADDR do, but its
		// dump checks ifa_ipv4_policy strictly (inet_valid_dump_ifaddr_req).
		{name: "RTM_GETADDR inet6 strict", netns: addrNetNS, typ: route.RTM_GETADDR, hdr: ifa(unix.AF_INET6, 0),
			gen: &route.Addr6Policy, stages: top(&route.Addr6Policy, validate.ModeDeprecatedStrict)},
		{name: "RTM_GETADDR inet dump strict", netns: addrNetNS, typ: route.RTM_GETADDR, flags: wire.Dump, hdr: getIfa(unix.AF_INET),
			gen: &route.AddrPolicy, stages: top(&route.AddrPolicy, validate.ModeDeprecatedStrict)},
		{name: "RTM_GETNEIGH strict", typ: route.RTM_GETNEIGH, hdr: ndm(v0, 0),
			gen: &route.NeighPolicy, stages: top(&route.NeighPolicy, validate.ModeDeprecatedStrict)},
	}
}

// rtVerdict is the model's prediction: the first stage that fails.
type rtVerdict struct {
	err      *validate.Error
	stage    string
	bare     bool // the stage has no extack: errno only
	leftover bool // a stage with an extack left bytes over (a warning)
	// bareMsg is the message an errno-only error arrives with: the
	// extended ACK keeps the last message set, "bytes leftover after
	// parsing attributes" if an earlier stage left bytes over.
	bareMsg string
}

func modelVerdict(t *testing.T, tg *rtTarget, attrs []byte) rtVerdict {
	t.Helper()
	base := wire.HeaderLen + attr.Align(len(tg.hdr))
	var v rtVerdict
	for _, s := range tg.stages {
		left := false
		o := validate.Options{Warn: func(w validate.Warning) {
			if w.Kind == validate.WarnLeftover {
				left = true
			}
		}}
		var err error
		if s.check != nil {
			err = s.check(tg.hdr, attrs, o)
		} else {
			inner, pos, ok := s.locate(attrs)
			if !ok {
				continue
			}
			o.Base = base + pos
			err = o.Validate(inner, s.policy, s.mode)
		}
		if err == nil {
			v.leftover = v.leftover || s.withExtAck && left
			continue
		}
		var ge *validate.Error
		if !errors.As(err, &ge) {
			t.Fatalf("validate returned %T %v", err, err)
		}
		v.err, v.stage, v.bare = ge, s.name, !s.withExtAck || ge.Msg == "" && !ge.HasOffset
		if v.bare && v.leftover {
			v.bareMsg = validate.MsgLeftover // left by an earlier stage
		}
		v.leftover = v.leftover || s.withExtAck && left
		return v
	}
	return v
}

func runRouteTarget(t *testing.T, c *nlsock.Conn, tg rtTarget, st *rtStats, rng *rand.Rand, start time.Time) {
	cases := fuzz.Cases(tg.gen)
	nsys := len(cases)
	if time.Since(start) < rtBudget {
		for range rtRandomPerTarget {
			cases = append(cases, fuzz.Case{Attrs: fuzz.Random(rng, tg.gen), What: "random"})
		}
	}
	var buf []byte
	for i, cs := range cases {
		if i >= nsys && time.Since(start) > rtBudget {
			break
		}
		attrs := cs.Attrs
		if tg.wrap != nil {
			attrs = tg.wrap(attrs)
		}
		attrs = sanitizeNetNS(attrs, tg.netns)

		k := askKernel(t, c, &buf, wire.Header{Type: tg.typ, Flags: tg.flags}, tg.hdr, attrs, tg.name)

		mv := modelVerdict(t, &tg, attrs)
		st.compared++
		sig := compareRoute(k, mv, st, tg.stages[0].mode, tg.bareDecides, tg.modelled)
		if sig == "" {
			st.agreed++
			continue
		}
		if reason := allowRoute(&tg, attrs, k, mv); reason != "" {
			st.allowed[reason]++
			continue
		}
		st.bySig[generalize(sig)]++
		st.unexplained = append(st.unexplained, fmt.Sprintf("%s [%s] attrs % x", sig, cs.What, attrs))
	}
}

// compareRoute returns "" if the kernel's answer k agrees with the model's
// mv, else a description of the disagreement.
func compareRoute(k kernelVerdict, mv rtVerdict, st *rtStats, mode validate.Mode, bareDecides bool, modelled []string) string {
	ge := mv.err
	// The kernel rejected by policy with an extended ACK (or with the
	// message the model gives, as fib_nl_newrule's "Error parsing msg"
	// over a policy error and reject messages of a rule, or with a
	// handler's message the model covers).
	kPol := kernelRejected(k, mode) || ge != nil && ge.Msg != "" && k.msg == ge.Msg || k.msg != "" && slices.Contains(modelled, k.msg)
	// An errno-only EAFNOSUPPORT or EOPNOTSUPP where the stages decide
	// them.
	kBareAF := bareDecides && (k.errno == nlwire.EAFNOSUPPORT || k.errno == nlwire.EOPNOTSUPP) && k.msg == "" && k.offset == 0
	// An errno-only rejection, as from a parse with a NULL extack. Bare
	// EINVALs also come from handlers (veth_validate, do_setlink's
	// IFLA_XDP_ATTACHED check), so only ERANGE is taken as a policy
	// rejection the model must predict.
	kBare := (k.errno == nlwire.EINVAL || k.errno == nlwire.ERANGE) && k.msg == "" && k.offset == 0 || kBareAF
	switch {
	case ge == nil && !kPol && !(kBare && k.errno == nlwire.ERANGE) && !kBareAF:
		if k.errno == 0 {
			st.warnChecked++
			if mv.leftover != (k.msg == validate.MsgLeftover) {
				return fmt.Sprintf("accepted, but ACK message %q, validate leftover warning %v", k.msg, mv.leftover)
			}
		}
		st.bothAccept++
		return ""
	case ge != nil && mv.bare:
		if k.errno == ge.Errno && k.offset == 0 && (k.msg == mv.bareMsg || ge.Msg != "" && k.msg == ge.Msg) {
			st.bothReject++
			st.bareRej++
			return ""
		}
		return fmt.Sprintf("validate rejects in %s (no extack) %v %q, kernel %v %q off=%d",
			mv.stage, ge.Errno.Name(), ge.Msg, k.errno.Name(), k.msg, k.offset)
	case ge != nil && kPol:
		goff := uint32(0)
		if ge.HasOffset {
			goff = uint32(ge.Offset)
		}
		gpol := goPolicy(ge)
		if ge.Errno == k.errno && ge.Msg == k.msg && goff == k.offset && mapsEqual(gpol, k.policy) {
			st.bothReject++
			return ""
		}
		return fmt.Sprintf("both reject: kernel %v %q off=%d pol=%s, validate (%s) %v %q off=%d pol=%s",
			k.errno.Name(), k.msg, k.offset, fmtPol(k.policy), mv.stage, ge.Errno.Name(), ge.Msg, goff, fmtPol(gpol))
	case ge != nil:
		return fmt.Sprintf("kernel accepts (%v %q off=%d), validate rejects in %s %v %q off=%d",
			k.errno.Name(), k.msg, k.offset, mv.stage, ge.Errno.Name(), ge.Msg, ge.Offset)
	default:
		return fmt.Sprintf("kernel rejects %v %q off=%d pol=%s, validate accepts",
			k.errno.Name(), k.msg, k.offset, fmtPol(k.policy))
	}
}

// allowRoute explains disagreements that come from the handlers, not
// from a policy; each is documented from the kernel source. It returns ""
// for an unexplained one.
func allowRoute(tg *rtTarget, attrs []byte, k kernelVerdict, mv rtVerdict) string {
	kBare := (k.errno == nlwire.EINVAL || k.errno == nlwire.ERANGE) && k.msg == "" && k.offset == 0
	if (tg.typ == route.RTM_SETLINK || tg.typ == route.RTM_NEWLINK) && k.errno == nlwire.EOPNOTSUPP && k.msg == "" && k.offset == 0 && mv.err == nil {
		// do_setlink (net/core/rtnetlink.c), after validate_linkmsg:
		// a veth has no ndo_add_slave (IFLA_MASTER), ndo_set_config
		// (IFLA_MAP), ndo_change_carrier (IFLA_CARRIER), ndo_set_vf_*
		// (IFLA_VFINFO_LIST) or ndo_set_vf_port (IFLA_VF_PORTS,
		// IFLA_PORT_SELF).
		for _, typ := range []uint16{route.IFLA_MASTER, route.IFLA_MAP, route.IFLA_CARRIER, route.IFLA_VFINFO_LIST, route.IFLA_VF_PORTS, route.IFLA_PORT_SELF} {
			if _, _, ok := lastPath(typ)(attrs); ok {
				return "bare EOPNOTSUPP from do_setlink: an operation veth lacks (IFLA_MASTER/MAP/CARRIER/VFINFO_LIST/VF_PORTS/PORT_SELF)"
			}
		}
	}
	if (tg.typ == route.RTM_SETLINK || tg.typ == route.RTM_NEWLINK) && kBare && mv.err == nil {
		// do_setlink (net/core/rtnetlink.c) parses these nests itself,
		// with policies family/route does not have, and a NULL extack:
		// IFLA_VFINFO_LIST's IFLA_VF_INFO elements (ifla_vf_policy),
		// IFLA_VF_PORTS' IFLA_VF_PORT elements and IFLA_PORT_SELF
		// (ifla_port_policy), IFLA_PROTO_DOWN_REASON
		// (ifla_proto_down_reason_policy, in do_set_proto_down). A
		// malformed nest there fails with a bare ERANGE or EINVAL.
		for _, typ := range []uint16{route.IFLA_VFINFO_LIST, route.IFLA_VF_PORTS, route.IFLA_PORT_SELF, route.IFLA_PROTO_DOWN_REASON} {
			if _, _, ok := lastPath(typ)(attrs); ok {
				return fmt.Sprintf("bare %v from do_setlink's own parse of a nest (IFLA_VFINFO_LIST/VF_PORTS/PORT_SELF/PROTO_DOWN_REASON)", k.errno.Name())
			}
		}
	}
	return ""
}

// lastPath returns a locator of the payload of the attribute at path,
// taking at each level the last attribute of the type, as the kernel's
// attribute tables (tb[type]) do. pos is the payload's position in the
// attributes.
func lastPath(path ...uint16) func([]byte) ([]byte, int, bool) {
	return func(a []byte) ([]byte, int, bool) {
		pos := 0
		for _, typ := range path {
			found := false
			var fp, fpos int
			var fl int
			walkAttrs(a, func(off int, t uint16, p []byte) {
				if t&attr.TypeMask == typ {
					found, fp, fl = true, off+attr.HeaderLen, len(p)
				}
			})
			if !found {
				return nil, 0, false
			}
			fpos = pos + fp
			a = a[fp : fp+fl]
			pos = fpos
		}
		return a, pos, true
	}
}

// walkAttrs calls fn for each attribute of b as nla_for_each_attr walks
// them (nla_ok: 4 <= nla_len <= remaining).
func walkAttrs(b []byte, fn func(off int, typ uint16, payload []byte)) {
	off := 0
	for len(b)-off >= attr.HeaderLen {
		l := int(ne.Uint16(b[off:]))
		if l < attr.HeaderLen || l > len(b)-off {
			return
		}
		fn(off, ne.Uint16(b[off+2:]), b[off+attr.HeaderLen:off+l])
		off += attr.Align(l)
	}
}

// Generators of IFLA_AF_SPEC contents: afSpecGen draws family nests
// (AF_INET, AF_INET6, and AF_BRIDGE and AF_MPLS, which the kernel
// refuses), inetAFGen AF_INET nests whose IFLA_INET_CONF holds
// IPV4_DEVCONF_* entries (u32, types 1 to IPV4_DEVCONF_MAX).
var (
	devconfGen = func() validate.Policy {
		p := validate.Policy{MaxType: route.IPV4_DEVCONF_MAX, Rules: make([]validate.Rule, route.IPV4_DEVCONF_MAX+1)}
		for i := 1; i <= route.IPV4_DEVCONF_MAX; i++ {
			p.Rules[i] = validate.Rule{Kind: validate.U32}
		}
		return p
	}()
	inetAFGen = validate.Policy{Rules: []validate.Rule{route.IFLA_INET_CONF: validate.NestedPolicy(&devconfGen)}}
	afSpecGen = validate.Policy{MaxType: route.AF_MPLS, Rules: []validate.Rule{
		route.AF_INET:   validate.NestedPolicy(&inetAFGen),
		route.AF_BRIDGE: {Kind: validate.Nested},
		route.AF_INET6:  validate.NestedPolicy(&route.Inet6AFPolicy),
		route.AF_MPLS:   {Kind: validate.Nested},
	}}
)

// The next hop handlers' messages route.CheckRequest models, per kind of
// request (the handlers use some of them again in later checks).
var (
	nhNewMsgs        = []string{route.MsgNhAncillaryValues, route.MsgNhAncillaryFlags, route.MsgNhFamily}
	nhIDMsgs         = []string{route.MsgNhHeaderValues, route.MsgNhIDMissing, route.MsgNhID}
	nhDumpMsgs       = []string{route.MsgNhDumpDevice, route.MsgNhDumpMaster, route.MsgNhDumpValues}
	nhBucketMsgs     = append(slices.Clone(nhIDMsgs), route.MsgNhBucketMissing, route.MsgNhBucketIndex)
	nhBucketDumpMsgs = append(slices.Clone(nhDumpMsgs), route.MsgNhID)
)

// statsMsgs are the statistics handlers' messages route.CheckRequest
// models.
var statsMsgs = []string{route.MsgStatsHeader, route.MsgStatsValues, route.MsgStatsMask, route.MsgStatsGetMask,
	route.MsgStatsDumpMask, route.MsgStatsFiltered, route.MsgStatsSetFamily, route.MsgStatsSetMaskZero}

// nsDevices is the test namespace's state for route.CheckRequest: its
// devices by index, and no peer namespace ids.
type nsDevices map[uint32]bool

func (d nsDevices) Device(ifindex uint32) bool { return d[ifindex] }
func (nsDevices) NetNSID(int32) bool           { return false }

// bucketGetGen and bucketDumpGen generate NHA_RES_BUCKET's contents
// from its nested policy, which the kernel parses in a second step.
var (
	bucketGetGen  = withNested(route.NexthopBucketGetPolicy, route.NHA_RES_BUCKET, &route.NexthopResBucketGetPolicy)
	bucketDumpGen = withNested(route.NexthopBucketDumpPolicy, route.NHA_RES_BUCKET, &route.NexthopResBucketDumpPolicy)
)

// withNested returns p with the rule of typ nesting n.
func withNested(p validate.Policy, typ uint16, n *validate.Policy) validate.Policy {
	p.Rules = slices.Clone(p.Rules)
	p.Rules[typ] = validate.NestedPolicy(n)
	return p
}

// linkNetNS are the link attributes that name a network namespace;
// addrNetNS the address one.
var (
	linkNetNS = map[uint16]bool{
		route.IFLA_NET_NS_PID: true, route.IFLA_NET_NS_FD: true,
		route.IFLA_TARGET_NETNSID: true, route.IFLA_LINK_NETNSID: true,
	}
	addrNetNS = map[uint16]bool{route.IFA_TARGET_NETNSID: true}
	nsidNetNS = map[uint16]bool{route.NETNSA_PID: true, route.NETNSA_FD: true, route.NETNSA_TARGET_NSID: true}
)

// sanitizeNetNS returns attrs with every attribute of netnsAttrs set to -1
// (its first 4 bytes): at the top level and, for link messages, in the
// peer of a veth IFLA_LINKINFO.
func sanitizeNetNS(attrs []byte, netnsAttrs map[uint16]bool) []byte {
	b := append([]byte(nil), attrs...)
	var top func(b []byte)
	top = func(b []byte) {
		walkAttrs(b, func(off int, t uint16, p []byte) {
			typ := t & attr.TypeMask
			if netnsAttrs[typ] && len(p) >= 4 {
				copy(p, []byte{0xff, 0xff, 0xff, 0xff})
			}
			if typ == route.IFLA_LINKINFO && netnsAttrs[route.IFLA_NET_NS_PID] {
				walkAttrs(p, func(_ int, t uint16, p []byte) {
					if t&attr.TypeMask == route.IFLA_INFO_DATA {
						walkAttrs(p, func(_ int, t uint16, p []byte) {
							if t&attr.TypeMask == route.VETH_INFO_PEER && len(p) >= ifinfomsgLen {
								top(p[ifinfomsgLen:])
							}
						})
					}
				})
			}
		})
	}
	if netnsAttrs != nil {
		top(b)
	}
	return b
}

func putStr(t uint16, s string) []byte { return put(t, append([]byte(s), 0)) }

func cat(bs ...[]byte) []byte {
	var o []byte
	for _, b := range bs {
		o = append(o, b...)
	}
	return o
}
