package nltest

import (
	"encoding/binary"
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// extack is the kernel's struct netlink_ext_ack of one request.
type extack struct {
	msg      string
	offset   uint32 // 0: none
	policy   validate.AttrPolicy
	hasPol   bool
	cookie   []byte
	missType uint32
	missNest uint32
}

// validateOpts holds the validate.Options of a Conn, whose Warn records
// the leftover warning in the Conn's extack without allocating.
type validateOpts struct {
	o validate.Options
}

func (v *validateOpts) init(c *Conn) {
	v.o.Warn = func(w validate.Warning) {
		if m := w.ExtAckMsg(); m != "" {
			c.ext.msg = m
		}
	}
}

// Errnos the fake answers with, by their role.
const (
	errIntr = nlwire.EINTR // a dump started; no ACK follows
	enodata = nlwire.ENODATA
)

// rcvMsg is genl_rcv_msg and genl_family_rcv_msg: it returns the errno to
// answer with, and intr when a dump started (answered by the dump).
func (c *Conn) rcvMsg(msg []byte, h wire.Header) (nlwire.Errno, bool) {
	f := c.k.byID(h.Type)
	if f == nil {
		return nlwire.ENOENT, false
	}
	hdrlen := genl.HeaderLen + int(f.HdrSize)
	if int(h.Len) < wire.HeaderLen+hdrlen {
		return nlwire.EINVAL, false
	}
	gh := msg[wire.HeaderLen : wire.HeaderLen+genl.HeaderLen]
	if !validate.GenlHeaderInto(uint16(h.Flags), gh, f.ResvStartOp, &c.verr) {
		return c.setExtAck(&c.verr), false
	}
	isDump := h.Flags&wire.Dump == wire.Dump
	o := f.op(gh[0])
	if o == nil {
		return nlwire.EOPNOTSUPP, false
	}
	fm := &o.do
	if isDump {
		fm = &o.dump
	}
	if !fm.present {
		return nlwire.EOPNOTSUPP, false
	}
	if isDump {
		return c.startDump(f, o, fm, msg, h)
	}
	req := c.prepare(f, fm, msg, h)
	if fm.check != nil {
		if !c.vopt.o.ParseMessageInto(msg[wire.HeaderLen:], hdrlen, fm.check, fm.mode, req.Attrs, &c.verr) {
			return c.setExtAck(&c.verr), false
		}
	}
	c.rep = Reply{c: c, typ: f.ID, version: uint8(f.Version), hdrSize: int(f.HdrSize), seq: h.Seq, port: c.port}
	err := fm.handler(req, &c.rep)
	c.rep.Cancel()
	return c.setHandlerErr(err), false
}

// prepare fills c.req for a request of the form.
func (c *Conn) prepare(f *family, fm *form, msg []byte, h wire.Header) *Request {
	req := &c.req
	*req = Request{Message: msg, Header: h, PortID: c.port, Dump: h.Flags&wire.Dump == wire.Dump}
	req.Genl, _ = genl.ParseHeader(msg[wire.HeaderLen:], nlwire.Native)
	hs := wire.HeaderLen + genl.HeaderLen
	req.FamilyHeader = msg[hs : hs+int(f.HdrSize)]
	if fm.check != nil {
		n := fm.maxattr + 1
		if cap(c.tb) < n {
			c.tb = make([]attr.Decoder, n)
		}
		req.Attrs = c.tb[:n]
	}
	return req
}

// setValidateErr records a validation error in the extack and returns
// its errno.
func (c *Conn) setValidateErr(err error) nlwire.Errno {
	if me, ok := err.(*route.MissingAttrError); ok {
		c.ext.missType = uint32(me.Type)
		return nlwire.EINVAL
	}
	if ve, ok := err.(*validate.Error); ok {
		return c.setExtAck(ve)
	}
	return c.setWrappedValidateErr(err)
}

// setWrappedValidateErr is setValidateErr for an error that wraps a
// *validate.Error, or EINVAL for any other.
func (c *Conn) setWrappedValidateErr(err error) nlwire.Errno {
	var ve *validate.Error
	if !errors.As(err, &ve) {
		return nlwire.EINVAL
	}
	return c.setExtAck(ve)
}

// setExtAck records a validation error in the extack, as the kernel's
// NL_SET_ERR_MSG_ATTR_POL does, and returns its errno.
func (c *Conn) setExtAck(ve *validate.Error) nlwire.Errno {
	if ve.Msg != "" {
		c.ext.msg = ve.Msg
	}
	if ve.HasOffset {
		c.ext.offset = uint32(ve.Offset)
	}
	c.ext.policy, c.ext.hasPol = ve.Policy()
	return ve.Errno
}

// setHandlerErr records a handler's error in the extack and returns its
// errno.
func (c *Conn) setHandlerErr(err error) nlwire.Errno {
	if err == nil {
		return 0
	}
	if e, ok := err.(nlwire.Errno); ok {
		return e
	}
	if we, ok := err.(*wire.Error); ok {
		return c.setHandlerExtAck(we)
	}
	return c.setWrappedHandlerErr(err)
}

// setWrappedHandlerErr is setHandlerErr for an error that wraps a
// *wire.Error or an errno, EINVAL for any other.
func (c *Conn) setWrappedHandlerErr(err error) nlwire.Errno {
	var we *wire.Error
	if errors.As(err, &we) {
		return c.setHandlerExtAck(we)
	}
	var e nlwire.Errno
	if errors.As(err, &e) {
		return e
	}
	return nlwire.EINVAL
}

// setHandlerExtAck records a handler's *wire.Error in the extack and
// returns its errno. A message equal to the previous one reuses its
// string.
func (c *Conn) setHandlerExtAck(we *wire.Error) nlwire.Errno {
	if we.Msg != nil {
		if string(we.Msg) != c.lastMsg {
			c.lastMsg = string(we.Msg)
		}
		c.ext.msg = c.lastMsg
	}
	c.ext.offset = we.Offset
	if len(we.Policy) > 0 {
		if ap, perr := validate.ParseAttrPolicy(we.Policy, nlwire.Native); perr == nil {
			c.ext.policy, c.ext.hasPol = ap, true
		}
	}
	c.ext.cookie = we.Cookie
	c.ext.missType, c.ext.missNest = we.MissType, we.MissNest
	return we.Errno
}

// wireErr returns the extack as a wire.Error with errno, built in the
// Conn's scratch buffers.
func (c *Conn) wireErr(errno nlwire.Errno, ext *extack) *wire.Error {
	e := &c.werr
	*e = wire.Error{Errno: errno, Offset: ext.offset, Cookie: ext.cookie, MissType: ext.missType, MissNest: ext.missNest}
	if ext.msg != "" {
		c.msgBuf = append(c.msgBuf[:0], ext.msg...)
		e.Msg = c.msgBuf
	}
	if ext.hasPol {
		c.polBuf = ext.policy.Append(c.polBuf[:0], nlwire.Native)
		e.Policy = c.polBuf
	}
	return e
}

// ack queues netlink_ack's answer to msg.
func (c *Conn) ack(msg []byte, errno nlwire.Errno) {
	b := c.getBuf()
	var err error
	if errno == 0 && c.ext.msg == "" && c.ext.cookie == nil {
		b, err = wire.AppendAck(b, msg, c.opt)
	} else {
		b, err = wire.AppendError(b, msg, c.wireErr(errno, &c.ext), c.opt)
	}
	if err != nil {
		c.putBuf(b)
		return
	}
	c.push(b)
}

// dumpState is the socket's running dump (netlink_sock.cb and
// dump_done_errno).
type dumpState struct {
	running   bool
	doneErrno int     // > 0: more to dump; 0: done; < 0: failed with -errno
	fam       *family // nil in a NETLINK_ROUTE dump
	fm        *form
	handler   Handler
	check     bool // a NETLINK_ROUTE dump whose request is still to be checked
	split     bool // RTNL_FLAG_DUMP_SPLIT_NLM_DONE
	doneFlags wire.Flags
	req       Request
	tb        []attr.Decoder
	ext       extack
	// seq and prevSeq are cb->seq and cb->prev_seq
	// (Reply.SetDumpSeq, Reply.CheckDumpConsistent).
	seq, prevSeq uint32
	// noRoom: netlink_dump found the receive buffer full (ENOBUFS).
	noRoom bool
}

// startDump is genl_family_rcv_msg_dumpit, __netlink_dump_start and
// genl_start: validation and the start callback answer with NLMSG_ERROR;
// then the first datagram is made at once.
func (c *Conn) startDump(f *family, o *op, fm *form, msg []byte, h wire.Header) (nlwire.Errno, bool) {
	if c.dump.running {
		return nlwire.EBUSY, false
	}
	// Keep the request: the dump reads it until it ends.
	c.dumpReq = append(c.dumpReq[:0], msg...)
	msg = c.dumpReq
	d := &c.dump
	*d = dumpState{fam: f, fm: fm, handler: fm.handler, tb: d.tb}
	req := &d.req
	*req = Request{Message: msg, Header: h, PortID: c.port, Dump: true}
	req.Genl, _ = genl.ParseHeader(msg[wire.HeaderLen:], nlwire.Native)
	hs := wire.HeaderLen + genl.HeaderLen
	req.FamilyHeader = msg[hs : hs+int(f.HdrSize)]
	if fm.check != nil {
		n := fm.maxattr + 1
		if cap(d.tb) < n {
			d.tb = make([]attr.Decoder, n)
		}
		req.Attrs = d.tb[:n]
		if !c.vopt.o.ParseMessageInto(msg[wire.HeaderLen:], genl.HeaderLen+int(f.HdrSize), fm.check, fm.mode, req.Attrs, &c.verr) {
			return c.setExtAck(&c.verr), false
		}
	}
	if f.ID == genl.GENL_ID_CTRL {
		// nlctrl's GETPOLICY dump keeps its state in the socket's
		// storage, reused from dump to dump (ctrlDumpPolicyStart);
		// its GETFAMILY dump does not look at State.
		req.State = &c.polDump
	}
	if o.dumpStart != nil {
		if err := o.dumpStart(req); err != nil {
			return c.setHandlerErr(err), false
		}
	}
	d.running = true
	d.doneErrno = 1<<31 - 1
	c.dumpStep()
	return errIntr, true
}

// dumpStep is netlink_dump: one datagram of the running dump, sized as
// the kernel sizes it, ended with NLMSG_DONE once the handler is done
// and there is room. It reports false, making nothing, when the receive
// buffer has no room for the datagram's allocation (ENOBUFS; the dump
// stays running, as in the kernel).
func (c *Conn) dumpStep() bool {
	d := &c.dump
	limit := GoodSize
	if c.maxRecv > limit {
		limit = c.maxRecv
	}
	ts := truesize(limit)
	if !c.dumpRoom(ts) {
		d.noRoom = true
		return false
	}
	r := &c.rep
	*r = Reply{c: c, buf: c.getBuf(), dump: true, limit: limit, seq: d.req.Header.Seq, port: c.port}
	if d.fam != nil {
		r.typ, r.version, r.hdrSize = d.fam.ID, uint8(d.fam.Version), int(d.fam.HdrSize)
	}
	if d.doneErrno > 0 {
		c.ext = extack{}
		var err error
		checked := false
		if d.check {
			// rtnetlink's dumpits check the request on their first call.
			d.check = false
			if err = c.checkRoute(&d.req, true, d.tb); err != nil {
				d.doneErrno = -int(c.setValidateErr(err))
				checked = true
			}
		}
		if !checked {
			err = d.handler(&d.req, r)
		}
		r.Cancel()
		switch {
		case checked:
		case err == nil && d.split && len(r.buf) > 0:
			// rtnl_dumpit: the messages go out now, NLMSG_DONE alone
			// in the next datagram.
			d.doneErrno = len(r.buf)
			d.handler = doneHandler
		case err == nil:
			d.doneErrno = 0
		case errors.Is(err, ErrMore):
			d.doneErrno = len(r.buf)
		default:
			errno := c.setHandlerErr(err)
			d.doneErrno = -int(errno)
			if errno == nlwire.EMSGSIZE && len(r.buf) > 0 {
				d.doneErrno = len(r.buf)
			}
		}
		d.ext = c.ext
	}
	b := r.buf
	r.buf = nil
	if d.doneErrno > 0 || limit-len(b) < wire.HeaderLen+4 {
		c.pushDump(b, ts)
		return true
	}
	doneFlags := d.doneFlags
	if d.prevSeq != 0 && d.seq != d.prevSeq {
		// netlink_dump_done's nl_dump_check_consistent.
		doneFlags |= wire.DumpIntr
	}
	d.prevSeq = d.seq
	var e *wire.Error
	if d.doneErrno != 0 || d.ext.msg != "" || d.ext.cookie != nil {
		e = c.wireErr(nlwire.Errno(-d.doneErrno), &d.ext)
		if d.doneErrno == 0 {
			// netlink_ack_tlv_len: only MSG and COOKIE on success.
			e.Offset, e.Policy, e.MissType, e.MissNest = 0, nil, 0, 0
		}
	}
	start := len(b)
	out, err := wire.AppendDone(b, d.req.Message, doneFlags, e, c.opt)
	if err == nil && len(out) > limit && e != nil {
		// No room for the TLVs: netlink_dump_done sets NLM_F_ACK_TLVS
		// and leaves them out.
		out, err = wire.AppendDone(out[:start], d.req.Message, doneFlags, nil, c.opt)
		if err == nil {
			fl := binary.NativeEndian.Uint16(out[start+6:])
			binary.NativeEndian.PutUint16(out[start+6:], fl|uint16(wire.AckTLVs))
		}
	}
	if err == nil {
		b = out
	}
	c.pushDump(b, ts)
	d.running = false
	return true
}

// doneHandler is a finished dump's handler: it adds nothing.
func doneHandler(*Request, *Reply) error { return nil }
