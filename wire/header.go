package wire

import (
	"encoding/binary"
	"math/bits"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/endian"
)

// HeaderLen is the size of a netlink message header (NLMSG_HDRLEN).
const HeaderLen = 16

// Align rounds n up to the netlink message alignment of 4 bytes.
//
//	#define NLMSG_ALIGN(len) ( ((len)+NLMSG_ALIGNTO-1) & ~(NLMSG_ALIGNTO-1) )
func Align(n int) int { return (n + 3) &^ 3 }

// Control message types (include/uapi/linux/netlink.h). Types below
// MinType are reserved for control messages; families number theirs
// from MinType up.
const (
	TypeNoop    uint16 = 0x1  // NLMSG_NOOP: nothing; ignore
	TypeError   uint16 = 0x2  // NLMSG_ERROR: an error or an acknowledgement
	TypeDone    uint16 = 0x3  // NLMSG_DONE: the end of a multipart message
	TypeOverrun uint16 = 0x4  // NLMSG_OVERRUN: data lost
	MinType     uint16 = 0x10 // NLMSG_MIN_TYPE: the first type a family may use
)

// TypeName returns the name of a control message type ("NLMSG_ERROR"),
// or "" for a type that is not one.
func TypeName(t uint16) string {
	switch t {
	case TypeNoop:
		return "NLMSG_NOOP"
	case TypeError:
		return "NLMSG_ERROR"
	case TypeDone:
		return "NLMSG_DONE"
	case TypeOverrun:
		return "NLMSG_OVERRUN"
	}
	return ""
}

// Header is a netlink message header (struct nlmsghdr).
type Header struct {
	Len   uint32 // nlmsg_len: the message length, header included, padding excluded
	Type  uint16 // nlmsg_type: a control type or the family's message type
	Flags Flags  // nlmsg_flags
	Seq   uint32 // nlmsg_seq: the sequence number, chosen by the requester
	PID   uint32 // nlmsg_pid: the sender's port ID (0 for the kernel)
}

// ParseHeader decodes the header at the start of b in byte order o.
// It fails only if b is shorter than HeaderLen; it does not check Len.
func ParseHeader(b []byte, o nlwire.Order) (Header, error) {
	if len(b) < HeaderLen {
		return Header{}, &FormatError{Offset: 0, Err: ErrTruncated}
	}
	return decodeHeader(b, o.Swap()), nil
}

func decodeHeader(b []byte, swap bool) Header {
	ne := binary.NativeEndian
	h := Header{
		Len:   ne.Uint32(b[0:4]),
		Type:  ne.Uint16(b[4:6]),
		Flags: Flags(ne.Uint16(b[6:8])),
		Seq:   ne.Uint32(b[8:12]),
		PID:   ne.Uint32(b[12:16]),
	}
	if swap {
		h = h.swapped()
	}
	return h
}

// swapped returns h with every field byte-swapped.
func (h Header) swapped() Header {
	return Header{
		Len:   bits.ReverseBytes32(h.Len),
		Type:  bits.ReverseBytes16(h.Type),
		Flags: Flags(bits.ReverseBytes16(uint16(h.Flags))),
		Seq:   bits.ReverseBytes32(h.Seq),
		PID:   bits.ReverseBytes32(h.PID),
	}
}

// Append appends the header's 16 bytes in byte order o to b.
func (h Header) Append(b []byte, o nlwire.Order) []byte {
	b = append(b, make([]byte, HeaderLen)...)
	h.put(b[len(b)-HeaderLen:], o.Swap())
	return b
}

func (h Header) put(b []byte, swap bool) {
	_ = b[15] // bounds check hint
	endian.PutUint32(b[0:4], h.Len, swap)
	endian.PutUint16(b[4:6], h.Type, swap)
	endian.PutUint16(b[6:8], uint16(h.Flags), swap)
	endian.PutUint32(b[8:12], h.Seq, swap)
	endian.PutUint32(b[12:16], h.PID, swap)
}
