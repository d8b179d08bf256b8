package nltest_test

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// rtReq is a NETLINK_ROUTE request with a raw payload.
func rtReq(typ uint16, flags wire.Flags, seq uint32, payload ...byte) []byte {
	b := make([]byte, wire.HeaderLen, wire.HeaderLen+len(payload))
	binary.NativeEndian.PutUint32(b, uint32(wire.HeaderLen+len(payload)))
	binary.NativeEndian.PutUint16(b[4:], typ)
	binary.NativeEndian.PutUint16(b[6:], uint16(flags))
	binary.NativeEndian.PutUint32(b[8:], seq)
	return append(b, payload...)
}

// nla returns an attribute of type typ with payload p, in the host's byte
// order, padded to 4 bytes.
func nla(typ uint16, p ...byte) []byte {
	b := make([]byte, 4, 4+len(p)+3)
	binary.NativeEndian.PutUint16(b, uint16(4+len(p)))
	binary.NativeEndian.PutUint16(b[2:], typ)
	b = append(b, p...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// nativeU32 returns v's bytes in the host's order.
func nativeU32(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

// rtAnswer is what a test expects of the final message of an rtAnswer.
type rtAnswer struct {
	Type      uint16
	Errno     nlwire.Errno
	Msg       string
	Offset    uint32
	Policy    string
	MissType  uint32
	Flags     wire.Flags
	Datagrams int
	Data      int // data messages before the final one
}

// routeAnswer sends req and summarizes the rtAnswer up to its final
// message.
func routeAnswer(t *testing.T, c *nltest.Conn, req []byte) rtAnswer {
	t.Helper()
	if err := c.Send(req); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1<<16)
	var a rtAnswer
	for {
		n, err := c.Receive(buf)
		if err != nil {
			t.Fatalf("receive: %v", err)
		}
		a.Datagrams++
		r := wire.NewReader(buf[:n])
		for r.Next() {
			h := r.Header()
			if h.Type != wire.TypeError && h.Type != wire.TypeDone {
				a.Data++
				continue
			}
			e, err := wire.ParseError(r.Message(), nlwire.Native)
			if err != nil {
				t.Fatal(err)
			}
			a.Type, a.Errno, a.Msg, a.Offset, a.MissType, a.Flags = h.Type, e.Errno, string(e.Msg), e.Offset, e.MissType, h.Flags
			if e.Policy != nil {
				ap, err := validate.ParseAttrPolicy(e.Policy, nlwire.Native)
				if err != nil {
					t.Fatal(err)
				}
				a.Policy = ap.String()
			}
			return a
		}
	}
}

// routeKernel has handlers for RTM_GETLINK (do and dump, split
// NLMSG_DONE; one message per call), RTM_GETADDR (AF_INET6 do),
// RTM_GETNEIGH, RTM_NEWLINK, RTM_SETLINK, RTM_NEWRULE, RTM_GETRULE (dump
// only) and RTM_GETNEXTHOP (the others answer nothing).
func routeKernel(t *testing.T) *nltest.Kernel {
	k := nltest.NewKernel()
	one := func(req *nltest.Request, rep *nltest.Reply) error {
		e := rep.StartRoute(route.RTM_NEWLINK, route.IfInfoMsgLen)
		e.String(route.IFLA_IFNAME, "lo")
		rep.End()
		return nil
	}
	none := func(*nltest.Request, *nltest.Reply) error { return nil }
	for _, r := range []struct {
		fam uint8
		typ uint16
		op  nltest.RouteOp
	}{
		{route.AF_UNSPEC, route.RTM_GETLINK, nltest.RouteOp{Do: one, Dump: one, SplitDone: true}},
		{route.AF_INET6, route.RTM_GETADDR, nltest.RouteOp{Do: none, Dump: none}},
		{route.AF_UNSPEC, route.RTM_GETNEIGH, nltest.RouteOp{Do: none, Dump: none}},
		{route.AF_UNSPEC, route.RTM_NEWLINK, nltest.RouteOp{Do: none}},
		{route.AF_UNSPEC, route.RTM_SETLINK, nltest.RouteOp{Do: none}},
		{route.AF_UNSPEC, route.RTM_NEWRULE, nltest.RouteOp{Do: none}},
		{route.AF_UNSPEC, route.RTM_GETRULE, nltest.RouteOp{Dump: none}},
		{route.AF_UNSPEC, route.RTM_GETNEXTHOP, nltest.RouteOp{Do: none, Dump: none}},
	} {
		if err := k.RegisterRoute(r.fam, r.typ, r.op); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

func TestRegisterRouteInvalid(t *testing.T) {
	k := nltest.NewKernel()
	h := func(*nltest.Request, *nltest.Reply) error { return nil }
	for _, c := range []struct {
		typ uint16
		op  nltest.RouteOp
	}{
		{route.RTM_GETLINK, nltest.RouteOp{}},
		{15, nltest.RouteOp{Do: h}},
		{route.RTM_MAX + 1, nltest.RouteOp{Do: h}},
		{route.RTM_NEWLINK, nltest.RouteOp{Dump: h}},
	} {
		if err := k.RegisterRoute(0, c.typ, c.op); !errors.Is(err, nltest.ErrInvalidRoute) {
			t.Errorf("RegisterRoute(%d, %+v) = %v, want ErrInvalidRoute", c.typ, c.op, err)
		}
	}
}

func TestRouteConn(t *testing.T) {
	k := routeKernel(t)
	ifi := make([]byte, route.IfInfoMsgLen)
	mtu2 := append(append([]byte(nil), ifi...), nla(route.IFLA_MTU, 0xdc, 0x05)...)
	ifiBad := append([]byte(nil), ifi...)
	ifiBad[8] = 1 // ifi_flags
	ndm := func(fam byte, idx byte, flags byte, attrs ...byte) []byte {
		b := []byte{fam, 0, 0, 0, 0, 0, 0, 0, 0, 0, flags, 0}
		binary.NativeEndian.PutUint32(b[4:], uint32(idx)) // ndm_ifindex
		return append(b, attrs...)
	}
	frh := func(fam byte, attrs ...byte) []byte {
		return append([]byte{fam, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, attrs...)
	}
	afSpec := func(fam uint16) []byte {
		return append(append([]byte(nil), ifi...), nla(route.IFLA_AF_SPEC|0x8000, nla(fam|0x8000)...)...)
	}
	ack := wire.Capped // a success ACK echoes only the header
	dump := wire.Request | wire.Ack | wire.Dump
	do := wire.Request | wire.Ack
	for _, c := range []struct {
		name   string
		strict bool
		req    []byte
		want   rtAnswer
	}{
		{"type above RTM_MAX", true, rtReq(route.RTM_MAX+1, do, 1, ifi...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EOPNOTSUPP, Datagrams: 1}},
		{"no handler for the family", true, rtReq(route.RTM_GETADDR, do, 1, route.AF_INET, 0, 0, 0, 0, 0, 0, 0),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EOPNOTSUPP, Datagrams: 1}},
		{"empty payload is only acknowledged", true, rtReq(route.RTM_GETLINK, do, 1),
			rtAnswer{Type: wire.TypeError, Flags: ack, Datagrams: 1}},
		{"getlink do", true, rtReq(route.RTM_GETLINK, do, 1, ifi...),
			rtAnswer{Type: wire.TypeError, Flags: ack, Datagrams: 2, Data: 1}},
		{"getlink do short header", false, rtReq(route.RTM_GETLINK, do, 1, 0, 0, 0, 0),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EINVAL, Msg: route.MsgGetLinkHeader, Flags: wire.AckTLVs, Datagrams: 1}},
		{"getlink do liberal: IFLA_MTU too short", false, rtReq(route.RTM_GETLINK, do, 1, mtu2...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.ERANGE, Msg: validate.MsgFailed, Offset: 32,
				Policy: "NLA_U32 range [0, 4294967295]", Flags: wire.AckTLVs, Datagrams: 1}},
		{"getlink do strict: header values", true, rtReq(route.RTM_GETLINK, do, 1, ifiBad...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EINVAL, Msg: route.MsgGetLinkValues, Flags: wire.AckTLVs, Datagrams: 1}},
		{"getlink dump split NLMSG_DONE", true, rtReq(route.RTM_GETLINK, dump, 1, ifi...),
			rtAnswer{Type: wire.TypeDone, Flags: wire.Multi, Datagrams: 2, Data: 1}},
		{"getlink dump with one bit of NLM_F_DUMP", true, rtReq(route.RTM_GETLINK, do|0x100, 1, ifi...),
			rtAnswer{Type: wire.TypeDone, Flags: wire.Multi, Datagrams: 2, Data: 1}},
		{"getlink dump strict: header values fail in NLMSG_DONE", true, rtReq(route.RTM_GETLINK, dump, 1, ifiBad...),
			rtAnswer{Type: wire.TypeDone, Errno: nlwire.EINVAL, Msg: route.MsgLinkDumpValues, Flags: wire.Multi | wire.AckTLVs, Datagrams: 1}},
		{"getlink dump non-strict ignores bad headers", false, rtReq(route.RTM_GETLINK, dump, 1, ifiBad...),
			rtAnswer{Type: wire.TypeDone, Flags: wire.Multi, Datagrams: 2, Data: 1}},
		{"getlink dump strict: unsupported attribute", true, rtReq(route.RTM_GETLINK, dump, 1, append(append([]byte(nil), ifi...), nla(route.IFLA_MTU, 0, 0, 0, 0)...)...),
			rtAnswer{Type: wire.TypeDone, Errno: nlwire.EINVAL, Msg: route.MsgLinkDumpAttr, Flags: wire.Multi | wire.AckTLVs, Datagrams: 1}},
		{"getlink dump strict: no namespace ids", true, rtReq(route.RTM_GETLINK, dump, 1, append(append([]byte(nil), ifi...), nla(route.IFLA_TARGET_NETNSID, nativeU32(1)...)...)...),
			rtAnswer{Type: wire.TypeDone, Errno: nlwire.EINVAL, Msg: route.MsgLinkDumpNetNS, Flags: wire.Multi | wire.AckTLVs, Datagrams: 1}},
		{"getaddr inet6 do strict: header values", true, rtReq(route.RTM_GETADDR, do, 1, route.AF_INET6, 64, 0, 0, 0, 0, 0, 0),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EINVAL, Msg: route.MsgGetAddr6Values, Flags: wire.AckTLVs, Datagrams: 1}},
		{"getneigh do: no device", false, rtReq(route.RTM_GETNEIGH, do, 1, ndm(route.AF_INET, 0, 0)...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EINVAL, Msg: route.MsgGetNeighDevice, Flags: wire.AckTLVs, Datagrams: 1}},
		{"getneigh do: NDA_DST missing", false, rtReq(route.RTM_GETNEIGH, do, 1, ndm(route.AF_INET, 1, 0)...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EINVAL, MissType: route.NDA_DST, Flags: wire.AckTLVs, Datagrams: 1}},
		{"getneigh do: family", true, rtReq(route.RTM_GETNEIGH, do, 1, ndm(route.AF_UNSPEC, 1, 0, nla(route.NDA_DST, 1, 2, 3, 4)...)...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.Errno(97), Msg: route.MsgGetNeighFamily, Flags: wire.AckTLVs, Datagrams: 1}},
		{"getneigh dump strict: flags", true, rtReq(route.RTM_GETNEIGH, dump, 1, ndm(route.AF_INET, 0, 1)...),
			rtAnswer{Type: wire.TypeDone, Errno: nlwire.EINVAL, Msg: route.MsgNeighDumpFlags, Flags: wire.Multi | wire.AckTLVs, Datagrams: 1}},
		{"newlink liberal: unknown attribute passes", true, rtReq(route.RTM_NEWLINK, do, 1, append(append([]byte(nil), ifi...), nla(0x7f)...)...),
			rtAnswer{Type: wire.TypeError, Flags: ack, Datagrams: 1}},
		{"getrule do: no handler", true, rtReq(route.RTM_GETRULE, do, 1, frh(route.AF_INET)...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EOPNOTSUPP, Datagrams: 1}},
		{"getrule dump strict: no attribute, before any policy", true, rtReq(route.RTM_GETRULE, dump, 1, frh(route.AF_INET, nla(route.FRA_PRIORITY, 1, 0, 0, 0)...)...),
			rtAnswer{Type: wire.TypeDone, Errno: nlwire.EINVAL, Msg: route.MsgRuleDumpData, Flags: wire.Multi | wire.AckTLVs, Datagrams: 1}},
		{"getrule dump strict: header values", true, rtReq(route.RTM_GETRULE, dump, 1, route.AF_INET, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
			rtAnswer{Type: wire.TypeDone, Errno: nlwire.EINVAL, Msg: route.MsgRuleDumpValues, Flags: wire.Multi | wire.AckTLVs, Datagrams: 1}},
		{"getrule dump non-strict: nothing checked", false, rtReq(route.RTM_GETRULE, dump, 1, route.AF_INET, 32),
			rtAnswer{Type: wire.TypeDone, Flags: wire.Multi, Datagrams: 1}},
		{"newrule: a policy error says Error parsing msg", true, rtReq(route.RTM_NEWRULE, do, 1, frh(route.AF_INET, nla(route.FRA_PRIORITY, 1, 0)...)...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.ERANGE, Msg: route.MsgRuleParse, Offset: 28,
				Policy: "NLA_U32 range [0, 4294967295]", Flags: wire.AckTLVs, Datagrams: 1}},
		{"newrule: family without rules", true, rtReq(route.RTM_NEWRULE, do, 1, frh(route.AF_BRIDGE)...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EAFNOSUPPORT, Msg: route.MsgRuleFamily, Flags: wire.AckTLVs, Datagrams: 1}},
		{"setlink: IFLA_AF_SPEC of a family without rtnl_af_ops", true, rtReq(route.RTM_SETLINK, do, 1, afSpec(route.AF_MPLS)...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EAFNOSUPPORT, Datagrams: 1}},
		{"setlink: IFLA_AF_SPEC inet6 needs a token or a mode", true, rtReq(route.RTM_SETLINK, do, 1, afSpec(route.AF_INET6)...),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EINVAL, Datagrams: 1}},
		{"getnexthop dump non-strict: checked anyway", false, rtReq(route.RTM_GETNEXTHOP, dump, 1, 0, 0, 0, 0, 1, 0, 0, 0),
			rtAnswer{Type: wire.TypeDone, Errno: nlwire.EINVAL, Msg: route.MsgNhDumpValues, Flags: wire.Multi | wire.AckTLVs, Datagrams: 1}},
		{"newlink: short header", true, rtReq(route.RTM_NEWLINK, do, 1, 0, 0),
			rtAnswer{Type: wire.TypeError, Errno: nlwire.EINVAL, Msg: validate.MsgHeaderLength, Flags: wire.AckTLVs, Datagrams: 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			conn := k.DialRoute(&nltest.Config{NoStrictCheck: !c.strict})
			got := routeAnswer(t, conn, c.req)
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("rtAnswer (-want +got):\n%s", d)
			}
			if conn.Pending() != 0 {
				t.Errorf("%d datagrams left", conn.Pending())
			}
		})
	}
}

func TestRouteRequestTable(t *testing.T) {
	type res struct {
		HdrLen int
		Policy *validate.Policy
		Mode   validate.Mode
		OK     bool
	}
	for _, c := range []struct {
		fam          uint8
		typ          uint16
		dump, strict bool
		want         res
	}{
		{0, route.RTM_NEWLINK, false, true, res{route.IfInfoMsgLen, &route.LinkPolicy, validate.ModeLiberal, true}},
		{0, route.RTM_GETLINK, false, true, res{route.IfInfoMsgLen, &route.LinkPolicy, validate.ModeDeprecatedStrict, true}},
		{0, route.RTM_GETLINK, true, false, res{route.IfInfoMsgLen, &route.LinkPolicy, validate.ModeLiberal, true}},
		{route.AF_INET6, route.RTM_GETLINK, true, true, res{}},
		{route.AF_INET6, route.RTM_NEWADDR, false, false, res{route.IfAddrMsgLen, &route.Addr6Policy, validate.ModeLiberal, true}},
		{route.AF_INET, route.RTM_GETADDR, false, true, res{}},
		{route.AF_INET, route.RTM_GETADDR, true, false, res{}},
		{route.AF_INET, route.RTM_GETADDR, true, true, res{route.IfAddrMsgLen, &route.AddrPolicy, validate.ModeDeprecatedStrict, true}},
		{route.AF_INET6, route.RTM_GETROUTE, true, true, res{route.RtMsgLen, &route.RoutePolicy, validate.ModeDeprecatedStrict, true}},
		{route.AF_INET6, route.RTM_GETROUTE, false, false, res{route.RtMsgLen, &route.Route6Policy, validate.ModeLiberal, true}},
		{route.AF_INET, route.RTM_GETNEIGH, false, false, res{route.NdMsgLen, &route.NeighPolicy, validate.ModeDeprecatedStrict, true}},
		{route.AF_BRIDGE, route.RTM_GETNEIGH, true, true, res{}},
		{0, route.RTM_GETRULE, true, true, res{}},
		{route.AF_INET, route.RTM_NEWRULE, false, false, res{route.FibRuleHdrLen, &route.RulePolicy, validate.ModeLiberal, true}},
		{0, route.RTM_GETNEXTHOP, true, false, res{route.NhMsgLen, &route.NexthopDumpPolicy, validate.ModeStrict, true}},
	} {
		var got res
		got.HdrLen, got.Policy, got.Mode, got.OK = route.Request(c.fam, c.typ, c.dump, c.strict)
		if got != c.want {
			t.Errorf("Request(%d, %d, dump %v, strict %v) = %+v, want %+v", c.fam, c.typ, c.dump, c.strict, got, c.want)
		}
	}
}

// TestRouteAllocs checks that valid requests, do and dump, cost no
// allocation once the socket's buffers exist (an error answer allocates
// its *validate.Error).
func TestRouteAllocs(t *testing.T) {
	k := routeKernel(t)
	conn := k.DialRoute(nil)
	ifi := make([]byte, route.IfInfoMsgLen)
	reqs := [][]byte{
		rtReq(route.RTM_GETLINK, wire.Request|wire.Ack, 1, append(append([]byte(nil), ifi...), nla(route.IFLA_IFNAME, 'l', 'o', 0)...)...),
		rtReq(route.RTM_GETLINK, wire.Request|wire.Ack|wire.Dump, 2, ifi...),
	}
	buf := make([]byte, 1<<16)
	run := func() {
		for _, r := range reqs {
			if err := conn.Send(r); err != nil {
				t.Fatal(err)
			}
			for {
				if _, err := conn.Receive(buf); err != nil {
					break
				}
			}
		}
	}
	run()
	if n := testing.AllocsPerRun(100, run); n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}
