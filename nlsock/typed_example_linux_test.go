//go:build linux

package nlsock_test

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/nftables"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/wire"
)

// The live tests of issue #13's three examples: the helpers of
// example_typed_test.go, run inside a network namespace of their own.

// TestTypedLinks creates links with typed RTM_NEWLINK requests (a veth
// pair, a bridge with typed IFLA_INFO_DATA, a macvlan and a vlan on the
// veth) and lists them with the generated rt-link types.
func TestTypedLinks(t *testing.T) {
	ns := newNS(t)
	c := ns.Dial(t, nlsock.Route, nil)

	var veth rtlink.NewlinkRequest
	veth.SetIfname("nlw-veth0")
	veth.SetMtu(1400)
	veth.SetLinkinfo().SetKind("veth") // the spec has no veth data: the kernel names the peer
	if err := typedNewLink(c, &veth); err != nil {
		t.Fatalf("veth: %v", err)
	}

	var br rtlink.NewlinkRequest
	br.SetIfname("nlw-br0")
	brData := br.SetLinkinfo().SetData().SetBridge() // sets IFLA_INFO_KIND "bridge" itself
	brData.SetForwardDelay(1000)
	brData.SetPriority(0x1234)
	brData.SetAgeingTime(20000) // IFLA_BR_VLAN_FILTERING would need CONFIG_BRIDGE_VLAN_FILTERING
	if err := typedNewLink(c, &br); err != nil {
		t.Fatalf("bridge: %v", err)
	}

	links, err := typedLinks(c)
	if err != nil {
		t.Fatal(err)
	}
	byName := func(links []typedLink, name string) (typedLink, bool) {
		for _, l := range links {
			if l.Name == name {
				return l, true
			}
		}
		return typedLink{}, false
	}
	v0, ok := byName(links, "nlw-veth0")
	if !ok {
		t.Fatalf("nlw-veth0 not listed: %+v", links)
	}

	var mv rtlink.NewlinkRequest
	mv.SetIfname("nlw-mv0")
	mv.SetLink(uint32(v0.Index))
	mv.SetLinkinfo().SetKind("macvlan")
	if err := typedNewLink(c, &mv); err != nil {
		t.Fatalf("macvlan: %v", err)
	}

	var vlan rtlink.NewlinkRequest
	vlan.SetIfname("nlw-vlan100")
	vlan.SetLink(uint32(v0.Index))
	vlan.SetMtu(1300)
	vd := vlan.SetLinkinfo().SetData().SetVlan()
	vd.SetId(100)
	vd.SetProtocol(rtlink.RT_LINK_VLAN_PROTOCOLS_8021AD)
	vlanErr := typedNewLink(c, &vlan)
	switch {
	case vlanErr == nil:
	case errors.Is(vlanErr, unix.EOPNOTSUPP):
		// CONFIG_VLAN_8021Q=n: rtnl_newlink finds no "vlan" link ops.
		t.Logf("vlan: the running kernel refuses kind vlan: %v (no 802.1Q support); its listing is not checked", vlanErr)
	default:
		t.Fatalf("vlan: %v", vlanErr)
	}

	links, err = typedLinks(c)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, want typedLink) typedLink {
		t.Helper()
		got, ok := byName(links, name)
		if !ok {
			t.Errorf("%s not listed", name)
			return got
		}
		want.Index, want.Name = got.Index, name
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
		return got
	}
	v0 = check("nlw-veth0", typedLink{Kind: "veth", MTU: 1400, Link: v0.Link})
	// The peer: the veth whose IFLA_LINK is nlw-veth0, and the other way round.
	var peer typedLink
	for _, l := range links {
		if l.Kind == "veth" && l.Name != "nlw-veth0" {
			peer = l
		}
	}
	if peer.Name == "" || peer.Link != uint32(v0.Index) || v0.Link != uint32(peer.Index) {
		t.Errorf("veth peer: %+v, nlw-veth0 %+v", peer, v0)
	}
	if peer.MTU != 1400 {
		t.Errorf("veth peer mtu %d, want 1400 (the kernel gives the peer the device's)", peer.MTU)
	}
	check("nlw-br0", typedLink{Kind: "bridge", MTU: 1500, ForwardDelay: 1000, Priority: 0x1234, AgeingTime: 20000})
	check("nlw-mv0", typedLink{Kind: "macvlan", MTU: 1400, Link: uint32(v0.Index)})
	if vlanErr == nil {
		check("nlw-vlan100", typedLink{Kind: "vlan", MTU: 1300, Link: uint32(v0.Index), VlanID: 100, VlanProto: rtlink.RT_LINK_VLAN_PROTOCOLS_8021AD})
	}
	check("lo", typedLink{MTU: 65536})

	// The same links as ip(8) sees them.
	out := ns.IP(t, "-o", "link", "show")
	for _, l := range links {
		if !strings.Contains(out, fmt.Sprintf("%d: %s", l.Index, l.Name)) {
			t.Errorf("%d: %s not in ip link show:\n%s", l.Index, l.Name, out)
		}
		if !strings.Contains(out, fmt.Sprintf("mtu %d ", l.MTU)) {
			t.Errorf("%s mtu %d not in ip link show:\n%s", l.Name, l.MTU, out)
		}
	}
}

// Values of <linux/ethtool.h> that neither the ethtool spec nor x/sys/unix
// names.
const (
	portTP          = 0x00  // PORT_TP
	ethTPMDIInvalid = 0x00  // ETH_TP_MDI_INVALID
	xcvrInternal    = 0x00  // XCVR_INTERNAL
	speed10000      = 10000 // SPEED_10000
	duplexFull      = 0x01  // DUPLEX_FULL
	autonegDisable  = 0x00  // AUTONEG_DISABLE
)

// TestTypedEthtool reads a veth's link info and link modes with the
// generated ethtool types.
func TestTypedEthtool(t *testing.T) {
	ns := newNS(t)
	rc := ns.Dial(t, nlsock.Route, nil)
	var veth rtlink.NewlinkRequest
	veth.SetIfname("nlw-veth0")
	veth.SetLinkinfo().SetKind("veth")
	if err := typedNewLink(rc, &veth); err != nil {
		t.Fatalf("veth: %v", err)
	}
	c := ns.Dial(t, nlsock.Generic, nil)

	// The family id from the generated nlctrl types and from nlsock's own
	// resolver agree.
	id, err := genlFamilyID(c, "ethtool")
	if err != nil {
		t.Fatal(err)
	}
	f, err := c.GenlFamily("ethtool")
	if err != nil {
		t.Fatal(err)
	}
	if id != f.ID {
		t.Errorf("ethtool family id %d from nlctrl types, %d from GenlFamily", id, f.ID)
	}

	info, err := typedEthtoolLinkinfo(c, "nlw-veth0")
	if err != nil {
		t.Fatal(err)
	}
	links, err := typedLinks(rc)
	if err != nil {
		t.Fatal(err)
	}
	var ifindex uint32
	for _, l := range links {
		if l.Name == "nlw-veth0" {
			ifindex = uint32(l.Index)
		}
	}
	// veth_get_link_ksettings: PORT_TP, autoneg off, 10000 Mb/s full
	// duplex; phy address, MDI-X and transceiver are left zero
	// (ETH_TP_MDI_INVALID, XCVR_INTERNAL).
	want := ethLinkinfo{Ifindex: ifindex, Port: portTP, Phyaddr: 0, TpMdix: ethTPMDIInvalid,
		TpMdixCtrl: ethTPMDIInvalid, Transceiver: xcvrInternal, Present: [5]bool{true, true, true, true, true}}
	if diff := cmp.Diff(want, info); diff != "" {
		t.Errorf("linkinfo (-want +got):\n%s", diff)
	}
	lm, err := typedEthtoolLinkmodes(c, "nlw-veth0")
	if err != nil {
		t.Fatal(err)
	}
	wantLM := ethLinkmodes{Speed: speed10000, Duplex: duplexFull, Autoneg: autonegDisable,
		HasSpeed: true, HasDuplex: true, HasAutoneg: true}
	if diff := cmp.Diff(wantLM, lm); diff != "" {
		t.Errorf("linkmodes (-want +got):\n%s", diff)
	}

	// ethtool(8), where installed, reports the same.
	if path, err := exec.LookPath("ethtool"); err == nil {
		out, err := exec.Command(ns.ip, "netns", "exec", ns.Name, path, "nlw-veth0").CombinedOutput()
		if err != nil {
			t.Fatalf("ethtool: %v: %s", err, out)
		}
		for _, s := range []string{"Port: Twisted Pair", "PHYAD: 0", "Transceiver: internal", "Speed: 10000Mb/s", "Duplex: Full", "Auto-negotiation: off"} {
			if !strings.Contains(string(out), s) {
				t.Errorf("ethtool nlw-veth0 lacks %q:\n%s", s, out)
			}
		}
	} else {
		t.Log("ethtool(8) not installed: compared with veth's known values only")
	}
}

// nftRule is one rule of TestTypedNftables: the expression types it
// covers, its chain, its expressions.
type nftRule struct {
	name  string // also the rule's userdata, to find it again
	chain string
	exprs []nftables.Expr
	// adds are the attributes the kernel's dump adds to what was
	// written (its defaults), by expression index.
	adds map[int][]string
}

// expr returns an expression whose data set fills.
func expr[T any](choose func(*nftables.ExprData) *T, set func(*T)) nftables.Expr {
	var e nftables.Expr
	set(choose(e.SetData()))
	return e
}

func ne32(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

// nftRulesUnderTest covers every format of the spec's sub-message
// expr-ops (nftables.ExprData's Set methods), each attribute the kernel
// accepts in the rule's context set.
func nftRulesUnderTest() []nftRule {
	const (
		reg1 = unix.NFT_REG_1
		reg2 = unix.NFT_REG_2
	)
	value := func(d *nftables.Data, v []byte) { d.SetValue(v) }
	accept := expr((*nftables.ExprData).SetImmediate, func(x *nftables.ExprImmediate) {
		x.SetDreg(unix.NFT_REG_VERDICT)
		x.SetData().SetVerdict().SetCode(nftables.NFTABLES_VERDICT_CODE_ACCEPT)
	})
	return []nftRule{
		{name: "payload bitwise cmp immediate", chain: "in", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetPayload, func(x *nftables.ExprPayload) {
				x.SetDreg(reg1)
				x.SetBase(unix.NFT_PAYLOAD_NETWORK_HEADER)
				x.SetOffset(12)
				x.SetLen(4)
			}),
			expr((*nftables.ExprData).SetBitwise, func(x *nftables.ExprBitwise) {
				x.SetSreg(reg1)
				x.SetDreg(reg1)
				x.SetLen(4)
				x.SetOp(nftables.NFTABLES_BITWISE_OPS_BOOL)
				value(x.SetMask(), []byte{255, 255, 0, 0})
				value(x.SetXor(), []byte{0, 0, 0, 0})
			}),
			expr((*nftables.ExprData).SetCmp, func(x *nftables.ExprCmp) {
				x.SetSreg(reg1)
				x.SetOp(nftables.NFTABLES_CMP_OPS_EQ)
				value(x.SetData(), []byte{10, 1, 0, 0})
			}),
			expr((*nftables.ExprData).SetBitwise, func(x *nftables.ExprBitwise) {
				x.SetSreg(reg1)
				x.SetDreg(reg1)
				x.SetLen(4)
				x.SetOp(nftables.NFTABLES_BITWISE_OPS_LSHIFT)
				value(x.SetData(), ne32(8))
			}),
			expr((*nftables.ExprData).SetCmp, func(x *nftables.ExprCmp) {
				x.SetSreg(reg1)
				x.SetOp(nftables.NFTABLES_CMP_OPS_NEQ)
				value(x.SetData(), []byte{1, 0, 0, 0})
			}),
			expr((*nftables.ExprData).SetImmediate, func(x *nftables.ExprImmediate) {
				x.SetDreg(reg2)
				value(x.SetData(), []byte{192, 0, 2, 7})
			}),
			accept,
		}},
		{name: "ct meta fib counter quota objref payload-set", chain: "in", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetCt, func(x *nftables.ExprCt) {
				x.SetDreg(reg1)
				x.SetKey(nftables.NFTABLES_CT_KEYS_STATE)
			}),
			expr((*nftables.ExprData).SetCt, func(x *nftables.ExprCt) {
				x.SetDreg(reg2)
				x.SetKey(nftables.NFTABLES_CT_KEYS_PROTO_SRC)
				x.SetDirection(nftables.NFTABLES_CT_DIRECTION_REPLY)
			}),
			expr((*nftables.ExprData).SetMeta, func(x *nftables.ExprMeta) {
				x.SetDreg(reg1)
				x.SetKey(nftables.NFTABLES_META_KEYS_MARK)
			}),
			expr((*nftables.ExprData).SetCt, func(x *nftables.ExprCt) {
				x.SetSreg(reg1)
				x.SetKey(nftables.NFTABLES_CT_KEYS_MARK)
			}),
			expr((*nftables.ExprData).SetMeta, func(x *nftables.ExprMeta) {
				x.SetSreg(reg1)
				x.SetKey(nftables.NFTABLES_META_KEYS_PRIORITY)
			}),
			expr((*nftables.ExprData).SetFib, func(x *nftables.ExprFib) {
				x.SetDreg(reg1)
				x.SetResult(nftables.NFTABLES_FIB_RESULT_ADDRTYPE)
				x.SetFlags(nftables.NFTABLES_FIB_FLAGS_DADDR)
			}),
			expr((*nftables.ExprData).SetCounter, func(x *nftables.ExprCounter) {
				x.SetBytes(1500)
				x.SetPackets(3)
			}),
			expr((*nftables.ExprData).SetQuota, func(x *nftables.Quota) {
				x.SetBytes(1 << 30)
				x.SetFlags(nftables.NFTABLES_QUOTA_FLAGS_INVERT)
				x.SetConsumed(4096)
			}),
			expr((*nftables.ExprData).SetPayload, func(x *nftables.ExprPayload) {
				x.SetDreg(reg1)
				x.SetBase(unix.NFT_PAYLOAD_NETWORK_HEADER)
				x.SetOffset(16)
				x.SetLen(4)
			}),
			expr((*nftables.ExprData).SetObjref, func(x *nftables.ExprObjref) {
				x.SetImmType(uint32(nftables.NFTABLES_OBJECT_TYPE_COUNTER))
				x.SetImmName("c1")
			}),
			expr((*nftables.ExprData).SetPayload, func(x *nftables.ExprPayload) {
				x.SetSreg(reg1)
				x.SetBase(unix.NFT_PAYLOAD_NETWORK_HEADER)
				x.SetOffset(16)
				x.SetLen(4)
				x.SetCsumType(unix.NFT_PAYLOAD_CSUM_INET)
				x.SetCsumOffset(10)
				x.SetCsumFlags(0)
			}),
			accept,
		}},
		{name: "lookup", chain: "in", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetPayload, func(x *nftables.ExprPayload) {
				x.SetDreg(reg1)
				x.SetBase(unix.NFT_PAYLOAD_NETWORK_HEADER)
				x.SetOffset(12)
				x.SetLen(4)
			}),
			expr((*nftables.ExprData).SetLookup, func(x *nftables.ExprLookup) {
				x.SetSet("s4")
				x.SetSreg(reg1)
				x.SetFlags(nftables.NFTABLES_LOOKUP_FLAGS_INVERT)
			}),
		}},
		{name: "objref map jump", chain: "in", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetPayload, func(x *nftables.ExprPayload) {
				x.SetDreg(reg1)
				x.SetBase(unix.NFT_PAYLOAD_NETWORK_HEADER)
				x.SetOffset(12)
				x.SetLen(4)
			}),
			expr((*nftables.ExprData).SetObjref, func(x *nftables.ExprObjref) {
				x.SetSetSreg(reg1)
				x.SetSetName("om")
			}),
			expr((*nftables.ExprData).SetImmediate, func(x *nftables.ExprImmediate) {
				x.SetDreg(unix.NFT_REG_VERDICT)
				v := x.SetData().SetVerdict()
				v.SetCode(nftables.NFTABLES_VERDICT_CODE_JUMP)
				v.SetChain("sub")
			}),
		}},
		// Expressions with only their required attributes: the kernel
		// reports its defaults for the others.
		{name: "kernel defaults", chain: "in", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetCounter, func(x *nftables.ExprCounter) {}),
			expr((*nftables.ExprData).SetQuota, func(x *nftables.Quota) {
				x.SetBytes(1 << 20)
			}),
			expr((*nftables.ExprData).SetPayload, func(x *nftables.ExprPayload) {
				x.SetDreg(reg1)
				x.SetBase(unix.NFT_PAYLOAD_NETWORK_HEADER)
				x.SetOffset(12)
				x.SetLen(4)
			}),
			expr((*nftables.ExprData).SetPayload, func(x *nftables.ExprPayload) {
				x.SetSreg(reg1)
				x.SetBase(unix.NFT_PAYLOAD_NETWORK_HEADER)
				x.SetOffset(16)
				x.SetLen(4)
			}),
		}, adds: map[int][]string{
			0: {"NFTABLES_A_EXPR_COUNTER_ATTRS_BYTES", "NFTABLES_A_EXPR_COUNTER_ATTRS_PACKETS"},
			1: {"NFTABLES_A_QUOTA_ATTRS_CONSUMED", "NFTABLES_A_QUOTA_ATTRS_FLAGS"},
			3: {"NFTABLES_A_EXPR_PAYLOAD_ATTRS_CSUM_FLAGS", "NFTABLES_A_EXPR_PAYLOAD_ATTRS_CSUM_OFFSET", "NFTABLES_A_EXPR_PAYLOAD_ATTRS_CSUM_TYPE"},
		}},
		{name: "nat defaults", chain: "post", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetImmediate, func(x *nftables.ExprImmediate) {
				x.SetDreg(reg1)
				value(x.SetData(), []byte{192, 0, 2, 1})
			}),
			expr((*nftables.ExprData).SetNat, func(x *nftables.ExprNat) {
				x.SetType(unix.NFT_NAT_SNAT)
				x.SetFamily(unix.NFPROTO_IPV4)
				x.SetRegAddrMin(reg1)
			}),
		}, adds: map[int][]string{
			1: {"NFTABLES_A_EXPR_NAT_ATTRS_FLAGS", "NFTABLES_A_EXPR_NAT_ATTRS_REG_ADDR_MAX"},
		}},
		{name: "reject", chain: "in", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetMeta, func(x *nftables.ExprMeta) {
				x.SetDreg(reg1)
				x.SetKey(nftables.NFTABLES_META_KEYS_L4_PROTO)
			}),
			expr((*nftables.ExprData).SetCmp, func(x *nftables.ExprCmp) {
				x.SetSreg(reg1)
				x.SetOp(nftables.NFTABLES_CMP_OPS_EQ)
				value(x.SetData(), []byte{unix.IPPROTO_UDP})
			}),
			expr((*nftables.ExprData).SetReject, func(x *nftables.ExprReject) {
				x.SetType(nftables.NFTABLES_REJECT_TYPES_ICMP_UNREACH)
				x.SetIcmpCode(icmpPortUnreach)
			}),
		}},
		{name: "target", chain: "in", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetTarget, func(x *nftables.ExprTarget) {
				x.SetName("MARK")
				x.SetRev(2)
				x.SetInfo(append(ne32(0x10), ne32(0xff)...)) // struct xt_mark_tginfo2{mark, mask}
			}),
		}},
		{name: "tproxy", chain: "pre", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetImmediate, func(x *nftables.ExprImmediate) {
				x.SetDreg(reg1)
				value(x.SetData(), []byte{127, 0, 0, 1})
			}),
			expr((*nftables.ExprData).SetImmediate, func(x *nftables.ExprImmediate) {
				x.SetDreg(reg2)
				value(x.SetData(), []byte{0x1f, 0x90}) // port 8080, big-endian
			}),
			expr((*nftables.ExprData).SetTproxy, func(x *nftables.ExprTproxy) {
				x.SetFamily(unix.NFPROTO_IPV4)
				x.SetRegAddr(reg1)
				x.SetRegPort(reg2)
			}),
		}},
		{name: "nat", chain: "post", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetImmediate, func(x *nftables.ExprImmediate) {
				x.SetDreg(reg1)
				value(x.SetData(), []byte{192, 0, 2, 1})
			}),
			expr((*nftables.ExprData).SetImmediate, func(x *nftables.ExprImmediate) {
				x.SetDreg(reg2)
				value(x.SetData(), []byte{0x04, 0x00}) // port 1024
			}),
			expr((*nftables.ExprData).SetNat, func(x *nftables.ExprNat) {
				x.SetType(unix.NFT_NAT_SNAT)
				x.SetFamily(unix.NFPROTO_IPV4)
				x.SetRegAddrMin(reg1)
				x.SetRegAddrMax(reg1)
				x.SetRegProtoMin(reg2)
				x.SetRegProtoMax(reg2)
				x.SetFlags(nftables.NFTABLES_NAT_RANGE_FLAGS_MAP_IPS | nftables.NFTABLES_NAT_RANGE_FLAGS_PROTO_SPECIFIED |
					nftables.NFTABLES_NAT_RANGE_FLAGS_PERSISTENT)
			}),
		}},
		{name: "flow_offload", chain: "fwd", exprs: []nftables.Expr{
			expr((*nftables.ExprData).SetFlowOffload, func(x *nftables.ExprFlowOffload) {
				x.SetName("ft")
			}),
		}},
	}
}

// icmpPortUnreach is ICMP_PORT_UNREACH of <linux/icmp.h>, which neither
// the spec nor x/sys/unix names.
const icmpPortUnreach = 3

// TestTypedNftables builds an nftables batch of a table, a set, a counter
// object, base chains and rules whose expressions cover every format of
// the spec's expr-ops, sends it, reads the rules back and compares every
// expression, attribute by attribute, with what was written.
func TestTypedNftables(t *testing.T) {
	ns := newNS(t)
	c := ns.Dial(t, unix.NETLINK_NETFILTER, nil)
	ip4 := nftables.Nfgenmsg{NfgenFamily: unix.NFPROTO_IPV4}
	const table = "nlw"

	newTable := nftables.NewtableRequest{Fixed: ip4}
	newTable.SetName(table)
	set := nftables.NewsetRequest{Fixed: ip4}
	set.SetTable(table)
	set.SetName("s4")
	set.SetKeyLen(4)
	set.SetId(1)
	obj := nftables.NewobjRequest{Fixed: ip4}
	obj.SetTable(table)
	obj.SetName("c1")
	obj.SetType(nftables.NFTABLES_OBJECT_TYPE_COUNTER)
	obj.SetData().SetCounter()
	objMap := nftables.NewsetRequest{Fixed: ip4}
	objMap.SetTable(table)
	objMap.SetName("om")
	objMap.SetFlags(nftables.NFTABLES_SET_FLAGS_OBJECT)
	objMap.SetKeyLen(4)
	objMap.SetObjType(uint32(nftables.NFTABLES_OBJECT_TYPE_COUNTER))
	objMap.SetId(2)
	sub := nftables.NewchainRequest{Fixed: ip4} // a regular chain, to jump to
	sub.SetTable(table)
	sub.SetName("sub")
	reqs := []request{&newTable, &set, &objMap, &obj, &sub}
	for _, ch := range []struct {
		name, typ string
		hook      uint32
		prio      int32
	}{
		{"in", "filter", unix.NF_INET_LOCAL_IN, 0},
		{"pre", "filter", unix.NF_INET_PRE_ROUTING, -150},
		{"post", "nat", unix.NF_INET_POST_ROUTING, 100},
		{"fwd", "filter", unix.NF_INET_FORWARD, 0},
	} {
		r := nftables.NewchainRequest{Fixed: ip4}
		r.SetTable(table)
		r.SetName(ch.name)
		r.SetType(ch.typ)
		h := r.SetHook()
		h.SetNum(ch.hook)
		h.SetPriority(ch.prio)
		reqs = append(reqs, &r)
	}
	errs, err := nftBatch(c, reqs...)
	if err != nil {
		t.Fatal(err)
	}
	for i, err := range errs {
		if err != nil {
			t.Fatalf("setup batch, message %d: %v", i, err)
		}
	}

	// Each rule in a batch of its own, so that a rule the running kernel
	// refuses is reported with the kernel's error and the others still go in.
	rules := nftRulesUnderTest()
	accepted := map[string]bool{}
	refused := map[string]error{}
	for _, r := range rules {
		req := nftables.NewruleRequest{Fixed: ip4}
		req.SetTable(table)
		req.SetChain(r.chain)
		req.SetUserdata([]byte(r.name))
		req.SetExpressions().SetElem(r.exprs)
		errs, err := nftBatch(c, &req)
		if err != nil {
			t.Fatal(err)
		}
		if errs[0] != nil {
			var kerr *wire.Error
			if errors.As(errs[0], &kerr) && kerr.Offset != 0 {
				// Name the attribute the kernel's extended ACK points at.
				b := wire.NewBuilder(nil)
				if err := req.Append(&b, wire.Header{}); err != nil {
					t.Fatal(err)
				}
				msg, err := b.Finish()
				if err != nil {
					t.Fatal(err)
				}
				const hdr = wire.HeaderLen + 4 // nlmsghdr, nfgenmsg
				errs[0] = fmt.Errorf("%w, at %s", errs[0], attrAt(&nftables.RuleAttrs, msg[hdr:], int(kerr.Offset)-hdr))
			}
			refused[r.name] = errs[0]
			continue
		}
		accepted[r.name] = true
	}

	// Read the rules back.
	got := map[string][]nftables.Expr{}
	err = nftRules(c, unix.NFPROTO_IPV4, table, func(r *nftables.GetruleReply) error {
		ud, _ := r.Userdata()
		list, ok := r.Expressions()
		if !ok {
			return fmt.Errorf("rule %q without expressions", ud)
		}
		var exprs []nftables.Expr
		it := list.Elem()
		for {
			var e nftables.Expr
			if !it.Next(&e) {
				break
			}
			exprs = append(exprs, e)
		}
		if err := it.Err(); err != nil {
			return fmt.Errorf("rule %q: %w", ud, err)
		}
		got[string(ud)] = exprs
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Per expression type: round-tripped (how often, which attributes),
	// or refused by the kernel.
	result := map[string]string{}
	roundTrips := map[string]int{}
	covered := map[string]map[string]bool{}
	for _, r := range rules {
		if err := refused[r.name]; err != nil {
			for _, e := range r.exprs {
				d, _ := e.Data()
				if result[d.Format()] == "" {
					result[d.Format()] = "refused in rule " + fmt.Sprintf("%q: %v", r.name, err)
				}
			}
			continue
		}
		read, ok := got[r.name]
		if !ok {
			t.Errorf("rule %q accepted but not read back", r.name)
			continue
		}
		if len(read) != len(r.exprs) {
			t.Errorf("rule %q: wrote %d expressions, read back %d", r.name, len(r.exprs), len(read))
			continue
		}
		for i := range r.exprs {
			w, g := &r.exprs[i], &read[i]
			wd, _ := w.Data()
			gd, _ := g.Data()
			name, _ := g.Name()
			if string(name) != wd.Format() || gd.Format() != wd.Format() {
				t.Errorf("rule %q expression %d: wrote %q, read back %q (format %q)", r.name, i, wd.Format(), name, gd.Format())
				continue
			}
			written := exprAttrs(t, w)
			// The kernel's bytes, walked with the spec's tables, and the
			// generated type's decoding of them, encoded again.
			kernel := dataAttrs(t, wd.Format(), gd.Bytes())
			decoded := exprAttrs(t, g)
			if diff := cmp.Diff(kernel, decoded); diff != "" {
				t.Errorf("rule %q expression %d (%s): decoded and re-encoded differs from the kernel's bytes (-kernel +decoded):\n%s", r.name, i, wd.Format(), diff)
			}
			added := map[string]string{}
			for k, v := range kernel {
				if _, ok := written[k]; !ok {
					added[k] = v
					delete(kernel, k)
				}
			}
			if diff := cmp.Diff(written, kernel); diff != "" {
				t.Errorf("rule %q expression %d (%s): read back differs (-written +read):\n%s", r.name, i, wd.Format(), diff)
			}
			// The same through the generated getters: every value the
			// written expression holds, the read one holds too.
			wg, gg := exprGetters(w), exprGetters(g)
			if len(wg) != len(written) {
				t.Errorf("rule %q expression %d (%s): %d getters report a value, %d attributes encoded: %v", r.name, i, wd.Format(), len(wg), len(written), wg)
			}
			for k := range gg {
				if _, ok := wg[k]; !ok {
					delete(gg, k) // kernel-added, checked above
				}
			}
			if diff := cmp.Diff(wg, gg); diff != "" {
				t.Errorf("rule %q expression %d (%s): getters differ (-written +read):\n%s", r.name, i, wd.Format(), diff)
			}
			if len(added) > 0 {
				t.Logf("rule %q expression %d (%s): the kernel added %v", r.name, i, wd.Format(), added)
			}
			want := r.adds[i]
			if diff := cmp.Diff(want, slices.Sorted(mapsKeys(added)), cmpEmpty); diff != "" {
				t.Errorf("rule %q expression %d (%s): attributes the kernel added (-want +got):\n%s", r.name, i, wd.Format(), diff)
			}
			roundTrips[wd.Format()]++
			if covered[wd.Format()] == nil {
				covered[wd.Format()] = map[string]bool{}
			}
			for k := range written {
				covered[wd.Format()][k] = true
			}
		}
	}

	// Every format of the spec, and only the refusals this kernel's
	// configuration explains.
	for _, f := range exprFormats() {
		if n := roundTrips[f]; n > 0 {
			var names []string
			for k := range covered[f] {
				names = append(names, strings.TrimPrefix(k, nftables.ExprAttrs.Attr(nftables.NFTABLES_A_EXPR_ATTRS_DATA).ChildSet(f).Space+"_"))
			}
			sort.Strings(names)
			t.Logf("%-13s round trip of %d expressions, attributes %s", f, n, strings.Join(names, " "))
			continue
		}
		r, ok := result[f]
		if !ok {
			t.Errorf("expression type %q not covered", f)
			continue
		}
		t.Logf("%-13s %s", f, r)
	}
	for name, err := range refused {
		if name == "flow_offload" && errors.Is(err, unix.ENOENT) {
			continue // CONFIG_NF_FLOW_TABLE=n: no "flow_offload" expression type
		}
		t.Errorf("rule %q refused: %v", name, err)
	}
	if len(accepted)+len(refused) != len(rules) {
		t.Errorf("%d rules, %d accepted, %d refused", len(rules), len(accepted), len(refused))
	}
}

var cmpEmpty = cmp.Transformer("empty", func(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
})

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// exprFormats returns the formats of the spec's sub-message expr-ops.
func exprFormats() []string {
	a := nftables.ExprAttrs.Attr(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
	var fs []string
	for _, v := range a.Variants {
		fs = append(fs, v.Value)
	}
	sort.Strings(fs)
	return fs
}

// exprAttrs encodes e and returns its data's attributes, flattened by
// dataAttrs.
func exprAttrs(t *testing.T, e *nftables.Expr) map[string]string {
	t.Helper()
	enc := attr.NewEncoder(nil)
	e.Encode(&enc)
	b, err := enc.Finish()
	if err != nil {
		t.Fatal(err)
	}
	d := attr.NewDecoder(b)
	var name string
	var data []byte
	for d.Next() {
		switch d.Type() {
		case nftables.NFTABLES_A_EXPR_ATTRS_NAME:
			name = string(d.StringBytes())
		case nftables.NFTABLES_A_EXPR_ATTRS_DATA:
			data = d.Bytes()
		}
	}
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	return dataAttrs(t, name, data)
}

// dataAttrs walks the data of an expression of the format with the
// spec's tables: attribute name (nests as "OUTER.INNER") to payload in hex.
func dataAttrs(t *testing.T, format string, data []byte) map[string]string {
	t.Helper()
	set := nftables.ExprAttrs.Attr(nftables.NFTABLES_A_EXPR_ATTRS_DATA).ChildSet(format)
	if set == nil {
		t.Fatalf("no attribute set for expression type %q", format)
	}
	m := map[string]string{}
	walkExprAttrs(t, set, data, "", m)
	return m
}

func walkExprAttrs(t *testing.T, set *family.Set, b []byte, prefix string, m map[string]string) {
	d := attr.NewDecoder(b)
	for d.Next() {
		typ := d.Type()
		a := set.Attr(typ)
		name := fmt.Sprintf("%s?%d", set.Space, typ)
		if a != nil {
			name = a.Name
		}
		if a != nil && a.Format == family.Nested {
			if child := a.ChildSet(""); child != nil {
				walkExprAttrs(t, child, d.Bytes(), prefix+name+".", m)
				continue
			}
		}
		m[prefix+name] = hex.EncodeToString(d.Bytes())
	}
	if err := d.Err(); err != nil {
		t.Errorf("%s: %v", prefix, err)
	}
}

// attrAt names the attribute whose header is at offset off of b, the
// attributes of set, walking into nests (sub-messages by their selector)
// with the spec's tables: "NAME[index].CHILD...".
func attrAt(set *family.Set, b []byte, off int) string {
	d := attr.NewDecoder(b)
	var key string
	var a *family.Attr
	for d.Next() {
		if s := set.Attr(d.Type()); s != nil && s.Format == family.String {
			key = string(d.StringBytes()) // a sub-message's selector precedes its data here
		}
	}
	d = attr.NewDecoder(b)
	at, i := 0, 0
	for d.Next() {
		n := 4 + len(d.Bytes())
		if off >= at && off < at+n {
			a = set.Attr(d.Type())
			name := fmt.Sprintf("%s?%d", set.Space, d.Type())
			if a != nil {
				name = a.Name
				if a.Multi {
					name += fmt.Sprintf("[%d]", i)
				}
			}
			if off == at || a == nil || a.Format != family.Nested {
				return name
			}
			child := a.ChildSet(key)
			if child == nil {
				return name
			}
			return name + "." + attrAt(child, d.Bytes(), off-at-4)
		}
		if a := set.Attr(d.Type()); a != nil && a.Multi {
			i++
		}
		at += (n + 3) &^ 3
	}
	return fmt.Sprintf("offset %d (outside the attributes)", off)
}

// exprGetters is the expression's data as its generated getters report
// it: getter name to value, present attributes only.
func exprGetters(e *nftables.Expr) map[string]any {
	m := map[string]any{}
	add := func(k string, v any, ok bool) {
		if ok {
			if b, isBytes := v.([]byte); isBytes {
				v = string(b)
			}
			m[k] = v
		}
	}
	addData := func(k string, d *nftables.Data, ok bool) {
		if !ok {
			return
		}
		v, ok := d.Value()
		add(k+".Value", v, ok)
		if vd, ok := d.Verdict(); ok {
			c, ok := vd.Code()
			add(k+".Verdict.Code", c, ok)
			ch, ok := vd.Chain()
			add(k+".Verdict.Chain", ch, ok)
			id, ok := vd.ChainId()
			add(k+".Verdict.ChainId", id, ok)
		}
	}
	d, ok := e.Data()
	if !ok {
		return m
	}
	if x, ok := d.Bitwise(); ok {
		v, ok := x.Sreg()
		add("Sreg", v, ok)
		v, ok = x.Dreg()
		add("Dreg", v, ok)
		v, ok = x.Len()
		add("Len", v, ok)
		op, ok := x.Op()
		add("Op", op, ok)
		dd, ok := x.Mask()
		addData("Mask", dd, ok)
		dd, ok = x.Xor()
		addData("Xor", dd, ok)
		dd, ok = x.Data()
		addData("Data", dd, ok)
	}
	if x, ok := d.Cmp(); ok {
		v, ok := x.Sreg()
		add("Sreg", v, ok)
		op, ok := x.Op()
		add("Op", op, ok)
		dd, ok := x.Data()
		addData("Data", dd, ok)
	}
	if x, ok := d.Counter(); ok {
		v, ok := x.Bytes()
		add("Bytes", v, ok)
		v, ok = x.Packets()
		add("Packets", v, ok)
	}
	if x, ok := d.Ct(); ok {
		v, ok := x.Dreg()
		add("Dreg", v, ok)
		k, ok := x.Key()
		add("Key", k, ok)
		dir, ok := x.Direction()
		add("Direction", dir, ok)
		v, ok = x.Sreg()
		add("Sreg", v, ok)
	}
	if x, ok := d.Fib(); ok {
		v, ok := x.Dreg()
		add("Dreg", v, ok)
		r, ok := x.Result()
		add("Result", r, ok)
		f, ok := x.Flags()
		add("Flags", f, ok)
	}
	if x, ok := d.FlowOffload(); ok {
		n, ok := x.Name()
		add("Name", n, ok)
	}
	if x, ok := d.Immediate(); ok {
		v, ok := x.Dreg()
		add("Dreg", v, ok)
		dd, ok := x.Data()
		addData("Data", dd, ok)
	}
	if x, ok := d.Lookup(); ok {
		n, ok := x.GetSet()
		add("Set", n, ok)
		v, ok := x.GetSetId()
		add("SetId", v, ok)
		v, ok = x.Sreg()
		add("Sreg", v, ok)
		v, ok = x.Dreg()
		add("Dreg", v, ok)
		f, ok := x.Flags()
		add("Flags", f, ok)
	}
	if x, ok := d.Meta(); ok {
		v, ok := x.Dreg()
		add("Dreg", v, ok)
		k, ok := x.Key()
		add("Key", k, ok)
		v, ok = x.Sreg()
		add("Sreg", v, ok)
	}
	if x, ok := d.Nat(); ok {
		for _, g := range []struct {
			k string
			f func() (uint32, bool)
		}{{"Type", x.Type}, {"Family", x.Family}, {"RegAddrMin", x.RegAddrMin}, {"RegAddrMax", x.RegAddrMax},
			{"RegProtoMin", x.RegProtoMin}, {"RegProtoMax", x.RegProtoMax}} {
			v, ok := g.f()
			add(g.k, v, ok)
		}
		f, ok := x.Flags()
		add("Flags", f, ok)
	}
	if x, ok := d.Objref(); ok {
		v, ok := x.ImmType()
		add("ImmType", v, ok)
		n, ok := x.ImmName()
		add("ImmName", n, ok)
		v, ok = x.GetSetSreg()
		add("SetSreg", v, ok)
		n, ok = x.GetSetName()
		add("SetName", n, ok)
		v, ok = x.GetSetId()
		add("SetId", v, ok)
	}
	if x, ok := d.Payload(); ok {
		for _, g := range []struct {
			k string
			f func() (uint32, bool)
		}{{"Dreg", x.Dreg}, {"Base", x.Base}, {"Offset", x.Offset}, {"Len", x.Len}, {"Sreg", x.Sreg},
			{"CsumType", x.CsumType}, {"CsumOffset", x.CsumOffset}, {"CsumFlags", x.CsumFlags}} {
			v, ok := g.f()
			add(g.k, v, ok)
		}
	}
	if x, ok := d.Quota(); ok {
		v, ok := x.Bytes()
		add("Bytes", v, ok)
		f, ok := x.Flags()
		add("Flags", f, ok)
		v, ok = x.Consumed()
		add("Consumed", v, ok)
	}
	if x, ok := d.Reject(); ok {
		ty, ok := x.Type()
		add("Type", ty, ok)
		c, ok := x.IcmpCode()
		add("IcmpCode", c, ok)
	}
	if x, ok := d.Target(); ok {
		n, ok := x.Name()
		add("Name", n, ok)
		v, ok := x.Rev()
		add("Rev", v, ok)
		info, ok := x.Info()
		add("Info", info, ok)
	}
	if x, ok := d.Tproxy(); ok {
		v, ok := x.Family()
		add("Family", v, ok)
		v, ok = x.RegAddr()
		add("RegAddr", v, ok)
		v, ok = x.RegPort()
		add("RegPort", v, ok)
	}
	return m
}
