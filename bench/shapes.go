//go:build linux

package bench

import (
	"encoding/binary"
	"errors"
	"math/bits"

	"github.com/nlwire/nlwire/internal/endian"
)

// The decoder shapes: two reduced copies of attr.Decoder with the same
// methods, for measuring what attr.Decoder's features cost against the
// hand-written walk (workload DecoderShapes). minimalDecoder is the
// smallest decoder of that method shape: the bytes not walked and the
// current attribute, host byte order, nothing latched, no offsets.
// orderedDecoder adds what a decoder for any target needs: the byte order
// (a rotation of every header) and NLA_F_NET_BYTEORDER (a test in every
// integer read). attr.Decoder adds to that offsets and the latched error
// of a failed typed read, which ends the walk (one more word, and a test
// in Next). They decode the fixture with the same code as decodeNlwire.

var errShape = errors.New("malformed attributes")

// minimalDecoder: rest and cur, host order.
type minimalDecoder struct{ rest, cur []byte }

func (d *minimalDecoder) Next() bool {
	b := d.rest
	if len(b) >= 4 {
		n := int(binary.NativeEndian.Uint16(b))
		if n >= 4 && n <= len(b) {
			d.cur = b[:n]
			d.rest = b[min((n+3)&^3, len(b)):]
			return true
		}
	}
	d.cur = nil
	return false
}

func (d *minimalDecoder) Type() uint16 {
	if len(d.cur) < 4 {
		return 0
	}
	return binary.NativeEndian.Uint16(d.cur[2:4]) & 0x3fff
}

func (d *minimalDecoder) Bytes() []byte {
	if d.cur == nil {
		return nil
	}
	return d.cur[4:len(d.cur):len(d.cur)]
}

func (d *minimalDecoder) StringBytes() []byte { return cstr(d.Bytes()) }

func (d *minimalDecoder) Uint8() uint8 {
	if len(d.cur) != 5 {
		return 0
	}
	return d.cur[4]
}

func (d *minimalDecoder) Uint16() uint16 {
	if len(d.cur) != 6 {
		return 0
	}
	return binary.NativeEndian.Uint16(d.cur[4:])
}

func (d *minimalDecoder) BE16() uint16 {
	if len(d.cur) != 6 {
		return 0
	}
	return binary.BigEndian.Uint16(d.cur[4:])
}

func (d *minimalDecoder) Uint32() uint32 {
	if len(d.cur) != 8 {
		return 0
	}
	return binary.NativeEndian.Uint32(d.cur[4:])
}

func (d *minimalDecoder) Bitfield32() (uint32, uint32) {
	if len(d.cur) != 12 {
		return 0, 0
	}
	return binary.NativeEndian.Uint32(d.cur[4:]), binary.NativeEndian.Uint32(d.cur[8:])
}

func (d *minimalDecoder) Nested() minimalDecoder { return minimalDecoder{rest: d.Bytes()} }

func (d *minimalDecoder) Err() error {
	if len(d.rest) != 0 {
		return errShape
	}
	return nil
}

// orderedDecoder: minimalDecoder with a byte order (rot: 8 to swap, as
// attr.Decoder keeps it) and NLA_F_NET_BYTEORDER honoured by integer
// reads.
type orderedDecoder struct {
	rest, cur []byte
	rot       uint64
}

func (d *orderedDecoder) Next() bool {
	b := d.rest
	if len(b) >= 4 {
		n := int(bits.RotateLeft16(binary.NativeEndian.Uint16(b), int(d.rot)))
		if n >= 4 && n <= len(b) {
			d.cur = b[:n]
			d.rest = b[min((n+3)&^3, len(b)):]
			return true
		}
	}
	d.cur = nil
	return false
}

func (d *orderedDecoder) Type() uint16 {
	if len(d.cur) < 4 {
		return 0
	}
	return bits.RotateLeft16(binary.NativeEndian.Uint16(d.cur[2:4]), int(d.rot)) & 0x3fff
}

// swapInt reports whether the current integer is to be byte-swapped:
// NLA_F_NET_BYTEORDER (bit 14 of nla_type) says big-endian.
func (d *orderedDecoder) swapInt() bool {
	if bits.RotateLeft16(binary.NativeEndian.Uint16(d.cur[2:4]), int(d.rot))&0x4000 != 0 {
		return !endian.HostBig
	}
	return d.rot != 0
}

func (d *orderedDecoder) Bytes() []byte {
	if d.cur == nil {
		return nil
	}
	return d.cur[4:len(d.cur):len(d.cur)]
}

func (d *orderedDecoder) StringBytes() []byte { return cstr(d.Bytes()) }

func (d *orderedDecoder) Uint8() uint8 {
	if len(d.cur) != 5 {
		return 0
	}
	return d.cur[4]
}

func (d *orderedDecoder) Uint16() uint16 {
	if len(d.cur) != 6 {
		return 0
	}
	v := binary.NativeEndian.Uint16(d.cur[4:])
	if d.swapInt() {
		v = bits.ReverseBytes16(v)
	}
	return v
}

func (d *orderedDecoder) BE16() uint16 {
	if len(d.cur) != 6 {
		return 0
	}
	return binary.BigEndian.Uint16(d.cur[4:])
}

func (d *orderedDecoder) Uint32() uint32 {
	if len(d.cur) != 8 {
		return 0
	}
	v := binary.NativeEndian.Uint32(d.cur[4:])
	if d.swapInt() {
		v = bits.ReverseBytes32(v)
	}
	return v
}

func (d *orderedDecoder) Bitfield32() (uint32, uint32) {
	if len(d.cur) != 12 {
		return 0, 0
	}
	v, s := binary.NativeEndian.Uint32(d.cur[4:]), binary.NativeEndian.Uint32(d.cur[8:])
	if d.rot != 0 {
		v, s = bits.ReverseBytes32(v), bits.ReverseBytes32(s)
	}
	return v, s
}

func (d *orderedDecoder) Nested() orderedDecoder {
	return orderedDecoder{rest: d.Bytes(), rot: d.rot}
}

func (d *orderedDecoder) Err() error {
	if len(d.rest) != 0 {
		return errShape
	}
	return nil
}

func decodeMinimal(d minimalDecoder, l *link) error {
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

func decodeOrdered(d orderedDecoder, l *link) error {
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
