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
// in Next). They decode the fixture with the same code as decodeNlwire:
// zshapes.go, written from it by internal/shapegen.

//go:generate go run ./internal/shapegen

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
	minimalDecoder
	rot uint64
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
	return orderedDecoder{minimalDecoder{rest: d.Bytes()}, d.rot}
}
