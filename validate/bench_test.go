package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/attr"
)

type attrDecoder = attr.Decoder

// fakePresent returns a decoder positioned on an attribute, to check that
// Parse clears the table.
func fakePresent() attr.Decoder {
	d := attr.NewDecoder(host.a(1, n(4)))
	d.Next()
	return d
}

// A policy modelled on the kernel's ifla_policy (net/core/rtnetlink.c),
// ifla_info_policy, vlan_policy (net/8021q/vlan_netlink.c) and the
// IFLA_AF_SPEC/AF_INET6 policy (net/ipv6/addrconf.c), trimmed to the
// attributes a VLAN link message carries.
var (
	vlanPolicy = Policy{Rules: []Rule{
		1: {Kind: U16},            // IFLA_VLAN_ID
		2: {Kind: Unspec, Len: 8}, // IFLA_VLAN_FLAGS: { .len = sizeof(struct ifla_vlan_flags) }
		3: {Kind: Nested},         // IFLA_VLAN_EGRESS_QOS
		4: {Kind: Nested},         // IFLA_VLAN_INGRESS_QOS
		5: {Kind: BE16},           // IFLA_VLAN_PROTOCOL
	}}
	linkInfoPolicy = Policy{Rules: []Rule{
		1: {Kind: String},            // IFLA_INFO_KIND
		2: NestedPolicy(&vlanPolicy), // IFLA_INFO_DATA (vlan's)
		3: {Kind: Unspec},            // IFLA_INFO_XSTATS
		4: {Kind: String},            // IFLA_INFO_SLAVE_KIND
		5: {Kind: Nested},            // IFLA_INFO_SLAVE_DATA
	}}
	inet6Policy = Policy{Rules: []Rule{
		1: {Kind: U32},             // IFLA_INET6_FLAGS
		7: {Kind: Binary, Len: 16}, // IFLA_INET6_TOKEN
		8: {Kind: U8},              // IFLA_INET6_ADDR_GEN_MODE
		9: {Kind: Binary, Len: 16}, // IFLA_INET6_RA_MTU stand-in
	}}
	afSpecPolicy = Policy{Rules: []Rule{
		2:  {Kind: Nested},             // AF_INET
		10: NestedPolicy(&inet6Policy), // AF_INET6
	}}
	linkPolicy = Policy{StrictStartType: 40, Rules: []Rule{
		1:  {Kind: Binary, Len: 32},       // IFLA_ADDRESS (MAX_ADDR_LEN)
		2:  {Kind: Binary, Len: 32},       // IFLA_BROADCAST
		3:  {Kind: String, Len: 15},       // IFLA_IFNAME (IFNAMSIZ-1)
		4:  {Kind: U32},                   // IFLA_MTU
		5:  {Kind: U32},                   // IFLA_LINK
		6:  {Kind: String, Len: 15},       // IFLA_QDISC
		7:  {Kind: Unspec, Len: 96},       // IFLA_STATS
		10: {Kind: U32},                   // IFLA_MASTER
		13: {Kind: U32},                   // IFLA_TXQLEN
		14: {Kind: Unspec, Len: 32},       // IFLA_MAP
		15: {Kind: U32},                   // IFLA_WEIGHT
		16: {Kind: U8},                    // IFLA_OPERSTATE
		17: {Kind: U8},                    // IFLA_LINKMODE
		18: NestedPolicy(&linkInfoPolicy), // IFLA_LINKINFO
		19: {Kind: U32},                   // IFLA_NET_NS_PID
		20: {Kind: String, Len: 255},      // IFLA_IFALIAS
		22: {Kind: Nested},                // IFLA_VFINFO_LIST
		23: {Kind: Unspec, Len: 192},      // IFLA_STATS64
		24: {Kind: Nested},                // IFLA_VF_PORTS
		25: {Kind: Nested},                // IFLA_PORT_SELF
		26: NestedPolicy(&afSpecPolicy),   // IFLA_AF_SPEC
		27: {Kind: U32},                   // IFLA_GROUP
		28: {Kind: U32},                   // IFLA_NET_NS_FD
		29: {Kind: U32},                   // IFLA_EXT_MASK
		30: {Kind: U32},                   // IFLA_PROMISCUITY
		31: {Kind: U32},                   // IFLA_NUM_TX_QUEUES
		32: {Kind: U32},                   // IFLA_NUM_RX_QUEUES
		33: {Kind: U8},                    // IFLA_CARRIER
		34: {Kind: Binary, Len: 32},       // IFLA_PHYS_PORT_ID
		35: {Kind: U32},                   // IFLA_CARRIER_CHANGES
		36: {Kind: Binary, Len: 32},       // IFLA_PHYS_SWITCH_ID
		37: {Kind: S32},                   // IFLA_LINK_NETNSID
		38: {Kind: String, Len: 15},       // IFLA_PHYS_PORT_NAME
		39: Range(U8, 0, 1),               // IFLA_PROTO_DOWN
		40: {Kind: U32},                   // IFLA_GSO_MAX_SEGS
		41: {Kind: U32},                   // IFLA_GSO_MAX_SIZE
		48: {Kind: U32},                   // IFLA_CARRIER_DOWN_COUNT
		50: {Kind: U32},                   // IFLA_MIN_MTU
		51: {Kind: U32},                   // IFLA_MAX_MTU
		52: {Kind: Nested},                // IFLA_PROP_LIST
		53: {Kind: String, Len: 127},      // IFLA_ALT_IFNAME
		54: {Kind: Reject},                // IFLA_PERM_ADDRESS
		55: {Kind: U32},                   // IFLA_PROTO_DOWN_REASON stand-in
	}}
)

// newLinkAttrs returns the attributes of an RTM_NEWLINK for a VLAN link
// (after the 16-byte ifinfomsg) and how many attributes it holds,
// nested ones included.
func newLinkAttrs() ([]byte, int) {
	e := host
	a := e.a
	u32 := func(t uint16, v uint32) []byte { return a(t, e.u32(v)) }
	u8 := func(t uint16, v uint8) []byte { return a(t, []byte{v}) }
	parts := [][]byte{
		a(3, str("vlan100\x00")),
		u32(4, 1500),
		u32(13, 1000),
		u8(16, 6),
		u8(17, 0),
		u32(50, 0),
		u32(51, 65535),
		u32(27, 0),
		u32(30, 0),
		u32(31, 1),
		u32(32, 1),
		u32(40, 65535),
		u32(41, 65536),
		a(6, str("noqueue\x00")),
		u8(33, 1),
		u32(35, 2),
		u8(39, 0),
		u32(5, 2),
		a(1, []byte{2, 0, 0, 0, 0, 1}),
		a(2, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}),
		a(23, n(192)),
		e.nest(18,
			a(1, str("vlan\x00")),
			e.nest(2, a(1, e.u16(100)), a(5, []byte{0x81, 0x00}), a(2, cat(e.u32(1), e.u32(0xffffffff))))),
		e.nest(26, e.nest(10, u32(1, 0x80000000), u8(8, 0), a(7, n(16)))),
	}
	// 21 top-level leaves, LINKINFO + KIND + DATA + 3 VLAN, AF_SPEC +
	// AF_INET6 + 3.
	return cat(parts...), 21 + 6 + 5
}

// TestNewLinkValid: the message passes in the mode rtnetlink uses
// (rtnl_newlink: nlmsg_parse_deprecated, NL_VALIDATE_LIBERAL), and in
// ModeDeprecatedStrict; ModeStrict refuses IFLA_STATS64, a { .len = ... }
// entry, i.e. NLA_UNSPEC.
func TestNewLinkValid(t *testing.T) {
	b, _ := newLinkAttrs()
	for _, m := range []Mode{ModeLiberal, ModeDeprecatedStrict} {
		if err := (Options{Base: 32}).Validate(b, &linkPolicy, m); err != nil {
			t.Errorf("%v: %v", m, err)
		}
	}
	want := fail(EINVAL, MsgUnsupported, 208, false, 23)
	if diff := cmp.Diff(want, resultOf(Options{Base: 32}.Validate(b, &linkPolicy, ModeStrict))); diff != "" {
		t.Errorf("strict (-want +got)\n%s", diff)
	}
}

func TestAllocs(t *testing.T) {
	b, _ := newLinkAttrs()
	tb := make([]attr.Decoder, 56)
	o := Options{Base: 32}
	if n := testing.AllocsPerRun(100, func() {
		if o.Validate(b, &linkPolicy, ModeLiberal) != nil {
			t.Fatal("rejected")
		}
	}); n != 0 {
		t.Errorf("Validate: %v allocs, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() {
		if o.Parse(b, &linkPolicy, ModeLiberal, tb) != nil {
			t.Fatal("rejected")
		}
	}); n != 0 {
		t.Errorf("Parse: %v allocs, want 0", n)
	}
	msg := cat(n(16), b)
	if n := testing.AllocsPerRun(100, func() {
		if ValidateMessage(msg, 16, &linkPolicy, ModeLiberal) != nil {
			t.Fatal("rejected")
		}
	}); n != 0 {
		t.Errorf("ValidateMessage: %v allocs, want 0", n)
	}
	// Liberal validation of over-long integers and leftovers, no warn hook.
	odd := cat(host.a(4, n(8)), n(3))
	if n := testing.AllocsPerRun(100, func() {
		if Validate(odd, &linkPolicy, ModeLiberal) != nil {
			t.Fatal("rejected")
		}
	}); n != 0 {
		t.Errorf("Validate liberal with warnings: %v allocs, want 0", n)
	}
}

func BenchmarkValidate(b *testing.B) {
	msg, attrs := newLinkAttrs()
	o := Options{Base: 32}
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		if o.Validate(msg, &linkPolicy, ModeLiberal) != nil {
			b.Fatal("rejected")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(attrs), "ns/attr")
}

func BenchmarkParse(b *testing.B) {
	msg, attrs := newLinkAttrs()
	o := Options{Base: 32}
	tb := make([]attr.Decoder, 56)
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		if o.Parse(msg, &linkPolicy, ModeLiberal, tb) != nil {
			b.Fatal("rejected")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(attrs), "ns/attr")
}

var sink uint64

// decodeLink reads every attribute of the message with typed reads, the
// plain decoding that BenchmarkValidate is compared with.
func decodeLink(d *attr.Decoder) uint64 {
	var s uint64
	for d.Next() {
		switch d.Type() {
		case 4, 13, 50, 51, 27, 30, 31, 32, 40, 41, 35, 5:
			s += uint64(d.Uint32())
		case 16, 17, 33, 39:
			s += uint64(d.Uint8())
		case 3, 6:
			s += uint64(len(d.StringBytes()))
		case 1, 2, 23:
			s += uint64(len(d.Bytes()))
		case 18:
			li := d.Nested()
			for li.Next() {
				switch li.Type() {
				case 1:
					s += uint64(len(li.StringBytes()))
				case 2:
					v := li.Nested()
					for v.Next() {
						switch v.Type() {
						case 1:
							s += uint64(v.Uint16())
						case 5:
							s += uint64(v.BE16())
						default:
							s += uint64(len(v.Bytes()))
						}
					}
				}
			}
		case 26:
			af := d.Nested()
			for af.Next() {
				in := af.Nested()
				for in.Next() {
					switch in.Type() {
					case 1:
						s += uint64(in.Uint32())
					case 8:
						s += uint64(in.Uint8())
					default:
						s += uint64(len(in.Bytes()))
					}
				}
			}
		}
	}
	if d.Err() != nil {
		return 0
	}
	return s
}

// BenchmarkDecodeBaseline is plain decoding of the same bytes: walk and
// read every attribute with attr.Decoder.
func BenchmarkDecodeBaseline(b *testing.B) {
	msg, attrs := newLinkAttrs()
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		d := attr.NewDecoder(msg).WithBase(32)
		sink += decodeLink(&d)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(attrs), "ns/attr")
}
