package nltest

import (
	"errors"
	"strconv"
	"sync"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// Sizes of the kernel's dump datagrams (include/linux/netlink.h,
// net/netlink/af_netlink.c, x86-64 with 4 KiB pages, where struct
// skb_shared_info takes 320 bytes).
const (
	// GoodSize is NLMSG_GOODSIZE, SKB_WITH_OVERHEAD(PAGE_SIZE): the
	// size of a dump's datagrams until the socket has been read with a
	// larger buffer.
	GoodSize = 4096 - 320
	// MaxDumpSize is SKB_WITH_OVERHEAD(32768): netlink_recvmsg
	// remembers the largest buffer a receive offered, up to this, and
	// netlink_dump sizes the next datagrams to it.
	MaxDumpSize = 32768 - 320
)

// Config says how to open a Conn: the socket options that shape the
// kernel's answers, as nlsock.Config names them. The zero Config (or
// nil) is a socket as nlsock.Dial opens one: NETLINK_EXT_ACK and
// NETLINK_GET_STRICT_CHK on, NETLINK_CAP_ACK off.
type Config struct {
	// PortID is the socket's port ID; 0 lets Dial pick one.
	PortID uint32
	// NoExtAck turns off NETLINK_EXT_ACK: errors and acknowledgements
	// carry no extended ACK attributes.
	NoExtAck bool
	// CapAck turns on NETLINK_CAP_ACK: errors echo only the request's
	// header.
	CapAck bool
	// NoStrictCheck turns off NETLINK_GET_STRICT_CHK, which only
	// rtnetlink reads: generic netlink answers the same either way.
	NoStrictCheck bool
	// ReadBuffer is the receive buffer size set with SO_RCVBUF, as
	// nlsock.Config.ReadBuffer: the kernel keeps twice the value (at
	// least MinRcvbuf) as sk_rcvbuf; 0 leaves RmemDefault. Datagrams
	// are charged to it with an approximation of the kernel's
	// skb->truesize (see Conn.Queued). A Replay kernel's replies are
	// queued whatever the buffer, as they were recorded received.
	ReadBuffer int
	// NoENOBUFS turns on NETLINK_NO_ENOBUFS: a receive queue overrun
	// drops the datagram silently, and Receive never fails with
	// ErrOverrun.
	NoENOBUFS bool
}

// Errors of Conn.
var (
	// ErrWouldBlock: Receive found no datagram queued, where a real
	// socket would block (or fail with EAGAIN if non-blocking).
	ErrWouldBlock = errors.New("nltest: no datagram queued")
	// ErrClosed: the Conn is closed.
	ErrClosed = errors.New("nltest: use of closed connection")
)

// TruncatedError reports a datagram longer than the buffer given to
// Receive, as nlsock's does: nlsock peeks at the datagram's length
// (MSG_PEEK|MSG_TRUNC) before reading it, so the datagram stays queued
// and a Receive with a buffer of at least Size bytes returns it whole.
type TruncatedError struct {
	Size   int // the datagram's length
	BufLen int // the length of the buffer that was too short
}

// Error returns "nltest: datagram of N bytes does not fit a buffer of M".
func (e *TruncatedError) Error() string {
	return "nltest: datagram of " + strconv.Itoa(e.Size) + " bytes does not fit a buffer of " + strconv.Itoa(e.BufLen)
}

// Conn is a NETLINK_GENERIC (Dial) or NETLINK_ROUTE (DialRoute) socket
// of a Kernel, with the shape of
// nlsock.Conn: Send hands the kernel a datagram of requests, which it
// answers at once into the socket's receive queue; Receive takes the
// next datagram from the queue. A dump's next datagram is made when the
// previous one is received, as netlink_recvmsg does. It is not safe for
// concurrent use.
type Conn struct {
	k      *Kernel
	port   uint32
	opt    wire.AckOptions
	closed bool
	route  bool // a NETLINK_ROUTE socket
	strict bool // NETLINK_GET_STRICT_CHK

	// qmu guards queue, head, free and the receive buffer's state,
	// which a multicast from another goroutine changes too.
	qmu   sync.Mutex
	queue []datagram // datagrams to receive, from head on
	head  int
	free  [][]byte // spare datagram buffers
	// The receive buffer (rcvbuf.go): sk_rcvbuf, sk_rmem_alloc (the
	// queued datagrams' truesizes), NETLINK_S_CONGESTED, a pending
	// sk_err of ENOBUFS, NETLINK_NO_ENOBUFS and sk_drops.
	rcvbuf    int
	rmem      int
	congested bool
	sockErr   bool
	noENOBUFS bool
	drops     uint64

	// groups is the bitmap of the multicast groups joined (bit g-1 for
	// group g), guarded by the Kernel's multicast lock.
	groups []uint64

	maxRecv int // netlink_sock.max_recvmsg_len

	// Per request scratch.
	req     Request
	rep     Reply
	tb      []attr.Decoder
	ext     extack
	verr    validate.Error // a rejected request's, its Path reused
	werr    wire.Error
	msgBuf  []byte
	lastMsg string // the last message a handler's *wire.Error set
	polBuf  []byte
	vopt    validateOpts
	dumpReq []byte
	polDump policyDump // nlctrl's GETPOLICY dump state, its storage reused

	dump dumpState
}

// Dial opens a socket of the kernel's generic netlink. A nil cfg is the
// zero Config.
func (k *Kernel) Dial(cfg *Config) *Conn {
	if cfg == nil {
		cfg = &Config{}
	}
	c := &Conn{k: k, port: cfg.PortID}
	if c.port == 0 {
		k.mu.Lock()
		c.port = k.nextPort
		k.nextPort++
		k.mu.Unlock()
	}
	c.opt = wire.AckOptions{Order: nlwire.Native, PortID: c.port, CapAck: cfg.CapAck, NoExtAck: cfg.NoExtAck}
	c.strict = !cfg.NoStrictCheck
	c.rcvbuf = rcvbuf(cfg.ReadBuffer)
	c.noENOBUFS = cfg.NoENOBUFS
	c.rep.c = c
	c.vopt.init(c)
	return c
}

// PortID returns the socket's port ID.
func (c *Conn) PortID() uint32 { return c.port }

// datagram is a queued datagram, the multicast group it was sent to
// (0: a unicast reply) and the truesize charged for it.
type datagram struct {
	b     []byte
	group uint32
	size  int
}

// Close closes the socket, leaving its multicast groups; queued
// datagrams are dropped.
func (c *Conn) Close() error {
	c.k.leaveAll(c)
	c.qmu.Lock()
	c.closed = true
	c.queue, c.head, c.rmem = nil, 0, 0
	c.qmu.Unlock()
	c.dump = dumpState{}
	return nil
}

// Pending returns the number of datagrams waiting to be received.
func (c *Conn) Pending() int {
	c.qmu.Lock()
	defer c.qmu.Unlock()
	return len(c.queue) - c.head
}

// Send hands the datagram b (one or more netlink messages) to the
// kernel, which answers each request into the receive queue as
// netlink_rcv_skb and genl_rcv_msg do: messages are walked while a whole
// header and nlmsg_len fit; one without NLM_F_REQUEST, or of a control
// type (below NLMSG_MIN_TYPE), is only acknowledged if it asks; an error
// or, with NLM_F_ACK, success is answered with NLMSG_ERROR; a dump is
// answered by its first datagram now and the rest as they are received.
// It does not allocate once the queue's buffers have been made.
func (c *Conn) Send(b []byte) error {
	if c.closed {
		return ErrClosed
	}
	if c.k.replay != nil {
		return c.k.replay.send(c, b)
	}
	c.k.mu.RLock()
	defer c.k.mu.RUnlock()
	for len(b) >= wire.HeaderLen {
		h, _ := wire.ParseHeader(b, nlwire.Native)
		if h.Len < wire.HeaderLen || int(h.Len) > len(b) {
			break
		}
		msg := b[:h.Len]
		c.ext = extack{}
		var errno nlwire.Errno
		intr := false
		if h.Flags&wire.Request != 0 && h.Type >= wire.MinType {
			c.dump.noRoom = false
			if c.route {
				errno, intr = c.rcvRouteMsg(msg, h)
			} else {
				errno, intr = c.rcvMsg(msg, h)
			}
			if intr && c.dump.noRoom {
				// __netlink_dump_start returns netlink_dump's ENOBUFS,
				// answered with an error; the dump stays running.
				errno, intr = nlwire.ENOBUFS, false
			}
		}
		if !intr && (h.Flags&wire.Ack != 0 || errno != 0) {
			c.ack(msg, errno)
		}
		n := min(wire.Align(int(h.Len)), len(b))
		b = b[n:]
	}
	return nil
}

// Receive moves the next queued datagram into buf and returns its
// length, as nlsock.Conn.Receive does. It returns ErrOverrun once after
// the queue overran (the kernel's sk_err, reported before any queued
// datagram), ErrWouldBlock when nothing is queued, and a
// *TruncatedError (the datagram stays queued) when buf is too short.
// Like nlsock, it looks at the datagram first (MSG_PEEK) and then
// consumes it, and like netlink_recvmsg after each of the two, it
// remembers the largest buffer offered, which sizes the following dump
// datagrams, and lets a running dump make its next datagram while at
// most half the receive buffer is taken. A dump whose next datagram
// finds no room at the peek fails the read with ErrOverrun, the
// datagram staying queued, as nlsock's read fails: with a buffer too
// small for the dump's datagrams (Config.ReadBuffer against the size
// Receive offers), every Receive then fails so, on Linux as here.
func (c *Conn) Receive(buf []byte) (int, error) {
	n, _, err := c.ReceiveFrom(buf)
	return n, err
}

// ReceiveFrom is Receive that also returns the multicast group the
// datagram was sent to: 0 for a reply to this socket, as nlsock's
// ReceiveFrom reports it, and the notification's group for the echo of
// an NLM_F_ECHO request's notification (Reply.Notify).
func (c *Conn) ReceiveFrom(buf []byte) (n int, group uint32, err error) {
	if c.closed {
		return 0, 0, ErrClosed
	}
	c.qmu.Lock()
	if c.sockErr {
		// sock_error in __skb_try_recv_datagram, before the queue.
		c.sockErr = false
		c.rcvWakeLocked()
		c.qmu.Unlock()
		return 0, 0, ErrOverrun
	}
	empty := c.head == len(c.queue)
	c.qmu.Unlock()
	if empty {
		c.continueDump()
	}
	c.qmu.Lock()
	if c.head == len(c.queue) {
		c.rcvWakeLocked()
		c.qmu.Unlock()
		return 0, 0, ErrWouldBlock
	}
	c.maxRecv = min(max(c.maxRecv, len(buf)), MaxDumpSize)
	d := c.queue[c.head]
	if len(d.b) > len(buf) {
		c.qmu.Unlock()
		c.continueDump()
		return 0, 0, &TruncatedError{Size: len(d.b), BufLen: len(buf)}
	}
	n = copy(buf, d.b)
	c.qmu.Unlock()
	// The peek's netlink_recvmsg, then the read's, which fails as
	// nlsock's does if the peek left an error (a dump without room).
	c.continueDump()
	c.qmu.Lock()
	if c.sockErr {
		c.sockErr = false
		c.rcvWakeLocked()
		c.qmu.Unlock()
		return 0, 0, ErrOverrun
	}
	c.queue[c.head] = datagram{}
	c.head++
	c.rmem -= d.size
	if c.head == len(c.queue) {
		c.queue, c.head = c.queue[:0], 0
	}
	c.putBufLocked(d.b[:0])
	c.qmu.Unlock()
	c.continueDump()
	c.qmu.Lock()
	c.rcvWakeLocked()
	c.qmu.Unlock()
	return n, d.group, nil
}

// continueDump makes a running dump's next datagram, as netlink_recvmsg
// calls netlink_dump after a receive when at most half the receive
// buffer is taken; a dump finding no room (ENOBUFS) leaves the error
// for the next receive, as the kernel sets sk_err.
func (c *Conn) continueDump() {
	if !c.dump.running || !c.dumpMayGo() {
		return
	}
	c.k.mu.RLock()
	ok := c.dumpStep()
	c.k.mu.RUnlock()
	if !ok {
		c.qmu.Lock()
		c.sockErr = true
		c.qmu.Unlock()
	}
}

// getBuf returns a spare buffer of length 0.
func (c *Conn) getBuf() []byte {
	c.qmu.Lock()
	defer c.qmu.Unlock()
	return c.getBufLocked()
}

// getBufLocked is getBuf with c.qmu held.
func (c *Conn) getBufLocked() []byte {
	if n := len(c.free); n > 0 {
		b := c.free[n-1]
		c.free = c.free[:n-1]
		return b
	}
	return make([]byte, 0, 512)
}

// putBuf keeps b for reuse.
func (c *Conn) putBuf(b []byte) {
	c.qmu.Lock()
	c.putBufLocked(b)
	c.qmu.Unlock()
}

// putBufLocked is putBuf with c.qmu held.
func (c *Conn) putBufLocked(b []byte) {
	if cap(b) > 0 && len(c.free) < 64 {
		c.free = append(c.free, b[:0])
	}
}

// push queues a datagram the kernel sends to this socket alone
// (netlink_unicast from a kernel socket: replies, acknowledgements),
// which is dropped if the receive buffer has no room, as
// netlink_attachskb drops it, and reports whether it was queued.
func (c *Conn) push(d []byte) bool {
	return c.pushGroup(d, 0)
}

// pushGroup is push with the multicast group the datagram carries.
func (c *Conn) pushGroup(d []byte, group uint32) bool {
	c.qmu.Lock()
	defer c.qmu.Unlock()
	return c.pushLocked(d, group)
}

// pushLocked is pushGroup with c.qmu held.
func (c *Conn) pushLocked(d []byte, group uint32) bool {
	ts := truesize(len(d))
	if !c.admitLocked(ts) {
		c.putBufLocked(d)
		return false
	}
	c.queue = append(c.queue, datagram{b: d, group: group, size: ts})
	return true
}

// pushDump queues a dump's datagram, charged with the truesize ts of
// its allocation; netlink_dump checked the room before filling it.
func (c *Conn) pushDump(d []byte, ts int) {
	c.qmu.Lock()
	c.rmem += ts
	c.queue = append(c.queue, datagram{b: d, size: ts})
	c.qmu.Unlock()
}
