package route_test

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
)

// TestLastHeadersRoundTrip: each header Put (and Append) then parsed in
// either byte order gives back its fields; the reserved bytes are zero.
func TestLastHeadersRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := orders[rapid.IntRange(0, 1).Draw(t, "order")]
		u8 := func(n string) uint8 { return rapid.Uint8().Draw(t, n) }
		u32 := func(n string) uint32 { return rapid.Uint32().Draw(t, n) }
		lbl := route.IfAddrLblMsg{Family: u8("f"), PrefixLen: u8("pl"), Flags: u8("fl"), Index: u32("i"), Seq: u32("s")}
		vl := route.BrVlanMsg{Family: u8("f"), Index: u32("i")}
		tun := route.TunnelMsg{Family: u8("f"), Flags: u8("fl"), Index: u32("i")}
		dcb := route.DcbMsg{Family: u8("f"), Cmd: u8("c")}
		pfx := route.PrefixMsg{Family: u8("f"), Index: int32(u32("i")), Type: u8("t"), PrefixLen: u8("pl"), Flags: u8("fl")}

		check := func(name string, b []byte, want, got any, err error, reserved ...int) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%s round trip (-want +got):\n%s", name, diff)
			}
			for _, i := range reserved {
				if b[i] != 0 {
					t.Fatalf("%s: reserved byte %d is %#x", name, i, b[i])
				}
			}
		}
		b := lbl.Append(nil, o)
		got1, err := route.ParseIfAddrLblMsg(b, o)
		check("ifaddrlblmsg", b, lbl, got1, err, 1)
		b = vl.Append(nil, o)
		got2, err := route.ParseBrVlanMsg(b, o)
		check("br_vlan_msg", b, vl, got2, err, 1, 2, 3)
		b = tun.Append(nil, o)
		got3, err := route.ParseTunnelMsg(b, o)
		check("tunnel_msg", b, tun, got3, err, 2, 3)
		b = dcb.Append(nil, o)
		got4, err := route.ParseDcbMsg(b, o)
		check("dcbmsg", b, dcb, got4, err, 2, 3)
		b = pfx.Append(nil, o)
		got5, err := route.ParsePrefixMsg(b, o)
		check("prefixmsg", b, pfx, got5, err, 1, 2, 3, 11)
		ndu := route.NdUserOptMsg{Family: u8("f"), OptsLen: rapid.Uint16().Draw(t, "ol"), Index: int32(u32("i")), ICMPType: u8("t"), ICMPCode: u8("c")}
		b = ndu.Append(nil, o)
		got6, err := route.ParseNdUserOptMsg(b, o)
		check("nduseroptmsg", b, ndu, got6, err, 1, 10, 11, 12, 13, 14, 15)
	})
}

// TestLastHeadersLayout pins each header's bytes, in little-endian
// order, to the C struct's layout.
func TestLastHeadersLayout(t *testing.T) {
	o := nlwire.LittleEndian
	cases := []struct {
		name string
		h    wire.FixedHeader
		want string
	}{
		{"ifaddrlblmsg", route.IfAddrLblMsg{Family: 10, PrefixLen: 48, Flags: 1, Index: 3, Seq: 0x01020304}, "0a0030010300000004030201"},
		{"br_vlan_msg", route.BrVlanMsg{Family: 7, Index: 9}, "0700000009000000"},
		{"tunnel_msg", route.TunnelMsg{Family: 7, Flags: 1, Index: 9}, "0701000009000000"},
		{"dcbmsg", route.DcbMsg{Family: 0, Cmd: route.DCB_CMD_IEEE_GET}, "00150000"},
		{"prefixmsg", route.PrefixMsg{Family: 10, Index: -2, Type: 3, PrefixLen: 64, Flags: 3}, "0a000000feffffff03400300"},
		{"nduseroptmsg", route.NdUserOptMsg{Family: 10, OptsLen: 0x0102, Index: 5, ICMPType: 134, ICMPCode: 1}, "0a000201050000008601000000000000"},
	}
	for _, c := range cases {
		b := make([]byte, c.h.Len())
		if !c.h.Put(b, o) {
			t.Fatalf("%s: Put reported a short buffer", c.name)
		}
		if got := hex.EncodeToString(b); got != c.want {
			t.Errorf("%s = %s, want %s", c.name, got, c.want)
		}
		if c.h.Put(b[:len(b)-1], o) {
			t.Errorf("%s: Put into %d bytes reported success", c.name, len(b)-1)
		}
	}
}

// TestLastHeadersShort: a buffer one byte short is a *family.HeaderError
// naming the struct.
func TestLastHeadersShort(t *testing.T) {
	o := nlwire.Native
	errs := map[string]error{}
	_, errs["ifaddrlblmsg"] = route.ParseIfAddrLblMsg(make([]byte, route.IfAddrLblMsgLen-1), o)
	_, errs["br_vlan_msg"] = route.ParseBrVlanMsg(make([]byte, route.BrVlanMsgLen-1), o)
	_, errs["tunnel_msg"] = route.ParseTunnelMsg(make([]byte, route.TunnelMsgLen-1), o)
	_, errs["dcbmsg"] = route.ParseDcbMsg(make([]byte, route.DcbMsgLen-1), o)
	_, errs["prefixmsg"] = route.ParsePrefixMsg(make([]byte, route.PrefixMsgLen-1), o)
	_, errs["nduseroptmsg"] = route.ParseNdUserOptMsg(make([]byte, route.NdUserOptMsgLen-1), o)
	for name, err := range errs {
		var he *family.HeaderError
		if !errors.As(err, &he) || he.Struct != name {
			t.Errorf("%s: error %v, want a *family.HeaderError for %s", name, err, name)
		}
	}
}

// TestEveryMessageHasATable: every RTM_* type up to RTM_GETTUNNEL
// (RTM_MAX in Linux 6.18) but RTM_NEWNDUSEROPT, whose ND options come
// between header and attributes, has a family header and an attribute
// space.
func TestEveryMessageHasATable(t *testing.T) {
	for typ := uint16(route.RTM_NEWLINK); typ <= route.RTM_GETTUNNEL; typ++ {
		m := route.Messages.Msg(typ)
		if m == nil || m.Name == "" || typ == route.RTM_NEWNDUSEROPT {
			continue
		}
		if m.HeaderLen == 0 || m.Attrs == nil {
			t.Errorf("%s: header %d, attributes %v", m.Name, m.HeaderLen, m.Attrs)
		}
	}
	want := map[uint16]struct {
		hdr   int
		attrs *family.Set
	}{
		route.RTM_NEWLINKPROP:    {route.IfInfoMsgLen, &route.LinkAttrs},
		route.RTM_GETDCB:         {route.DcbMsgLen, &route.DcbAttrs},
		route.RTM_SETDCB:         {route.DcbMsgLen, &route.DcbAttrs},
		route.RTM_NEWADDRLABEL:   {route.IfAddrLblMsgLen, &route.AddrLabelAttrs},
		route.RTM_NEWVLAN:        {route.BrVlanMsgLen, &route.BridgeVlanAttrs},
		route.RTM_GETVLAN:        {route.BrVlanMsgLen, &route.BridgeVlanDumpAttrs},
		route.RTM_NEWTUNNEL:      {route.TunnelMsgLen, &route.VNIFilterAttrs},
		route.RTM_NEWPREFIX:      {route.PrefixMsgLen, &route.PrefixAttrs},
		route.RTM_NEWCACHEREPORT: {route.RtGenMsgLen, &route.CacheReportAttrs},
	}
	for typ, w := range want {
		m := route.Messages.Msg(typ)
		if m.HeaderLen != w.hdr || m.Attrs != w.attrs {
			t.Errorf("%s: header %d, space %s; want %d, %s", m.Name, m.HeaderLen, m.Attrs.Space, w.hdr, w.attrs.Space)
		}
	}
}

// pathLines keeps each attribute as "PATH=VALUE" and each header as
// "header STRUCT FIELD=VALUE..." ("header HEX" if dissect does not
// decode its fields); an attribute the tables do not name shows as "#TYPE".
type pathLines struct {
	dissect.Discard
	path  []string
	lines []string
}

func (w *pathLines) Header(h *dissect.Header) {
	if h.Raw == nil { // a header dissect decodes by its fields
		line := "header " + h.Struct
		for _, f := range h.Fields {
			line += fmt.Sprintf(" %s=%d", f.Name, f.Value)
		}
		w.lines = append(w.lines, line)
		return
	}
	w.lines = append(w.lines, fmt.Sprintf("header %x", h.Raw))
}

func (w *pathLines) name(a *dissect.Attr) string {
	if a.Name == "" {
		return fmt.Sprintf("#%d", a.Type)
	}
	return a.Name
}

func (w *pathLines) Nest(a *dissect.Attr) { w.path = append(w.path, w.name(a)) }

func (w *pathLines) EndNest(int) { w.path = w.path[:len(w.path)-1] }

func (w *pathLines) Attr(a *dissect.Attr) {
	line := strings.Join(append(w.path[:len(w.path):len(w.path)], w.name(a)), "/") + "="
	switch v := &a.Value; v.Kind {
	case dissect.Uint:
		line += fmt.Sprint(v.Uint)
	case dissect.String:
		line += fmt.Sprintf("%q", v.Bytes)
	case dissect.Addr:
		line += v.Addr.String()
	default:
		line += fmt.Sprintf("%x", v.Bytes)
	}
	if names, ok := a.Value.AppendNames(nil); ok {
		line += " (" + string(names) + ")"
	}
	w.lines = append(w.lines, line)
}

func (w *pathLines) Payload(p []byte, _ int) { w.lines = append(w.lines, fmt.Sprintf("payload %x", p)) }

func (w *pathLines) Problem(p *dissect.Problem) {
	w.lines = append(w.lines, fmt.Sprintf("problem %+v", *p))
}

// TestReviewCaptures decodes messages the kernel accepted, recorded on
// x86_64 (issue #16): before these tables nldump misread each one.
func TestReviewCaptures(t *testing.T) {
	cases := []struct {
		name, hex string
		want      []string
	}{{
		"ip link property add dev v0 altname rvalt0",
		"300000006c00050ee16b0d6b0000000000000000030000000000000000000000100034800b0035007276616c74300000",
		[]string{"header ifinfomsg family=0 type=0 index=3 flags=0 change=0", `IFLA_PROP_LIST/IFLA_ALT_IFNAME="rvalt0"`},
	}, {
		"ip link property del dev v0 altname rvalt0",
		"300000006d000500e16b0d6b0000000000000000030000000000000000000000100034800b0035007276616c74300000",
		[]string{"header ifinfomsg family=0 type=0 index=3 flags=0 change=0", `IFLA_PROP_LIST/IFLA_ALT_IFNAME="rvalt0"`},
	}, {
		"bridge vlan global show",
		"2000000072000103e26b0d6b0000000007000000000000000800010002000000",
		[]string{"header br_vlan_msg family=7 ifindex=0", "BRIDGE_VLANDB_DUMP_FLAGS=2"},
	}, {
		"bridge vni show",
		"180000007a000103e26b0d6b000000000700000000000000",
		[]string{"header tunnel_msg family=7 flags=0 ifindex=0"},
	}, {
		"dcb app show dev v0",
		"1c0000004e000500e06b0d6b00000000001500000700010076300000",
		[]string{"header dcbmsg dcb_family=0 cmd=21", `DCB_ATTR_IFNAME="v0"`},
	}, {
		"ip addrlabel add prefix 2001:db8:7::/48 label 7",
		"3800000048000506e16b0d6b000000000a003000000000000000000008000200070000001400010020010db8000700000000000000000000",
		[]string{"header ifaddrlblmsg family=10 prefixlen=48 flags=0 index=0 seq=0", "IFAL_LABEL=7", "IFAL_ADDRESS=2001:db8:7::"},
	}, {
		"ip route add 10.30.0.0/16 encap ip id 5 dst 10.9.0.2 dev v0",
		"4c00000018000506e16b0d6b0000000002100000fe03fd0100000000080001000a1e0000180016800c0001000000000000000005080002000a09000206001500020001000800040003000000",
		[]string{
			"header rtmsg family=2 dst_len=16 src_len=0 tos=0 table=254 protocol=3 scope=253 type=1 flags=0", "RTA_DST=10.30.0.0",
			"RTA_ENCAP/LWTUNNEL_IP_ID=5", "RTA_ENCAP/LWTUNNEL_IP_DST=10.9.0.2",
			"RTA_ENCAP_TYPE=2 (LWTUNNEL_ENCAP_IP)", "RTA_OIF=3",
		},
	}, {
		"ip route show (the route above, as the kernel dumps it)",
		"7400000018002200e16b0d6b0c46000002100000fe03fd010000000008000f00fe000000080001000a1e00000800040003000000380016000c0001000000000000000005080002000a09000208000300000000000500050000000000050004000000000006000600000000000600150002000000",
		[]string{
			"header rtmsg family=2 dst_len=16 src_len=0 tos=0 table=254 protocol=3 scope=253 type=1 flags=0", "RTA_TABLE=254", "RTA_DST=10.30.0.0", "RTA_OIF=3",
			"RTA_ENCAP/LWTUNNEL_IP_ID=5", "RTA_ENCAP/LWTUNNEL_IP_DST=10.9.0.2", "RTA_ENCAP/LWTUNNEL_IP_SRC=0.0.0.0",
			"RTA_ENCAP/LWTUNNEL_IP_TOS=0", "RTA_ENCAP/LWTUNNEL_IP_TTL=0", "RTA_ENCAP/LWTUNNEL_IP_FLAGS=0",
			"RTA_ENCAP_TYPE=2 (LWTUNNEL_ENCAP_IP)",
		},
	}, {
		"ip route add 10.22.0.0/16 encap mpls 100 via 10.9.0.2",
		"4800000018000506a76b0d6b0000000002100000fe03000100000000080001000a1600000c00168008000100000641000600150001000000080005000a0900020800040003000000",
		[]string{
			"header rtmsg family=2 dst_len=16 src_len=0 tos=0 table=254 protocol=3 scope=0 type=1 flags=0", "RTA_DST=10.22.0.0", "RTA_ENCAP/MPLS_IPTUNNEL_DST=00064100",
			"RTA_ENCAP_TYPE=1 (LWTUNNEL_ENCAP_MPLS)", "RTA_GATEWAY=10.9.0.2", "RTA_OIF=3",
		},
	}}
	d := dissect.New()
	for _, c := range cases {
		b, err := hex.DecodeString(c.hex)
		if err != nil {
			t.Fatal(err)
		}
		var w pathLines
		if err := d.Datagram(&w, dissect.ProtoRoute, nlwire.LittleEndian, b); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if diff := cmp.Diff(c.want, w.lines); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// encapRoute builds, in host byte order, an RTM_NEWROUTE whose RTA_ENCAP
// of type typ holds one u32 attribute of type inner.
func encapRoute(t testing.TB, typ uint16, inner uint16) []byte {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: route.RTM_NEWROUTE, Flags: wire.Request | wire.Create})
	wire.PutFixedHeader(&b, route.RtMsg{Family: route.AF_INET6, Table: 254})
	e := b.Attrs()
	n := e.Begin(route.RTA_ENCAP)
	e.Uint32(inner, 7)
	e.End(n)
	e.Uint16(route.RTA_ENCAP_TYPE, typ)
	b.End(m)
	msgs, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

// TestEncapVariants: RTA_ENCAP's space follows RTA_ENCAP_TYPE for every
// encapsulation type, in the host's byte order (big-endian under
// qemu-s390x); an unknown type leaves it undescribed.
func TestEncapVariants(t *testing.T) {
	cases := []struct {
		typ, inner uint16
		want       string
	}{
		{route.LWTUNNEL_ENCAP_MPLS, route.MPLS_IPTUNNEL_DST, "MPLS_IPTUNNEL_DST"},
		{route.LWTUNNEL_ENCAP_IP, route.LWTUNNEL_IP_DST, "LWTUNNEL_IP_DST"},
		{route.LWTUNNEL_ENCAP_ILA, route.ILA_ATTR_DIR, "ILA_ATTR_DIR"},
		{route.LWTUNNEL_ENCAP_IP6, route.LWTUNNEL_IP6_SRC, "LWTUNNEL_IP6_SRC"},
		{route.LWTUNNEL_ENCAP_SEG6, route.SEG6_IPTUNNEL_SRH, "SEG6_IPTUNNEL_SRH"},
		{route.LWTUNNEL_ENCAP_BPF, route.LWT_BPF_XMIT_HEADROOM, "LWT_BPF_XMIT_HEADROOM"},
		{route.LWTUNNEL_ENCAP_SEG6_LOCAL, route.SEG6_LOCAL_TABLE, "SEG6_LOCAL_TABLE"},
		{route.LWTUNNEL_ENCAP_RPL, route.RPL_IPTUNNEL_SRH, "RPL_IPTUNNEL_SRH"},
		{route.LWTUNNEL_ENCAP_IOAM6, route.IOAM6_IPTUNNEL_FREQ_K, "IOAM6_IPTUNNEL_FREQ_K"},
		{route.LWTUNNEL_ENCAP_XFRM, route.LWT_XFRM_IF_ID, "LWT_XFRM_IF_ID"},
		{99, 1, "#1"},
	}
	d := dissect.New()
	for _, c := range cases {
		var w pathLines
		if err := d.Datagram(&w, dissect.ProtoRoute, nlwire.Native, encapRoute(t, c.typ, c.inner)); err != nil {
			t.Fatal(err)
		}
		if len(w.lines) < 2 || !strings.HasPrefix(w.lines[1], "RTA_ENCAP/"+c.want+"=") {
			t.Errorf("encap type %d: %q, want RTA_ENCAP/%s", c.typ, w.lines, c.want)
		}
	}
	if n := len(route.LWTunnelEncapTypes.Entries); n != route.LWTUNNEL_ENCAP_XFRM+1 {
		t.Errorf("LWTunnelEncapTypes has %d entries, want %d", n, route.LWTUNNEL_ENCAP_XFRM+1)
	}
}

// TestEncapVariantAllocs: choosing RTA_ENCAP's space by the integer
// RTA_ENCAP_TYPE allocates nothing.
func TestEncapVariantAllocs(t *testing.T) {
	msg := encapRoute(t, route.LWTUNNEL_ENCAP_SEG6_LOCAL, route.SEG6_LOCAL_TABLE)
	d := dissect.New()
	var w dissect.Discard
	if err := d.Datagram(w, dissect.ProtoRoute, nlwire.Native, msg); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { _ = d.Datagram(w, dissect.ProtoRoute, nlwire.Native, msg) }); n != 0 {
		t.Errorf("Datagram allocates %v times, want 0", n)
	}
}

// TestNotificationHeaders: the prefix and multicast cache report
// notifications, built in host byte order, decode with their header's
// fields and named attributes.
func TestNotificationHeaders(t *testing.T) {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: route.RTM_NEWPREFIX})
	wire.PutFixedHeader(&b, route.PrefixMsg{Family: route.AF_INET6, Index: 4, Type: 3, PrefixLen: 64, Flags: 3})
	e := b.Attrs()
	e.Put(route.PREFIX_ADDRESS, []byte{0x20, 0x01, 0x0d, 0xb8, 15: 0})
	e.Put(route.PREFIX_CACHEINFO, make([]byte, 8))
	b.End(m)
	m = b.Start(wire.Header{Type: route.RTM_NEWCACHEREPORT})
	wire.PutFixedHeader(&b, route.RtGenMsg{Family: 128}) // RTNL_FAMILY_IPMR
	e = b.Attrs()
	e.Uint8(route.IPMRA_CREPORT_MSGTYPE, 1)
	e.Uint32(route.IPMRA_CREPORT_VIF_ID, 2)
	e.Put(route.IPMRA_CREPORT_SRC_ADDR, []byte{10, 0, 0, 1})
	e.Uint32(route.IPMRA_CREPORT_TABLE, 254)
	b.End(m)
	msgs, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	var w pathLines
	if err := dissect.New().Datagram(&w, dissect.ProtoRoute, nlwire.Native, msgs); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"header prefixmsg family=10 ifindex=4 type=3 len=64 flags=3",
		"PREFIX_ADDRESS=2001:db8::",
		"PREFIX_CACHEINFO=0000000000000000",
		"header rtgenmsg family=128",
		"IPMRA_CREPORT_MSGTYPE=1",
		"IPMRA_CREPORT_VIF_ID=2",
		"IPMRA_CREPORT_SRC_ADDR=10.0.0.1",
		"IPMRA_CREPORT_TABLE=254",
	}
	if diff := cmp.Diff(want, w.lines); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNdUserOpt: an RTM_NEWNDUSEROPT's ND options, of the length its
// header gives, are passed over as bytes, and the attributes after them
// named; in host byte order.
func TestNdUserOpt(t *testing.T) {
	opt := []byte{25, 1, 0, 0, 0, 0, 0x0e, 0x10} // an RDNSS option's first 8 bytes
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: route.RTM_NEWNDUSEROPT})
	wire.PutFixedHeader(&b, route.NdUserOptMsg{Family: route.AF_INET6, OptsLen: uint16(len(opt)), Index: 5, ICMPType: 134})
	e := b.Attrs()
	e.Raw(opt)
	e.Put(route.NDUSEROPT_SRCADDR, []byte{0xfe, 0x80, 15: 1})
	b.End(m)
	msgs, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	var w pathLines
	if err := dissect.New().Datagram(&w, dissect.ProtoRoute, nlwire.Native, msgs); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"header nduseroptmsg family=10 opts_len=8 ifindex=5 icmp_type=134 icmp_code=0",
		"payload 1901000000000e10",
		"NDUSEROPT_SRCADDR=fe80::1",
	}
	if diff := cmp.Diff(want, w.lines); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	h, err := route.ParseNdUserOptMsg(msgs[wire.HeaderLen:], nlwire.Native)
	if err != nil || h.OptsLen != 8 || h.Index != 5 || h.ICMPType != 134 {
		t.Errorf("ParseNdUserOptMsg = %+v, %v", h, err)
	}
}

// TestDcbSetReply: the kernel's RTM_SETDCB replies hold a u8 status
// where requests hold a nest; a request's nest is still walked.
func TestDcbSetReply(t *testing.T) {
	build := func(flags wire.Flags, put func(e *attr.Encoder)) []byte {
		b := wire.NewBuilder(nil)
		m := b.Start(wire.Header{Type: route.RTM_SETDCB, Flags: flags})
		wire.PutFixedHeader(&b, route.DcbMsg{Cmd: route.DCB_CMD_PFC_SCFG})
		put(b.Attrs())
		b.End(m)
		msgs, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		return msgs
	}
	reply := build(0, func(e *attr.Encoder) { e.Uint8(route.DCB_ATTR_PFC_CFG, 0) })
	request := build(wire.Request, func(e *attr.Encoder) {
		e.String(route.DCB_ATTR_IFNAME, "eth0")
		n := e.Begin(route.DCB_ATTR_PFC_CFG)
		e.Uint8(route.DCB_PFC_UP_ATTR_3, 1)
		e.End(n)
	})
	d := dissect.New()
	for _, c := range []struct {
		msg  []byte
		want []string
	}{
		{reply, []string{"header dcbmsg dcb_family=0 cmd=8", "DCB_ATTR_PFC_CFG=0"}},
		{request, []string{"header dcbmsg dcb_family=0 cmd=8", `DCB_ATTR_IFNAME="eth0"`, "DCB_ATTR_PFC_CFG/DCB_PFC_UP_ATTR_3=1"}},
	} {
		var w pathLines
		if err := d.Datagram(&w, dissect.ProtoRoute, nlwire.Native, c.msg); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(c.want, w.lines); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	}
}
