package wire

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
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
// A Reader is a small value; copy it to walk the same datagram twice.
type Reader struct {
	b       []byte
	off     int // offset of the next message
	cur     int // offset of the current message
	hdr     Header
	err     error
	order   nlwire.Order
	swap    bool
	lenient bool
	done    bool
}

// NewReader returns a Reader over the datagram b, in the host's byte order
// and strict mode.
func NewReader(b []byte) Reader {
	return Reader{b: b}
}

// WithOrder returns a copy of r that reads integers in byte order o.
func (r Reader) WithOrder(o nlwire.Order) Reader {
	r.order = o
	r.swap = o.Swap()
	return r
}

// Lenient returns a copy of r that ends the walk silently at a malformed
// header, like the kernel, instead of reporting an error.
func (r Reader) Lenient() Reader {
	r.lenient = true
	return r
}

// Next advances to the next message and reports whether there is one.
// It returns false at the end of the datagram and after an error.
func (r *Reader) Next() bool {
	if r.done {
		return false
	}
	rem := len(r.b) - r.off
	if rem < HeaderLen {
		r.done = true
		return false
	}
	h := decodeHeader(r.b[r.off:], r.swap)
	if h.Len < HeaderLen || uint64(h.Len) > uint64(rem) {
		r.done = true
		if !r.lenient {
			cause := ErrTruncated
			if h.Len < HeaderLen {
				cause = ErrBadLength
			}
			r.err = &FormatError{Offset: r.off, Err: cause}
		}
		return false
	}
	r.hdr = h
	r.cur = r.off
	r.off += min(Align(int(h.Len)), rem)
	return true
}

// Header returns the current message's header.
func (r *Reader) Header() Header { return r.hdr }

// Offset returns the byte offset of the current message in the datagram.
func (r *Reader) Offset() int { return r.cur }

// Message returns the current message, header included, padding
// excluded: a view into the datagram.
func (r *Reader) Message() []byte {
	if r.hdr.Len < HeaderLen {
		return nil // not on a message
	}
	return r.b[r.cur : r.cur+int(r.hdr.Len)]
}

// View returns the current message as a Message, as ParseMessage would
// return it for Message's bytes but without decoding or checking the
// header again: Next has done both. The Message's Bytes are capped at
// the message's end, and it reads in the reader's byte order; its Attrs
// are strict even for a Lenient reader. Before the first Next it is the
// zero Message. It does not allocate.
func (r *Reader) View() Message {
	if r.hdr.Len < HeaderLen {
		return Message{} // not on a message
	}
	end := r.cur + int(r.hdr.Len)
	return Message{b: r.b[r.cur:end:end], hdr: r.hdr, order: r.order}
}

// Payload returns the current message's payload (nlmsg_data, nlmsg_len
// minus the header): a view into the datagram.
func (r *Reader) Payload() []byte {
	if r.hdr.Len < HeaderLen {
		return nil // not on a message
	}
	return r.b[r.cur+HeaderLen : r.cur+int(r.hdr.Len)]
}

// Order returns the byte order the reader decodes in.
func (r *Reader) Order() nlwire.Order { return r.order }

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
	if hdrLen < 0 || len(r.Payload()) < hdrLen {
		if r.err == nil && !r.done {
			r.err = &FormatError{Offset: r.cur, Err: ErrBadLength}
		}
		r.done = true
		return attr.NewDecoder(nil)
	}
	d := r.View().Attrs(hdrLen)
	if r.lenient {
		d = d.Lenient()
	}
	return d
}

// Leftover returns the number of bytes after the last message that the
// walk did not take: trailing bytes shorter than a header, or, once the
// walk has stopped at a malformed header, everything from there on.
func (r *Reader) Leftover() int {
	if !r.done {
		return 0
	}
	return len(r.b) - r.off
}

// Err returns the error that stopped the walk, a *FormatError, or nil.
func (r *Reader) Err() error { return r.err }
