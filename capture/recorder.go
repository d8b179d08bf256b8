package capture

import (
	"sync"
	"time"
)

// Recorder writes every datagram a netlink socket sends or receives to a
// pcap or pcapng capture, stamped with the time it was seen. Its Record
// method is what nlsock.Config.Recorder takes (nlsock.Recorder), so that
// package need not import this one. A Recorder is safe for concurrent use:
// several sockets may share one.
type Recorder struct {
	mu       sync.Mutex
	w        *Writer
	protocol uint16
	err      error
}

// NewRecorder returns a Recorder writing to w the datagrams of netlink
// family protocol (NETLINK_ROUTE 0, NETLINK_GENERIC 16, ...), which goes
// into each record's pseudo-header. Flush w when done.
func NewRecorder(w *Writer, protocol int) *Recorder {
	return &Recorder{w: w, protocol: uint16(protocol)}
}

// Record writes one datagram that was sent (out true) or received, with
// Writer.WriteDatagram. data is not retained. After a write error it does
// nothing; Err reports the error.
func (r *Recorder) Record(out bool, data []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err == nil {
		r.err = r.w.WriteDatagram(time.Now(), r.protocol, out, data)
	}
}

// Err returns the first write error, or nil.
func (r *Recorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}
