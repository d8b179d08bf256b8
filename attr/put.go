package attr

import (
	"encoding/binary"
	"math/bits"
)

// The put methods append one attribute of type typ, used as given: OR
// in FlagNetByteOrder or FlagNested if the attribute needs them.
// Integers are written in the encoder's byte order; padding is zero.

// Uint8 appends a u8 attribute (nla_put_u8).
func (e *Encoder) Uint8(typ uint16, v uint8) { e.put8(typ, 5, uint32(v)) }

// Uint16 appends a u16 attribute (nla_put_u16).
func (e *Encoder) Uint16(typ uint16, v uint16) {
	if e.be {
		v = bits.ReverseBytes16(v)
	}
	e.put8(typ, 6, uint32(v))
}

// Uint32 appends a u32 attribute (nla_put_u32).
func (e *Encoder) Uint32(typ uint16, v uint32) {
	if e.be {
		v = bits.ReverseBytes32(v)
	}
	e.put8(typ, 8, v)
}

// Uint64 appends a u64 attribute without alignment padding, as
// nla_put_u64_64bit does on kernels that never pad (see Uint64bit).
func (e *Encoder) Uint64(typ uint16, v uint64) {
	if e.be {
		v = bits.ReverseBytes64(v)
	}
	e.put12(typ, v)
}

// put8 appends an 8-byte attribute of length n (5 to 8) whose 4-byte
// payload, padding included, is w's little-endian bytes.
func (e *Encoder) put8(typ uint16, n int, w uint32) {
	b := e.b
	l := len(b)
	if l+8 > e.lim {
		if b = e.growSlow(8); b == nil {
			return
		}
		l = 0
	} else {
		b = b[:l+8]
		e.b = b
	}
	binary.LittleEndian.PutUint64(b[l:l+8], uint64(e.hdr(n, typ))|uint64(w)<<32)
}

// put12 appends a 12-byte attribute whose 8-byte payload is w's
// little-endian bytes.
func (e *Encoder) put12(typ uint16, w uint64) {
	p := e.reserve(12)
	if p == nil {
		if p = e.growSlow(12); p == nil {
			return
		}
	}
	binary.LittleEndian.PutUint32(p, e.hdr(12, typ))
	binary.LittleEndian.PutUint64(p[4:], w)
}

// Int8 appends an s8 attribute (nla_put_s8).
func (e *Encoder) Int8(typ uint16, v int8) { e.Uint8(typ, uint8(v)) }

// Int16 appends an s16 attribute (nla_put_s16).
func (e *Encoder) Int16(typ uint16, v int16) { e.Uint16(typ, uint16(v)) }

// Int32 appends an s32 attribute (nla_put_s32).
func (e *Encoder) Int32(typ uint16, v int32) { e.Uint32(typ, uint32(v)) }

// Int64 appends an s64 attribute without alignment padding (nla_put_s64
// on kernels that never pad).
func (e *Encoder) Int64(typ uint16, v int64) { e.Uint64(typ, uint64(v)) }

// Uint appends a variable-width unsigned attribute (nla_put_uint,
// NLA_UINT): 4 bytes if v fits in 32 bits, else 8.
func (e *Encoder) Uint(typ uint16, v uint64) {
	if v == uint64(uint32(v)) {
		e.Uint32(typ, uint32(v))
	} else {
		e.Uint64(typ, v)
	}
}

// Int appends a variable-width signed attribute (nla_put_sint,
// NLA_SINT): 4 bytes if v fits in 32 bits, else 8.
func (e *Encoder) Int(typ uint16, v int64) {
	if v == int64(int32(v)) {
		e.Uint32(typ, uint32(v))
	} else {
		e.Uint64(typ, uint64(v))
	}
}

// BE16 appends a big-endian u16 attribute whatever the encoder's order,
// without NLA_F_NET_BYTEORDER (nla_put_be16); see Net16.
func (e *Encoder) BE16(typ uint16, v uint16) { e.put8(typ, 6, uint32(bits.ReverseBytes16(v))) }

// BE32 appends a big-endian u32 attribute whatever the encoder's order,
// without NLA_F_NET_BYTEORDER (nla_put_be32, nla_put_in_addr).
func (e *Encoder) BE32(typ uint16, v uint32) { e.put8(typ, 8, bits.ReverseBytes32(v)) }

// BE64 appends a big-endian u64 attribute whatever the encoder's order,
// without NLA_F_NET_BYTEORDER and without alignment padding (nla_put_be64
// on kernels that never pad).
func (e *Encoder) BE64(typ uint16, v uint64) { e.put12(typ, bits.ReverseBytes64(v)) }

// Net16 appends a big-endian u16 attribute with NLA_F_NET_BYTEORDER set
// (nla_put_net16).
func (e *Encoder) Net16(typ uint16, v uint16) { e.BE16(typ|FlagNetByteOrder, v) }

// Net32 appends a big-endian u32 attribute with NLA_F_NET_BYTEORDER set
// (nla_put_net32).
func (e *Encoder) Net32(typ uint16, v uint32) { e.BE32(typ|FlagNetByteOrder, v) }

// Net64 appends a big-endian u64 attribute with NLA_F_NET_BYTEORDER set
// (nla_put_net64, without alignment padding).
func (e *Encoder) Net64(typ uint16, v uint64) { e.BE64(typ|FlagNetByteOrder, v) }

// Flag appends an attribute with an empty payload (nla_put_flag).
func (e *Encoder) Flag(typ uint16) {
	p := e.reserve(4)
	if p == nil {
		if p = e.growSlow(4); p == nil {
			return
		}
	}
	binary.LittleEndian.PutUint32(p, e.hdr(4, typ))
}

// Put appends an attribute with payload p (nla_put, NLA_BINARY). A payload longer
// than 65531 bytes latches ErrAttrTooLong.
func (e *Encoder) Put(typ uint16, p []byte) {
	if len(p) > MaxLen-HeaderLen {
		e.tooLong(typ)
		return
	}
	n := HeaderLen + len(p)
	q := e.reserve(Align(n))
	if q == nil {
		if q = e.growSlow(Align(n)); q == nil {
			return
		}
	}
	// Zero the last word first: it holds all the padding; the header
	// and the payload then overwrite what is theirs.
	binary.LittleEndian.PutUint32(q[len(q)-4:], 0)
	e.header(q, n, typ)
	copy(q[HeaderLen:], p)
}

// Reserve appends an attribute of type typ with an n-byte payload and
// returns the payload, zeroed, for the caller to fill (nla_reserve): a
// struct written in place. The slice is valid until the next call that
// adds bytes. It returns nil after an error, or for n above 65531
// (which latches ErrAttrTooLong).
func (e *Encoder) Reserve(typ uint16, n int) []byte {
	if n < 0 || n > MaxLen-HeaderLen {
		e.tooLong(typ)
		return nil
	}
	l := HeaderLen + n
	q := e.reserve(Align(l))
	if q == nil {
		if q = e.growSlow(Align(l)); q == nil {
			return nil
		}
	}
	clearSmall(q[HeaderLen:])
	e.header(q, l, typ)
	return q[HeaderLen:l]
}

// String appends a NUL-terminated string attribute (nla_put_string,
// NLA_NUL_STRING). A string longer than 65530 bytes latches
// ErrAttrTooLong.
func (e *Encoder) String(typ uint16, s string) {
	if q := e.reserveString(typ, len(s)); q != nil {
		copy(q, s)
	}
}

// StringBytes appends s as a NUL-terminated string attribute, as String
// does, without converting it to a string.
func (e *Encoder) StringBytes(typ uint16, s []byte) {
	if q := e.reserveString(typ, len(s)); q != nil {
		copy(q, s)
	}
}

// reserveString appends the header of a string attribute of n bytes plus
// its NUL and returns the payload and padding to fill, or nil: the NUL
// and the padding, all in the last word, are zero already.
func (e *Encoder) reserveString(typ uint16, n int) []byte {
	if n > MaxLen-HeaderLen-1 {
		e.tooLong(typ)
		return nil
	}
	l := HeaderLen + n + 1
	q := e.reserve(Align(l))
	if q == nil {
		if q = e.growSlow(Align(l)); q == nil {
			return nil
		}
	}
	binary.LittleEndian.PutUint32(q[len(q)-4:], 0)
	e.header(q, l, typ)
	return q[HeaderLen:]
}

// Bitfield32 appends a struct nla_bitfield32 {u32 value; u32 selector}
// attribute (nla_put_bitfield32, NLA_BITFIELD32).
func (e *Encoder) Bitfield32(typ uint16, value, selector uint32) { e.Uint32Pair(typ, value, selector) }

// Uint32Pair appends an attribute whose 8-byte payload is two u32s in
// the encoder's order, first then second: a struct of two u32 members
// (struct nla_bitfield32, struct ifla_vlan_flags), in one store.
func (e *Encoder) Uint32Pair(typ uint16, first, second uint32) {
	if e.be {
		first, second = bits.ReverseBytes32(first), bits.ReverseBytes32(second)
	}
	e.put12(typ, uint64(first)|uint64(second)<<32)
}

// Uint64bit appends a u64 attribute whose payload is 8-byte aligned
// relative to the start of the buffer, as nla_put_u64_64bit does on
// architectures without CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS: when the
// buffer's length is a multiple of 8, an empty attribute of type pad
// comes first (nla_align_64bit, include/net/netlink.h). Kernels on x86
// and arm64 have efficient unaligned access and never pad; use Uint64 to
// reproduce their output.
func (e *Encoder) Uint64bit(typ uint16, v uint64, pad uint16) {
	if len(e.b)%8 == 0 {
		e.Flag(pad)
	}
	e.Uint64(typ, v)
}

// Put64bit appends an attribute whose payload p is 8-byte aligned
// relative to the start of the buffer, inserting an empty attribute of
// type pad when needed, like nla_put_64bit (see Uint64bit).
func (e *Encoder) Put64bit(typ uint16, p []byte, pad uint16) {
	if len(p) > MaxLen-HeaderLen {
		e.tooLong(typ)
		return
	}
	if len(e.b)%8 == 0 {
		e.Flag(pad)
	}
	e.Put(typ, p)
}

func (e *Encoder) tooLong(typ uint16) {
	e.fail(len(e.b), typ, ErrAttrTooLong)
}

// clearSmall zeroes z, whose length is a multiple of 4: in words for a
// short payload (a struct of a few members), where a call to clear's
// memclr would cost more than the stores.
func clearSmall(z []byte) {
	if len(z) > 16 {
		clear(z)
		return
	}
	for len(z) >= 8 {
		binary.LittleEndian.PutUint64(z, 0)
		z = z[8:]
	}
	if len(z) >= 4 {
		binary.LittleEndian.PutUint32(z, 0)
	}
}
