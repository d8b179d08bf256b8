package dissect_test

import (
	"encoding/binary"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/ovsflow"
)

// ovsFlowReply is an OVS_FLOW_CMD_GET reply of generic family id in byte
// order o: a flow key of an Ethernet and an IPv4 key (structs
// ovs_key_ethernet, ovs_key_ipv4 and ovs_key_ipv6, addresses and the
// flow label big-endian whatever the order), and the flow's stats (struct ovs_flow_stats, u64s in o) with 4
// bytes past the struct.
func ovsFlowReply(id uint16, o nlwire.Order) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	if o == nlwire.BigEndian {
		bo = binary.BigEndian
	}
	attr := func(typ uint16, p []byte) []byte {
		b := bo.AppendUint16(nil, uint16(4+len(p)))
		b = bo.AppendUint16(b, typ)
		b = append(b, p...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	eth := []byte{2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}
	ip := []byte{192, 0, 2, 1, 198, 51, 100, 7, 6, 0x10, 64, 0}
	ip6 := append(netip.MustParseAddr("2001:db8::1").AsSlice(), netip.MustParseAddr("2001:db8::2").AsSlice()...)
	ip6 = append(ip6, 0, 0x0a, 0xbc, 0xde, 17, 0, 255, 0) // label 0xabcde, UDP, hop limit 255
	key := append(attr(ovsflow.OVS_KEY_ATTR_ETHERNET, eth), attr(ovsflow.OVS_KEY_ATTR_IPV4, ip)...)
	key = append(key, attr(ovsflow.OVS_KEY_ATTR_IPV6, ip6)...)
	stats := bo.AppendUint64(nil, 3)
	stats = bo.AppendUint64(stats, 1<<40+5)
	stats = append(stats, 0xaa, 0xbb, 0xcc, 0xdd)
	body := append(attr(ovsflow.OVS_FLOW_ATTR_KEY, key), attr(ovsflow.OVS_FLOW_ATTR_STATS, stats)...)
	// nlmsghdr, genlmsghdr (command, version 1), struct ovs_header.
	msg := bo.AppendUint32(nil, uint32(16+4+4+len(body)))
	msg = bo.AppendUint16(msg, id)
	msg = bo.AppendUint16(msg, 0)
	msg = bo.AppendUint32(msg, 1)
	msg = bo.AppendUint32(msg, 0)
	msg = append(msg, ovsflow.OVS_FLOW_CMD_GET, 1, 0, 0)
	msg = bo.AppendUint32(msg, 7) // dp-ifindex
	return append(msg, body...)
}

// TestOvsFlowStructs: a generic family's binary attributes with a struct
// in its spec (ovs_flow, named by GenlNames) are read by their
// members, in either byte order, big-endian members as such, members
// of display hint ipv4 and ipv6 as addresses; bytes past
// the struct are "trailing"; the walk allocates nothing.
func TestOvsFlowStructs(t *testing.T) {
	const id = 0x22
	want := []string{
		"OVS_KEY_ATTR_ETHERNET ovs_key_ethernet eth-src=020000000001 eth-dst=020000000002",
		"OVS_KEY_ATTR_IPV4 ovs_key_ipv4 ipv4-proto=6 ipv4-tos=16 ipv4-ttl=64 ipv4-frag=0 ipv4-src=192.0.2.1 ipv4-dst=198.51.100.7",
		"OVS_KEY_ATTR_IPV6 ovs_key_ipv6 ipv6-label=703710 ipv6-proto=17 ipv6-tclass=0 ipv6-hlimit=255 ipv6-frag=0 ipv6-src=2001:db8::1 ipv6-dst=2001:db8::2",
		"OVS_FLOW_ATTR_STATS ovs_flow_stats n-packets=3 n-bytes=1099511627781 trailing=aabbccdd",
	}
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		d := dissect.New()
		d.Genl.Add(id, "ovs_flow")
		msg := ovsFlowReply(id, o)
		var w structWriter
		if err := d.Datagram(&w, dissect.ProtoGeneric, o, msg); err != nil {
			t.Fatal(err)
		}
		if w.problems != 0 {
			t.Errorf("%v: %d problems", o, w.problems)
		}
		if diff := cmp.Diff(want, w.attrs); diff != "" {
			t.Errorf("%v (-want +got):\n%s", o, diff)
		}
		if n := testing.AllocsPerRun(100, func() {
			_ = d.Datagram(dissect.Discard{}, dissect.ProtoGeneric, o, msg)
		}); n != 0 {
			t.Errorf("%v: %v allocations a message", o, n)
		}
	}
}
