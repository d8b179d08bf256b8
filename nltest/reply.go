package nltest

import (
	"errors"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/wire"
)

// Handler answers a request that passed the generic netlink core's
// checks, as an operation's doit or dumpit does. It writes reply messages
// with rep and returns nil, or the error to answer with:
//
//   - an nlwire.Errno (like a kernel handler returning -ENODEV): the
//     reply is an NLMSG_ERROR with that errno and the extended ACK
//     message validation may have left ("bytes leftover after parsing
//     attributes");
//   - a *wire.Error: its Errno with its extended ACK fields (Msg,
//     Offset from the start of the request's nlmsghdr, Cookie, Policy,
//     MissType, MissNest), like a handler that sets them
//     (NL_SET_ERR_MSG, NL_SET_BAD_ATTR, ...) before returning;
//   - in a dump, ErrMore: this part is done and the dump goes on in the
//     next datagram (a dumpit returning skb->len);
//   - any other error: EINVAL.
//
// In a dump, the handler is called once per datagram until it returns
// anything but ErrMore; nil ends the dump with NLMSG_DONE in the same
// datagram if there is room, an errno ends it with that errno in
// NLMSG_DONE. ErrMore after writing nothing ends the dump as nil does,
// as in the kernel.
type Handler func(req *Request, rep *Reply) error

// ErrMore is what a dump Handler returns when the datagram is full
// (Reply.End reported false) or it wants to go on in the next one.
var ErrMore = errors.New("nltest: dump continues")

// Request is a generic netlink request that reached an operation's
// handler. Its slices are views of the request, valid during the call;
// in a dump, they stay valid across the calls of one dump (the fake keeps
// a copy of the request, as the kernel keeps its skb).
type Request struct {
	// Message is the whole request, nlmsghdr first.
	Message []byte
	// Header is the request's nlmsghdr.
	Header wire.Header
	// Genl is its genlmsghdr.
	Genl genl.Header
	// FamilyHeader is the family's own header (Family.HdrSize bytes).
	FamilyHeader []byte
	// Attrs holds the parsed attributes by type, as info->attrs does
	// (attr.Decoder.Present tells which came), with the form's maximum
	// type + 1 entries; nil when the form has no policy, as the kernel
	// parses nothing then.
	Attrs []attr.Decoder
	// PortID is the requesting socket's port ID.
	PortID uint32
	// Dump reports whether the request is a dump (both bits of
	// NLM_F_DUMP).
	Dump bool
	// Args and State persist across the calls of one dump handler (the
	// kernel's cb->args and cb->ctx); they start zero.
	Args  [6]int64
	State any
}

// Attr returns the attribute of type t and true, or false if the request
// had none (or the form's policy does not go up to t).
func (r *Request) Attr(t uint16) (attr.Decoder, bool) {
	if int(t) >= len(r.Attrs) || !r.Attrs[t].Present() {
		return attr.Decoder{}, false
	}
	return r.Attrs[t], true
}

// Reply writes a handler's reply messages: generic netlink messages of
// the family, addressed to the requester (its port ID and the request's
// sequence number), as genlmsg_put writes them. In a do handler each
// message goes out as a datagram of its own, as genlmsg_reply sends it;
// in a dump, messages (flagged NLM_F_MULTI) fill the part's datagram up
// to its size, and End reports when one did not fit.
type Reply struct {
	b       wire.Builder
	buf     []byte
	c       *Conn
	dump    bool
	limit   int
	typ     uint16
	version uint8
	hdrSize int
	seq     uint32
	port    uint32
	open    bool
	start   int
	m       wire.Msg
	hdr     []byte
}

// Start begins a message of command cmd with the family's version and a
// zeroed family header (Header returns it), and returns the encoder of
// its attributes. A message still open is discarded.
func (r *Reply) Start(cmd uint8) *attr.Encoder {
	if r.open {
		r.Cancel()
	}
	if !r.dump {
		r.buf = r.c.getBuf()
	}
	r.start = len(r.buf)
	r.b = wire.NewBuilder(r.buf)
	var fl wire.Flags
	if r.dump {
		fl = wire.Multi
	}
	r.m = r.b.Start(wire.Header{Type: r.typ, Flags: fl, Seq: r.seq, PID: r.port})
	wire.PutFixedHeader(&r.b, genl.Header{Cmd: cmd, Version: r.version})
	r.hdr = nil
	if r.hdrSize > 0 {
		r.hdr = r.b.FamilyHeader(r.hdrSize)
	}
	r.open = true
	return r.b.Attrs()
}

// Header returns the open message's family header (Family.HdrSize
// bytes, zeroed by Start) to be filled in before any attribute is added,
// or nil.
func (r *Reply) Header() []byte {
	if !r.open {
		return nil
	}
	return r.hdr
}

// End ends the open message and reports whether it was kept: false if
// it did not fit the dump's datagram (it is removed, as genlmsg_cancel
// does; return ErrMore to go on in the next one) or could not be built.
func (r *Reply) End() bool {
	if !r.open {
		return false
	}
	r.open = false
	r.b.End(r.m)
	out, err := r.b.Finish()
	if err != nil || (r.dump && len(out) > r.limit) {
		if out == nil {
			out = r.buf
		}
		r.buf = out[:r.start]
		return false
	}
	if r.dump {
		r.buf = out
		return true
	}
	r.c.push(out)
	r.buf = nil
	return true
}

// Cancel removes the open message (genlmsg_cancel).
func (r *Reply) Cancel() {
	if !r.open {
		return
	}
	r.open = false
	if r.dump {
		r.buf = r.buf[:r.start]
		return
	}
	r.c.putBuf(r.buf[:0])
	r.buf = nil
}

// Room returns the bytes left in the dump's datagram before the open
// message's, or -1 outside a dump (a do reply is not bounded here).
func (r *Reply) Room() int {
	if !r.dump {
		return -1
	}
	return r.limit - r.start
}
