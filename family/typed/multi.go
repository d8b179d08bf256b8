package typed

import "github.com/nlwire/nlwire/attr"

// Multi is a view of repeated attributes: every attribute of one type
// in a nest (a multi-attr), or every attribute of a nest whose types
// are indexes or values (an indexed-array, a nest-type-value). Its
// zero value holds none. It is a small value; copy it to walk the same
// attributes twice.
//
//	for it := link.AltIfname(); it.Next(); {
//		name := it.Bytes()
//	}
type Multi struct {
	b    []byte // the nest's payload, from the first attribute of the view
	base int    // the offset of b[0], counted as Options.Base counts
	cur  []byte // the current attribute's payload
	off  int    // offset in b of the next attribute's header
	at   int    // offset in b of the current attribute's header
	raw  uint16 // the current attribute's type, flags included
	typ  uint16 // the type viewed, if one
	all  bool   // every type, not typ
	mode Mode
	n    uint16 // how many attributes the view holds
}

// NewMulti returns a view of the attributes of type typ in b, the
// payload of a nest at offset base, starting with the one at b[0]; count
// is how many there are. Generated code makes them.
func NewMulti(b []byte, base int, typ uint16, count int, m Mode) Multi {
	return Multi{b: b, base: base, typ: typ, n: uint16(min(count, 0xffff)), mode: m}
}

// NewArray returns a view of every attribute of b, the payload of a nest
// at offset base: the elements of an indexed-array or of a
// nest-type-value.
func NewArray(b []byte, base int, count int, m Mode) Multi {
	return Multi{b: b, base: base, all: true, n: uint16(min(count, 0xffff)), mode: m}
}

// Len returns the number of attributes in the view (at most 65535).
func (m *Multi) Len() int { return int(m.n) }

// Next moves to the next attribute of the view and reports whether
// there is one. The decode that made the view checked every header.
func (m *Multi) Next() bool {
	sw := m.mode&Swap != 0
	for len(m.b)-m.off >= attr.HeaderLen {
		h := m.b[m.off:]
		n := int(Uint16(h, sw))
		raw := Uint16(h[2:], sw)
		if n < attr.HeaderLen || n > len(h) {
			return false
		}
		at := m.off
		m.off += attr.Align(n)
		if m.all || raw&attr.TypeMask == m.typ {
			m.cur, m.at, m.raw = h[attr.HeaderLen:n], at, raw
			return true
		}
	}
	m.cur = nil
	return false
}

// Type returns the current attribute's type, flags stripped: the
// index of an indexed-array's element, the value of a
// nest-type-value's.
func (m *Multi) Type() uint16 { return m.raw & attr.TypeMask }

// Bytes returns the current attribute's payload.
func (m *Multi) Bytes() []byte { return m.cur }

// String returns the current attribute's payload up to its first NUL,
// as a view.
func (m *Multi) String() []byte { return CString(m.cur) }

// Offset returns the offset of the current attribute's payload, counted
// as Options.Base counts.
func (m *Multi) Offset() int { return m.base + m.at + attr.HeaderLen }

// Mode returns the decoding mode the view was made with.
func (m *Multi) Mode() Mode { return m.mode }

// Swap reports whether the current attribute's integers are
// byte-swapped relative to the host (NLA_F_NET_BYTEORDER included).
func (m *Multi) Swap() bool { return NetSwap(m.raw, m.mode&Swap != 0) }

// Uint8 returns the current attribute's payload as a u8 (0 if short).
func (m *Multi) Uint8() uint8 {
	if len(m.cur) < 1 {
		return 0
	}
	return m.cur[0]
}

// Uint16 returns the current attribute's payload as a u16 (0 if short).
func (m *Multi) Uint16() uint16 {
	if len(m.cur) < 2 {
		return 0
	}
	return Uint16(m.cur, m.Swap())
}

// Uint32 returns the current attribute's payload as a u32 (0 if short).
func (m *Multi) Uint32() uint32 {
	if len(m.cur) < 4 {
		return 0
	}
	return Uint32(m.cur, m.Swap())
}

// Uint64 returns the current attribute's payload as a u64 (0 if
// short); a 4-byte payload (NLA_UINT) is read as a u32.
func (m *Multi) Uint64() uint64 {
	switch {
	case len(m.cur) >= 8:
		return Uint64(m.cur, m.Swap())
	case len(m.cur) >= 4:
		return uint64(Uint32(m.cur, m.Swap()))
	}
	return 0
}

// BE16 returns the current payload as a big-endian u16 (0 if short).
func (m *Multi) BE16() uint16 {
	if len(m.cur) < 2 {
		return 0
	}
	return Uint16(m.cur, BigSwap)
}

// BE32 returns the current payload as a big-endian u32 (0 if short).
func (m *Multi) BE32() uint32 {
	if len(m.cur) < 4 {
		return 0
	}
	return Uint32(m.cur, BigSwap)
}

// BE64 returns the current payload as a big-endian u64 (0 if short).
func (m *Multi) BE64() uint64 {
	if len(m.cur) < 8 {
		return 0
	}
	return Uint64(m.cur, BigSwap)
}

// Options returns Options for decoding the current attribute's payload
// as a nest: the view's mode, offsets from the payload's.
func (m *Multi) Options() Options { return m.mode.Options(m.Offset()) }

// Ints is a view of a binary attribute that holds an array of
// integers of one width (the spec's binary with a sub-type).
type Ints struct {
	b    []byte
	size uint8 // 1, 2, 4 or 8
	swap bool
}

// NewInts returns a view of p as integers of size bytes each.
func NewInts(p []byte, size int, swap bool) Ints {
	return Ints{b: p, size: uint8(size), swap: swap}
}

// Len returns the number of whole integers.
func (v Ints) Len() int {
	if v.size == 0 {
		return 0
	}
	return len(v.b) / int(v.size)
}

// At returns the i-th integer, zero-extended.
func (v Ints) At(i int) uint64 {
	p := v.b[i*int(v.size):]
	switch v.size {
	case 1:
		return uint64(p[0])
	case 2:
		return uint64(Uint16(p, v.swap))
	case 4:
		return uint64(Uint32(p, v.swap))
	}
	return Uint64(p, v.swap)
}

// Bytes returns the array's bytes.
func (v Ints) Bytes() []byte { return v.b }

// Add counts one more attribute in the view. Generated code calls it.
func (m *Multi) Add() {
	if m.n < 0xffff {
		m.n++
	}
}
