// Package nltestsock adapts a socket of nlwire's kernel fake
// (nltest.Conn) to github.com/mdlayher/netlink's Socket interface, so
// that code built on *netlink.Conn — mdlayher/genetlink,
// jsimonetti/rtnetlink and their users — runs unchanged against an
// nltest.Kernel, on every GOOS, without root.
//
// The Socket behaves as mdlayher/netlink's Linux socket does as seen
// from netlink.Conn: Send and SendMessages hand the kernel one datagram;
// each Receive takes exactly one datagram and splits it into messages.
// Like the Linux socket, it first learns the queued datagram's size
// (there with MSG_PEEK|MSG_TRUNC, here from the fake's
// *nltest.TruncatedError for an empty buffer) and then reads it into a
// buffer of that size, rounded up to 4 bytes, so the fake sizes dump
// datagrams as the kernel sizes them for mdlayher/netlink. Where the
// real socket would block because nothing is queued, Receive fails with
// nltest.ErrWouldBlock (wrapped by netlink.Conn in a *netlink.OpError),
// since a fake kernel with nothing queued never answers.
//
// Multicast: JoinGroup and LeaveGroup join and leave the fake's groups
// (nltest.Conn.JoinGroup), so netlink.Conn.JoinGroup and
// genetlink.Conn.JoinGroup work, and Receive returns notifications
// (nltest.Kernel.Multicast, NotifyGenl, Reply.Notify) as they are
// queued, among replies, as the Linux socket does. A receive queue
// overrun (nltest.Config.ReadBuffer, nltest.Conn.InjectOverrun) fails
// one Receive with nltest.ErrOverrun, which, like the Linux socket's
// ENOBUFS, matches unix.ENOBUFS on Linux under errors.Is through
// netlink.Conn's *netlink.OpError.
//
// Not provided, so netlink.Conn reports them as not supported: BPF
// filters, deadlines, SetReadBuffer and SetWriteBuffer (the receive
// buffer is nltest.Config.ReadBuffer) and SyscallConn. Socket options
// are those of the nltest.Config the socket was dialed with; SetOption
// only confirms them.
package nltestsock

import (
	"encoding/binary"
	"errors"
	"iter"
	"strconv"

	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire/nltest"
)

// headerLen is the length of struct nlmsghdr (NLMSG_HDRLEN).
const headerLen = 16

// align rounds n up to a multiple of 4 (NLMSG_ALIGN).
func align(n int) int { return (n + 3) &^ 3 }

// Errors of Socket.
var (
	// ErrOption: SetOption was asked for a socket option the fake does
	// not model, or to change one fixed by the nltest.Config at dial.
	ErrOption = errors.New("nltestsock: socket option not available")
	// ErrMessage: a message to send or a received datagram is malformed
	// (see MessageError).
	ErrMessage = errors.New("nltestsock: malformed netlink message")
)

// MessageError reports a malformed message: one to send whose
// nlmsg_len is below 16 or not a multiple of 4 (netlink.Message's
// MarshalBinary refuses those), or a received one whose nlmsg_len does
// not fit the datagram. It matches ErrMessage with errors.Is.
type MessageError struct {
	Op     string // "send" or "receive"
	Offset int    // the message's offset in the datagram
	Len    uint32 // its nlmsg_len
	// Room is, on receive, the bytes from Offset to the datagram's end;
	// on send, the message's header and payload length.
	Room int
}

// Error returns a description naming the operation, offset and length.
func (e *MessageError) Error() string {
	return "nltestsock: " + e.Op + ": message at offset " + strconv.Itoa(e.Offset) +
		" has nlmsg_len " + strconv.FormatUint(uint64(e.Len), 10) +
		" (" + strconv.Itoa(e.Room) + " bytes left)"
}

// Is reports whether target is ErrMessage.
func (e *MessageError) Is(target error) bool { return target == ErrMessage }

// Socket is a netlink.Socket on an nltest.Conn. It is not safe for
// concurrent use by itself; netlink.Conn serializes its calls.
type Socket struct {
	c   *nltest.Conn
	cfg nltest.Config
	out []byte // the datagram being sent, reused
}

var _ interface {
	netlink.Socket
	JoinGroup(uint32) error
	LeaveGroup(uint32) error
} = (*Socket)(nil)

// New returns a Socket on c, which was dialed with cfg (nil: the zero
// nltest.Config); cfg only tells SetOption which options c has.
func New(c *nltest.Conn, cfg *nltest.Config) *Socket {
	s := &Socket{c: c}
	if cfg != nil {
		s.cfg = *cfg
	}
	return s
}

// Dial opens a generic netlink socket of k (k.Dial(cfg)) and returns a
// netlink.Conn on it, with the socket's port ID; pass it to
// genetlink.NewConn.
func Dial(k *nltest.Kernel, cfg *nltest.Config) *netlink.Conn {
	c := k.Dial(cfg)
	return netlink.NewConn(New(c, cfg), c.PortID())
}

// DialRoute opens a NETLINK_ROUTE socket of k (k.DialRoute(cfg)) and
// returns a netlink.Conn on it, with the socket's port ID.
func DialRoute(k *nltest.Kernel, cfg *nltest.Config) *netlink.Conn {
	c := k.DialRoute(cfg)
	return netlink.NewConn(New(c, cfg), c.PortID())
}

// JoinGroup joins the fake's multicast group g (nltest.Conn.JoinGroup),
// as NETLINK_ADD_MEMBERSHIP does for the Linux socket.
func (s *Socket) JoinGroup(g uint32) error { return s.c.JoinGroup(g) }

// LeaveGroup leaves the fake's multicast group g
// (nltest.Conn.LeaveGroup), as NETLINK_DROP_MEMBERSHIP does.
func (s *Socket) LeaveGroup(g uint32) error { return s.c.LeaveGroup(g) }

// Conn returns the nltest.Conn the socket is on.
func (s *Socket) Conn() *nltest.Conn { return s.c }

// Close closes the fake's socket.
func (s *Socket) Close() error { return s.c.Close() }

// Send hands the kernel a datagram of the single message m.
func (s *Socket) Send(m netlink.Message) error {
	return s.SendMessages([]netlink.Message{m})
}

// SendMessages hands the kernel one datagram of the messages msgs, each
// laid out as netlink.Message's MarshalBinary lays it out: nlmsg_len
// bytes, the payload cut or zero-padded to fit.
func (s *Socket) SendMessages(msgs []netlink.Message) error {
	b := s.out[:0]
	for _, m := range msgs {
		l := int(m.Header.Length)
		if l < headerLen || align(l) != l {
			return &MessageError{Op: "send", Offset: len(b), Len: m.Header.Length, Room: headerLen + len(m.Data)}
		}
		b = binary.NativeEndian.AppendUint32(b, m.Header.Length)
		b = binary.NativeEndian.AppendUint16(b, uint16(m.Header.Type))
		b = binary.NativeEndian.AppendUint16(b, uint16(m.Header.Flags))
		b = binary.NativeEndian.AppendUint32(b, m.Header.Sequence)
		b = binary.NativeEndian.AppendUint32(b, m.Header.PID)
		n := min(len(m.Data), l-headerLen)
		b = append(b, m.Data[:n]...)
		for range l - headerLen - n {
			b = append(b, 0)
		}
	}
	s.out = b
	return s.c.Send(b)
}

// Receive receives one datagram and returns its messages.
func (s *Socket) Receive() ([]netlink.Message, error) {
	var msgs []netlink.Message
	for m, err := range s.ReceiveIter() {
		if err != nil {
			return nil, err
		}
		msgs = append(msgs, m)
	}
	return msgs, nil
}

// ReceiveIter receives one datagram and yields its messages in turn,
// views of a buffer of its own, as the Linux socket does; an error is
// yielded last.
func (s *Socket) ReceiveIter() iter.Seq2[netlink.Message, error] {
	return func(yield func(netlink.Message, error) bool) {
		b, err := s.receive()
		if err != nil {
			yield(netlink.Message{}, err)
			return
		}
		for off := 0; len(b)-off >= headerLen; {
			l := int(binary.NativeEndian.Uint32(b[off:]))
			if l < headerLen || align(l) > len(b)-off {
				yield(netlink.Message{}, &MessageError{Op: "receive", Offset: off, Len: uint32(l), Room: len(b) - off})
				return
			}
			var m netlink.Message
			if err := m.UnmarshalBinary(b[off : off+align(l)]); err != nil {
				yield(netlink.Message{}, err)
				return
			}
			if !yield(m, nil) {
				return
			}
			off += align(l)
		}
	}
}

// receive takes the next datagram from the fake into a new buffer of
// its size rounded up to 4 bytes: an empty read learns the size, as
// mdlayher/netlink's MSG_PEEK|MSG_TRUNC read does.
func (s *Socket) receive() ([]byte, error) {
	_, err := s.c.Receive(nil)
	te, ok := err.(*nltest.TruncatedError)
	if !ok {
		if err == nil { // an empty datagram: the fake never queues one
			err = &MessageError{Op: "receive"}
		}
		return nil, err
	}
	b := make([]byte, align(te.Size))
	n, err := s.c.Receive(b)
	if err != nil {
		return nil, err
	}
	return b[:align(n)], nil
}

// SetOption confirms a socket option the nltest.Config gave the socket:
// it returns nil if option is ExtendedAcknowledge, CapAcknowledge,
// GetStrictCheck or NoENOBUFS and enable is its state, and an error
// matching ErrOption otherwise (the fake's options cannot change after
// dial).
func (s *Socket) SetOption(option netlink.ConnOption, enable bool) error {
	var on bool
	switch option {
	case netlink.ExtendedAcknowledge:
		on = !s.cfg.NoExtAck
	case netlink.CapAcknowledge:
		on = s.cfg.CapAck
	case netlink.GetStrictCheck:
		on = !s.cfg.NoStrictCheck
	case netlink.NoENOBUFS:
		on = s.cfg.NoENOBUFS
	default:
		return &OptionError{Option: option, Enable: enable, Fixed: false}
	}
	if on != enable {
		return &OptionError{Option: option, Enable: enable, Fixed: true}
	}
	return nil
}

// OptionError reports a SetOption the Socket cannot honour. It matches
// ErrOption with errors.Is.
type OptionError struct {
	Option netlink.ConnOption
	Enable bool
	// Fixed: the option is modelled, but the nltest.Config set it the
	// other way; otherwise the fake does not model the option.
	Fixed bool
}

// Error names the option and what was asked.
func (e *OptionError) Error() string {
	s := "nltestsock: socket option " + strconv.Itoa(int(e.Option)) + " set to " + strconv.FormatBool(e.Enable)
	if e.Fixed {
		return s + ": fixed the other way by the nltest.Config at dial"
	}
	return s + ": not modelled by nltest"
}

// Is reports whether target is ErrOption.
func (e *OptionError) Is(target error) bool { return target == ErrOption }
