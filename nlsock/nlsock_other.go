//go:build !linux

package nlsock

// This file keeps the package compiling where netlink does not exist:
// the same API as on Linux, in which Dial fails with ErrNotSupported.
// The declarations mirror those of the _linux.go files; see them for the
// full documentation. record.go (Recorder) serves both.

import (
	"errors"
	"iter"
	"strconv"
	"time"

	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// Netlink families (protocols) for Dial.
const (
	Route   = 0  // NETLINK_ROUTE
	Generic = 16 // NETLINK_GENERIC
)

var (
	// ErrNotSupported: netlink sockets exist only on Linux.
	ErrNotSupported = errors.New("nlsock: netlink is not supported on this system")
	// ErrOverrun: the socket's receive queue overflowed (ENOBUFS).
	ErrOverrun = errors.New("nlsock: receive queue overrun, messages lost (ENOBUFS)")
	// ErrDumpInterrupted: the kernel marked the dump inconsistent (NLM_F_DUMP_INTR).
	ErrDumpInterrupted = errors.New("nlsock: dump interrupted by a concurrent change (NLM_F_DUMP_INTR); retry")
	// ErrBadRequest: the request given to Execute is not one whole netlink message.
	ErrBadRequest = errors.New("nlsock: request is not one netlink message")
	// ErrNotGeneric: a generic netlink helper was called on a Conn of another family.
	ErrNotGeneric = errors.New("nlsock: not a NETLINK_GENERIC socket")
)

// TruncatedError reports a datagram longer than the buffer given to Receive.
type TruncatedError struct {
	Size   int // the datagram's length
	BufLen int // the length of the buffer that was too short
}

// Error returns "nlsock: datagram of N bytes does not fit a buffer of M".
func (e *TruncatedError) Error() string {
	return "nlsock: datagram of " + strconv.Itoa(e.Size) + " bytes does not fit a buffer of " + strconv.Itoa(e.BufLen)
}

// Config says how to open a Conn.
type Config struct {
	Groups        []uint32 // multicast groups to join
	NetNS         string   // network namespace file to open the socket in
	NetNSFD       int      // or an open descriptor of one
	ReadBuffer    int      // SO_RCVBUF(FORCE)
	NoExtAck      bool     // turn NETLINK_EXT_ACK off
	NoStrictCheck bool     // turn NETLINK_GET_STRICT_CHK off
	CapAck        bool     // NETLINK_CAP_ACK
	NoENOBUFS     bool     // NETLINK_NO_ENOBUFS
	ListenAllNSID bool     // NETLINK_LISTEN_ALL_NSID
	Recorder      Recorder // sees every datagram
}

// Stats counts a Conn's traffic.
type Stats struct {
	Sent, Received, ForeignSender, Unexpected, Notifications uint64
}

// Conn is a netlink socket; none can be opened on this system.
type Conn struct{}

// Dial returns ErrNotSupported.
func Dial(family int, cfg *Config) (*Conn, error) { return nil, ErrNotSupported }

// Close returns ErrNotSupported.
func (c *Conn) Close() error { return ErrNotSupported }

// PortID returns 0.
func (c *Conn) PortID() uint32 { return 0 }

// Family returns -1.
func (c *Conn) Family() int { return -1 }

// Stats returns zero counters.
func (c *Conn) Stats() Stats { return Stats{} }

// SetDeadline returns ErrNotSupported.
func (c *Conn) SetDeadline(t time.Time) error { return ErrNotSupported }

// SetReadDeadline returns ErrNotSupported.
func (c *Conn) SetReadDeadline(t time.Time) error { return ErrNotSupported }

// JoinGroup returns ErrNotSupported.
func (c *Conn) JoinGroup(g uint32) error { return ErrNotSupported }

// LeaveGroup returns ErrNotSupported.
func (c *Conn) LeaveGroup(g uint32) error { return ErrNotSupported }

// Send returns ErrNotSupported.
func (c *Conn) Send(b []byte) error { return ErrNotSupported }

// Receive returns ErrNotSupported.
func (c *Conn) Receive(buf []byte) (int, error) { return 0, ErrNotSupported }

// ReceiveFrom returns ErrNotSupported.
func (c *Conn) ReceiveFrom(buf []byte) (n int, group uint32, err error) {
	return 0, 0, ErrNotSupported
}

// Execute returns ErrNotSupported.
func (c *Conn) Execute(req []byte, fn func(msg wire.Message) error) error { return ErrNotSupported }

// ExecuteAck returns ErrNotSupported.
func (c *Conn) ExecuteAck(req []byte, fn func(msg wire.Message) error) (wire.Error, error) {
	return wire.Error{}, ErrNotSupported
}

// Messages yields ErrNotSupported.
func (c *Conn) Messages(req []byte) iter.Seq2[wire.Message, error] {
	return func(yield func(wire.Message, error) bool) { yield(wire.Message{}, ErrNotSupported) }
}

// GenlFamily describes a generic netlink family.
type GenlFamily struct {
	ID         uint16
	Name       string
	Version    uint32
	HeaderSize uint32
	MaxAttr    uint32
	Ops        []GenlOp
	Groups     []GenlGroup
}

// GenlOp is one command of a generic netlink family.
type GenlOp struct{ Cmd, Flags uint32 }

// GenlGroup is a multicast group of a generic netlink family.
type GenlGroup struct {
	ID   uint32
	Name string
}

// Group returns the id of the family's multicast group name.
func (f *GenlFamily) Group(name string) (uint32, bool) {
	for _, g := range f.Groups {
		if g.Name == name {
			return g.ID, true
		}
	}
	return 0, false
}

// GenlFamily returns ErrNotSupported.
func (c *Conn) GenlFamily(name string) (GenlFamily, error) { return GenlFamily{}, ErrNotSupported }

// GenlFamilies returns ErrNotSupported.
func (c *Conn) GenlFamilies() ([]GenlFamily, error) { return nil, ErrNotSupported }

// GenlPolicy returns ErrNotSupported.
func (c *Conn) GenlPolicy(id uint16) (*validate.PolicyDump, error) { return nil, ErrNotSupported }

// GenlOpPolicy returns ErrNotSupported.
func (c *Conn) GenlOpPolicy(id uint16, cmd uint8) (*validate.PolicyDump, error) {
	return nil, ErrNotSupported
}
