//go:build linux

package bench

import (
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/typed"
)

// The generated code of family/rtlink (ynlgen's typed Go) against the
// fixture: rtlink.LinkSet's Decode and getters, its setters and Encode.
//
// genSet and genOpts are reused from call to call, as a caller decoding
// many messages reuses them (with a reused *typed.Options, Decode does
// not allocate). They make decodeGenerated and encodeGenerated unsafe
// for concurrent use, which no benchmark or test here needs.
var (
	genSet    rtlink.LinkSet
	genOpts   typed.Options
	genEncSet rtlink.LinkSet
)

// b2i is 1 for a present attribute.
func b2i(ok bool) int {
	if ok {
		return 1
	}
	return 0
}

// decodeGenerated decodes the fixture with rtlink.LinkSet.Decode (strict,
// the default) and reads the 26 attributes through the getters into l:
// the generated+getters implementation, and the check of generated.
func decodeGenerated(b []byte, l *link) error {
	if err := genSet.Decode(b, &genOpts); err != nil {
		return err
	}
	readLinkSet(&genSet, l)
	return nil
}

// readLinkSet reads the 26 attributes of x through the getters into l;
// l.Attrs counts the attributes the getters report present (the other
// decoders count the attributes their walks visit: the same 26).
func readLinkSet(x *rtlink.LinkSet, l *link) {
	n := 0
	var ok bool
	var s []byte
	s, ok = x.Ifname()
	copy(l.Name[:], s)
	n += b2i(ok)
	l.MTU, ok = x.Mtu()
	n += b2i(ok)
	l.TxQLen, ok = x.Txqlen()
	n += b2i(ok)
	l.Oper, ok = x.Operstate()
	n += b2i(ok)
	l.Addr, ok = x.Address()
	n += b2i(ok)
	l.Brd, ok = x.Broadcast()
	n += b2i(ok)
	l.Stats, ok = x.Stats64Bytes()
	n += b2i(ok)
	if li, ok := x.Linkinfo(); ok {
		n++
		s, ok = li.Kind()
		copy(l.Kind[:], s)
		n += b2i(ok)
		if data, ok := li.Data(); ok {
			n++
			if vl, ok := data.Vlan(); ok {
				var proto rtlink.VlanProtocols
				var fl rtlink.IflaVlanFlags
				l.VlanID, ok = vl.Id()
				n += b2i(ok)
				proto, ok = vl.Protocol()
				l.VlanProto = uint16(proto)
				n += b2i(ok)
				fl, ok = vl.Flags()
				l.VlanFlags, l.VlanFlagsMask = fl.Flags, fl.Mask
				n += b2i(ok)
			}
		}
	}
	if af, ok := x.AfSpec(); ok {
		n++
		if in6, ok := af.Inet6(); ok {
			n++
			l.In6Flags, ok = in6.Flags()
			n += b2i(ok)
			l.GenMode, ok = in6.AddrGenMode()
			n += b2i(ok)
		}
	}
	l.Group, ok = x.Group()
	n += b2i(ok)
	l.Promisc, ok = x.Promiscuity()
	n += b2i(ok)
	l.TxQ, ok = x.NumTxQueues()
	n += b2i(ok)
	l.RxQ, ok = x.NumRxQueues()
	n += b2i(ok)
	l.Carrier, ok = x.Carrier()
	n += b2i(ok)
	s, ok = x.Qdisc()
	copy(l.Qdisc[:], s)
	n += b2i(ok)
	l.Changes, ok = x.CarrierChanges()
	n += b2i(ok)
	l.MinMTU, ok = x.MinMtu()
	n += b2i(ok)
	l.MaxMTU, ok = x.MaxMtu()
	n += b2i(ok)
	l.Attrs += n
}

// encodeGenerated (generated-set) sets the fixture's attributes on a reused
// rtlink.LinkSet with its setters and writes them with Encode into buf,
// through a fixed encoder as encodeNlwire does. Encode writes the
// attributes in the spec's order (IFLA_ADDRESS first, IFLA_VLAN_FLAGS
// before IFLA_VLAN_PROTOCOL), not the reference's, so its bytes are
// compared with encodeHandwrittenSpec's, not with encodeNlwire's.
func encodeGenerated(buf []byte) ([]byte, error) {
	s := fixtureLink
	x := &genEncSet
	x.Reset()
	x.SetIfname(s.name)
	x.SetMtu(1500)
	x.SetTxqlen(1000)
	x.SetOperstate(6)
	x.SetAddress(hwAddr)
	x.SetBroadcast(hwBrd)
	x.SetStats64Bytes(stats64)
	li := x.SetLinkinfo()
	li.SetKind("vlan")
	vl := li.SetData().SetVlan()
	vl.SetId(s.vlanID)
	vl.SetProtocol(0x8100)
	vl.SetFlags(rtlink.IflaVlanFlags{Flags: 1, Mask: 0xffffffff})
	in6 := x.SetAfSpec().SetInet6()
	in6.SetFlags(0x80000000)
	in6.SetAddrGenMode(0)
	x.SetGroup(0)
	x.SetPromiscuity(0)
	x.SetNumTxQueues(1)
	x.SetNumRxQueues(1)
	x.SetCarrier(1)
	x.SetQdisc("noqueue")
	x.SetCarrierChanges(2)
	x.SetMinMtu(0)
	x.SetMaxMtu(65535)
	e := attr.NewFixedEncoder(buf[:0])
	x.Encode(&e)
	return e.Finish()
}

// encodeGeneratedBuilder builds the bytes encodeGenerated does with the
// generated builders (rtlink.BuildLinkSet and the nests' builders), which
// append each attribute as it is given, through a fixed encoder.
func encodeGeneratedBuilder(buf []byte) ([]byte, error) {
	s := fixtureLink
	e := attr.NewFixedEncoder(buf[:0])
	b := rtlink.BuildLinkSet(&e)
	b.Address(hwAddr)
	b.Broadcast(hwBrd)
	b.Ifname(s.name)
	b.Mtu(1500)
	b.Qdisc("noqueue")
	b.Txqlen(1000)
	b.Operstate(6)
	li := b.Linkinfo()
	li.Kind("vlan")
	vl := li.DataVlan()
	vl.Id(s.vlanID)
	vl.Flags(rtlink.IflaVlanFlags{Flags: 1, Mask: 0xffffffff})
	vl.Protocol(0x8100)
	vl.End()
	li.End()
	b.Stats64Bytes(stats64)
	af := b.AfSpec()
	in6 := af.Inet6()
	in6.Flags(0x80000000)
	in6.AddrGenMode(0)
	in6.End()
	af.End()
	b.Group(0)
	b.Promiscuity(0)
	b.NumTxQueues(1)
	b.NumRxQueues(1)
	b.Carrier(1)
	b.CarrierChanges(2)
	b.MinMtu(0)
	b.MaxMtu(65535)
	return e.Finish()
}

// encodeHandwrittenSpec is the hand-written encoder of the bytes
// encodeGenerated builds: the same attributes as encodeLink, in the
// order of the rt-link spec's attribute sets (each set's attributes by
// value), nests flagged NLA_F_NESTED, plain attr.Encoder calls.
func encodeHandwrittenSpec(buf []byte) ([]byte, error) {
	s := fixtureLink
	e := attr.NewFixedEncoder(buf[:0])
	e.Put(iflaAddress, hwAddr)
	e.Put(iflaBroadcast, hwBrd)
	e.String(iflaIfname, s.name)
	e.Uint32(iflaMTU, 1500)
	e.String(iflaQdisc, "noqueue")
	e.Uint32(iflaTxqlen, 1000)
	e.Uint8(iflaOperstate, 6)
	li := e.Begin(iflaLinkinfo)
	e.String(iflaInfoKind, "vlan")
	data := e.Begin(iflaInfoData)
	e.Uint16(iflaVlanID, s.vlanID)
	e.Bitfield32(iflaVlanFlags, 1, 0xffffffff)
	e.BE16(iflaVlanProtocol, 0x8100)
	e.End(data)
	e.End(li)
	e.Put(iflaStats64, stats64)
	af := e.Begin(iflaAFSpec)
	in6 := e.Begin(afInet6)
	e.Uint32(iflaInet6Flags, 0x80000000)
	e.Uint8(iflaInet6AddrGenMode, 0)
	e.End(in6)
	e.End(af)
	e.Uint32(iflaGroup, 0)
	e.Uint32(iflaPromiscuity, 0)
	e.Uint32(iflaNumTxQueues, 1)
	e.Uint32(iflaNumRxQueues, 1)
	e.Uint8(iflaCarrier, 1)
	e.Uint32(iflaCarrierChanges, 2)
	e.Uint32(iflaMinMTU, 0)
	e.Uint32(iflaMaxMTU, 65535)
	return e.Finish()
}
