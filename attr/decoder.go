package attr

import (
	"encoding/binary"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/endian"
)

// Decoder walks a run of netlink attributes and reads the current one.
// It is a small value: copy it to save a position, pass it by value to
// hand a nest to another function. The zero Decoder has no attributes.
type Decoder struct {
	b       []byte // the run of attributes
	data    []byte // payload of the current attribute; nil when not on one
	pos     int    // index in b of the next header; may pass len(b)
	hdr     int    // index in b of the current header
	base    int    // offset of b[0] in the message
	err     *Error // first error, latched
	typ     uint16 // nla_type of the current attribute, flags included
	swap    bool   // integers are byte-swapped relative to the host
	be      bool   // integers are big-endian
	lenient bool   // end a malformed walk silently, as the kernel does
	ended   bool   // Next has returned false
}

// hostBig is the host's byte order.
var hostBig = nlwire.Host() == nlwire.BigEndian

// NewDecoder returns a strict decoder of the attributes in b, in the
// host's byte order, with offsets counted from b[0].
func NewDecoder(b []byte) Decoder {
	return Decoder{b: b, be: hostBig}
}

// WithOrder returns a copy of d that reads integers in order o.
func (d Decoder) WithOrder(o nlwire.Order) Decoder {
	d.swap = o.Swap()
	d.be = hostBig != d.swap
	return d
}

// WithBase returns a copy of d whose offsets are shifted by off. Call it
// on a new decoder with the position of b[0] within the message (for
// example 32 for the attributes of an RTM_NEWLINK message, after the
// 16-byte nlmsghdr and the 16-byte ifinfomsg): Offset and the offsets of
// errors then equal the kernel's NLMSGERR_ATTR_OFFS.
func (d Decoder) WithBase(off int) Decoder {
	d.base += off
	return d
}

// Lenient returns a copy of d that walks like the kernel's
// nla_for_each_attr: a header that does not fit, an nla_len below 4 or
// a short tail end the walk without an error, and Leftover reports the
// bytes that were not walked. Typed reads still check lengths. Nested
// decoders inherit the mode.
func (d Decoder) Lenient() Decoder {
	d.lenient = true
	return d
}

// Next advances to the next attribute and reports whether there is one.
// It returns false at the end of the attributes and once an error has
// latched. The walk follows nla_ok and nla_next (include/net/netlink.h):
// at least 4 bytes must remain, 4 <= nla_len <= remaining, and the next
// header is NLA_ALIGN(nla_len) further on.
func (d *Decoder) Next() bool {
	p := d.pos
	if p+HeaderLen <= len(d.b) {
		// The header {u16 nla_len; u16 nla_type} in one load.
		h := binary.LittleEndian.Uint32(d.b[p:])
		if d.be {
			h = h&0xff00ff00>>8 | h&0x00ff00ff<<8
		}
		n := int(h & 0xffff)
		if n >= HeaderLen && n <= len(d.b)-p {
			d.typ = uint16(h >> 16)
			d.data = d.b[p+HeaderLen : p+n]
			d.hdr = p
			d.pos = p + Align(n)
			return true
		}
	}
	// The walk is over; Err and Leftover look at what is left.
	d.data = nil
	d.ended = true
	return false
}

// fail latches an error and ends the walk: the next Next returns false
// and nothing is left over.
func (d *Decoder) fail(off int, typ uint16, err error) {
	if d.err == nil {
		d.err = &Error{Offset: off, Type: typ, Err: err}
	}
	d.pos = len(d.b)
	d.data = nil
}

// bad latches ErrBadLength for the current attribute.
func (d *Decoder) bad() {
	d.fail(d.base+d.hdr, d.typ&TypeMask, ErrBadLength)
}

// Present reports whether d is positioned on an attribute: Next returned
// true, or Find or Scatter placed it there. It is how to tell a filled
// Scatter table entry from an empty one.
func (d *Decoder) Present() bool { return d.data != nil }

// Type returns the current attribute's type, flags stripped
// (nla_type & NLA_TYPE_MASK).
func (d *Decoder) Type() uint16 { return d.typ & TypeMask }

// RawType returns the current attribute's nla_type, flags included.
func (d *Decoder) RawType() uint16 { return d.typ }

// Flags returns the current attribute's flag bits: FlagNested
// (NLA_F_NESTED) and FlagNetByteOrder (NLA_F_NET_BYTEORDER).
func (d *Decoder) Flags() uint16 { return d.typ &^ TypeMask }

// Len returns the current attribute's payload length (nla_len(), i.e.
// nla_len - 4, padding excluded).
func (d *Decoder) Len() int { return len(d.data) }

// Offset returns the offset of the current attribute's header,
// counted from the base given to WithBase.
func (d *Decoder) Offset() int { return d.base + d.hdr }

// Bytes returns the current attribute's payload (nla_data()), a view
// into the decoder's buffer, not a copy.
func (d *Decoder) Bytes() []byte { return d.data }

// Err returns the first error met: an *Error wrapping ErrBadLength from
// a typed read or, in strict mode, the reason the walk ended early:
// ErrTruncated (nla_len past the end), ErrBadLength (nla_len below 4) or
// ErrTrailing (1 to 3 bytes after the last attribute). The walk's error
// is built here, when asked for, so that Next stays small.
func (d *Decoder) Err() error {
	if d.err == nil {
		if !d.ended || d.lenient || d.pos >= len(d.b) {
			return nil
		}
		d.walkErr()
	}
	return d.err
}

// walkErr latches the error for a walk that ended with d.rest left over.
func (d *Decoder) walkErr() {
	r := d.b[d.pos:]
	off := d.base + d.pos
	if len(r) < HeaderLen {
		d.err = &Error{Offset: off, Err: ErrTrailing}
		return
	}
	n := endian.Uint16(r, d.swap)
	typ := endian.Uint16(r[2:], d.swap) & TypeMask
	if n < HeaderLen {
		d.err = &Error{Offset: off, Type: typ, Err: ErrBadLength}
	} else {
		d.err = &Error{Offset: off, Type: typ, Err: ErrTruncated}
	}
}

// Leftover returns the number of bytes the walk could not consume when
// it ended (the kernel's "bytes leftover after parsing attributes"): 0
// while walking, after a clean end, and after a typed read failed.
func (d *Decoder) Leftover() int {
	if !d.ended || d.pos >= len(d.b) {
		return 0
	}
	return len(d.b) - d.pos
}
