package wire

import (
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/internal/endian"
)

// Builder appends netlink messages to a caller's buffer: a header, an
// optional family header, attributes, and nlmsg_len patched when the
// message ends. Several messages may follow one another in the buffer
// (a batch). Sequence numbers and port IDs
// are the caller's.
//
// Messages start where the buffer ends: 4-byte aligned if the buffer's
// length is (as it is after each message). Attributes added outside a
// message make Start and Finish fail. The first error latches: every
// later call does nothing and Finish reports it.
//
// The byte order is the Builder's alone (WithOrder; the host's by
// default): PutFixedHeader writes a family header such as route.IfInfoMsg
// in it, so that the order is never given twice.
//
//	b := wire.NewBuilder(buf).WithOrder(nlwire.LittleEndian)
//	m := b.Start(wire.Header{Type: route.RTM_NEWLINK, Flags: wire.Request | wire.Ack, Seq: 1})
//	wire.PutFixedHeader(&b, route.IfInfoMsg{Index: 1})
//	b.Attrs().Uint32(route.IFLA_MTU, 1500)
//	b.End(m)
//	out, err := b.Finish()
type Builder struct {
	enc   attr.Encoder
	open  int // offset of the open message, or -1
	done  int // the buffer's length after the last message ended
	order nlwire.Order
	swap  bool // order.Swap(), resolved once
	err   error
}

// Msg identifies a message begun by Builder.Start, for Builder.End.
type Msg struct{ off int }

// NewBuilder returns a Builder that appends to buf (after its length),
// growing it as append does, in the host's byte order.
func NewBuilder(buf []byte) Builder {
	return Builder{enc: attr.NewEncoder(buf), open: -1, done: len(buf)}
}

// NewFixedBuilder returns a Builder that writes into buf[len(buf):cap(buf)]
// and never reallocates: a message that does not fit fails with
// ErrShortBuffer.
func NewFixedBuilder(buf []byte) Builder {
	return Builder{enc: attr.NewFixedEncoder(buf), open: -1, done: len(buf)}
}

// WithOrder returns a copy of b that writes headers and attributes in byte
// order o.
func (b Builder) WithOrder(o nlwire.Order) Builder {
	b.enc = b.enc.WithOrder(o)
	b.order = o
	b.swap = o.Swap()
	return b
}

// Order returns the byte order b writes in: the one given to WithOrder,
// or Native. Code that lays out bytes of its own in b's buffer takes the
// order from here rather than repeating it.
func (b Builder) Order() nlwire.Order { return b.order }

// Start begins a message with header h. h.Len is ignored: End writes
// the length. Only one message is open at a time.
func (b *Builder) Start(h Header) Msg {
	if b.failed() {
		return Msg{off: -1}
	}
	if b.open >= 0 {
		b.err = &FormatError{Offset: b.open, Err: ErrOpenMessage}
		return Msg{off: -1}
	}
	off := b.enc.Len()
	if off != b.done {
		b.err = &FormatError{Offset: b.done, Err: ErrMisnested} // bytes outside any message
		return Msg{off: -1}
	}
	hb := b.enc.Header(HeaderLen)
	if b.enc.Err() != nil {
		return Msg{off: -1}
	}
	h.Len = 0
	h.put(hb, b.swap)
	b.open = off
	return Msg{off: off}
}

// MaxFixedHeader is the largest n FamilyHeader takes: what an attribute
// can hold (nla_len is 16 bits), far above any family's fixed header
// (the largest, XFRM's, are a few hundred bytes).
const MaxFixedHeader = 0xffff

// ErrHeaderLength: FamilyHeader was asked for a negative length or one
// above MaxFixedHeader, or a FixedHeader's Put refused the Len bytes it
// asked for. It is a bug in the caller, reported by Finish.
var ErrHeaderLength = errors.New("fixed header length out of range")

// FamilyHeader reserves n zeroed bytes, padded to 4, for the family's
// fixed header (ifinfomsg, genlmsghdr, ...) and returns them to be
// written in the Builder's byte order (see Order; PutFixedHeader does
// both steps). The slice is valid until the next call that adds bytes.
// Inside an attribute nest it reserves the bytes there, for a header
// that leads a nest's payload (VETH_INFO_PEER's ifinfomsg).
//
// A negative n, or one above MaxFixedHeader, latches ErrHeaderLength (a
// length computed wrongly, not a header to write); outside a message it
// latches ErrMisnested. It returns nil after an error.
func (b *Builder) FamilyHeader(n int) []byte {
	if b.failed() {
		return nil
	}
	if b.open < 0 {
		b.err = &FormatError{Offset: b.enc.Len(), Err: ErrMisnested}
		return nil
	}
	if n < 0 || n > MaxFixedHeader {
		b.err = &FormatError{Offset: b.enc.Len(), Err: ErrHeaderLength}
		return nil
	}
	return b.enc.Header(n)
}

// FixedHeader is a family's fixed header as a value that lays itself out:
// route.IfInfoMsg, route.RtMsg, genl.Header and the like.
type FixedHeader interface {
	// Len returns the header's size in bytes, without padding
	// (sizeof the C struct).
	Len() int
	// Put writes the header into p[:Len()] in byte order o and reports
	// whether p was long enough.
	Put(p []byte, o nlwire.Order) bool
}

// PutFixedHeader writes h at the end of b's open message, padded to 4
// bytes, in b's byte order: the family header right after Start, or a
// header at the start of a nest's payload. The order is b's alone, so it
// cannot disagree with the nlmsghdr and the attributes around it.
//
// It is a function, not a method, so that h keeps its concrete type: it
// allocates nothing (an interface argument would be copied to the heap).
// A Len outside 0..MaxFixedHeader, or a Put that reports a short buffer,
// latches ErrHeaderLength.
func PutFixedHeader[H FixedHeader](b *Builder, h H) {
	off := b.enc.Len()
	p := b.FamilyHeader(h.Len())
	if p == nil && b.failed() {
		return
	}
	if !h.Put(p, b.order) {
		b.err = &FormatError{Offset: off, Err: ErrHeaderLength}
	}
}

// Attrs returns the attribute encoder that writes into the open message.
// It shares the Builder's buffer and error: use it between Start and End.
func (b *Builder) Attrs() *attr.Encoder { return &b.enc }

// End ends the message m, which must be the open one with no attribute
// nest left open, and writes its nlmsg_len.
func (b *Builder) End(m Msg) {
	if b.failed() {
		return
	}
	if m.off != b.open || m.off < 0 || b.enc.Open() {
		b.err = &FormatError{Offset: max(m.off, 0), Err: ErrMisnested}
		return
	}
	n := b.enc.Len() - m.off
	if uint64(n) > 0xffffffff {
		b.err = &FormatError{Offset: m.off, Err: ErrMessageTooLong}
		return
	}
	endian.PutUint32(b.enc.Bytes()[m.off:], uint32(n), b.swap)
	b.open = -1
	b.done = b.enc.Len()
}

// Len returns the number of bytes in the buffer, including those it held
// before the Builder was made.
func (b *Builder) Len() int { return b.enc.Len() }

// Err returns the first error, or nil.
func (b *Builder) Err() error {
	if b.err != nil {
		return b.err
	}
	return b.enc.Err()
}

// Finish returns the buffer with every message built, or the first error.
// A message still open is an error.
func (b *Builder) Finish() ([]byte, error) {
	if err := b.Err(); err != nil {
		return nil, err
	}
	if b.open >= 0 {
		return nil, &FormatError{Offset: b.open, Err: ErrOpenMessage}
	}
	if b.enc.Len() != b.done {
		return nil, &FormatError{Offset: b.done, Err: ErrMisnested} // bytes outside any message
	}
	return b.enc.Finish()
}

func (b *Builder) failed() bool { return b.err != nil || b.enc.Err() != nil }
