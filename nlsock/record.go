package nlsock

import (
	"sync"
	"time"

	"github.com/nlwire/nlwire/capture"
)

// Recorder sees every datagram a Conn sends (out true) and every datagram
// it receives from the kernel and returns (out false). data is only valid
// during the call: copy what must be kept. Datagrams dropped as coming
// from another sender are not recorded.
type Recorder interface {
	Record(out bool, data []byte)
}

// CaptureRecorder is a Recorder that writes every datagram to a pcap or
// pcapng capture (LINKTYPE_NETLINK) with the time it was seen. It is safe
// for concurrent use, so several Conns may share one.
type CaptureRecorder struct {
	mu       sync.Mutex
	w        *capture.Writer
	protocol uint16
	err      error
}

// NewCaptureRecorder returns a Recorder writing to w the datagrams of
// netlink family protocol (Route, Generic, ...), which goes into each
// record's pseudo-header.
func NewCaptureRecorder(w *capture.Writer, protocol int) *CaptureRecorder {
	return &CaptureRecorder{w: w, protocol: uint16(protocol)}
}

// Record writes one datagram. After a write error it does nothing; Err
// reports the error.
func (r *CaptureRecorder) Record(out bool, data []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err == nil {
		r.err = r.w.WriteDatagram(time.Now(), r.protocol, out, data)
	}
}

// Err returns the first write error, or nil.
func (r *CaptureRecorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}
