//go:build linux

package bench

import (
	"encoding/binary"

	mdl "github.com/mdlayher/netlink"
	"github.com/vishvananda/netlink/nl"
	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire/attr"
)

// The encoders of the fixture, one per library. Each appends the same
// attributes, nests flagged NLA_F_NESTED, to buf[:0] and returns the
// result; all three produce identical bytes.

// encodeNlwire builds into buf with a fixed encoder: no allocation.
func encodeNlwire(buf []byte) ([]byte, error) {
	e := attr.NewFixedEncoder(buf[:0])
	encodeLink(&e, fixtureLink, true)
	return e.Finish()
}

// encodeMdlayher builds with an AttributeEncoder and Nested, then copies
// Encode's fresh slice into buf (the copy is what a caller reusing a
// buffer pays; it is a small part of the cost).
func encodeMdlayher(buf []byte) ([]byte, error) {
	s := fixtureLink
	ae := mdl.NewAttributeEncoder()
	ae.String(iflaIfname, s.name)
	ae.Uint32(iflaMTU, 1500)
	ae.Uint32(iflaTxqlen, 1000)
	ae.Uint8(iflaOperstate, 6)
	ae.Bytes(iflaAddress, hwAddr)
	ae.Bytes(iflaBroadcast, hwBrd)
	ae.Bytes(iflaStats64, stats64)
	ae.Nested(iflaLinkinfo, func(li *mdl.AttributeEncoder) error {
		li.String(iflaInfoKind, "vlan")
		li.Nested(iflaInfoData, func(vd *mdl.AttributeEncoder) error {
			vd.Uint16(iflaVlanID, s.vlanID)
			vd.Bytes(iflaVlanProtocol, binary.BigEndian.AppendUint16(nil, 0x8100))
			vd.Do(iflaVlanFlags, func() ([]byte, error) {
				b := make([]byte, 8)
				vd.ByteOrder.PutUint32(b, 1)
				vd.ByteOrder.PutUint32(b[4:], 0xffffffff)
				return b, nil
			})
			return nil
		})
		return nil
	})
	ae.Nested(iflaAFSpec, func(af *mdl.AttributeEncoder) error {
		af.Nested(afInet6, func(in6 *mdl.AttributeEncoder) error {
			in6.Uint32(iflaInet6Flags, 0x80000000)
			in6.Uint8(iflaInet6AddrGenMode, 0)
			return nil
		})
		return nil
	})
	ae.Uint32(iflaGroup, 0)
	ae.Uint32(iflaPromiscuity, 0)
	ae.Uint32(iflaNumTxQueues, 1)
	ae.Uint32(iflaNumRxQueues, 1)
	ae.Uint8(iflaCarrier, 1)
	ae.String(iflaQdisc, "noqueue")
	ae.Uint32(iflaCarrierChanges, 2)
	ae.Uint32(iflaMinMTU, 0)
	ae.Uint32(iflaMaxMTU, 65535)
	b, err := ae.Encode()
	if err != nil {
		return nil, err
	}
	return append(buf[:0], b...), nil
}

// encodeVishvananda builds the way vishvananda/netlink's LinkAdd does:
// a tree of nl.RtAttr (NewRtAttr, AddRtAttr), each serialized and
// appended to buf. Nests are typed with NLA_F_NESTED ORed in, as mdlayher
// and nlwire set it.
func encodeVishvananda(buf []byte) ([]byte, error) {
	s := fixtureLink
	attrs := []*nl.RtAttr{
		nl.NewRtAttr(iflaIfname, nl.ZeroTerminated(s.name)),
		nl.NewRtAttr(iflaMTU, nl.Uint32Attr(1500)),
		nl.NewRtAttr(iflaTxqlen, nl.Uint32Attr(1000)),
		nl.NewRtAttr(iflaOperstate, nl.Uint8Attr(6)),
		nl.NewRtAttr(iflaAddress, hwAddr),
		nl.NewRtAttr(iflaBroadcast, hwBrd),
		nl.NewRtAttr(iflaStats64, stats64),
	}
	li := nl.NewRtAttr(unix.NLA_F_NESTED|iflaLinkinfo, nil)
	li.AddRtAttr(iflaInfoKind, nl.ZeroTerminated("vlan"))
	data := li.AddRtAttr(unix.NLA_F_NESTED|iflaInfoData, nil)
	data.AddRtAttr(iflaVlanID, nl.Uint16Attr(s.vlanID))
	data.AddRtAttr(iflaVlanProtocol, nl.BEUint16Attr(0x8100))
	flags := &nl.Uint32Bitfield{Value: 1, Selector: 0xffffffff}
	data.AddRtAttr(iflaVlanFlags, flags.Serialize())
	af := nl.NewRtAttr(unix.NLA_F_NESTED|iflaAFSpec, nil)
	in6 := af.AddRtAttr(unix.NLA_F_NESTED|afInet6, nil)
	in6.AddRtAttr(iflaInet6Flags, nl.Uint32Attr(0x80000000))
	in6.AddRtAttr(iflaInet6AddrGenMode, nl.Uint8Attr(0))
	attrs = append(attrs, li, af,
		nl.NewRtAttr(iflaGroup, nl.Uint32Attr(0)),
		nl.NewRtAttr(iflaPromiscuity, nl.Uint32Attr(0)),
		nl.NewRtAttr(iflaNumTxQueues, nl.Uint32Attr(1)),
		nl.NewRtAttr(iflaNumRxQueues, nl.Uint32Attr(1)),
		nl.NewRtAttr(iflaCarrier, nl.Uint8Attr(1)),
		nl.NewRtAttr(iflaQdisc, nl.ZeroTerminated("noqueue")),
		nl.NewRtAttr(iflaCarrierChanges, nl.Uint32Attr(2)),
		nl.NewRtAttr(iflaMinMTU, nl.Uint32Attr(0)),
		nl.NewRtAttr(iflaMaxMTU, nl.Uint32Attr(65535)),
	)
	b := buf[:0]
	for _, a := range attrs {
		b = append(b, a.Serialize()...)
	}
	return b, nil
}
