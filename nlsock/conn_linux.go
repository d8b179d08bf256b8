//go:build linux

package nlsock

import (
	"errors"
	"os"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Netlink families (protocols) for Dial, from include/uapi/linux/netlink.h.
const (
	Route   = unix.NETLINK_ROUTE   // rtnetlink: links, addresses, routes, ...
	Generic = unix.NETLINK_GENERIC // generic netlink: nlctrl, ethtool, netdev, ...
)

// Config says how to open a Conn. The zero Config (or nil) opens a socket
// in the caller's network namespace with NETLINK_EXT_ACK and
// NETLINK_GET_STRICT_CHK on and every other option off.
type Config struct {
	// Groups are the multicast groups to join (NETLINK_ADD_MEMBERSHIP).
	Groups []uint32

	// NetNS is the path of a network namespace file to open the socket
	// in (/run/netns/NAME, /proc/PID/ns/net); NetNSFD, if not zero, is
	// an open descriptor of one and takes precedence. The socket stays
	// in that namespace for its life; the calling thread does not move.
	NetNS   string
	NetNSFD int

	// ReadBuffer, if not zero, is the socket's receive buffer size in
	// bytes (SO_RCVBUFFORCE, or SO_RCVBUF where that is not permitted).
	ReadBuffer int

	// NoExtAck turns off NETLINK_EXT_ACK, which is on by default: error
	// messages then carry no message, offset or policy.
	NoExtAck bool
	// NoStrictCheck turns off NETLINK_GET_STRICT_CHK, which is on by
	// default: rtnetlink then ignores what it does not understand in
	// GET requests instead of rejecting it.
	NoStrictCheck bool
	// CapAck turns on NETLINK_CAP_ACK: error messages echo only the
	// request's header, not the whole request.
	CapAck bool
	// NoENOBUFS turns on NETLINK_NO_ENOBUFS: a receive queue overrun is
	// not reported (ErrOverrun never comes back) and messages are lost
	// silently.
	NoENOBUFS bool
	// ListenAllNSID turns on NETLINK_LISTEN_ALL_NSID: multicast
	// notifications from every peer network namespace with an id.
	ListenAllNSID bool

	// Recorder, if not nil, sees every datagram sent and every datagram
	// received from the kernel.
	Recorder Recorder
}

// Stats counts a Conn's traffic. Dropped datagrams and messages were
// never returned to the caller.
type Stats struct {
	Sent     uint64 // datagrams sent
	Received uint64 // datagrams received from the kernel and returned
	// ForeignSender counts datagrams dropped because their sender was
	// not the kernel (source port ID not 0).
	ForeignSender uint64
	// Unexpected counts messages Execute dropped because their sequence
	// number or port ID was not its request's (late replies).
	Unexpected uint64
	// Notifications counts messages Execute dropped because they were
	// sent to a multicast group the Conn joined, not to the Conn alone:
	// a notification is not a reply, even when it carries the request's
	// sequence number and port ID, as the kernel's notification of the
	// change a request made does.
	Notifications uint64
}

// Conn is a netlink socket. It is not safe for concurrent use, except that
// Close, Stats and the deadline methods may be called from any goroutine,
// and Close wakes a Receive blocked in another.
type Conn struct {
	f      *os.File
	rc     syscall.RawConn
	fd     int
	family int
	pid    uint32
	seq    uint32
	rec    Recorder

	sent, received, foreign, unexpected, notifications atomic.Uint64

	// State of the system call in progress, kept here so that the
	// functions handed to the RawConn are made once, in Dial.
	readFn, writeFn func(fd uintptr) bool
	ioBuf           []byte
	ioFlags         int
	ioN             int
	ioErr           syscall.Errno
	to              unix.RawSockaddrNetlink
	// recvmsg(2)'s arguments, pointing at the fields below: the
	// sender's address and the control messages, where NETLINK_PKTINFO
	// puts the multicast group. oob is made of words to align cmsghdr.
	msg  unix.Msghdr
	iov  unix.Iovec
	from unix.RawSockaddrNetlink
	oob  [8]uint64

	rbuf []byte // Execute's receive buffer
	wbuf []byte // requests built by the helpers
}

// Dial opens a netlink socket of the family (Route, Generic or another
// NETLINK_* number) as cfg says, binds it to a port ID the kernel picks
// and joins cfg's multicast groups. A nil cfg is the zero Config.
func Dial(family int, cfg *Config) (*Conn, error) {
	if cfg == nil {
		cfg = &Config{}
	}
	fd, err := openSocket(family, cfg)
	if err != nil {
		return nil, err
	}
	c, err := setup(fd, family, cfg)
	if err != nil {
		var closed errFileClosed
		if !errors.As(err, &closed) {
			unix.Close(fd)
		}
		return nil, err
	}
	return c, nil
}

// errFileClosed is a setup error after fd passed to an *os.File, which
// has closed it already.
type errFileClosed struct{ error }

func (e errFileClosed) Unwrap() error { return e.error }

func setup(fd, family int, cfg *Config) (*Conn, error) {
	opt := func(name int, on bool) error {
		v := 0
		if on {
			v = 1
		}
		if err := unix.SetsockoptInt(fd, unix.SOL_NETLINK, name, v); err != nil {
			return os.NewSyscallError("setsockopt", err)
		}
		return nil
	}
	if err := opt(unix.NETLINK_EXT_ACK, !cfg.NoExtAck); err != nil {
		return nil, err
	}
	if err := opt(unix.NETLINK_GET_STRICT_CHK, !cfg.NoStrictCheck); err != nil {
		return nil, err
	}
	// NETLINK_PKTINFO: every datagram received says the multicast group
	// it was sent to, 0 for unicast. The source address's nl_groups
	// cannot: it is a bit mask, 0 for groups above 32
	// (netlink_group_mask in net/netlink/af_netlink.c).
	if err := opt(unix.NETLINK_PKTINFO, true); err != nil {
		return nil, err
	}
	for _, o := range []struct {
		name int
		on   bool
	}{
		{unix.NETLINK_CAP_ACK, cfg.CapAck},
		{unix.NETLINK_NO_ENOBUFS, cfg.NoENOBUFS},
		{unix.NETLINK_LISTEN_ALL_NSID, cfg.ListenAllNSID},
	} {
		if o.on {
			if err := opt(o.name, true); err != nil {
				return nil, err
			}
		}
	}
	if cfg.ReadBuffer > 0 {
		if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, cfg.ReadBuffer); err != nil {
			if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, cfg.ReadBuffer); err != nil {
				return nil, os.NewSyscallError("setsockopt", err)
			}
		}
	}
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return nil, os.NewSyscallError("bind", err)
	}
	sa, err := unix.Getsockname(fd)
	if err != nil {
		return nil, os.NewSyscallError("getsockname", err)
	}
	nl, ok := sa.(*unix.SockaddrNetlink)
	if !ok {
		return nil, errors.New("nlsock: getsockname: not a netlink address")
	}
	for _, g := range cfg.Groups {
		if err := unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_ADD_MEMBERSHIP, int(g)); err != nil {
			return nil, os.NewSyscallError("setsockopt", err)
		}
	}
	f := os.NewFile(uintptr(fd), "netlink")
	if f == nil {
		return nil, errors.New("nlsock: bad file descriptor")
	}
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close() // the caller's close of fd must not close it twice
		return nil, errFileClosed{err}
	}
	c := &Conn{
		f:      f,
		rc:     rc,
		fd:     fd,
		family: family,
		pid:    nl.Pid,
		// A sequence number that another process cannot guess from
		// the start is a cheap extra guard; only the kernel can
		// answer anyway.
		seq:  uint32(time.Now().UnixNano()),
		rec:  cfg.Recorder,
		rbuf: make([]byte, max(os.Getpagesize(), 32768)),
	}
	c.to.Family = unix.AF_NETLINK
	c.msg.Name = (*byte)(unsafe.Pointer(&c.from))
	c.msg.Iov = &c.iov
	c.msg.SetIovlen(1)
	c.msg.Control = (*byte)(unsafe.Pointer(&c.oob[0]))
	c.readFn = c.doRead
	c.writeFn = c.doWrite
	return c, nil
}

// Close closes the socket. A Receive blocked in another goroutine returns
// an error.
func (c *Conn) Close() error { return c.f.Close() }

// PortID returns the socket's netlink port ID (nl_pid), which the kernel
// chose when the socket was bound.
func (c *Conn) PortID() uint32 { return c.pid }

// Family returns the netlink family the socket was opened for.
func (c *Conn) Family() int { return c.family }

// Stats returns the traffic counters.
func (c *Conn) Stats() Stats {
	return Stats{
		Sent:          c.sent.Load(),
		Received:      c.received.Load(),
		ForeignSender: c.foreign.Load(),
		Unexpected:    c.unexpected.Load(),
		Notifications: c.notifications.Load(),
	}
}

// SetDeadline sets the read and write deadlines, as os.File does: a call
// that passes it fails with an error matching os.ErrDeadlineExceeded.
func (c *Conn) SetDeadline(t time.Time) error { return c.f.SetDeadline(t) }

// SetReadDeadline sets the deadline of Receive and Execute.
func (c *Conn) SetReadDeadline(t time.Time) error { return c.f.SetReadDeadline(t) }

// JoinGroup joins the multicast group g (NETLINK_ADD_MEMBERSHIP).
func (c *Conn) JoinGroup(g uint32) error { return c.setsockopt(unix.NETLINK_ADD_MEMBERSHIP, int(g)) }

// LeaveGroup leaves the multicast group g (NETLINK_DROP_MEMBERSHIP).
func (c *Conn) LeaveGroup(g uint32) error { return c.setsockopt(unix.NETLINK_DROP_MEMBERSHIP, int(g)) }

func (c *Conn) setsockopt(name, v int) error {
	var err error
	cerr := c.rc.Control(func(fd uintptr) {
		err = unix.SetsockoptInt(int(fd), unix.SOL_NETLINK, name, v)
	})
	if cerr != nil {
		return cerr
	}
	if err != nil {
		return os.NewSyscallError("setsockopt", err)
	}
	return nil
}

// Send sends the datagram b (one or more netlink messages) to the kernel
// as it is. It does not allocate.
func (c *Conn) Send(b []byte) error {
	c.ioBuf = b
	c.ioFlags = 0
	err := c.rc.Write(c.writeFn)
	c.ioBuf = nil
	if err != nil {
		return err
	}
	if c.ioErr != 0 {
		return wrapErrno("sendto", c.ioErr)
	}
	c.sent.Add(1)
	if c.rec != nil {
		c.rec.Record(true, b)
	}
	return nil
}

// Receive reads the next datagram from the kernel into buf and returns its
// length. It blocks until one arrives, the read deadline passes or the
// Conn is closed, and does not allocate. It returns replies and multicast
// notifications alike; ReceiveFrom tells them apart.
//
// Datagrams from any other sender (a user-space socket that sent to this
// port ID) are dropped and counted in Stats.ForeignSender. A datagram
// longer than buf stays queued and Receive returns a *TruncatedError with
// its size: call again with a buffer at least that large. A receive queue
// overrun (ENOBUFS: the kernel dropped messages) returns ErrOverrun.
func (c *Conn) Receive(buf []byte) (int, error) {
	n, _, err := c.ReceiveFrom(buf)
	return n, err
}

// ReceiveFrom is Receive that also returns the multicast group the
// datagram was sent to (the number JoinGroup takes: RTNLGRP_LINK, a
// generic netlink family's group ID), or 0 for a datagram sent to this
// socket alone, a reply. It does not allocate.
//
// One reply carries a group: the echo of an NLM_F_ECHO request, which is
// the kernel's notification of the change sent to the requester alone,
// marked with the notification's group (nlmsg_notify in
// net/netlink/af_netlink.c). Its sequence number and port ID are the
// request's.
func (c *Conn) ReceiveFrom(buf []byte) (n int, group uint32, err error) {
	for {
		// Peek with MSG_TRUNC: the result is the datagram's full
		// length, and the datagram stays queued.
		n, err := c.recv(buf, unix.MSG_PEEK|unix.MSG_TRUNC)
		if err != nil {
			return 0, 0, err
		}
		if c.from.Pid != 0 {
			// Not the kernel: drop it whatever its size.
			if _, err := c.recv(nil, 0); err != nil {
				return 0, 0, err
			}
			c.foreign.Add(1)
			continue
		}
		if n > len(buf) {
			return 0, 0, &TruncatedError{Size: n, BufLen: len(buf)}
		}
		group := c.pktGroup()
		// Consume the datagram already copied into buf.
		if _, err := c.recv(nil, 0); err != nil {
			return 0, 0, err
		}
		c.received.Add(1)
		if c.rec != nil {
			c.rec.Record(false, buf[:n])
		}
		return n, group, nil
	}
}

// pktGroup returns the group of the NETLINK_PKTINFO control message
// (struct nl_pktinfo) that the last recvmsg received, or 0 if none came.
func (c *Conn) pktGroup() uint32 {
	oob := unsafe.Slice((*byte)(unsafe.Pointer(&c.oob[0])), len(c.oob)*8)
	oob = oob[:min(int(c.msg.Controllen), len(oob))]
	for len(oob) >= unix.SizeofCmsghdr {
		h := (*unix.Cmsghdr)(unsafe.Pointer(&oob[0]))
		l := int(h.Len)
		if l < unix.SizeofCmsghdr || l > len(oob) {
			return 0
		}
		if h.Level == unix.SOL_NETLINK && h.Type == unix.NETLINK_PKTINFO && l >= unix.CmsgLen(4) {
			return ne.Uint32(oob[unix.CmsgLen(0):])
		}
		oob = oob[min(unix.CmsgSpace(l-unix.CmsgLen(0)), len(oob)):]
	}
	return 0
}

// recv runs one recvmsg through the runtime poller.
func (c *Conn) recv(buf []byte, flags int) (int, error) {
	c.ioBuf = buf
	c.ioFlags = flags
	err := c.rc.Read(c.readFn)
	c.ioBuf = nil
	c.iov.Base = nil
	if err != nil {
		return 0, err
	}
	if c.ioErr != 0 {
		if c.ioErr == unix.ENOBUFS {
			return 0, ErrOverrun
		}
		return 0, wrapErrno("recvmsg", c.ioErr)
	}
	return c.ioN, nil
}

var zeroByte [1]byte

// bufBase returns the address of b's first byte, or of zeroByte for an
// empty b: a system call wants a valid address even for no bytes.
func bufBase(b []byte) *byte {
	if len(b) == 0 {
		return &zeroByte[0]
	}
	return &b[0]
}

// doRead is the RawConn read function: recvmsg(2) with the source
// address and control buffer preallocated in c, so that nothing escapes
// (unix.Recvmsg allocates a Sockaddr per call).
func (c *Conn) doRead(fd uintptr) bool {
	for {
		c.iov.Base = bufBase(c.ioBuf)
		c.iov.SetLen(len(c.ioBuf))
		c.msg.Namelen = unix.SizeofSockaddrNetlink
		c.msg.SetControllen(len(c.oob) * 8)
		c.msg.Flags = 0
		c.from = unix.RawSockaddrNetlink{}
		r, _, e := unix.Syscall(unix.SYS_RECVMSG, fd, uintptr(unsafe.Pointer(&c.msg)), uintptr(c.ioFlags))
		switch e {
		case unix.EINTR:
			continue
		case unix.EAGAIN:
			return false
		}
		c.ioErr = e
		c.ioN = int(r)
		return true
	}
}

// doWrite is the RawConn write function: sendto(2) to the kernel.
func (c *Conn) doWrite(fd uintptr) bool {
	for {
		r, _, e := unix.Syscall6(unix.SYS_SENDTO, fd, uintptr(unsafe.Pointer(bufBase(c.ioBuf))), uintptr(len(c.ioBuf)), uintptr(c.ioFlags),
			uintptr(unsafe.Pointer(&c.to)), unix.SizeofSockaddrNetlink)
		runtime.KeepAlive(c.ioBuf)
		switch e {
		case unix.EINTR:
			continue
		case unix.EAGAIN:
			return false
		}
		c.ioErr = e
		c.ioN = int(r)
		return true
	}
}
