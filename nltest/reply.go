package nltest

import (
	"encoding/binary"
	"errors"

	"github.com/nlwire/nlwire"
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
	intr    bool // the open message is to carry NLM_F_DUMP_INTR
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
// does; return ErrMore to go on in the next one), could not be built,
// or, outside a dump, was dropped because the requester's receive queue
// had no room (genlmsg_reply failing with EAGAIN: return nlwire.EAGAIN
// to answer as such a handler does).
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
		if r.intr {
			setFlags(out[r.start:], wire.DumpIntr)
		}
		r.intr = false
		r.buf = out
		return true
	}
	r.buf = nil
	return r.c.push(out)
}

// Cancel removes the open message (genlmsg_cancel).
func (r *Reply) Cancel() {
	if !r.open {
		return
	}
	r.open = false
	r.intr = false
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

// SetDumpSeq sets the dump's generation number (the kernel's cb->seq):
// a dump handler sets it, on each call, to a counter its data changes
// with (as rtnetlink's dumps use net->dev_base_seq), and
// CheckDumpConsistent and NLMSG_DONE compare it with the value seen
// last. It starts 0, which never marks anything, with every dump. Outside
// a dump it does nothing.
func (r *Reply) SetDumpSeq(seq uint32) {
	if r.dump {
		r.c.dump.seq = seq
	}
}

// CheckDumpConsistent is nl_dump_check_consistent: if the dump's
// generation number (SetDumpSeq) is not 0 and changed since the last
// check, a message is flagged NLM_F_DUMP_INTR; either way the number is
// remembered. The message flagged is the open one if there is one, as
// genl_dump_check_consistent(cb, hdr) flags the message just begun (if
// it is then cancelled or does not fit, the flag is lost with it), or
// else the datagram's first message, as rtnetlink's dumps pass
// nlmsg_hdr(skb) (in an empty datagram the flag is lost, as the
// kernel's lands where NLMSG_DONE is then written). The fake checks
// NLMSG_DONE itself, as netlink_dump_done does, so a change seen by no
// message flags NLMSG_DONE. Outside a dump it does nothing.
func (r *Reply) CheckDumpConsistent() {
	if !r.dump {
		return
	}
	d := &r.c.dump
	changed := d.prevSeq != 0 && d.seq != d.prevSeq
	d.prevSeq = d.seq
	switch {
	case !changed:
	case r.open:
		r.intr = true
	case len(r.buf) >= wire.HeaderLen:
		setFlags(r.buf, wire.DumpIntr)
	}
}

// setFlags ors fl into the nlmsg_flags of the message at the start of b.
func setFlags(b []byte, fl wire.Flags) {
	binary.NativeEndian.PutUint16(b[6:], binary.NativeEndian.Uint16(b[6:])|uint16(fl))
}

// request returns the request being answered.
func (r *Reply) request() *Request {
	if r.dump {
		return &r.c.dump.req
	}
	return &r.c.req
}

// Notify sends datagram, a notification caused by the request, as
// nlmsg_notify does with the requester's port ID and
// nlmsg_report(request) (rtnl_notify, genl_notify): to the members of
// the multicast group of the socket's protocol (none if group is 0) and,
// if the request carried NLM_F_ECHO, to the requester too, left out of
// the multicast and sent the notification alone, which its ReceiveFrom
// reports with the group, before the request's acknowledgement. Build
// the datagram as the kernel does for the notification modelled
// (rtnetlink's carry the request's port ID and sequence number). It
// returns how many sockets queued it; full receive queues drop it and
// overrun as Kernel.Multicast says. It does not allocate once the
// receivers' queues have grown.
func (r *Reply) Notify(group uint32, datagram []byte) int {
	c := r.c
	echo := r.request().Header.Flags&wire.Echo != 0
	m := &c.k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.notify(c, group, datagram, echo)
}

// notify is nlmsg_notify from c's request. m.mu is held.
func (m *multicast) notify(c *Conn, group uint32, d []byte, echo bool) int {
	n := 0
	if group != 0 {
		var exclude uint32
		if echo {
			exclude = c.port
		}
		n = m.deliver(c.route, group, d, exclude)
	}
	if echo && c.pushGroup(append(c.getBuf(), d...), group) {
		n++
	}
	return n
}

// NotifyGenl sends a notification of the request's generic family to
// its multicast group named group, as genl_notify does: one message of
// the family's type with nlmsg_flags 0 and the requester's port ID and
// sequence number (genlmsg_put(skb, info->snd_portid, info->snd_seq,
// ...), as genl_notify's callers build it), a genlmsghdr of command cmd
// and the family's version, then payload as it is; delivered as Notify
// delivers it, to the requester too if the request carried NLM_F_ECHO.
// It returns how many sockets queued it, or an *UnknownGroupError. It
// does not allocate in steady state.
func (r *Reply) NotifyGenl(group string, cmd uint8, payload []byte) (int, error) {
	c := r.c
	req := r.request()
	m := &c.k.mc
	m.mu.Lock()
	defer m.mu.Unlock()
	var f *mcFamily
	for i := range m.fams {
		if !c.route && m.fams[i].id == r.typ {
			f = &m.fams[i]
		}
	}
	if f == nil {
		return 0, &UnknownGroupError{Group: group}
	}
	_, g, err := m.group(f.name, group)
	if err != nil {
		return 0, err
	}
	n := wire.HeaderLen + genl.HeaderLen + len(payload)
	b := wire.Header{Len: uint32(n), Type: f.id, Seq: req.Header.Seq, PID: req.PortID}.Append(m.buf[:0], nlwire.Native)
	b = append(b, cmd, f.version, 0, 0)
	b = append(b, payload...)
	m.buf = b
	return m.notify(c, g, b, req.Header.Flags&wire.Echo != 0), nil
}
