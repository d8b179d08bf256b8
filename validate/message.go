package validate

import (
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// msgHeaderLen is NLMSG_HDRLEN, the size of struct nlmsghdr.
const msgHeaderLen = 16

// ValidateMessage validates the attributes of a netlink message whose
// payload (the nlmsg_len-16 bytes after the nlmsghdr) starts with a
// family header of hdrLen bytes; see Options.ValidateMessage.
func ValidateMessage(payload []byte, hdrLen int, p *Policy, m Mode) error {
	return Options{}.ValidateMessage(payload, hdrLen, p, m)
}

// ValidateMessage is the kernel's __nlmsg_parse without the table:
// a payload shorter than hdrLen fails with EINVAL "Invalid header length"
// (no offset); the attributes start at NLMSG_ALIGN(hdrLen) and are
// validated like Validate, with offsets counted from the start of the
// nlmsghdr (NLMSG_HDRLEN + NLMSG_ALIGN(hdrLen) + position), whatever
// o.Base says.
func (o Options) ValidateMessage(payload []byte, hdrLen int, p *Policy, m Mode) error {
	return o.ParseMessage(payload, hdrLen, p, m, nil)
}

// ParseMessage is ValidateMessage that also fills tb as Options.Parse
// does: the kernel's __nlmsg_parse (include/net/netlink.h).
func (o Options) ParseMessage(payload []byte, hdrLen int, p *Policy, m Mode, tb []attr.Decoder) error {
	if hdrLen < 0 || len(payload) < hdrLen {
		clear(tb)
		s := state{}
		s.fail(nlwire.EINVAL, MsgHeaderLength, -1, nil)
		return s.error()
	}
	// nlmsg_attrlen may come out negative for an unaligned hdrLen: the
	// walk then sees nothing, and nothing is left over.
	start := min(attr.Align(hdrLen), len(payload))
	o.Base = msgHeaderLen + attr.Align(hdrLen)
	return o.Parse(payload[start:], p, m, tb)
}

// ParseMessageInto is ParseMessage that reports a failure into e, the
// caller's storage, as Options.ParseInto does: it returns true if the
// kernel accepts the message's attributes, else false with *e set as
// ParseMessage's *Error would be. e must not be nil.
func (o Options) ParseMessageInto(payload []byte, hdrLen int, p *Policy, m Mode, tb []attr.Decoder, e *Error) bool {
	if hdrLen < 0 || len(payload) < hdrLen {
		clear(tb)
		s := state{err: e}
		s.fail(nlwire.EINVAL, MsgHeaderLength, -1, nil)
		s.error()
		return false
	}
	start := min(attr.Align(hdrLen), len(payload))
	o.Base = msgHeaderLen + attr.Align(hdrLen)
	return o.ParseInto(payload[start:], p, m, tb, e)
}
