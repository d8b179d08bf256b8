//go:build linux

package bench

import (
	"fmt"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/wire"
)

// rtnetlink constants (include/uapi/linux/if_link.h, rtnetlink.h).
const (
	rtmNewLink   = 16
	ifinfomsgLen = 16

	iflaAddress        = 1
	iflaBroadcast      = 2
	iflaIfname         = 3
	iflaMTU            = 4
	iflaQdisc          = 6
	iflaTxqlen         = 13
	iflaOperstate      = 16
	iflaLinkinfo       = 18
	iflaStats64        = 23
	iflaAFSpec         = 26
	iflaGroup          = 27
	iflaPromiscuity    = 30
	iflaNumTxQueues    = 31
	iflaNumRxQueues    = 32
	iflaCarrier        = 33
	iflaCarrierChanges = 35
	iflaMinMTU         = 50
	iflaMaxMTU         = 51

	iflaInfoKind = 1
	iflaInfoData = 2

	iflaVlanID       = 1
	iflaVlanFlags    = 2
	iflaVlanProtocol = 5

	afInet6 = 10

	iflaInet6Flags       = 1
	iflaInet6AddrGenMode = 8
)

// The fixture: the attributes of an RTM_NEWLINK for a VLAN link, the
// same 26 attributes (containers included, nests two levels deep) as
// attr's own benchmark, 416 bytes. fixtureAttrs counts them.
const fixtureAttrs = 26

// linkSpec is what varies between the links of the dump.
type linkSpec struct {
	index  int32
	name   string // 8 bytes, so that every message has the same size
	vlanID uint16
}

var fixtureLink = linkSpec{index: 7, name: "eth0.100", vlanID: 100}

// stats64 is the IFLA_STATS64 payload: a struct rtnl_link_stats64 is 25
// u64 counters, 200 bytes.
var stats64 = func() []byte {
	s := make([]byte, 200)
	for i := range s {
		s[i] = byte(i)
	}
	return s
}()

var (
	hwAddr = []byte{0x02, 0x42, 0xac, 0x11, 0x00, 0x02}
	hwBrd  = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
)

// encodeLink appends the attributes of the link to e. The kernel's
// rtnl_fill_ifinfo opens IFLA_LINKINFO, IFLA_INFO_DATA, IFLA_AF_SPEC and
// AF_INET6 with nla_nest_start_noflag (no NLA_F_NESTED), so the decode
// fixture is built with flagged false; the encode benchmark sets the
// flag, as mdlayher's Nested always does, so that every library builds
// the same bytes.
func encodeLink(e *attr.Encoder, s linkSpec, flagged bool) {
	var nf uint16
	if flagged {
		nf = attr.FlagNested
	}
	e.String(iflaIfname, s.name)
	e.Uint32(iflaMTU, 1500)
	e.Uint32(iflaTxqlen, 1000)
	e.Uint8(iflaOperstate, 6)
	e.Put(iflaAddress, hwAddr)
	e.Put(iflaBroadcast, hwBrd)
	e.Put(iflaStats64, stats64)
	li := e.BeginNoFlag(nf | iflaLinkinfo)
	e.String(iflaInfoKind, "vlan")
	data := e.BeginNoFlag(nf | iflaInfoData)
	e.Uint16(iflaVlanID, s.vlanID)
	e.BE16(iflaVlanProtocol, 0x8100)
	e.Bitfield32(iflaVlanFlags, 1, 0xffffffff)
	e.End(data)
	e.End(li)
	af := e.BeginNoFlag(nf | iflaAFSpec)
	in6 := e.BeginNoFlag(nf | afInet6)
	e.Uint32(iflaInet6Flags, 0x80000000)
	e.Uint8(iflaInet6AddrGenMode, 0)
	e.End(in6)
	e.End(af)
	e.Uint32(iflaGroup, 0)
	e.Uint32(iflaPromiscuity, 0)
	e.Uint32(iflaNumTxQueues, 1)
	e.Uint32(iflaNumRxQueues, 1)
	e.Uint8(iflaCarrier, 1)
	e.String(iflaQdisc, "noqueue")
	e.Uint32(iflaCarrierChanges, 2)
	e.Uint32(iflaMinMTU, 0)
	e.Uint32(iflaMaxMTU, 65535)
}

// fixture returns the attributes of the RTM_NEWLINK, as the kernel
// sends them.
func fixture() []byte {
	e := attr.NewEncoder(nil)
	encodeLink(&e, fixtureLink, false)
	b, err := e.Finish()
	if err != nil {
		panic(err)
	}
	return b
}

// dumpLinks is the number of RTM_NEWLINK messages in the dump datagram.
const dumpLinks = 72

// dump returns a 32 KiB datagram of dumpLinks RTM_NEWLINK messages
// (nlmsghdr, ifinfomsg, attributes), as a link dump returns them, and
// the links it describes.
func dump() ([]byte, []linkSpec) {
	specs := make([]linkSpec, dumpLinks)
	bl := wire.NewBuilder(make([]byte, 0, 32<<10))
	for i := range specs {
		s := linkSpec{index: int32(10 + i), name: fmt.Sprintf("eth0.%03d", 100+i), vlanID: uint16(100 + i)}
		specs[i] = s
		m := bl.Start(wire.Header{Type: rtmNewLink, Flags: wire.Multi, Seq: 1, PID: 4242})
		ifi := bl.FamilyHeader(ifinfomsgLen)
		putIfinfomsg(ifi, s.index)
		encodeLink(bl.Attrs(), s, false)
		bl.End(m)
	}
	dg, err := bl.Finish()
	if err != nil {
		panic(err)
	}
	if len(dg) > 32<<10 {
		panic("dump exceeds 32 KiB")
	}
	return dg, specs
}

// link is what every decoder extracts: the shared result compared
// across libraries. Strings are copied into fixed arrays (IFNAMSIZ is
// 16) so that a decoder can fill it without allocating; byte payloads
// are whatever the library hands out (a view or a copy).
type link struct {
	Index                    int32
	Name, Kind, Qdisc        [16]byte
	Addr, Brd, Stats         []byte
	MTU, TxQLen, Group       uint32
	Promisc, TxQ, RxQ        uint32
	Changes, MinMTU, MaxMTU  uint32
	In6Flags                 uint32
	Oper, Carrier, GenMode   uint8
	VlanID, VlanProto        uint16
	VlanFlags, VlanFlagsMask uint32
	Attrs                    int
}

// want returns the link that decoding spec's attributes yields.
func (s linkSpec) want(withIndex bool) link {
	l := link{
		Addr: hwAddr, Brd: hwBrd, Stats: stats64,
		MTU: 1500, TxQLen: 1000, Group: 0, Promisc: 0, TxQ: 1, RxQ: 1,
		Changes: 2, MinMTU: 0, MaxMTU: 65535, In6Flags: 0x80000000,
		Oper: 6, Carrier: 1, GenMode: 0,
		VlanID: s.vlanID, VlanProto: 0x8100, VlanFlags: 1, VlanFlagsMask: 0xffffffff,
		Attrs: fixtureAttrs,
	}
	if withIndex {
		l.Index = s.index
	}
	copy(l.Name[:], s.name)
	copy(l.Kind[:], "vlan")
	copy(l.Qdisc[:], "noqueue")
	return l
}

// cstr returns p up to its first NUL.
func cstr(p []byte) []byte {
	for i, c := range p {
		if c == 0 {
			return p[:i]
		}
	}
	return p
}
