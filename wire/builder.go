package wire

import (
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
//	b := wire.NewBuilder(buf)
//	m := b.Start(wire.Header{Type: rtmNewLink, Flags: wire.Request | wire.Ack, Seq: 1})
//	copy(b.FamilyHeader(16), ifinfomsg)
//	b.Attrs().Uint32(iflaMTU, 1500)
//	b.End(m)
//	out, err := b.Finish()
type Builder struct {
	enc  attr.Encoder
	open int // offset of the open message, or -1
	done int // the buffer's length after the last message ended
	swap bool
	err  error
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
	b.swap = o.Swap()
	return b
}

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

// FamilyHeader reserves n zeroed bytes, padded to 4, for the family's
// fixed header (ifinfomsg, genlmsghdr, ...) and returns them to be
// written. The slice is valid until the next call that adds bytes.
// It returns nil after an error.
func (b *Builder) FamilyHeader(n int) []byte {
	if b.failed() {
		return nil
	}
	if b.open < 0 {
		b.err = &FormatError{Offset: b.enc.Len(), Err: ErrMisnested}
		return nil
	}
	return b.enc.Header(n)
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
