package wire

import (
	"encoding/binary"
	"math/bits"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
)

// Reader walks the messages of one netlink datagram, as the kernel's
// nlmsg_ok and nlmsg_next do (include/net/netlink.h): a message needs a
// full header and an nlmsg_len between HeaderLen and the bytes that
// remain; the next message starts at the aligned end of this one.
//
// Fewer than HeaderLen bytes left over end the walk without an error;
// [Reader.Leftover] counts them. A header whose nlmsg_len is below
// HeaderLen or runs past the buffer is malformed: by default the walk
// stops and [Reader.Err] reports it with its byte offset. A reader made
// [Reader.Lenient] stops silently there instead, as the kernel's
// netlink_rcv_skb does.
//
// A Reader is a value; copy it to walk the same datagram twice.
type Reader struct {
	rest []byte // the bytes not walked yet, from the next header on
	// msg is the current message, header included, padding excluded, or
	// nil before the first. It stays on the last message when the walk
	// ends. Its capacity runs to the end of the datagram, as rest's does,
	// so that the offset of either is end - cap.
	msg []byte
	// st is the rest of the state in one word, as in attr.Decoder: the
	// byte order (rdOrder), the mode and how the walk ended (rdLenient,
	// rdDone, rdBad) in the low byte, and end, the datagram's capacity,
	// above it.
	st uint64
	// dec is the template of Attrs' decoders: no bytes, the reader's
	// byte order and mode. With it Attrs makes a decoder without a
	// branch on either, which keeps it within the inliner's budget.
	dec attr.Decoder
}

// The bits of Reader.st.
const (
	rdOrder   = 3 // the nlwire.Order
	rdSwap    = 1 << 2
	rdLenient = 1 << 3
	// rdDone says the walk is over.
	rdDone = 1 << 4
	// rdBad says Attrs found a payload shorter than its family header,
	// which ended the walk; msg stays on that message for Err.
	rdBad = 1 << 5
	rdEnd = 8 // the shift of end
)

// NewReader returns a Reader over the datagram b, in the host's byte order
// and strict mode.
func NewReader(b []byte) Reader {
	return Reader{rest: b, st: uint64(cap(b)) << rdEnd}
}

// WithOrder returns a copy of r that reads integers in byte order o.
func (r Reader) WithOrder(o nlwire.Order) Reader {
	r.st &^= rdOrder | rdSwap
	r.st |= uint64(o) & rdOrder
	if o.Swap() {
		r.st |= rdSwap
	}
	r.dec = r.dec.WithOrder(o)
	return r
}

// Lenient returns a copy of r that ends the walk silently at a malformed
// header, like the kernel, instead of reporting an error.
func (r Reader) Lenient() Reader {
	r.st |= rdLenient
	r.dec = r.dec.Lenient()
	return r
}

// swap reports whether integers are byte-swapped relative to the host.
func (r *Reader) swap() bool { return r.st&rdSwap != 0 }

// offsetOf returns the offset of b, a suffix of the datagram.
func (r *Reader) offsetOf(b []byte) int { return int(r.st>>rdEnd) - cap(b) }

// Next advances to the next message and reports whether there is one.
// It returns false at the end of the datagram and after an error.
func (r *Reader) Next() bool {
	// Kept within the inliner's budget: only nlmsg_len is read here,
	// the rest of the header when Header asks for it.
	b := r.rest
	if len(b) >= HeaderLen && r.st&rdDone == 0 {
		n := binary.NativeEndian.Uint32(b)
		if r.st&rdSwap != 0 {
			n = bits.ReverseBytes32(n)
		}
		if n >= HeaderLen && uint64(n) <= uint64(len(b)) {
			r.msg = b[:n]
			r.rest = b[min((int(n)+3)&^3, len(b)):] // Align(n), written out for the inliner
			return true
		}
	}
	r.st |= rdDone
	return false
}

// stuck reports whether the walk has stopped at a malformed header: one
// that fits but whose nlmsg_len is below HeaderLen or past the end.
func (r *Reader) stuck() bool {
	b := r.rest
	if len(b) < HeaderLen {
		return false
	}
	n := endian.Uint32(b, r.swap())
	return n < HeaderLen || uint64(n) > uint64(len(b))
}

// Header returns the current message's header, or the zero Header when
// not on one.
func (r *Reader) Header() Header {
	if len(r.msg) < HeaderLen {
		return Header{} // not on a message
	}
	return decodeHeader(r.msg, r.swap())
}

// Type returns the current message's nlmsg_type, or 0 when not on a
// message: Header().Type, without decoding the rest of the header.
func (r *Reader) Type() uint16 {
	m := r.msg
	if len(m) < HeaderLen {
		return 0 // not on a message
	}
	t := binary.NativeEndian.Uint16(m[4:6])
	if r.st&rdSwap != 0 {
		t = bits.ReverseBytes16(t)
	}
	return t
}

// Offset returns the byte offset of the current message in the datagram.
func (r *Reader) Offset() int {
	if r.msg == nil {
		return 0 // before the first message
	}
	return r.offsetOf(r.msg)
}

// Message returns the current message, header included, padding
// excluded: a view into the datagram.
func (r *Reader) Message() []byte {
	if r.msg == nil {
		return nil // not on a message
	}
	return r.msg
}

// View returns the current message as a Message, as ParseMessage would
// return it for Message's bytes but without checking the header again:
// Next has done that. The Message's Bytes are capped at the message's
// end, and it reads in the reader's byte order; its Attrs are strict
// even for a Lenient reader. Before the first Next it is the zero
// Message. It does not allocate.
func (r *Reader) View() Message {
	m := r.msg
	if len(m) < HeaderLen {
		return Message{} // not on a message
	}
	return Message{b: m[:len(m):len(m)], hdr: r.Header(), order: r.Order()}
}

// Payload returns the current message's payload (nlmsg_data, nlmsg_len
// minus the header): a view into the datagram.
func (r *Reader) Payload() []byte {
	if len(r.msg) < HeaderLen {
		return nil // not on a message
	}
	return r.msg[HeaderLen:]
}

// Order returns the byte order the reader decodes in.
func (r *Reader) Order() nlwire.Order { return nlwire.Order(r.st & rdOrder) }

// Attrs returns a decoder over the attributes of the current message that
// follow a family header of hdrLen bytes (16 for ifinfomsg, 4 for
// genlmsghdr, 0 for none), as the kernel's nlmsg_attrdata and
// nlmsg_attrlen place them: at HeaderLen + Align(hdrLen). The decoder
// reads in the reader's byte order, and its offsets count from the start
// of the message, as extended ACK offsets do.
//
// A payload shorter than hdrLen is malformed (the kernel's __nlmsg_parse
// answers "Invalid header length"): Attrs then returns an empty decoder,
// and the reader stops and reports ErrBadLength at the message's offset.
// Control messages (NLMSG_ERROR, NLMSG_DONE) carry no family header: read
// them with ParseError, not Attrs. A lenient reader gives lenient
// decoders.
func (r *Reader) Attrs(hdrLen int) attr.Decoder {
	m := r.msg
	k := min(HeaderLen+Align(hdrLen), len(m))
	if uint(hdrLen) > uint(max(len(m)-HeaderLen, 0)) { // hdrLen < 0, or past the payload
		r.st |= rdDone | (^r.st&rdDone)<<1 // rdBad, unless the walk had ended before
		k = len(m)
	}
	// Offsets count from the message's start.
	return r.dec.Over(m[k:], k)
}

// Leftover returns the number of bytes after the last message that the
// walk did not take: trailing bytes shorter than a header, or, once the
// walk has stopped at a malformed header, everything from there on.
func (r *Reader) Leftover() int {
	if r.st&rdDone == 0 {
		return 0 // still walking
	}
	return len(r.rest)
}

// Err returns the error that stopped the walk, a *FormatError, or nil.
func (r *Reader) Err() error {
	if r.st&rdDone == 0 {
		return nil // still walking
	}
	return r.errSlow()
}

func (r *Reader) errSlow() error {
	switch {
	case r.st&rdBad != 0:
		return &FormatError{Offset: r.Offset(), Err: ErrBadLength}
	case r.st&(rdDone|rdLenient) != rdDone || !r.stuck():
		return nil
	}
	cause := ErrTruncated
	if endian.Uint32(r.rest, r.swap()) < HeaderLen {
		cause = ErrBadLength
	}
	return &FormatError{Offset: r.offsetOf(r.rest), Err: cause}
}
