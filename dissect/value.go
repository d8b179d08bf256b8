package dissect

import (
	"net/netip"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/endian"
)

// decode sets v to payload p read as format f in byte order o: bytes
// with BadLength if p's length does not fit f, bytes if f is no scalar.
// It sets Kind, BadLength and the fields Kind names, and leaves the
// others (and Enum) as they were: each costs a store an attribute. A
// u32, the commonest format, is decoded inline.
func (v *Value) decode(f family.Format, p []byte, o nlwire.Order) {
	if f == family.U32 && len(p) == 4 {
		v.Kind, v.BadLength, v.Uint = Uint, false, uint64(endian.Uint32(p, o.Swap()))
		return
	}
	v.decodeAny(f, p, o)
}

// decodeAny is decode for every format.
func (v *Value) decodeAny(f family.Format, p []byte, o nlwire.Order) {
	v.BadLength = false
	if f == family.Flag {
		if len(p) == 0 {
			v.Kind = Flag
			return
		}
		f = family.U8 // a flag with a payload: shown as its byte
	}
	n := f.Size()
	if n != 0 && len(p) != n || f == family.IPAddr && len(p) != 4 && len(p) != 16 {
		v.Kind, v.BadLength, v.Bytes = Bytes, true, p
		return
	}
	swap := o.Swap()
	switch f {
	case family.U8:
		v.Kind, v.Uint = Uint, uint64(p[0])
	case family.S8:
		v.Kind, v.Uint = Int, uint64(int64(int8(p[0])))
	case family.U16:
		v.Kind, v.Uint = Uint, uint64(endian.Uint16(p, swap))
	case family.S16:
		v.Kind, v.Uint = Int, uint64(int64(int16(endian.Uint16(p, swap))))
	case family.U32:
		v.Kind, v.Uint = Uint, uint64(endian.Uint32(p, swap))
	case family.S32:
		v.Kind, v.Uint = Int, uint64(int64(int32(endian.Uint32(p, swap))))
	case family.U64:
		v.Kind, v.Uint = Uint, endian.Uint64(p, swap)
	case family.S64:
		v.Kind, v.Uint = Int, endian.Uint64(p, swap)
	case family.UInt, family.SInt:
		v.Kind = Uint
		if f == family.SInt {
			v.Kind = Int
		}
		switch len(p) {
		case 4:
			v.Uint = uint64(endian.Uint32(p, swap))
			if f == family.SInt {
				v.Uint = uint64(int64(int32(v.Uint)))
			}
		case 8:
			v.Uint = endian.Uint64(p, swap)
		default:
			v.Kind, v.BadLength, v.Bytes = Bytes, true, p
		}
	case family.BE16:
		v.Kind, v.Uint = Uint, uint64(p[0])<<8|uint64(p[1])
	case family.BE32:
		v.Kind, v.Uint = Uint, uint64(p[0])<<24|uint64(p[1])<<16|uint64(p[2])<<8|uint64(p[3])
	case family.BE64:
		v.Kind, v.Uint = Uint, endian.Uint64(p, nlwire.BigEndian.Swap())
	case family.SBE32:
		v.Kind, v.Uint = Int, uint64(int64(int32(endian.Uint32(p, nlwire.BigEndian.Swap()))))
	case family.String:
		s := p
		for i, c := range p {
			if c == 0 {
				s = p[:i]
				break
			}
		}
		v.Kind, v.Bytes = String, s
	case family.IPAddr:
		a, _ := netip.AddrFromSlice(p) // 4 or 16 bytes: always an address
		v.Kind, v.Addr = Addr, a
	case family.HWAddr:
		v.Kind, v.Bytes = HWAddr, p
	case family.Bitfield32:
		v.Kind, v.Uint, v.Selector = Bitfield32, uint64(endian.Uint32(p, swap)), endian.Uint32(p[4:], swap)
	default:
		v.Kind, v.Bytes = Bytes, p
	}
}
