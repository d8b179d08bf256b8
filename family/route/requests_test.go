package route_test

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/validate"
	"pgregory.net/rapid"
)

// verdict is what a request check answers, as the kernel's NLMSG_ERROR
// carries it.
type verdict struct {
	Errno  nlwire.Errno
	Msg    string
	Offset int // -1: none
}

func verdictOf(t testing.TB, err error) *verdict {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *validate.Error
	if !errors.As(err, &ve) {
		t.Fatalf("error %T %v, want a *validate.Error", err, err)
	}
	v := &verdict{Errno: ve.Errno, Msg: ve.Msg, Offset: -1}
	if ve.HasOffset {
		v.Offset = ve.Offset
	}
	return v
}

// reqCase is one request: the family header (padded to 4 bytes), built
// attributes, and the expected verdict.
type reqCase struct {
	name         string
	typ          uint16
	dump, strict bool
	hdr          []byte
	attrs        func(e *attr.Encoder)
	raw          []byte // appended after attrs
	want         *verdict
}

func (c reqCase) payload(o nlwire.Order) []byte {
	b := append([]byte(nil), c.hdr...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	if c.attrs != nil {
		e := attr.NewEncoder(b).WithOrder(o)
		c.attrs(&e)
		var err error
		if b, err = e.Finish(); err != nil {
			panic(err)
		}
	}
	return append(b, c.raw...)
}

func runReqCases(t *testing.T, cases []reqCase) {
	t.Helper()
	for _, c := range cases {
		for _, o := range orders {
			p := c.payload(o)
			fam := uint8(0)
			if len(p) > 0 {
				fam = p[0]
			}
			tb := make([]attr.Decoder, route.MaxAttrs)
			got := verdictOf(t, route.CheckRequest(fam, c.typ, c.dump, c.strict, p, validate.Options{Order: o}, tb, nil))
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("%s (%v): verdict (-want +got):\n%s", c.name, o, d)
			}
		}
	}
}

func v(errno nlwire.Errno, msg string, off int) *verdict { return &verdict{errno, msg, off} }

func TestCheckRequestRules(t *testing.T) {
	frh := func(fam uint8) []byte { return []byte{fam, 0, 0, 0, 254, 0, 0, 1, 0, 0, 0, 0} }
	const attrs = 16 + route.FibRuleHdrLen
	runReqCases(t, []reqCase{
		{name: "new: valid", typ: route.RTM_NEWRULE, hdr: frh(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Uint32(route.FRA_PRIORITY, 100); e.String(route.FRA_IIFNAME, "lo") }},
		{name: "new: short", typ: route.RTM_NEWRULE, hdr: frh(route.AF_INET)[:8],
			want: v(nlwire.EINVAL, route.MsgRuleLen, -1)},
		{name: "new: no rules for AF_UNSPEC", typ: route.RTM_NEWRULE, hdr: frh(route.AF_UNSPEC),
			attrs: func(e *attr.Encoder) { e.Uint16(route.FRA_PRIORITY, 1) },
			want:  v(nlwire.EAFNOSUPPORT, route.MsgRuleFamily, -1)},
		{name: "del ip6mr: short u32 keeps errno and offset", typ: route.RTM_DELRULE, hdr: frh(route.RTNL_FAMILY_IP6MR),
			attrs: func(e *attr.Encoder) { e.Uint32(route.FRA_TABLE, 1); e.Uint16(route.FRA_PRIORITY, 1) },
			want:  v(nlwire.ERANGE, route.MsgRuleParse, attrs+8)},
		{name: "new: DSCP above 63 (strict from FRA_DSCP)", typ: route.RTM_NEWRULE, hdr: frh(route.AF_INET6),
			attrs: func(e *attr.Encoder) { e.Uint8(route.FRA_DSCP, 64) },
			want:  v(nlwire.ERANGE, route.MsgRuleParse, attrs)},
		{name: "new: unknown type ignored (liberal)", typ: route.RTM_NEWRULE, hdr: frh(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Uint32(route.FRA_DSCP_MASK+1, 1) }},
		{name: "get do: no handler, nothing checked", typ: route.RTM_GETRULE, strict: true, hdr: []byte{9}},
		{name: "dump, not strict: nothing checked", typ: route.RTM_GETRULE, dump: true, hdr: []byte{1, 2, 3}},
		{name: "dump: short", typ: route.RTM_GETRULE, dump: true, strict: true, hdr: []byte{route.AF_INET},
			want: v(nlwire.EINVAL, route.MsgRuleDumpHeader, -1)},
		{name: "dump: values", typ: route.RTM_GETRULE, dump: true, strict: true, hdr: frh(route.AF_INET),
			want: v(nlwire.EINVAL, route.MsgRuleDumpValues, -1)},
		{name: "dump: attributes refused before any policy", typ: route.RTM_GETRULE, dump: true, strict: true, hdr: make([]byte, 12),
			attrs: func(e *attr.Encoder) { e.Uint32(route.FRA_PRIORITY, 1) },
			want:  v(nlwire.EINVAL, route.MsgRuleDumpData, -1)},
		{name: "dump: valid, any family", typ: route.RTM_GETRULE, dump: true, strict: true, hdr: append([]byte{99}, make([]byte, 11)...)},
	})
}

func TestValidateAFSpec(t *testing.T) {
	ifi := make([]byte, route.IfInfoMsgLen)
	spec := func(fill func(e *attr.Encoder)) func(e *attr.Encoder) {
		return func(e *attr.Encoder) {
			e.Uint32(route.IFLA_MTU, 1500)
			n := e.Begin(route.IFLA_AF_SPEC)
			fill(e)
			e.End(n)
		}
	}
	const specAt = 16 + route.IfInfoMsgLen + 8 + 4 // nlmsghdr, ifinfomsg, IFLA_MTU, AF_SPEC header
	runReqCases(t, []reqCase{
		{name: "inet conf and inet6 mode", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			in := e.Begin(route.AF_INET)
			c := e.Begin(route.IFLA_INET_CONF)
			e.Uint32(route.IPV4_DEVCONF_FORWARDING, 1)
			e.Uint32(route.IPV4_DEVCONF_MAX, 1)
			e.End(c)
			e.End(in)
			in6 := e.Begin(route.AF_INET6)
			e.Uint8(route.IFLA_INET6_ADDR_GEN_MODE, route.IN6_ADDR_GEN_MODE_RANDOM)
			e.End(in6)
		})},
		{name: "devconf type above the maximum", typ: route.RTM_NEWLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			in := e.Begin(route.AF_INET)
			c := e.Begin(route.IFLA_INET_CONF)
			e.Uint32(route.IPV4_DEVCONF_MAX+1, 1)
			e.End(c)
			e.End(in)
		}), want: v(nlwire.EINVAL, "", -1)},
		{name: "devconf entry of 2 bytes", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			in := e.Begin(route.AF_INET)
			c := e.Begin(route.IFLA_INET_CONF)
			e.Uint16(route.IPV4_DEVCONF_FORWARDING, 1)
			e.End(c)
			e.End(in)
		}), want: v(nlwire.EINVAL, "", -1)},
		{name: "inet6 without token or mode", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			e.End(e.Begin(route.AF_INET6))
		}), want: v(nlwire.EINVAL, "", -1)},
		{name: "inet6 stable privacy without a secret", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			in6 := e.Begin(route.AF_INET6)
			e.Uint8(route.IFLA_INET6_ADDR_GEN_MODE, route.IN6_ADDR_GEN_MODE_STABLE_PRIVACY)
			e.End(in6)
		}), want: v(nlwire.EINVAL, "", -1)},
		{name: "inet6 RA MTU rejected with its message", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			in6 := e.Begin(route.AF_INET6)
			e.Uint32(route.IFLA_INET6_RA_MTU, 1280)
			e.End(in6)
		}), want: v(nlwire.EINVAL, "IFLA_INET6_RA_MTU can not be set", specAt+4)},
		{name: "inet6 short token", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			in6 := e.Begin(route.AF_INET6)
			e.Put(route.IFLA_INET6_TOKEN, make([]byte, 8))
			e.End(in6)
		}), want: v(nlwire.ERANGE, validate.MsgFailed, specAt+4)},
		{name: "bridge takes nothing", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			e.End(e.Begin(route.AF_BRIDGE))
		}), want: v(nlwire.EOPNOTSUPP, "", -1)},
		{name: "mpls not built", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			e.End(e.Begin(route.AF_MPLS))
		}), want: v(nlwire.EAFNOSUPPORT, "", -1)},
		{name: "link attributes first", typ: route.RTM_SETLINK, hdr: ifi, attrs: func(e *attr.Encoder) {
			e.Uint16(route.IFLA_MTU, 1)
			e.End(e.Begin(route.IFLA_AF_SPEC))
			n := e.Begin(route.IFLA_AF_SPEC)
			e.End(e.Begin(route.AF_MPLS))
			e.End(n)
		}, want: v(nlwire.ERANGE, validate.MsgFailed, 16+route.IfInfoMsgLen)},
		{name: "the last IFLA_AF_SPEC counts", typ: route.RTM_SETLINK, hdr: ifi, attrs: func(e *attr.Encoder) {
			n := e.Begin(route.IFLA_AF_SPEC)
			e.End(e.Begin(route.AF_MPLS))
			e.End(n)
			e.End(e.Begin(route.IFLA_AF_SPEC))
		}},
		{name: "leftover message kept", typ: route.RTM_SETLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			e.End(e.Begin(route.AF_MPLS))
		}), raw: []byte{0, 0}, want: v(nlwire.EAFNOSUPPORT, validate.MsgLeftover, -1)},
		{name: "not checked on RTM_DELLINK", typ: route.RTM_DELLINK, hdr: ifi, attrs: spec(func(e *attr.Encoder) {
			e.End(e.Begin(route.AF_MPLS))
		})},
	})
}

func TestCheckRequestNexthops(t *testing.T) {
	nhm := func(b ...byte) []byte { return append(b, make([]byte, route.NhMsgLen-len(b))...) }
	const attrs = 16 + route.NhMsgLen
	bucket := func(fill func(e *attr.Encoder)) func(e *attr.Encoder) {
		return func(e *attr.Encoder) {
			e.Uint32(route.NHA_ID, 7)
			n := e.Begin(route.NHA_RES_BUCKET)
			fill(e)
			e.End(n)
		}
	}
	runReqCases(t, []reqCase{
		{name: "new: valid", typ: route.RTM_NEWNEXTHOP, hdr: nhm(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Uint32(route.NHA_ID, 1); e.Uint32(route.NHA_OIF, 1) }},
		{name: "new: strict parse", typ: route.RTM_NEWNEXTHOP, hdr: nhm(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Uint32(route.NHA_GROUPS, 1) },
			want:  v(nlwire.EINVAL, validate.MsgUnsupported, attrs)},
		{name: "new: scope", typ: route.RTM_NEWNEXTHOP, hdr: nhm(route.AF_INET, 1),
			want: v(nlwire.EINVAL, route.MsgNhAncillaryValues, -1)},
		{name: "new: flags", typ: route.RTM_NEWNEXTHOP, hdr: nhm(route.AF_INET, 0, 0, 0, 1),
			want: v(nlwire.EINVAL, route.MsgNhAncillaryFlags, -1)},
		{name: "new: AF_UNSPEC needs a group", typ: route.RTM_NEWNEXTHOP, hdr: nhm(route.AF_UNSPEC),
			want: v(nlwire.EINVAL, route.MsgNhFamily, -1)},
		{name: "del: id 0", typ: route.RTM_DELNEXTHOP, hdr: nhm(route.AF_UNSPEC),
			attrs: func(e *attr.Encoder) { e.Uint32(route.NHA_ID, 0) },
			want:  v(nlwire.EINVAL, route.MsgNhID, -1)},
		{name: "get: no id", typ: route.RTM_GETNEXTHOP, hdr: nhm(route.AF_UNSPEC),
			want: v(nlwire.EINVAL, route.MsgNhIDMissing, -1)},
		{name: "get: header", typ: route.RTM_GETNEXTHOP, hdr: nhm(route.AF_UNSPEC, 0, 3),
			want: v(nlwire.EINVAL, route.MsgNhHeaderValues, -1)},
		{name: "dump, not strict: checked anyway", typ: route.RTM_GETNEXTHOP, dump: true, hdr: nhm(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Uint32(route.NHA_OIF, 1<<31) },
			want:  v(nlwire.EINVAL, route.MsgNhDumpDevice, -1)},
		{name: "dump: values after attributes", typ: route.RTM_GETNEXTHOP, dump: true, hdr: nhm(route.AF_INET, 0, 4),
			attrs: func(e *attr.Encoder) { e.Flag(route.NHA_GROUPS) },
			want:  v(nlwire.EINVAL, route.MsgNhDumpValues, -1)},
		{name: "bucket: missing", typ: route.RTM_GETNEXTHOPBUCKET, hdr: nhm(route.AF_UNSPEC),
			attrs: func(e *attr.Encoder) { e.Uint32(route.NHA_ID, 7) },
			want:  v(nlwire.EINVAL, route.MsgNhBucketMissing, -1)},
		{name: "bucket: index missing", typ: route.RTM_GETNEXTHOPBUCKET, hdr: nhm(route.AF_UNSPEC),
			attrs: bucket(func(e *attr.Encoder) {}), want: v(nlwire.EINVAL, route.MsgNhBucketIndex, -1)},
		{name: "bucket: nested strictly", typ: route.RTM_GETNEXTHOPBUCKET, hdr: nhm(route.AF_UNSPEC),
			attrs: bucket(func(e *attr.Encoder) { e.Uint32(route.NHA_RES_BUCKET_INDEX, 1) }),
			want:  v(nlwire.EINVAL, validate.MsgInvalidLength, attrs+8+4)},
		{name: "bucket dump: no extended ACK for the policy", typ: route.RTM_GETNEXTHOPBUCKET, dump: true, hdr: nhm(route.AF_UNSPEC),
			attrs: func(e *attr.Encoder) { e.Uint16(route.NHA_ID, 1) }, want: v(nlwire.EINVAL, "", -1)},
		{name: "bucket dump: nested NH_ID 0", typ: route.RTM_GETNEXTHOPBUCKET, dump: true, hdr: nhm(route.AF_UNSPEC),
			attrs: func(e *attr.Encoder) {
				n := e.Begin(route.NHA_RES_BUCKET)
				e.Uint32(route.NHA_RES_BUCKET_NH_ID, 0)
				e.End(n)
			}, want: v(nlwire.EINVAL, route.MsgNhID, -1)},
	})
}

func TestCheckRequestNetconfNSID(t *testing.T) {
	fam := func(f byte) []byte { return []byte{f, 0, 0, 0} }
	runReqCases(t, []reqCase{
		{name: "netconf get: valid", typ: route.RTM_GETNETCONF, strict: true, hdr: fam(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Int32(route.NETCONFA_IFINDEX, -1) }},
		{name: "netconf get: ifindex required", typ: route.RTM_GETNETCONF, strict: true, hdr: fam(route.AF_INET6),
			want: v(nlwire.EINVAL, "", -1)},
		{name: "netconf get: allow-list", typ: route.RTM_GETNETCONF, strict: true, hdr: fam(route.AF_INET6),
			attrs: func(e *attr.Encoder) { e.Int32(route.NETCONFA_IFINDEX, -1); e.Int32(route.NETCONFA_MAX, 1) },
			want:  v(nlwire.EINVAL, route.MsgNetconf6GetAttr, -1)},
		{name: "netconf get: above the maximum", typ: route.RTM_GETNETCONF, strict: true, hdr: fam(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Int32(route.NETCONFA_MAX+1, 1) },
			want:  v(nlwire.EINVAL, validate.MsgUnknownType, 20)},
		{name: "netconf get, not strict: liberal", typ: route.RTM_GETNETCONF, hdr: fam(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Int32(route.NETCONFA_IFINDEX, -1); e.Int32(route.NETCONFA_MAX+1, 1) }},
		{name: "netconf dump: unaligned header", typ: route.RTM_GETNETCONF, dump: true, strict: true, hdr: []byte{route.AF_INET}, raw: []byte{},
			want: nil},
		{name: "nsid new: nsid missing", typ: route.RTM_NEWNSID, hdr: fam(0),
			attrs: func(e *attr.Encoder) { e.Uint32(route.NETNSA_PID, 1) }, want: v(nlwire.EINVAL, route.MsgNSIDMissing, -1)},
		{name: "nsid new: peer missing", typ: route.RTM_NEWNSID, hdr: fam(0),
			attrs: func(e *attr.Encoder) { e.Int32(route.NETNSA_NSID, 1) }, want: v(nlwire.EINVAL, route.MsgNSIDPeerMissing, -1)},
		{name: "nsid get: allow-list", typ: route.RTM_GETNSID, strict: true, hdr: fam(0),
			attrs: func(e *attr.Encoder) { e.Int32(route.NETNSA_NSID, 1); e.Int32(route.NETNSA_CURRENT_NSID, 1) },
			want:  v(nlwire.EINVAL, route.MsgNSIDGetAttr, -1)},
		{name: "nsid dump: offending attribute's offset", typ: route.RTM_GETNSID, dump: true, strict: true, hdr: fam(0),
			attrs: func(e *attr.Encoder) { e.Int32(route.NETNSA_TARGET_NSID, 5); e.Int32(route.NETNSA_NSID, 1) },
			want:  v(nlwire.EINVAL, route.MsgNSIDDumpAttr, 28)},
		{name: "nsid dump: unknown target namespace", typ: route.RTM_GETNSID, dump: true, strict: true, hdr: fam(0),
			attrs: func(e *attr.Encoder) { e.Int32(route.NETNSA_TARGET_NSID, 5) },
			want:  v(nlwire.EINVAL, route.MsgLinkDumpNetNS, 20)},
	})
	// A strict netconf dump takes exactly the 4-byte aligned netconfmsg:
	// nlmsg_attrlen is negative for 1 to 3 bytes, and that counts.
	for n, want := range map[int]*verdict{1: v(nlwire.EINVAL, route.MsgNetconfDumpData, -1), 3: v(nlwire.EINVAL, route.MsgNetconfDumpData, -1), 4: nil, 8: v(nlwire.EINVAL, route.MsgNetconfDumpData, -1)} {
		p := make([]byte, n)
		p[0] = route.AF_INET
		got := verdictOf(t, route.CheckRequest(route.AF_INET, route.RTM_GETNETCONF, true, true, p, validate.Options{}, nil, nil))
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("netconf dump of %d bytes (-want +got):\n%s", n, d)
		}
	}
}

func TestCheckRequestStats(t *testing.T) {
	hdr := func(fam byte, pad byte, idx, mask uint32) []byte {
		b := []byte{fam, pad, 0, 0}
		b = append(b, nativeU32(idx)...)
		return append(b, nativeU32(mask)...)
	}
	offload := uint32(1) << (route.IFLA_STATS_LINK_OFFLOAD_XSTATS - 1)
	filters := func(e *attr.Encoder) {
		n := e.Begin(route.IFLA_STATS_GET_FILTERS)
		e.Uint32(route.IFLA_STATS_LINK_OFFLOAD_XSTATS, 1)
		e.End(n)
	}
	cases := []reqCase{
		{name: "get: valid", typ: route.RTM_GETSTATS, strict: true, hdr: hdr(0, 0, 1, 1)},
		{name: "short on any socket", typ: route.RTM_GETSTATS, dump: true, hdr: hdr(0, 0, 0, 1)[:8],
			want: v(nlwire.EINVAL, route.MsgStatsHeader, -1)},
		{name: "dump strict: ifindex", typ: route.RTM_GETSTATS, dump: true, strict: true, hdr: hdr(0, 0, 1, 1),
			want: v(nlwire.EINVAL, route.MsgStatsValues, -1)},
		{name: "dump not strict: ifindex ignored", typ: route.RTM_GETSTATS, dump: true, hdr: hdr(0, 1, 1, 1)},
		{name: "strict: mask above IFLA_STATS_MAX", typ: route.RTM_GETSTATS, dump: true, strict: true, hdr: hdr(0, 0, 0, 1<<route.IFLA_STATS_MAX),
			want: v(nlwire.EINVAL, route.MsgStatsMask, -1)},
		{name: "get: ifindex 0", typ: route.RTM_GETSTATS, strict: true, hdr: hdr(0, 0, 0, 1), want: v(nlwire.EINVAL, "", -1)},
		{name: "get: unknown device", typ: route.RTM_GETSTATS, strict: true, hdr: hdr(0, 0, 0x80000000, 1), want: v(nlwire.ENODEV, "", -1)},
		{name: "dump: no mask", typ: route.RTM_GETSTATS, dump: true, hdr: hdr(0, 0, 0, 0), want: v(nlwire.EINVAL, route.MsgStatsDumpMask, -1)},
		{name: "dump: filter not enabled", typ: route.RTM_GETSTATS, dump: true, hdr: hdr(0, 0, 0, 1), attrs: filters,
			want: v(nlwire.EINVAL, route.MsgStatsFiltered, -1)},
		{name: "dump: filter enabled", typ: route.RTM_GETSTATS, dump: true, hdr: hdr(0, 0, 0, offload), attrs: filters},
		{name: "set: family", typ: route.RTM_SETSTATS, strict: true, hdr: hdr(route.AF_INET, 0, 1, 0),
			want: v(nlwire.EINVAL, route.MsgStatsSetFamily, -1)},
		{name: "set: mask", typ: route.RTM_SETSTATS, strict: true, hdr: hdr(0, 0, 1, 1),
			want: v(nlwire.EINVAL, route.MsgStatsSetMaskZero, -1)},
		{name: "set: L3 stats above 1", typ: route.RTM_SETSTATS, strict: true, hdr: hdr(0, 0, 1, 0),
			attrs: func(e *attr.Encoder) { e.Uint8(route.IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS, 2) },
			want:  v(nlwire.ERANGE, validate.MsgOutOfRange, 16+route.IfStatsMsgLen)},
	}
	st := loState{}
	for _, c := range cases {
		p := c.payload(nlwire.Native)
		got := verdictOf(t, route.CheckRequest(p[0], c.typ, c.dump, c.strict, p, validate.Options{}, nil, st))
		if d := cmp.Diff(c.want, got); d != "" {
			t.Errorf("%s: verdict (-want +got):\n%s", c.name, d)
		}
	}
}

func TestCheckRequestNeighTable(t *testing.T) {
	ndtm := func(fam byte) []byte { return []byte{fam, 0, 0, 0} }
	runReqCases(t, []reqCase{
		{name: "dump strict: valid", typ: route.RTM_GETNEIGHTBL, dump: true, strict: true, hdr: ndtm(route.AF_INET)},
		{name: "dump strict: padding", typ: route.RTM_GETNEIGHTBL, dump: true, strict: true, hdr: []byte{route.AF_INET, 1, 0, 0},
			want: v(nlwire.EINVAL, route.MsgNeighTblDumpValues, -1)},
		{name: "dump strict: attributes", typ: route.RTM_GETNEIGHTBL, dump: true, strict: true, hdr: ndtm(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.String(route.NDTA_NAME, "arp_cache") }, want: v(nlwire.EINVAL, route.MsgNeighTblDumpData, -1)},
		{name: "dump not strict: anything", typ: route.RTM_GETNEIGHTBL, dump: true, hdr: []byte{route.AF_INET, 1}},
		{name: "set: name required", typ: route.RTM_SETNEIGHTBL, hdr: ndtm(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Uint32(route.NDTA_THRESH1, 1) }, want: v(nlwire.EINVAL, "", -1)},
		{name: "set: name required, after leftover bytes", typ: route.RTM_SETNEIGHTBL, hdr: ndtm(route.AF_INET),
			attrs: func(e *attr.Encoder) { e.Uint32(route.NDTA_THRESH1, 1) }, raw: []byte{0, 0}, want: v(nlwire.EINVAL, validate.MsgLeftover, -1)},
		{name: "set: table of another family", typ: route.RTM_SETNEIGHTBL, hdr: ndtm(route.AF_INET6),
			attrs: func(e *attr.Encoder) { e.String(route.NDTA_NAME, "arp_cache") }, want: v(nlwire.ENOENT, "", -1)},
		{name: "set: any family, parms checked", typ: route.RTM_SETNEIGHTBL, hdr: ndtm(0),
			attrs: func(e *attr.Encoder) {
				e.String(route.NDTA_NAME, "ndisc_cache")
				n := e.Begin(route.NDTA_PARMS)
				e.Uint16(route.NDTPA_QUEUE_LEN, 1)
				e.End(n)
			}, want: v(nlwire.ERANGE, validate.MsgFailed, 16+4+16+4)},
	})
}

func TestCheckRequestMrouteAndLinkDumps(t *testing.T) {
	rtm := func(fam, dst, src byte) []byte { return []byte{fam, dst, src, 0, 0, 0, 0, 0, 0, 0, 0, 0} }
	ifi := func(fam byte, idx byte) []byte {
		b := make([]byte, route.IfInfoMsgLen)
		b[0], b[4] = fam, idx
		return b
	}
	ip4 := []byte{192, 0, 2, 1}
	runReqCases(t, []reqCase{
		{name: "ipmr get: valid", typ: route.RTM_GETROUTE, strict: true, hdr: rtm(route.RTNL_FAMILY_IPMR, 32, 0),
			attrs: func(e *attr.Encoder) { e.Put(route.RTA_DST, ip4); e.Uint32(route.RTA_TABLE, 1) }},
		{name: "ipmr get: values", typ: route.RTM_GETROUTE, strict: true, hdr: rtm(route.RTNL_FAMILY_IPMR, 24, 0),
			want: v(nlwire.EINVAL, route.MsgMrGetRouteValues, -1)},
		{name: "ipmr get: attribute", typ: route.RTM_GETROUTE, strict: true, hdr: rtm(route.RTNL_FAMILY_IPMR, 0, 0),
			attrs: func(e *attr.Encoder) { e.Uint32(route.RTA_OIF, 1) }, want: v(nlwire.EINVAL, route.MsgMrGetRouteAttr, -1)},
		{name: "ipmr get: prefix length", typ: route.RTM_GETROUTE, strict: true, hdr: rtm(route.RTNL_FAMILY_IPMR, 0, 0),
			attrs: func(e *attr.Encoder) { e.Put(route.RTA_DST, ip4) }, want: v(nlwire.EINVAL, route.MsgGetRouteLen, -1)},
		{name: "ipmr get, not strict: short header", typ: route.RTM_GETROUTE, hdr: rtm(route.RTNL_FAMILY_IPMR, 0, 0)[:8],
			want: v(nlwire.EINVAL, route.MsgMrGetRouteHeader, -1)},
		{name: "ip6mr get: policy first, strict on any socket", typ: route.RTM_GETROUTE, hdr: rtm(route.RTNL_FAMILY_IP6MR, 1, 0),
			attrs: func(e *attr.Encoder) { e.Put(route.RTA_DST, ip4) }, want: v(nlwire.ERANGE, validate.MsgBinaryRange, 16+route.RtMsgLen)},
		{name: "ip6mr get: values", typ: route.RTM_GETROUTE, hdr: rtm(route.RTNL_FAMILY_IP6MR, 1, 0),
			want: v(nlwire.EINVAL, route.MsgMr6GetRouteValues, -1)},
		{name: "ipmr new: header", typ: route.RTM_NEWROUTE, hdr: rtm(route.RTNL_FAMILY_IPMR, 32, 0),
			attrs: func(e *attr.Encoder) { e.Put(route.RTA_DST, ip4) }, want: v(nlwire.EINVAL, "", -1)},
		{name: "ipmr new: policy", typ: route.RTM_NEWROUTE, hdr: rtm(route.RTNL_FAMILY_IPMR, 32, 0),
			attrs: func(e *attr.Encoder) { e.Put(route.RTA_IIF, ip4[:2]) }, want: v(nlwire.ERANGE, validate.MsgFailed, 16+route.RtMsgLen)},
		{name: "ipmr new: short", typ: route.RTM_NEWROUTE, hdr: rtm(route.RTNL_FAMILY_IPMR, 32, 0)[:4], want: v(nlwire.EINVAL, "", -1)},
		{name: "inet6 link dump: data after", typ: route.RTM_GETLINK, dump: true, strict: true, hdr: ifi(route.AF_INET6, 0),
			attrs: func(e *attr.Encoder) { e.Uint32(route.IFLA_EXT_MASK, 1) }, want: v(nlwire.EINVAL, route.MsgLink6DumpData, -1)},
		{name: "inet6 link dump: index", typ: route.RTM_GETLINK, dump: true, strict: true, hdr: ifi(route.AF_INET6, 1),
			want: v(nlwire.EINVAL, route.MsgLink6DumpValues, -1)},
		{name: "ipmr link dump: short", typ: route.RTM_GETLINK, dump: true, strict: true, hdr: ifi(route.RTNL_FAMILY_IPMR, 0)[:4],
			want: v(nlwire.EINVAL, route.MsgMrLinkDumpHeader, -1)},
		{name: "bridge link dump: ext mask only", typ: route.RTM_GETLINK, dump: true, strict: true, hdr: ifi(route.AF_BRIDGE, 0),
			attrs: func(e *attr.Encoder) { e.Uint32(route.IFLA_EXT_MASK, 1); e.Uint32(route.IFLA_MTU, 1) },
			want:  v(nlwire.EINVAL, route.MsgBridgeDumpAttr, -1)},
		{name: "bridge link dump, not strict: ignored", typ: route.RTM_GETLINK, dump: true, hdr: ifi(route.AF_BRIDGE, 1)},
		{name: "mdb dump: index", typ: route.RTM_GETMDB, dump: true, strict: true, hdr: []byte{route.AF_BRIDGE, 0, 0, 0, 1, 0, 0, 0},
			want: v(nlwire.EINVAL, route.MsgMDBDumpIndex, -1)},
		{name: "mdb dump: data", typ: route.RTM_GETMDB, dump: true, strict: true, hdr: []byte{route.AF_BRIDGE, 0, 0, 0, 0, 0, 0, 0},
			attrs: func(e *attr.Encoder) { e.Uint32(1, 1) }, want: v(nlwire.EINVAL, route.MsgMDBDumpData, -1)},
		{name: "mdb dump, not strict", typ: route.RTM_GETMDB, dump: true, hdr: []byte{route.AF_BRIDGE, 1}},
		{name: "newroute of AF_UNSPEC: no handler", typ: route.RTM_NEWROUTE, hdr: rtm(0, 0, 0),
			attrs: func(e *attr.Encoder) { e.Uint16(route.RTA_OIF, 1) }},
	})
}

// loState knows the device of index 1 and no namespace id.
type loState struct{}

func (loState) Device(ifindex uint32) bool { return ifindex == 1 }
func (loState) NetNSID(int32) bool         { return false }

func nativeU32(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

// TestRequestTable pins the (type, form) → (header, policy, mode) table
// for the message types added with the rule, next hop, netconf and
// namespace id checks.
func TestRequestTable(t *testing.T) {
	type row struct {
		HdrLen int
		Policy *validate.Policy
		Mode   validate.Mode
		OK     bool
	}
	for _, c := range []struct {
		fam          uint8
		typ          uint16
		dump, strict bool
		want         row
	}{
		{route.AF_INET, route.RTM_NEWRULE, false, true, row{route.FibRuleHdrLen, &route.RulePolicy, validate.ModeLiberal, true}},
		{route.RTNL_FAMILY_IPMR, route.RTM_DELRULE, false, false, row{route.FibRuleHdrLen, &route.RulePolicy, validate.ModeLiberal, true}},
		{route.AF_BRIDGE, route.RTM_NEWRULE, false, true, row{}},
		{route.AF_INET, route.RTM_GETRULE, true, true, row{}},
		{route.AF_INET, route.RTM_NEWNEXTHOP, false, false, row{route.NhMsgLen, &route.NexthopPolicy, validate.ModeStrict, true}},
		{route.AF_INET, route.RTM_GETNEXTHOP, true, false, row{route.NhMsgLen, &route.NexthopDumpPolicy, validate.ModeStrict, true}},
		{0, route.RTM_GETNEXTHOPBUCKET, false, false, row{route.NhMsgLen, &route.NexthopBucketGetPolicy, validate.ModeStrict, true}},
		{route.AF_INET6, route.RTM_GETNETCONF, false, true, row{route.NetconfMsgLen, &route.Netconf6Policy, validate.ModeDeprecatedStrict, true}},
		{route.AF_INET, route.RTM_GETNETCONF, false, false, row{route.NetconfMsgLen, &route.NetconfPolicy, validate.ModeLiberal, true}},
		{route.AF_MPLS, route.RTM_GETNETCONF, false, true, row{}},
		{route.AF_INET, route.RTM_GETNETCONF, true, true, row{}},
		{0, route.RTM_NEWNSID, false, true, row{route.RtGenMsgLen, &route.NetNSIDPolicy, validate.ModeLiberal, true}},
		{0, route.RTM_GETNSID, true, false, row{}},
		{0, route.RTM_GETNSID, true, true, row{route.RtGenMsgLen, &route.NetNSIDPolicy, validate.ModeDeprecatedStrict, true}},
		{route.AF_BRIDGE, route.RTM_SETLINK, false, true, row{}},
		{route.AF_BRIDGE, route.RTM_NEWLINK, false, true, row{route.IfInfoMsgLen, &route.LinkPolicy, validate.ModeLiberal, true}},
		{route.AF_BRIDGE, route.RTM_NEWNEIGH, false, true, row{}},
		{0, route.RTM_GETSTATS, true, false, row{route.IfStatsMsgLen, &route.StatsGetPolicy, validate.ModeStrict, true}},
		{0, route.RTM_SETSTATS, false, false, row{route.IfStatsMsgLen, &route.StatsSetPolicy, validate.ModeStrict, true}},
		{0, route.RTM_SETNEIGHTBL, false, true, row{route.NdtMsgLen, &route.NeighTablePolicy, validate.ModeLiberal, true}},
		{0, route.RTM_GETNEIGHTBL, true, true, row{}},
		{0, route.RTM_NEWADDR, false, true, row{}},
		{route.RTNL_FAMILY_IPMR, route.RTM_DELROUTE, false, true, row{route.RtMsgLen, &route.MrRoutePolicy, validate.ModeLiberal, true}},
		{route.RTNL_FAMILY_IP6MR, route.RTM_GETROUTE, false, false, row{route.RtMsgLen, &route.Mr6GetRoutePolicy, validate.ModeStrict, true}},
		{route.RTNL_FAMILY_IP6MR, route.RTM_NEWROUTE, false, false, row{}},
		{route.AF_BRIDGE, route.RTM_GETLINK, true, false, row{route.IfInfoMsgLen, &route.LinkPolicy, validate.ModeLiberal, true}},
		{route.AF_INET6, route.RTM_GETLINK, true, true, row{}},
	} {
		var got row
		got.HdrLen, got.Policy, got.Mode, got.OK = route.Request(c.fam, c.typ, c.dump, c.strict)
		if got != c.want {
			t.Errorf("Request(%d, %s, dump %v, strict %v) = %+v, want %+v", c.fam, route.Messages.Name(c.typ), c.dump, c.strict, got, c.want)
		}
	}
}

// TestCheckRequestNeverPanics feeds arbitrary payloads of every message
// type the table covers, in both byte orders: CheckRequest answers nil or
// a *validate.Error.
func TestCheckRequestNeverPanics(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		typ := uint16(rapid.IntRange(route.RTM_BASE, route.RTM_MAX).Draw(t, "typ"))
		payload := rapid.SliceOfN(rapid.Byte(), 0, 64).Draw(t, "payload")
		fam := uint8(0)
		if len(payload) > 0 {
			fam = payload[0]
		}
		o := orders[rapid.IntRange(0, 1).Draw(t, "order")]
		err := route.CheckRequest(fam, typ, rapid.Bool().Draw(t, "dump"), rapid.Bool().Draw(t, "strict"), payload, validate.Options{Order: o}, nil, nil)
		var ve *validate.Error
		var me *route.MissingAttrError
		if err != nil && !errors.As(err, &ve) && !errors.As(err, &me) {
			t.Fatalf("error %T %v", err, err)
		}
	})
}

// TestCheckRequestAllocs: valid write and GET requests of the new kinds
// are checked without allocating, given a tb.
func TestCheckRequestAllocs(t *testing.T) {
	tb := make([]attr.Decoder, route.MaxAttrs)
	for _, c := range []reqCase{
		{name: "RTM_NEWRULE", typ: route.RTM_NEWRULE, hdr: []byte{route.AF_INET, 0, 0, 0, 254, 0, 0, 1, 0, 0, 0, 0},
			attrs: func(e *attr.Encoder) { e.Uint32(route.FRA_PRIORITY, 100) }},
		{name: "RTM_SETLINK with IFLA_AF_SPEC", typ: route.RTM_SETLINK, hdr: make([]byte, route.IfInfoMsgLen),
			attrs: func(e *attr.Encoder) {
				n := e.Begin(route.IFLA_AF_SPEC)
				in6 := e.Begin(route.AF_INET6)
				e.Uint8(route.IFLA_INET6_ADDR_GEN_MODE, 1)
				e.End(in6)
				e.End(n)
			}},
		{name: "RTM_GETNEXTHOPBUCKET", typ: route.RTM_GETNEXTHOPBUCKET, hdr: make([]byte, route.NhMsgLen),
			attrs: func(e *attr.Encoder) {
				e.Uint32(route.NHA_ID, 7)
				n := e.Begin(route.NHA_RES_BUCKET)
				e.Uint16(route.NHA_RES_BUCKET_INDEX, 1)
				e.End(n)
			}},
		{name: "RTM_GETNSID dump", typ: route.RTM_GETNSID, dump: true, strict: true, hdr: []byte{0}},
	} {
		p := c.payload(nlwire.Native)
		var err error
		n := testing.AllocsPerRun(100, func() {
			err = route.CheckRequest(p[0], c.typ, c.dump, c.strict, p, validate.Options{}, tb, nil)
		})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if n != 0 {
			t.Errorf("%s: %v allocations, want 0", c.name, n)
		}
	}
}
