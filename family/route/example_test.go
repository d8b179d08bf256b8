package route_test

import (
	"encoding/hex"
	"fmt"
	"net/netip"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
)

// Build an RTM_NEWLINK request that creates a veth pair, on any OS, in
// little-endian order (for an x86_64 or arm64 target). The order is
// given once, to the Builder: wire.PutFixedHeader writes each struct
// ifinfomsg in it, the message's own and the one that leads
// VETH_INFO_PEER.
func Example_newVeth() {
	b := wire.NewBuilder(nil).WithOrder(nlwire.LittleEndian)
	m := b.Start(wire.Header{Type: route.RTM_NEWLINK, Flags: wire.Request | wire.Ack | wire.Create | wire.Excl, Seq: 1})
	wire.PutFixedHeader(&b, route.IfInfoMsg{})
	a := b.Attrs()
	a.String(route.IFLA_IFNAME, "veth0")
	li := a.Begin(route.IFLA_LINKINFO)
	a.String(route.IFLA_INFO_KIND, "veth")
	data := a.Begin(route.IFLA_INFO_DATA)
	peer := a.Begin(route.VETH_INFO_PEER)
	wire.PutFixedHeader(&b, route.IfInfoMsg{})
	a.String(route.IFLA_IFNAME, "veth1")
	a.End(peer)
	a.End(data)
	a.End(li)
	b.End(m)
	out, err := b.Finish()
	if err != nil {
		panic(err)
	}
	for i := 0; i < len(out); i += 16 {
		fmt.Println(hex.EncodeToString(out[i:min(i+16, len(out))]))
	}
	// Output:
	// 60000000100005060100000000000000
	// 00000000000000000000000000000000
	// 0a000300766574683000000034001280
	// 09000100766574680000000024000280
	// 20000180000000000000000000000000
	// 000000000a0003007665746831000000
}

// Build an RTM_GETROUTE dump request for the IPv4 routes of every table.
func Example_getRouteDump() {
	b := wire.NewBuilder(nil).WithOrder(nlwire.LittleEndian)
	m := b.Start(wire.Header{Type: route.RTM_GETROUTE, Flags: wire.Request | wire.Dump, Seq: 2})
	wire.PutFixedHeader(&b, route.RtMsg{Family: route.AF_INET})
	b.End(m)
	out, _ := b.Finish()
	fmt.Println(hex.EncodeToString(out))
	// Output:
	// 1c0000001a0001030200000000000000020000000000000000000000
}

// Decode a route dump captured from a Linux 6.18 kernel (x86_64, so
// little-endian whatever the host): print each route's destination,
// gateway and output interface.
func Example_decodeRouteDump() {
	dgrams := must(loadHex("testdata/getroute4.hex"))
	o := nlwire.LittleEndian
	for _, dg := range dgrams {
		r := wire.NewReader(dg).WithOrder(o)
		for r.Next() {
			if r.Header().Type != route.RTM_NEWROUTE {
				continue
			}
			rt, err := route.ParseRtMsg(r.Payload(), o)
			if err != nil || rt.Table != route.RT_TABLE_MAIN {
				continue
			}
			var dst, gw netip.Addr
			var oif uint32
			d := r.Attrs(route.RtMsgLen)
			for d.Next() {
				switch d.Type() {
				case route.RTA_DST:
					dst, _ = netip.AddrFromSlice(d.Bytes())
				case route.RTA_GATEWAY:
					gw, _ = netip.AddrFromSlice(d.Bytes())
				case route.RTA_OIF:
					oif = d.Uint32()
				case route.RTA_MULTIPATH:
					gw = netip.IPv4Unspecified()
				}
			}
			fmt.Println(netip.PrefixFrom(dst, int(rt.DstLen)), "via", gw, "dev", oif, route.RouteAttrs.Name(route.RTA_OIF))
		}
	}
	// Output:
	// 192.0.2.0/24 via invalid IP dev 3 RTA_OIF
	// 198.51.100.0/24 via 0.0.0.0 dev 0 RTA_OIF
	// 203.0.113.0/24 via 192.0.2.2 dev 3 RTA_OIF
}
