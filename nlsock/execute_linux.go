//go:build linux

package nlsock

import (
	"encoding/binary"
	"errors"
	"iter"

	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/wire"
)

// Execute sends the request req, one netlink message built in the host's
// byte order (by wire.Builder), and calls fn with each reply message, a
// wire.Message over a buffer reused for the next datagram (copy its Bytes
// to keep it), until the request is answered: by an acknowledgement or error
// (NLMSG_ERROR) or, for a dump, by NLMSG_DONE. A request is a dump as the
// kernel reads it: with both NLM_F_ROOT and NLM_F_MATCH in generic
// netlink, with either on an rtnetlink GET and in other families.
// fn may be nil. It does not allocate per message.
//
// Execute writes a fresh sequence number into req's header and sets
// wire.Request and wire.Ack in its flags, so that every request is
// answered. Only replies reach fn, the echo of an NLM_F_ECHO request
// included: messages sent to a multicast group the Conn joined are
// dropped and counted in Stats.Notifications, even those carrying the
// request's sequence number and port ID (the kernel's notification of the
// change the request made); replies with
// another sequence number or port ID are dropped and counted in
// Stats.Unexpected; control messages (NLMSG_NOOP) are not passed to fn.
// Notifications that arrive during Execute are lost to the caller: listen
// on a Conn of its own.
//
// It returns a *wire.Error (an independent copy) if the kernel answered
// with an error, in NLMSG_ERROR or NLMSG_DONE; ErrDumpInterrupted if a
// reply carried NLM_F_DUMP_INTR; fn's first error, once the rest of the
// answer has been read and discarded; or the socket's error.
func (c *Conn) Execute(req []byte, fn func(msg wire.Message) error) error {
	_, err := c.ExecuteAck(req, fn)
	return err
}

// ExecuteAck is Execute that also returns the kernel's final message: the
// acknowledgement (NLMSG_ERROR with errno 0) or the NLMSG_DONE, with the
// extended ACK fields it may carry even on success (a warning in Msg, such
// as "bytes leftover after parsing attributes"). Its byte slices are views
// valid until the next call on c. On a kernel error, the returned value
// and the *wire.Error are the same, and the latter owns its bytes.
func (c *Conn) ExecuteAck(req []byte, fn func(msg wire.Message) error) (wire.Error, error) {
	if len(req) < wire.HeaderLen || int(ne.Uint32(req)) != len(req) {
		return wire.Error{}, ErrBadRequest
	}
	c.seq++
	if c.seq == 0 {
		c.seq++
	}
	seq := c.seq
	flags := wire.Flags(ne.Uint16(req[6:])) | wire.Request | wire.Ack
	ne.PutUint16(req[6:], uint16(flags))
	ne.PutUint32(req[8:], seq)
	dump := isDump(c.family, ne.Uint16(req[4:]), flags)
	echo := flags&wire.Echo != 0
	if err := c.Send(req); err != nil {
		return wire.Error{}, err
	}
	var (
		fnErr error
		intr  bool
	)
	for {
		n, group, err := c.ReceiveFrom(c.rbuf)
		if err != nil {
			var te *TruncatedError
			if errors.As(err, &te) {
				c.rbuf = make([]byte, te.Size)
				continue
			}
			return wire.Error{}, err
		}
		r := wire.NewReader(c.rbuf[:n])
		for r.Next() {
			h := r.Header()
			mine := h.Seq == seq && h.PID == c.pid
			// A message sent to a group is a notification, whatever its
			// header says, except the echo of an NLM_F_ECHO request: the
			// kernel sends the notification to the requester alone then
			// (nlmsg_notify), still marked with its group.
			if group != 0 && !(echo && mine) {
				c.notifications.Add(1)
				continue
			}
			if !mine {
				c.unexpected.Add(1)
				continue
			}
			if h.Flags&wire.DumpIntr != 0 {
				intr = true
			}
			switch h.Type {
			case wire.TypeNoop:
				continue
			case wire.TypeOverrun:
				return wire.Error{}, ErrOverrun
			case wire.TypeDone:
				if !dump {
					continue // a multipart answer to a do request; the ACK follows
				}
				fallthrough
			case wire.TypeError:
				return c.finish(r.Message(), fnErr, intr)
			}
			if fn != nil && fnErr == nil {
				fnErr = fn(r.View())
			}
		}
		if err := r.Err(); err != nil {
			return wire.Error{}, err
		}
	}
}

// finish turns the final message into ExecuteAck's results.
func (c *Conn) finish(msg []byte, fnErr error, intr bool) (wire.Error, error) {
	e, err := wire.ParseError(msg, nlwire.Native)
	if err != nil {
		return wire.Error{}, err
	}
	if e.Errno != 0 {
		own, _ := wire.ParseError(append([]byte(nil), msg...), nlwire.Native)
		return own, &own
	}
	if fnErr != nil {
		return e, fnErr
	}
	if intr {
		return e, ErrDumpInterrupted
	}
	return e, nil
}

var errStopped = errors.New("nlsock: iteration stopped")

// Messages returns an iterator over the replies to req, as Execute
// delivers them to its callback. It yields each message with a nil error
// and, if the request fails, a final zero wire.Message with the error. Breaking
// out of the loop reads and discards the rest of the answer.
//
//	for msg, err := range c.Messages(req) {
//		if err != nil { ... }
//		d := msg.Attrs(unix.SizeofIfInfomsg)
//		...
//	}
func (c *Conn) Messages(req []byte) iter.Seq2[wire.Message, error] {
	return func(yield func(wire.Message, error) bool) {
		stopped := false
		err := c.Execute(req, func(msg wire.Message) error {
			if !yield(msg, nil) {
				stopped = true
				return errStopped
			}
			return nil
		})
		if err != nil && !stopped {
			yield(wire.Message{}, err)
		}
	}
}

var ne = binary.NativeEndian

// isDump reports whether the kernel answers a request as a dump, ended by
// NLMSG_DONE without an ACK: generic netlink wants both NLM_F_ROOT and
// NLM_F_MATCH (genl_family_rcv_msg), rtnetlink either bit on a GET
// (rtnetlink_rcv_msg), and the other families either bit.
func isDump(family int, typ uint16, flags wire.Flags) bool {
	switch family {
	case Generic:
		return flags&wire.Dump == wire.Dump
	case Route:
		return flags&wire.Dump != 0 && typ >= unix.RTM_BASE && (typ-unix.RTM_BASE)%4 == 2
	}
	return flags&wire.Dump != 0
}
