package attr

import (
	"encoding/binary"
	"math/bits"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/endian"
)

// Decoder walks a run of netlink attributes and reads the current one.
// It is a small value: copy it to save a position, pass it by value to
// hand a nest to another function. The zero Decoder has no attributes.
type Decoder struct {
	rest []byte // the attributes not walked yet, from the next header on
	// cur is the current attribute, header included, or nil when not on
	// one. Its capacity runs to the end of the buffer, as rest's does, so
	// that the offset of either is end - cap; Bytes hands out views
	// capped at the attribute.
	cur []byte
	// st is the rest of the state, packed in one word: the byte order
	// (stRot), the mode and a latched typed-read failure (stLenient,
	// stBad) in the low byte, and end, the base plus the buffer's
	// capacity, above it. One word, stored whole, keeps making, copying
	// and nesting decoders cheap: with these as separate byte fields,
	// copying a decoder read them back through several small stores,
	// which made BenchmarkAttrDecode measurably slower.
	st uint64
}

// The bits of Decoder.st.
const (
	// stRot is 8 if integers are byte-swapped relative to the host, else
	// 0: a swapped u16 is a u16 rotated by 8, and a rotation takes its
	// count modulo 16, so int(st) is the count itself.
	stRot = 8
	// stLenient ends a malformed walk silently, as the kernel does.
	stLenient = 1 << 4
	// stBad says a typed read rejected a length: the walk is over, and
	// cur stays on that attribute, if any, for Err.
	stBad = 1 << 5
	// stEnd is the shift of end, the offset at which the buffer's
	// capacity ends, counted from the base.
	stEnd = 8
)

// NewDecoder returns a strict decoder of the attributes in b, in the
// host's byte order, with offsets counted from b[0].
func NewDecoder(b []byte) Decoder {
	return Decoder{rest: b, st: uint64(cap(b)) << stEnd}
}

// WithOrder returns a copy of d that reads integers in order o.
func (d Decoder) WithOrder(o nlwire.Order) Decoder {
	d.st &^= stRot
	if o.Swap() {
		d.st |= stRot
	}
	return d
}

// WithBase returns a copy of d whose offsets are shifted by off. Call it
// on a new decoder with the position of b[0] within the message (for
// example 32 for the attributes of an RTM_NEWLINK message, after the
// 16-byte nlmsghdr and the 16-byte ifinfomsg): Offset and the offsets of
// errors then equal the kernel's NLMSGERR_ATTR_OFFS.
func (d Decoder) WithBase(off int) Decoder {
	d.st += uint64(off) << stEnd
	return d
}

// Lenient returns a copy of d that walks like the kernel's
// nla_for_each_attr: a header that does not fit, an nla_len below 4 or
// a short tail end the walk without an error, and Leftover reports the
// bytes that were not walked. Typed reads still check lengths. Nested
// decoders inherit the mode.
func (d Decoder) Lenient() Decoder {
	d.st |= stLenient
	return d
}

// end returns the offset at which the buffer's capacity ends.
func (d *Decoder) end() int { return int(d.st >> stEnd) }

// offsetOf returns the offset of b, a suffix of the buffer.
func (d *Decoder) offsetOf(b []byte) int { return d.end() - cap(b) }

// Next advances to the next attribute and reports whether there is one.
// It returns false at the end of the attributes and once an error has
// latched. The walk follows nla_ok and nla_next (include/net/netlink.h):
// at least 4 bytes must remain, 4 <= nla_len <= remaining, and the next
// header is NLA_ALIGN(nla_len) further on, or the end.
func (d *Decoder) Next() bool {
	// Kept within the inliner's budget: a swapped u16 is a rotation by 8.
	// A typed read that failed has emptied rest (see reject): the fast
	// path need not test stBad.
	b := d.rest
	if len(b) >= HeaderLen {
		n := int(bits.RotateLeft16(binary.NativeEndian.Uint16(b), int(d.st)))
		if n >= HeaderLen && n <= len(b) {
			d.cur = b[:n]
			d.rest = b[min(Align(n), len(b)):]
			return true
		}
	}
	if d.st&stBad == 0 {
		d.cur = nil // keep the rejected attribute for Err
	}
	return false
}

// swap reports whether integers are byte-swapped relative to the host.
func (d *Decoder) swap() bool { return d.st&stRot != 0 }

// stuck reports whether the walk has ended with bytes it cannot take: the
// next header does not fit, or its nla_len is below 4 or past the end.
func (d *Decoder) stuck() bool {
	b := d.rest
	if len(b) == 0 {
		return false
	}
	if len(b) < HeaderLen {
		return true
	}
	n := int(endian.Uint16(b, d.swap()))
	return n < HeaderLen || n > len(b)
}

// reject latches a typed read's length error, for Err to build, and ends
// the walk: on an attribute, it empties rest (keeping its end, for
// offsets), so that Next stops without testing stBad; off one, rest
// stays where the walk is, for Err's offset.
func (d *Decoder) reject() {
	d.st |= stBad
	if d.cur != nil {
		d.rest = d.rest[len(d.rest):]
	}
}

// payload returns the current attribute's payload if it is exactly n
// bytes long; otherwise it latches ErrBadLength (built lazily by Err, to
// keep the typed reads small enough to inline) and ends the walk.
func (d *Decoder) payload(n int) ([]byte, bool) {
	p := d.cur
	if len(p) != HeaderLen+n {
		d.reject()
		return nil, false
	}
	return p[HeaderLen:], true
}

// swapInt reports whether the current attribute's integer is
// byte-swapped relative to the host: it is in the decoder's order, unless
// the attribute is flagged NLA_F_NET_BYTEORDER, whose values are
// big-endian. Call it only on an attribute. It reads one byte, byte 3 of
// the header, for either order: on a little-endian host, a host-order
// header has the flag there, and a swapped (big-endian) decoder swaps
// whatever the flag says; on a big-endian host, a host-order decoder
// never swaps, and a swapped (little-endian) header has the flag there.
func (d *Decoder) swapInt() bool {
	// uint8(d.st)<<3 moves stRot to bit 6, the flag's bit in byte 3.
	if endian.HostBig {
		return uint8(d.st)<<3&^d.cur[3]&(FlagNetByteOrder>>8) != 0
	}
	return (uint8(d.st)<<3|d.cur[3])&(FlagNetByteOrder>>8) != 0
}

// Present reports whether d is positioned on an attribute: Next returned
// true, or Find or Scatter placed it there. It is how to tell a filled
// Scatter table entry from an empty one.
func (d *Decoder) Present() bool { return d.cur != nil }

// Type returns the current attribute's type, flags stripped
// (nla_type & NLA_TYPE_MASK). It repeats RawType's read rather than
// calling it: the mask then applies on the one path that reads, which
// took instructions out of every switch on Type.
func (d *Decoder) Type() uint16 {
	if len(d.cur) < HeaderLen {
		return 0
	}
	return bits.RotateLeft16(binary.NativeEndian.Uint16(d.cur[2:HeaderLen]), int(d.st)) & TypeMask
}

// RawType returns the current attribute's nla_type, flags included.
func (d *Decoder) RawType() uint16 {
	if len(d.cur) < HeaderLen {
		return 0
	}
	return bits.RotateLeft16(binary.NativeEndian.Uint16(d.cur[2:HeaderLen]), int(d.st))
}

// Flags returns the current attribute's flag bits: FlagNested
// (NLA_F_NESTED) and FlagNetByteOrder (NLA_F_NET_BYTEORDER).
func (d *Decoder) Flags() uint16 { return d.RawType() &^ TypeMask }

// Len returns the current attribute's payload length (nla_len(), i.e.
// nla_len - 4, padding excluded).
func (d *Decoder) Len() int { return max(len(d.cur)-HeaderLen, 0) }

// Offset returns the offset of the current attribute's header,
// counted from the base given to WithBase.
func (d *Decoder) Offset() int { return d.offsetOf(d.cur) }

// Bytes returns the current attribute's payload (nla_data()), a view
// into the decoder's buffer, not a copy.
func (d *Decoder) Bytes() []byte {
	if d.cur == nil {
		return nil
	}
	return d.cur[HeaderLen:len(d.cur):len(d.cur)]
}

// Err returns the first error met: an *Error wrapping ErrBadLength from
// a typed read or, in strict mode, the reason the walk ended early:
// ErrTruncated (nla_len past the end), ErrBadLength (nla_len below 4) or
// ErrTrailing (1 to 3 bytes after the last attribute). The error is built
// from the decoder's state when asked for, so that the walk stays small.
func (d *Decoder) Err() error {
	if d.st&stBad == 0 && len(d.rest) == 0 {
		return nil // the walk took every byte: the common case, inlined
	}
	return d.errSlow()
}

func (d *Decoder) errSlow() error {
	switch {
	case d.st&stBad != 0 && d.cur != nil:
		return &Error{Offset: d.Offset(), Type: d.Type(), Err: ErrBadLength}
	case d.st&stLenient == 0 && d.stuck():
		return d.walkErr() // the walk had failed before the typed read, if any
	case d.st&stBad != 0: // a typed read while not on an attribute
		return &Error{Offset: d.offsetOf(d.rest), Err: ErrBadLength}
	}
	return nil
}

// walkErr returns the error of a walk that stopped at d.rest.
func (d *Decoder) walkErr() *Error {
	r := d.rest
	at := d.offsetOf(r)
	if len(r) < HeaderLen {
		return &Error{Offset: at, Err: ErrTrailing}
	}
	n := endian.Uint16(r, d.swap())
	typ := endian.Uint16(r[2:], d.swap()) & TypeMask
	if n < HeaderLen {
		return &Error{Offset: at, Type: typ, Err: ErrBadLength}
	}
	return &Error{Offset: at, Type: typ, Err: ErrTruncated}
}

// Leftover returns the number of bytes the walk could not consume when
// it ended (the kernel's "bytes leftover after parsing attributes"): 0
// while the next attribute is well formed, after a clean end, and after a
// typed read failed.
func (d *Decoder) Leftover() int {
	if d.st&stBad != 0 || !d.stuck() {
		return 0
	}
	return len(d.rest)
}

// Over returns a decoder of the attributes in b that reads in d's byte
// order and mode (strict or lenient), with offsets counted from base
// (the position of b[0] in its message, as WithBase gives it): a decoder
// set up once with WithOrder and Lenient serves as the template of every
// message's.
func (d Decoder) Over(b []byte, base int) Decoder {
	return Decoder{rest: b, st: d.st&(stRot|stLenient) | uint64(cap(b)+base)<<stEnd}
}

// On returns a decoder positioned on the attribute a, header included,
// found by a walk of its own (as the kernel's tb[] of nlattr pointers
// holds them): it reads in d's byte order and mode, counts offsets from
// base (the position of a[0] in its message), and has nothing after a
// to walk. a's nla_len is not read again: len(a) is the attribute's
// length. A slice shorter than a header gives a decoder on nothing.
//
// Unlike Over, On takes its template by pointer: a template kept in a
// larger value is then not copied for each attribute.
func (d *Decoder) On(a []byte, base int) Decoder {
	e := Decoder{rest: a[len(a):], st: d.st&(stRot|stLenient) | uint64(cap(a)+base)<<stEnd}
	if len(a) >= HeaderLen {
		e.cur = a
	}
	return e
}
