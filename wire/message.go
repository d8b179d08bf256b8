package wire

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// Message is one netlink message, header (struct nlmsghdr) included,
// viewed in place: a small value holding a view of the caller's buffer,
// its decoded header and its byte order. nlsock hands each reply to its
// callback as one; [ParseMessage] makes one from bytes, and
// [Reader.View] from the message a Reader is on. It is valid as
// long as the buffer is: copy Bytes to keep the message.
//
// The zero Message has a zero header and no bytes.
type Message struct {
	b     []byte // header and payload, padding excluded: len(b) == hdr.Len
	hdr   Header
	order nlwire.Order
}

// ParseMessage returns the message at the start of b, in byte order o.
// It checks the header as the kernel's nlmsg_ok does: b must hold a whole
// header and an nlmsg_len between HeaderLen and len(b), else it fails
// with a *FormatError (ErrTruncated or ErrBadLength). Bytes past
// nlmsg_len (padding, the next messages of a datagram) are not part of the
// message; walk a datagram of several with a [Reader], whose View gives
// each as a Message without checking its header again.
func ParseMessage(b []byte, o nlwire.Order) (Message, error) {
	if len(b) < HeaderLen {
		return Message{}, &FormatError{Offset: 0, Err: ErrTruncated}
	}
	h := decodeHeader(b, o.Swap())
	if h.Len < HeaderLen {
		return Message{}, &FormatError{Offset: 0, Err: ErrBadLength}
	}
	if uint64(h.Len) > uint64(len(b)) {
		return Message{}, &FormatError{Offset: 0, Err: ErrTruncated}
	}
	return Message{b: b[:h.Len:h.Len], hdr: h, order: o}, nil
}

// Header returns the message's header.
func (m Message) Header() Header { return m.hdr }

// Bytes returns the whole message, header included, padding excluded: a
// view into the buffer, capped at its end so that appending to it cannot
// overwrite what follows.
func (m Message) Bytes() []byte { return m.b }

// Payload returns the message's payload (nlmsg_data: the bytes after the
// header): a view into the buffer.
func (m Message) Payload() []byte {
	if len(m.b) < HeaderLen {
		return nil // the zero Message
	}
	return m.b[HeaderLen:]
}

// Order returns the byte order the message is read in.
func (m Message) Order() nlwire.Order { return m.order }

// Attrs returns a strict decoder, in the message's byte order, of the
// attributes that follow a family header of hdrLen bytes (16 for
// ifinfomsg, 4 for genlmsghdr, 0 for none), as the kernel's
// nlmsg_attrdata and nlmsg_attrlen place them: at HeaderLen +
// Align(hdrLen). Its offsets count from the start of the message, as
// extended ACK offsets do. Call Lenient on it to walk as the kernel does.
//
// A payload shorter than hdrLen is malformed (the kernel's __nlmsg_parse
// answers "Invalid header length"): the decoder then has no attributes,
// and its Err reports attr.ErrBadLength at offset HeaderLen, where the
// family header starts. A lenient decoder ends such a walk silently, as it
// ends any malformed one: check len(Payload()) >= hdrLen yourself when
// walking leniently. Control messages (NLMSG_ERROR, NLMSG_DONE) carry
// no family header: read them with ParseError, not Attrs.
func (m Message) Attrs(hdrLen int) attr.Decoder {
	p := m.Payload()
	if hdrLen < 0 || len(p) < hdrLen {
		return attr.NewDecoder(badAttr[:]).WithBase(HeaderLen)
	}
	start := min(Align(hdrLen), len(p))
	return attr.NewDecoder(p[start:]).WithOrder(m.order).WithBase(HeaderLen + start)
}

// badAttr is an attribute header whose nla_len is 0 in either byte order:
// a strict decoder over it ends at once with attr.ErrBadLength.
var badAttr [attr.HeaderLen]byte
