package attr

import (
	"encoding/binary"
	"math/bits"

	"github.com/nlwire/nlwire/internal/endian"
)

// The fixed-size reads repeat the length check instead of calling
// payload, and the integer reads return from each side of the swap test
// rather than swapping a variable: that keeps them within the inliner's
// budget (a decode with them not inlined measured 15-25% slower), and
// the host's order takes a branch that is always predicted where a
// conditional move would wait on the swap.

// The typed reads decode the current attribute's payload; call them
// while positioned on one (Next returned true). Each checks the payload
// length exactly; on a mismatch it returns 0 (or the empty value),
// latches *Error{Offset, Type, ErrBadLength}, and ends the walk: Next
// returns false afterwards. Integers are read in the decoder's byte
// order, except in attributes flagged NLA_F_NET_BYTEORDER, which are
// big-endian: Uint16 of such an attribute reads what BE16 reads.

// Uint8 reads a u8 payload (nla_get_u8, NLA_U8).
func (d *Decoder) Uint8() uint8 {
	p := d.cur
	if len(p) != HeaderLen+1 {
		d.reject()
		return 0
	}
	return p[HeaderLen]
}

// Uint16 reads a u16 payload (nla_get_u16, NLA_U16).
func (d *Decoder) Uint16() uint16 {
	p := d.cur
	if len(p) != HeaderLen+2 {
		d.reject()
		return 0
	}
	if d.swapInt() {
		return bits.ReverseBytes16(binary.NativeEndian.Uint16(p[HeaderLen:]))
	}
	return binary.NativeEndian.Uint16(p[HeaderLen:])
}

// Uint32 reads a u32 payload (nla_get_u32, NLA_U32).
func (d *Decoder) Uint32() uint32 {
	p := d.cur
	if len(p) != HeaderLen+4 {
		d.reject()
		return 0
	}
	if d.swapInt() {
		return bits.ReverseBytes32(binary.NativeEndian.Uint32(p[HeaderLen:]))
	}
	return binary.NativeEndian.Uint32(p[HeaderLen:])
}

// Uint64 reads a u64 payload (nla_get_u64, NLA_U64).
func (d *Decoder) Uint64() uint64 {
	p := d.cur
	if len(p) != HeaderLen+8 {
		d.reject()
		return 0
	}
	if d.swapInt() {
		return bits.ReverseBytes64(binary.NativeEndian.Uint64(p[HeaderLen:]))
	}
	return binary.NativeEndian.Uint64(p[HeaderLen:])
}

// Int8 reads an s8 payload (nla_get_s8, NLA_S8).
func (d *Decoder) Int8() int8 { return int8(d.Uint8()) }

// Int16 reads an s16 payload (nla_get_s16, NLA_S16).
func (d *Decoder) Int16() int16 {
	p := d.cur
	if len(p) != HeaderLen+2 {
		d.reject()
		return 0
	}
	if d.swapInt() {
		return int16(bits.ReverseBytes16(binary.NativeEndian.Uint16(p[HeaderLen:])))
	}
	return int16(binary.NativeEndian.Uint16(p[HeaderLen:]))
}

// Int32 reads an s32 payload (nla_get_s32, NLA_S32).
func (d *Decoder) Int32() int32 {
	p := d.cur
	if len(p) != HeaderLen+4 {
		d.reject()
		return 0
	}
	if d.swapInt() {
		return int32(bits.ReverseBytes32(binary.NativeEndian.Uint32(p[HeaderLen:])))
	}
	return int32(binary.NativeEndian.Uint32(p[HeaderLen:]))
}

// Int64 reads an s64 payload (nla_get_s64, NLA_S64).
func (d *Decoder) Int64() int64 {
	p := d.cur
	if len(p) != HeaderLen+8 {
		d.reject()
		return 0
	}
	if d.swapInt() {
		return int64(bits.ReverseBytes64(binary.NativeEndian.Uint64(p[HeaderLen:])))
	}
	return int64(binary.NativeEndian.Uint64(p[HeaderLen:]))
}

// Uint reads a variable-width unsigned payload of exactly 4 or 8 bytes
// (nla_get_uint, NLA_UINT).
func (d *Decoder) Uint() uint64 {
	if len(d.cur) == HeaderLen+4 {
		return uint64(d.Uint32())
	}
	return d.Uint64()
}

// Int reads a variable-width signed payload of exactly 4 or 8 bytes,
// sign-extending the 4-byte form (nla_get_sint, NLA_SINT).
func (d *Decoder) Int() int64 {
	if len(d.cur) == HeaderLen+4 {
		return int64(d.Int32())
	}
	return d.Int64()
}

// BE16 reads a big-endian u16 payload whatever the decoder's order
// (nla_get_be16, NLA_BE16).
func (d *Decoder) BE16() uint16 {
	p := d.cur
	if len(p) != HeaderLen+2 {
		d.reject()
		return 0
	}
	return binary.BigEndian.Uint16(p[HeaderLen:])
}

// BE32 reads a big-endian u32 payload whatever the decoder's order
// (nla_get_be32, nla_get_in_addr, NLA_BE32).
func (d *Decoder) BE32() uint32 {
	p := d.cur
	if len(p) != HeaderLen+4 {
		d.reject()
		return 0
	}
	return binary.BigEndian.Uint32(p[HeaderLen:])
}

// BE64 reads a big-endian u64 payload whatever the decoder's order
// (nla_get_be64).
func (d *Decoder) BE64() uint64 {
	p := d.cur
	if len(p) != HeaderLen+8 {
		d.reject()
		return 0
	}
	return binary.BigEndian.Uint64(p[HeaderLen:])
}

// Flag reports that the current attribute is present and checks that
// its payload is empty (nla_get_flag, NLA_FLAG).
func (d *Decoder) Flag() bool {
	_, ok := d.payload(0)
	return ok
}

// StringBytes returns the payload up to its first NUL, or all of it if
// there is none (as nla_strscpy reads an NLA_STRING or NLA_NUL_STRING).
// The result is a view into the decoder's buffer.
func (d *Decoder) StringBytes() []byte {
	p := d.Bytes()
	for i, c := range p { // netlink strings are short: a loop beats IndexByte's call
		if c == 0 {
			return p[:i]
		}
	}
	return p
}

// String returns StringBytes as a string. It allocates; compare
// StringBytes with a constant to avoid that.
func (d *Decoder) String() string { return string(d.StringBytes()) }

// Bitfield32 reads a struct nla_bitfield32 {u32 value; u32 selector}
// payload of exactly 8 bytes (nla_get_bitfield32, NLA_BITFIELD32).
func (d *Decoder) Bitfield32() (value, selector uint32) {
	p := d.cur
	if len(p) != HeaderLen+8 {
		d.reject()
		return 0, 0
	}
	v := binary.NativeEndian.Uint64(p[HeaderLen:])
	if d.swap() {
		v = bits.ReverseBytes64(v) // swaps both words and their order
		v = v<<32 | v>>32
	}
	if endian.HostBig {
		return uint32(v >> 32), uint32(v)
	}
	return uint32(v), uint32(v >> 32)
}

// Nested returns a decoder of the attributes inside the current one
// (nla_for_each_nested). It inherits the byte order and the mode, and its
// offsets stay relative to the same base. The flag NLA_F_NESTED is not
// required: old families nest without it. Errors inside the nest latch in
// the returned decoder, not in d.
func (d *Decoder) Nested() Decoder {
	n := len(d.cur)
	return Decoder{rest: d.cur[min(HeaderLen, n):n], st: d.st &^ stBad}
}
