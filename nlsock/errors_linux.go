//go:build linux

package nlsock

import (
	"errors"
	"os"
	"strconv"
	"syscall"
)

var (
	// ErrNotSupported: netlink sockets exist only on Linux; Dial returns
	// it on every other system.
	ErrNotSupported = errors.New("nlsock: netlink is not supported on this system")
	// ErrOverrun: the socket's receive queue overflowed and the kernel
	// dropped messages (ENOBUFS). State learned from notifications may be
	// stale: dump it again. It matches syscall.ENOBUFS under errors.Is.
	ErrOverrun error = overrunError{}
	// ErrDumpInterrupted: the kernel marked the dump inconsistent
	// (NLM_F_DUMP_INTR) because the data changed while it was being
	// dumped. Every message was delivered; discard them and retry.
	ErrDumpInterrupted = errors.New("nlsock: dump interrupted by a concurrent change (NLM_F_DUMP_INTR); retry")
	// ErrBadRequest: the request given to Execute is not one whole
	// netlink message.
	ErrBadRequest = errors.New("nlsock: request is not one netlink message")
)

type overrunError struct{}

func (overrunError) Error() string {
	return "nlsock: receive queue overrun, messages lost (ENOBUFS)"
}

func (overrunError) Is(target error) bool { return target == syscall.ENOBUFS }

// TruncatedError reports a datagram longer than the buffer given to
// Receive. The datagram is still queued: receive it with a buffer of at
// least Size bytes.
type TruncatedError struct {
	Size   int // the datagram's length
	BufLen int // the length of the buffer that was too short
}

// Error returns "nlsock: datagram of N bytes does not fit a buffer of M".
func (e *TruncatedError) Error() string {
	return "nlsock: datagram of " + strconv.Itoa(e.Size) + " bytes does not fit a buffer of " + strconv.Itoa(e.BufLen)
}

func wrapErrno(call string, e syscall.Errno) error { return os.NewSyscallError(call, e) }
