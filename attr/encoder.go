package attr

import (
	"encoding/binary"
	"slices"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/endian"
)

// Encoder appends netlink attributes to a buffer, like the kernel's
// nla_put_* helpers. It is a small value; its methods take a pointer.
// The first error latches: every later call is a no-op, and Err and
// Finish report it.
type Encoder struct {
	b     []byte
	lim   int    // cap(b), or -1 after an error: grow's one check
	start int    // len(b) when the encoder was made, for Reset
	open  int    // offset+1 of the innermost open nest's header; 0 if none
	err   *Error // first error, latched
	gen   uint32 // bumped by Reset, so that older nests are refused
	swap  bool   // integers are byte-swapped relative to the host
	be    bool   // integers are big-endian
	fixed bool   // never reallocate b: ErrShortBuffer instead
}

// NewEncoder returns an encoder that appends to buf after its len(buf)
// bytes, growing it like append, in the host's byte order.
func NewEncoder(buf []byte) Encoder {
	return Encoder{b: buf, lim: cap(buf), start: len(buf), be: endian.HostBig}
}

// NewFixedEncoder returns an encoder that writes into buf[len(buf):cap(buf)]
// and never reallocates: an attribute that does not fit latches
// ErrShortBuffer.
func NewFixedEncoder(buf []byte) Encoder {
	return Encoder{b: buf, lim: cap(buf), start: len(buf), be: endian.HostBig, fixed: true}
}

// WithOrder returns a copy of e that writes integers in order o.
func (e Encoder) WithOrder(o nlwire.Order) Encoder {
	e.swap = o.Swap()
	e.be = endian.HostBig != e.swap
	return e
}

// maxHeader bounds Header and Raw, far above any fixed header, so that
// padding a length cannot overflow.
const maxHeader = 1 << 30

// reserve is grow's fast path, small enough to inline: it returns nil
// when the capacity is short or after an error, and then the caller
// calls growSlow.
func (e *Encoder) reserve(n int) []byte {
	l := len(e.b)
	if l+n > e.lim {
		return nil
	}
	e.b = e.b[:l+n]
	return e.b[l : l+n]
}

// hdr returns an nlattr header {nla_len n, nla_type typ} as the
// little-endian value of its four bytes in the encoder's order.
func (e *Encoder) hdr(n int, typ uint16) uint32 {
	h := uint32(n)&0xffff | uint32(typ)<<16
	if e.be {
		h = h&0xff00ff00>>8 | h&0x00ff00ff<<8
	}
	return h
}

// grow extends the buffer by n bytes and returns them, or nil after an
// error. The bytes may hold old data: callers overwrite or clear them.
func (e *Encoder) grow(n int) []byte {
	b := e.b
	l := len(b)
	if l+n > e.lim {
		return e.growSlow(n)
	}
	b = b[:l+n]
	e.b = b
	return b[l:]
}

func (e *Encoder) growSlow(n int) []byte {
	if e.err != nil {
		return nil
	}
	l := len(e.b)
	if e.fixed {
		e.fail(l, 0, ErrShortBuffer)
		return nil
	}
	e.b = slices.Grow(e.b, n)[:l+n]
	e.lim = cap(e.b)
	return e.b[l : l+n]
}

// fail latches an error.
func (e *Encoder) fail(off int, typ uint16, err error) {
	if e.err == nil {
		e.err = &Error{Offset: off, Type: typ & TypeMask, Err: err}
	}
	e.lim = -1
}

// header writes an nlattr header {nla_len, nla_type} to p.
func (e *Encoder) header(p []byte, n int, typ uint16) {
	binary.LittleEndian.PutUint32(p[:4], e.hdr(n, typ))
}

// Header reserves n zeroed bytes, padded to a multiple of 4, for a
// fixed header (struct ifinfomsg, struct genlmsghdr, struct nlmsghdr)
// and returns the n bytes to fill in. The slice is valid until the next
// call that appends. It returns nil after an error.
func (e *Encoder) Header(n int) []byte {
	if n < 0 {
		n = 0
	}
	if n > maxHeader {
		e.fail(len(e.b), 0, ErrShortBuffer)
		return nil
	}
	p := e.grow(Align(n))
	if p == nil {
		return nil
	}
	clear(p)
	return p[:n]
}

// Raw appends p, zero-padded to a multiple of 4, without an attribute
// header: for a fixed header already laid out, or pre-encoded
// attributes.
func (e *Encoder) Raw(p []byte) {
	if len(p) > maxHeader {
		e.fail(len(e.b), 0, ErrShortBuffer)
		return
	}
	q := e.grow(Align(len(p)))
	if q == nil {
		return
	}
	clear(q[copy(q, p):])
}

// Len returns the number of bytes in the buffer, including those that
// were there before the encoder was made.
func (e *Encoder) Len() int { return len(e.b) }

// Bytes returns the whole buffer so far. It is writable, so that a
// wrapper can patch lengths; it is valid until the next call that
// appends.
func (e *Encoder) Bytes() []byte { return e.b }

// Open reports whether a nest is open (Begin without its End).
func (e *Encoder) Open() bool { return e.open != 0 }

// Err returns the first error, an *Error, or nil.
func (e *Encoder) Err() error {
	if e.err == nil {
		return nil
	}
	return e.err
}

// Finish returns the buffer, or nil and an error if one latched or a
// nest is still open (ErrOpenNest).
func (e *Encoder) Finish() ([]byte, error) {
	if e.err == nil && e.open != 0 {
		off := e.open - 1
		e.fail(off, endian.Uint16(e.b[off+2:], e.swap), ErrOpenNest)
	}
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// Reset truncates the buffer to the length it had when the encoder was
// made and clears the error and open nests, to build a new message in
// the same storage.
func (e *Encoder) Reset() {
	e.b = e.b[:e.start]
	e.lim = cap(e.b)
	e.open = 0
	e.err = nil
	e.gen++ // nests begun before the reset no longer match
}

// Order returns the byte order the encoder writes integers in
// (LittleEndian or BigEndian, never Native).
func (e *Encoder) Order() nlwire.Order {
	if e.be {
		return nlwire.BigEndian
	}
	return nlwire.LittleEndian
}
