package nltest

import (
	"errors"

	"github.com/nlwire/nlwire"
)

// Receive buffer sizes (include/net/sock.h, net/core/sock.c; x86-64).
const (
	// RmemDefault is /proc/sys/net/core/rmem_default as Linux sets it:
	// a socket's receive buffer (sk_rcvbuf) until SO_RCVBUF changes it.
	RmemDefault = 212992
	// MinRcvbuf is SOCK_MIN_RCVBUF, the smallest sk_rcvbuf SO_RCVBUF
	// sets: 2048 plus SKB_DATA_ALIGN(sizeof(struct sk_buff)).
	MinRcvbuf = 2048 + skbSize

	skbSize    = 256 // SKB_DATA_ALIGN(sizeof(struct sk_buff))
	shinfoSize = 320 // SKB_DATA_ALIGN(sizeof(struct skb_shared_info))
	smallHead  = 576 // SKB_SMALL_HEAD_CACHE_SIZE
)

// ErrOverrun is what Receive returns once after the socket's receive
// queue overran and the kernel dropped a datagram (sk_err set to ENOBUFS
// by netlink_overrun), as nlsock.Conn.Receive returns its ErrOverrun. It
// matches nlwire.ENOBUFS and, on Linux, syscall.ENOBUFS under errors.Is,
// like nlsock's, so code written against either handles both.
var ErrOverrun error = overrunError{}

type overrunError struct{}

func (overrunError) Error() string {
	return "nltest: receive queue overrun, messages lost (ENOBUFS)"
}

// Is reports whether target is ENOBUFS, as nlwire.Errno or as the
// system's errno.
func (overrunError) Is(target error) bool {
	return target == nlwire.ENOBUFS || errors.Is(nlwire.ENOBUFS, target)
}

// rcvbuf returns sk_rcvbuf for a Config's ReadBuffer: rmem_default
// without SO_RCVBUF, else twice the value asked (sock_setsockopt doubles
// it for the kernel's bookkeeping), at least SOCK_MIN_RCVBUF.
func rcvbuf(readBuffer int) int {
	if readBuffer <= 0 {
		return RmemDefault
	}
	return max(2*min(readBuffer, 1<<30-1), MinRcvbuf)
}

// truesize approximates the skb->truesize a datagram of n bytes is
// charged to the receive queue with, allocated as alloc_skb(n)
// allocates it (__alloc_skb, kmalloc_reserve): the data rounded up to 64
// bytes (SKB_DATA_ALIGN) plus struct skb_shared_info, taken from the
// small-head cache up to 576 bytes (SKB_SMALL_HEAD_CACHE_SIZE on Linux
// 6.18 x86-64, measured), else rounded up to kmalloc's power-of-two
// sizes (the page allocator's beyond 8 KiB), plus struct sk_buff: 832
// for an acknowledgement, 4352 for a dump datagram of GoodSize, 33024
// for one of MaxDumpSize, as /proc/net/netlink's Rmem shows them. The
// kernel allocates many replies and notifications larger than they end
// up (nlmsg_new of an upper bound, NLMSG_DEFAULT_SIZE), which this does
// not know.
func truesize(n int) int {
	size := (n+63)&^63 + shinfoSize
	if size <= smallHead {
		return smallHead + skbSize
	}
	p := 1024
	for p < size {
		p <<= 1
	}
	return p + skbSize
}

// admitLocked charges a datagram of truesize ts sent by the kernel to c
// (netlink_attachskb for a unicast, netlink_broadcast_deliver for a
// multicast) and reports whether it is queued: there must be no
// congestion and either an empty queue or room within sk_rcvbuf after
// it. Otherwise it overruns. A Replay kernel queues every recorded
// reply, since the recording shows they were received. c.qmu is held.
func (c *Conn) admitLocked(ts int) bool {
	if c.rcvbuf <= 0 || c.k.replay != nil { // the controller's sink, a replay
		return true
	}
	if !c.congested && (c.rmem == 0 || c.rmem+ts <= c.rcvbuf) {
		c.rmem += ts
		return true
	}
	c.overrunLocked()
	return false
}

// overrunLocked is netlink_overrun: a datagram was dropped; unless
// NETLINK_NO_ENOBUFS, the socket becomes congested (dropping every
// notification until its queue is empty) and its next receive fails
// with ENOBUFS, once per congestion. c.qmu is held.
func (c *Conn) overrunLocked() {
	if !c.noENOBUFS && !c.congested {
		c.congested = true
		c.sockErr = true
	}
	c.drops++
}

// InjectOverrun makes the socket overrun as if a notification had found
// its receive queue full (netlink_overrun): the next Receive fails with
// ErrOverrun and notifications are dropped until the queue has been
// emptied; with Config.NoENOBUFS only the drop is counted.
func (c *Conn) InjectOverrun() {
	c.qmu.Lock()
	c.overrunLocked()
	c.qmu.Unlock()
}

// Dropped returns the number of datagrams the kernel dropped for lack
// of room in the receive queue (sk_drops), injected overruns included.
func (c *Conn) Dropped() uint64 {
	c.qmu.Lock()
	defer c.qmu.Unlock()
	return c.drops
}

// Queued returns the bytes charged to the receive queue
// (sk_rmem_alloc, as /proc/net/netlink's Rmem shows it) and the
// socket's receive buffer (sk_rcvbuf).
func (c *Conn) Queued() (rmem, rcvbuf int) {
	c.qmu.Lock()
	defer c.qmu.Unlock()
	return c.rmem, c.rcvbuf
}

// rcvWakeLocked is netlink_rcv_wake: an empty queue ends congestion.
// c.qmu is held.
func (c *Conn) rcvWakeLocked() {
	if c.head == len(c.queue) {
		c.congested = false
	}
}

// dumpRoom reports whether netlink_dump may charge a datagram of
// truesize ts: the queue is empty, or it stays below sk_rcvbuf.
func (c *Conn) dumpRoom(ts int) bool {
	c.qmu.Lock()
	defer c.qmu.Unlock()
	return c.rcvbuf <= 0 || c.rmem == 0 || c.rmem+ts < c.rcvbuf
}

// dumpMayGo reports whether netlink_recvmsg lets a running dump go on:
// at most half the receive buffer is charged.
func (c *Conn) dumpMayGo() bool {
	c.qmu.Lock()
	defer c.qmu.Unlock()
	return c.rcvbuf <= 0 || c.rmem <= c.rcvbuf/2
}
