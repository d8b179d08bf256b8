//go:build linux

package bench

import (
	"encoding/binary"
	"errors"
	"syscall"

	mdl "github.com/mdlayher/netlink"
	"github.com/vishvananda/netlink/nl"

	"github.com/nlwire/nlwire/attr"
)

// The typed decoders of the fixture, one per library, each written the
// way that library's documentation and its own users write it. Every one
// visits all 26 attributes, recursing into the nests with the library's
// nested API, and fills a link.

var errLen = errors.New("bad attribute length")

// putIfinfomsg writes a struct ifinfomsg {family, pad, type, index,
// flags, change} for an Ethernet link that is up.
func putIfinfomsg(b []byte, index int32) {
	ne := binary.NativeEndian
	b[0] = syscall.AF_UNSPEC
	ne.PutUint16(b[2:], syscall.ARPHRD_ETHER)
	ne.PutUint32(b[4:], uint32(index))
	ne.PutUint32(b[8:], syscall.IFF_UP|syscall.IFF_BROADCAST|syscall.IFF_RUNNING|syscall.IFF_MULTICAST)
}

// ifIndex reads ifi_index from a struct ifinfomsg.
func ifIndex(ifi []byte) int32 { return int32(binary.NativeEndian.Uint32(ifi[4:8])) }

// decodeNlwire reads the attributes with attr.Decoder's typed reads.
func decodeNlwire(d attr.Decoder, l *link) error {
	for d.Next() {
		l.Attrs++
		switch d.Type() {
		case iflaIfname:
			copy(l.Name[:], d.StringBytes())
		case iflaMTU:
			l.MTU = d.Uint32()
		case iflaTxqlen:
			l.TxQLen = d.Uint32()
		case iflaOperstate:
			l.Oper = d.Uint8()
		case iflaAddress:
			l.Addr = d.Bytes()
		case iflaBroadcast:
			l.Brd = d.Bytes()
		case iflaStats64:
			l.Stats = d.Bytes()
		case iflaLinkinfo:
			li := d.Nested()
			for li.Next() {
				l.Attrs++
				switch li.Type() {
				case iflaInfoKind:
					copy(l.Kind[:], li.StringBytes())
				case iflaInfoData:
					vd := li.Nested()
					for vd.Next() {
						l.Attrs++
						switch vd.Type() {
						case iflaVlanID:
							l.VlanID = vd.Uint16()
						case iflaVlanProtocol:
							l.VlanProto = vd.BE16()
						case iflaVlanFlags:
							l.VlanFlags, l.VlanFlagsMask = vd.Bitfield32()
						}
					}
					if err := vd.Err(); err != nil {
						return err
					}
				}
			}
			if err := li.Err(); err != nil {
				return err
			}
		case iflaAFSpec:
			af := d.Nested()
			for af.Next() {
				l.Attrs++
				if af.Type() != afInet6 {
					continue
				}
				in6 := af.Nested()
				for in6.Next() {
					l.Attrs++
					switch in6.Type() {
					case iflaInet6Flags:
						l.In6Flags = in6.Uint32()
					case iflaInet6AddrGenMode:
						l.GenMode = in6.Uint8()
					}
				}
				if err := in6.Err(); err != nil {
					return err
				}
			}
			if err := af.Err(); err != nil {
				return err
			}
		case iflaGroup:
			l.Group = d.Uint32()
		case iflaPromiscuity:
			l.Promisc = d.Uint32()
		case iflaNumTxQueues:
			l.TxQ = d.Uint32()
		case iflaNumRxQueues:
			l.RxQ = d.Uint32()
		case iflaCarrier:
			l.Carrier = d.Uint8()
		case iflaQdisc:
			copy(l.Qdisc[:], d.StringBytes())
		case iflaCarrierChanges:
			l.Changes = d.Uint32()
		case iflaMinMTU:
			l.MinMTU = d.Uint32()
		case iflaMaxMTU:
			l.MaxMTU = d.Uint32()
		}
	}
	return d.Err()
}

// decodeMdlayher reads the attributes with mdlayher's AttributeDecoder:
// String, Uint*, Bytes (a copy), Do for the payloads it has no typed read
// for (a big-endian u16, a struct nla_bitfield32), Nested for the nests.
func decodeMdlayher(b []byte, l *link) error {
	ad, err := mdl.NewAttributeDecoder(b)
	if err != nil {
		return err
	}
	for ad.Next() {
		l.Attrs++
		switch ad.Type() {
		case iflaIfname:
			copy(l.Name[:], ad.String())
		case iflaMTU:
			l.MTU = ad.Uint32()
		case iflaTxqlen:
			l.TxQLen = ad.Uint32()
		case iflaOperstate:
			l.Oper = ad.Uint8()
		case iflaAddress:
			l.Addr = ad.Bytes()
		case iflaBroadcast:
			l.Brd = ad.Bytes()
		case iflaStats64:
			l.Stats = ad.Bytes()
		case iflaLinkinfo:
			ad.Nested(func(li *mdl.AttributeDecoder) error {
				for li.Next() {
					l.Attrs++
					switch li.Type() {
					case iflaInfoKind:
						copy(l.Kind[:], li.String())
					case iflaInfoData:
						li.Nested(func(vd *mdl.AttributeDecoder) error {
							for vd.Next() {
								l.Attrs++
								switch vd.Type() {
								case iflaVlanID:
									l.VlanID = vd.Uint16()
								case iflaVlanProtocol:
									vd.Do(func(p []byte) error {
										if len(p) != 2 {
											return errLen
										}
										l.VlanProto = binary.BigEndian.Uint16(p)
										return nil
									})
								case iflaVlanFlags:
									vd.Do(func(p []byte) error {
										if len(p) != 8 {
											return errLen
										}
										l.VlanFlags = vd.ByteOrder.Uint32(p)
										l.VlanFlagsMask = vd.ByteOrder.Uint32(p[4:])
										return nil
									})
								}
							}
							return nil
						})
					}
				}
				return nil
			})
		case iflaAFSpec:
			ad.Nested(func(af *mdl.AttributeDecoder) error {
				for af.Next() {
					l.Attrs++
					if af.Type() != afInet6 {
						continue
					}
					af.Nested(func(in6 *mdl.AttributeDecoder) error {
						for in6.Next() {
							l.Attrs++
							switch in6.Type() {
							case iflaInet6Flags:
								l.In6Flags = in6.Uint32()
							case iflaInet6AddrGenMode:
								l.GenMode = in6.Uint8()
							}
						}
						return nil
					})
				}
				return nil
			})
		case iflaGroup:
			l.Group = ad.Uint32()
		case iflaPromiscuity:
			l.Promisc = ad.Uint32()
		case iflaNumTxQueues:
			l.TxQ = ad.Uint32()
		case iflaNumRxQueues:
			l.RxQ = ad.Uint32()
		case iflaCarrier:
			l.Carrier = ad.Uint8()
		case iflaQdisc:
			copy(l.Qdisc[:], ad.String())
		case iflaCarrierChanges:
			l.Changes = ad.Uint32()
		case iflaMinMTU:
			l.MinMTU = ad.Uint32()
		case iflaMaxMTU:
			l.MaxMTU = ad.Uint32()
		}
	}
	return ad.Err()
}

// decodeVishvananda reads the attributes as vishvananda/netlink's
// LinkDeserialize does: nl.ParseRouteAttr into a slice of
// syscall.NetlinkRouteAttr, nl.NativeEndian() for integers, ParseRouteAttr
// again on each nest's value. Like LinkDeserialize it does not check
// payload lengths before reading; it masks the flags off the type so that
// NLA_F_NESTED does not hide a nest.
func decodeVishvananda(b []byte, l *link) error {
	native := nl.NativeEndian()
	attrs, err := nl.ParseRouteAttr(b)
	if err != nil {
		return err
	}
	for _, a := range attrs {
		l.Attrs++
		v := a.Value
		switch a.Attr.Type & attr.TypeMask {
		case iflaIfname:
			copy(l.Name[:], cstr(v))
		case iflaMTU:
			l.MTU = native.Uint32(v[0:4])
		case iflaTxqlen:
			l.TxQLen = native.Uint32(v[0:4])
		case iflaOperstate:
			l.Oper = v[0]
		case iflaAddress:
			l.Addr = v
		case iflaBroadcast:
			l.Brd = v
		case iflaStats64:
			l.Stats = v
		case iflaLinkinfo:
			infos, err := nl.ParseRouteAttr(v)
			if err != nil {
				return err
			}
			for _, info := range infos {
				l.Attrs++
				switch info.Attr.Type & attr.TypeMask {
				case iflaInfoKind:
					copy(l.Kind[:], cstr(info.Value))
				case iflaInfoData:
					data, err := nl.ParseRouteAttr(info.Value)
					if err != nil {
						return err
					}
					for _, d := range data {
						l.Attrs++
						switch d.Attr.Type & attr.TypeMask {
						case iflaVlanID:
							l.VlanID = native.Uint16(d.Value[0:2])
						case iflaVlanProtocol:
							l.VlanProto = binary.BigEndian.Uint16(d.Value[0:2])
						case iflaVlanFlags:
							bf := nl.DeserializeUint32Bitfield(d.Value)
							l.VlanFlags, l.VlanFlagsMask = bf.Value, bf.Selector
						}
					}
				}
			}
		case iflaAFSpec:
			afs, err := nl.ParseRouteAttr(v)
			if err != nil {
				return err
			}
			for _, af := range afs {
				l.Attrs++
				if af.Attr.Type&attr.TypeMask != afInet6 {
					continue
				}
				in6s, err := nl.ParseRouteAttr(af.Value)
				if err != nil {
					return err
				}
				for _, in6 := range in6s {
					l.Attrs++
					switch in6.Attr.Type & attr.TypeMask {
					case iflaInet6Flags:
						l.In6Flags = native.Uint32(in6.Value[0:4])
					case iflaInet6AddrGenMode:
						l.GenMode = in6.Value[0]
					}
				}
			}
		case iflaGroup:
			l.Group = native.Uint32(v[0:4])
		case iflaPromiscuity:
			l.Promisc = native.Uint32(v[0:4])
		case iflaNumTxQueues:
			l.TxQ = native.Uint32(v[0:4])
		case iflaNumRxQueues:
			l.RxQ = native.Uint32(v[0:4])
		case iflaCarrier:
			l.Carrier = v[0]
		case iflaQdisc:
			copy(l.Qdisc[:], cstr(v))
		case iflaCarrierChanges:
			l.Changes = native.Uint32(v[0:4])
		case iflaMinMTU:
			l.MinMTU = native.Uint32(v[0:4])
		case iflaMaxMTU:
			l.MaxMTU = native.Uint32(v[0:4])
		}
	}
	return nil
}

// walk is the hand-written nla_ok/nla_next step: it splits the attribute
// at the head of b into its type (flags stripped) and payload, and
// returns the rest. ok is false at the end of b or at a malformed header.
func walk(b []byte) (typ uint16, p, rest []byte, ok bool) {
	if len(b) < 4 {
		return 0, nil, b, false
	}
	n := int(binary.NativeEndian.Uint16(b))
	if n < 4 || n > len(b) {
		return 0, nil, b, false
	}
	return binary.NativeEndian.Uint16(b[2:]) & attr.TypeMask, b[4:n], b[min((n+3)&^3, len(b)):], true
}

// decodeHandwritten is the same walk written directly against the bytes,
// with binary.NativeEndian and slicing and the same length checks as
// nlwire's typed reads, no library: the practical speed limit.
func decodeHandwritten(b []byte, l *link) error {
	ne := binary.NativeEndian
	var (
		typ uint16
		p   []byte
		ok  bool
	)
	for {
		if typ, p, b, ok = walk(b); !ok {
			break
		}
		l.Attrs++
		switch typ {
		case iflaIfname:
			copy(l.Name[:], cstr(p))
		case iflaAddress:
			l.Addr = p
		case iflaBroadcast:
			l.Brd = p
		case iflaStats64:
			l.Stats = p
		case iflaLinkinfo:
			for {
				var (
					t uint16
					q []byte
				)
				if t, q, p, ok = walk(p); !ok {
					break
				}
				l.Attrs++
				switch t {
				case iflaInfoKind:
					copy(l.Kind[:], cstr(q))
				case iflaInfoData:
					for {
						var (
							t uint16
							v []byte
						)
						if t, v, q, ok = walk(q); !ok {
							break
						}
						l.Attrs++
						switch t {
						case iflaVlanID:
							if len(v) != 2 {
								return errLen
							}
							l.VlanID = ne.Uint16(v)
						case iflaVlanProtocol:
							if len(v) != 2 {
								return errLen
							}
							l.VlanProto = binary.BigEndian.Uint16(v)
						case iflaVlanFlags:
							if len(v) != 8 {
								return errLen
							}
							l.VlanFlags, l.VlanFlagsMask = ne.Uint32(v), ne.Uint32(v[4:])
						}
					}
					if len(q) != 0 {
						return errLen
					}
				}
			}
			if len(p) != 0 {
				return errLen
			}
		case iflaAFSpec:
			for {
				var (
					t uint16
					q []byte
				)
				if t, q, p, ok = walk(p); !ok {
					break
				}
				l.Attrs++
				if t != afInet6 {
					continue
				}
				for {
					var (
						t uint16
						v []byte
					)
					if t, v, q, ok = walk(q); !ok {
						break
					}
					l.Attrs++
					switch t {
					case iflaInet6Flags:
						if len(v) != 4 {
							return errLen
						}
						l.In6Flags = ne.Uint32(v)
					case iflaInet6AddrGenMode:
						if len(v) != 1 {
							return errLen
						}
						l.GenMode = v[0]
					}
				}
				if len(q) != 0 {
					return errLen
				}
			}
			if len(p) != 0 {
				return errLen
			}
		case iflaMTU, iflaTxqlen, iflaGroup, iflaPromiscuity, iflaNumTxQueues,
			iflaNumRxQueues, iflaCarrierChanges, iflaMinMTU, iflaMaxMTU:
			if len(p) != 4 {
				return errLen
			}
			v := ne.Uint32(p)
			switch typ {
			case iflaMTU:
				l.MTU = v
			case iflaTxqlen:
				l.TxQLen = v
			case iflaGroup:
				l.Group = v
			case iflaPromiscuity:
				l.Promisc = v
			case iflaNumTxQueues:
				l.TxQ = v
			case iflaNumRxQueues:
				l.RxQ = v
			case iflaCarrierChanges:
				l.Changes = v
			case iflaMinMTU:
				l.MinMTU = v
			case iflaMaxMTU:
				l.MaxMTU = v
			}
		case iflaOperstate, iflaCarrier:
			if len(p) != 1 {
				return errLen
			}
			if typ == iflaOperstate {
				l.Oper = p[0]
			} else {
				l.Carrier = p[0]
			}
		case iflaQdisc:
			copy(l.Qdisc[:], cstr(p))
		}
	}
	if len(b) != 0 {
		return errLen
	}
	return nil
}
