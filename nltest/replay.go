package nltest

import (
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/wire"
)

// Replay reads a pcap or pcapng capture of netlink traffic (package
// capture; as nlsock.Config.Recorder, capture.Recorder or an nlmon
// interface records it) and returns a Kernel that answers each request
// recorded in it with the replies recorded for it, for tests that pin a
// real machine's behaviour. Its sockets (Dial for the capture's
// NETLINK_GENERIC traffic, DialRoute for NETLINK_ROUTE; their Config is
// ignored but for PortID) consult nothing but the recording: Send of a
// datagram identical to a recorded request, but for the nlmsg_seq and
// nlmsg_pid of its messages, queues that request's replies with the
// sequence numbers and port ID rewritten to the new request's and the
// socket's, also in the request headers that NLMSG_ERROR messages echo.
// A request recorded n times is answered with its n recorded answers in
// order; Send of any other request, or of one whose answers are used up,
// queues nothing and returns an *UnmatchedError naming the closest
// recorded request. Answers are received as replies (ReceiveFrom's
// group 0), all queued at once, dump parts included: a capture records
// neither groups nor the buffer sizes that shaped the parts.
//
// The capture does not always say which way a datagram went. A record
// is a request if pcapng's direction flag says outbound or, without
// one, if its pseudo-header's sll_pkttype is PACKET_OUTGOING (nlmon
// marks every packet so) and its first message has NLM_F_REQUEST, which
// no message from the kernel carries; every other record is a reply. A
// reply belongs to the latest request of its protocol with a message of
// the reply's first message's sequence number, provided its port ID is
// the one that request's first reply had: so the replies of several
// sockets may interleave as long as the sequence numbers in flight
// differ. Replies no request claims (notifications with sequence number
// 0, traffic of requests not captured) are left out. Messages are read
// and rewritten in the byte order of the capture's first datagram (the
// recording machine's), which the requests must be in too.
//
// Replay fails, with the capture's *capture.RecordError or a
// *CutRecordError, on a record it cannot read whole. It takes time and
// memory linear in the capture's size.
func Replay(r io.Reader) (*Kernel, error) {
	cr, err := capture.NewReader(r)
	if err != nil {
		return nil, err
	}
	rc := &recording{byKey: make(map[string]int), bySeq: make(map[uint64]int)}
	ordered := false
	for cr.Next() {
		if err := cr.RecordErr(); err != nil {
			return nil, err
		}
		rec := cr.Record()
		if rec.Truncated() {
			return nil, &CutRecordError{Record: rec.Index, Len: len(rec.Data), Length: rec.Length}
		}
		if !ordered {
			rc.order = cr.Order(rec.Data)
			cr.ForceOrder(rc.order)
			rc.swap = rc.order != nlwire.Host()
			ordered = true
		}
		if rc.outbound(rec) {
			rc.addRequest(rec)
		} else {
			rc.addReply(rec)
		}
	}
	if err := cr.Err(); err != nil {
		return nil, err
	}
	k := NewKernel()
	k.replay = rc
	return k, nil
}

// CutRecordError reports a capture record that holds less of its
// datagram than the datagram's length (a snap length cut it), which
// Replay cannot answer with.
type CutRecordError struct {
	Record int // the record's number in the capture, from 0
	Len    int // the bytes the capture holds
	Length int // the datagram's length
}

// Error returns "nltest: capture record N holds L of the datagram's M bytes".
func (e *CutRecordError) Error() string {
	return "nltest: capture record " + strconv.Itoa(e.Record) + " holds " + strconv.Itoa(e.Len) + " of the datagram's " + strconv.Itoa(e.Length) + " bytes"
}

// UnmatchedError reports a request a replaying Kernel (Replay) has no
// answer for: no recorded request is identical to it (but for sequence
// numbers and port IDs), or every identical one has been answered.
type UnmatchedError struct {
	Protocol int    // NETLINK_ROUTE or NETLINK_GENERIC
	Type     uint16 // the nlmsg_type of the request's first message
	Len      int    // the request datagram's length
	// Answered is the number of identical recorded requests, all of
	// them answered already; 0 if none was recorded.
	Answered int
	// Nearest is the capture record of the recorded request of the
	// protocol that agrees with the request longest from its start
	// (nlmsg_seq and nlmsg_pid aside), or -1 if none was recorded.
	Nearest int
	// Offset is the first byte at which the request and Nearest differ
	// (the shorter one's length if one is the start of the other), or -1.
	Offset int
}

// Error describes the request and what was recorded closest to it.
func (e *UnmatchedError) Error() string {
	b := []byte("nltest: ")
	if e.Answered > 0 {
		b = append(b, "the "...)
		b = strconv.AppendInt(b, int64(e.Answered), 10)
		b = append(b, " recorded answers to the "...)
	} else {
		b = append(b, "no recorded request matches the "...)
	}
	b = append(b, protoName(e.Protocol)...)
	b = append(b, " request of type "...)
	b = strconv.AppendUint(b, uint64(e.Type), 10)
	b = append(b, " ("...)
	b = strconv.AppendInt(b, int64(e.Len), 10)
	b = append(b, " bytes)"...)
	switch {
	case e.Answered > 0:
		b = append(b, " are used up"...)
	case e.Nearest < 0:
		b = append(b, "; none of the protocol was recorded"...)
	default:
		b = append(b, "; the closest, capture record "...)
		b = strconv.AppendInt(b, int64(e.Nearest), 10)
		b = append(b, ", differs from byte "...)
		b = strconv.AppendInt(b, int64(e.Offset), 10)
	}
	return string(b)
}

// protoName names a Kernel's socket protocol.
func protoName(p int) string {
	if p == NETLINK_ROUTE {
		return "NETLINK_ROUTE"
	}
	return "NETLINK_GENERIC"
}

// recording is a replaying Kernel's capture: the requests with their
// replies, found by their bytes.
type recording struct {
	mu    sync.Mutex
	order nlwire.Order // of the recorded messages
	swap  bool         // order is not the host's
	reqs  []recorded
	// byKey finds the queue of the requests with a key (their protocol
	// and bytes, sequence numbers and port IDs zeroed).
	byKey  map[string]int
	queues []reqQueue
	// bySeq finds the latest request with a message of a protocol and
	// sequence number (protocol<<32 | seq).
	bySeq map[uint64]int

	// Per Send scratch, guarded by mu.
	key  []byte
	seqs []uint32
	pids []uint32
}

// recorded is one recorded request.
type recorded struct {
	record  int    // its capture record
	key     string // its key
	seqs    []uint32
	bySeq   map[uint32]int // index of seqs, for requests of many messages
	port    uint32         // the recording socket's port ID, from the first reply
	hasPort bool
	replies []reply
}

// reply is a recorded reply datagram with, for each message in turn,
// the index in the request's messages of the one whose sequence number
// it carries and of the one whose header it echoes (NLMSG_ERROR), or
// -1: worked out once, so that answering costs time linear in the
// replies' size.
type reply struct {
	b   []byte
	idx []int32
}

// reqQueue is the requests of one key in capture order; next is the
// next to answer.
type reqQueue struct {
	reqs []int
	next int
}

// outbound reports whether rec is a request (Replay's rule).
func (rc *recording) outbound(rec *capture.Record) bool {
	switch {
	case rec.Direction != capture.DirectionUnknown:
		return rec.Direction == capture.DirectionOutbound
	case rec.PktType != capture.PacketOutgoing || len(rec.Data) < wire.HeaderLen:
		return false
	}
	h, _ := wire.ParseHeader(rec.Data, rc.order)
	return h.Flags&wire.Request != 0
}

// mask appends to dst the key of the datagram b of protocol proto: the
// protocol, then b with the nlmsg_seq and nlmsg_pid of each message
// zeroed, walking messages as netlink_rcv_skb does. It returns the key
// and each message's sequence number and port ID appended to seqs and
// pids.
func (rc *recording) mask(dst []byte, proto uint16, b []byte, seqs, pids []uint32) ([]byte, []uint32, []uint32) {
	dst = append(dst, byte(proto>>8), byte(proto))
	start := len(dst)
	dst = append(dst, b...)
	m := dst[start:]
	for off := 0; len(m)-off >= wire.HeaderLen; {
		n := endian.Uint32(m[off:], rc.swap)
		if n < wire.HeaderLen || uint64(n) > uint64(len(m)-off) {
			break
		}
		seqs = append(seqs, endian.Uint32(m[off+8:], rc.swap))
		pids = append(pids, endian.Uint32(m[off+12:], rc.swap))
		clear(m[off+8 : off+16])
		off += min(wire.Align(int(n)), len(m)-off)
	}
	return dst, seqs, pids
}

// addRequest records a request.
func (rc *recording) addRequest(rec *capture.Record) {
	key, seqs, _ := rc.mask(nil, rec.Protocol, rec.Data, nil, nil)
	i := len(rc.reqs)
	rc.reqs = append(rc.reqs, recorded{record: rec.Index, key: string(key), seqs: seqs})
	q, ok := rc.byKey[string(key)]
	if !ok {
		q = len(rc.queues)
		rc.queues = append(rc.queues, reqQueue{})
		rc.byKey[string(key)] = q
	}
	rc.queues[q].reqs = append(rc.queues[q].reqs, i)
	for _, s := range seqs {
		rc.bySeq[uint64(rec.Protocol)<<32|uint64(s)] = i
	}
}

// addReply gives a reply to the request it belongs to, if any.
func (rc *recording) addReply(rec *capture.Record) {
	if len(rec.Data) < wire.HeaderLen {
		return
	}
	seq := endian.Uint32(rec.Data[8:], rc.swap)
	pid := endian.Uint32(rec.Data[12:], rc.swap)
	i, ok := rc.bySeq[uint64(rec.Protocol)<<32|uint64(seq)]
	if !ok {
		return
	}
	r := &rc.reqs[i]
	if r.hasPort && r.port != pid {
		return
	}
	r.port, r.hasPort = pid, true
	if len(r.seqs) > 8 && r.bySeq == nil {
		r.bySeq = make(map[uint32]int, len(r.seqs))
		for j := len(r.seqs) - 1; j >= 0; j-- {
			r.bySeq[r.seqs[j]] = j
		}
	}
	rp := reply{b: append([]byte(nil), rec.Data...)}
	d := rp.b
	for off := 0; len(d)-off >= wire.HeaderLen; {
		m := d[off:]
		n := endian.Uint32(m, rc.swap)
		if n < wire.HeaderLen || uint64(n) > uint64(len(m)) {
			break
		}
		echo := int32(-1)
		if endian.Uint16(m[4:], rc.swap) == wire.TypeError && n >= wire.HeaderLen+4+wire.HeaderLen {
			echo = r.seqIndex(endian.Uint32(m[wire.HeaderLen+4+8:], rc.swap))
		}
		rp.idx = append(rp.idx, r.seqIndex(endian.Uint32(m[8:], rc.swap)), echo)
		off += min(wire.Align(int(n)), len(m))
	}
	r.replies = append(r.replies, rp)
}

// seqIndex returns the index of the request's first message of sequence
// number seq, or -1.
func (r *recorded) seqIndex(seq uint32) int32 {
	if r.bySeq != nil {
		if i, ok := r.bySeq[seq]; ok {
			return int32(i)
		}
		return -1
	}
	for i, s := range r.seqs {
		if s == seq {
			return int32(i)
		}
	}
	return -1
}

// send answers a request datagram on c from the recording.
func (rc *recording) send(c *Conn, b []byte) error {
	proto := uint16(NETLINK_GENERIC)
	if c.route {
		proto = NETLINK_ROUTE
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.key, rc.seqs, rc.pids = rc.mask(rc.key[:0], proto, b, rc.seqs[:0], rc.pids[:0])
	qi, ok := rc.byKey[string(rc.key)]
	if !ok || rc.queues[qi].next == len(rc.queues[qi].reqs) {
		return rc.unmatched(int(proto), b, qi, ok)
	}
	q := &rc.queues[qi]
	r := &rc.reqs[q.reqs[q.next]]
	q.next++
	for i := range r.replies {
		rp := &r.replies[i]
		d := append(c.getBuf(), rp.b...)
		rc.rewrite(d, rp.idx, r.port, c.port)
		c.push(d)
	}
	return nil
}

// rewrite gives the reply datagram d of a recorded request the new
// request's sequence numbers (rc.seqs) and port IDs (rc.pids), and the
// socket's port ID where the recording socket's (from) was: idx is the
// reply's message indexes (reply.idx).
func (rc *recording) rewrite(d []byte, idx []int32, from, port uint32) {
	for off := 0; len(idx) >= 2; idx = idx[2:] {
		m := d[off:]
		n := endian.Uint32(m, rc.swap)
		if endian.Uint32(m[12:], rc.swap) == from {
			endian.PutUint32(m[12:], port, rc.swap)
		}
		if i := idx[0]; i >= 0 {
			endian.PutUint32(m[8:], rc.seqs[i], rc.swap)
		}
		if i := idx[1]; i >= 0 {
			e := m[wire.HeaderLen+4:]
			endian.PutUint32(e[8:], rc.seqs[i], rc.swap)
			endian.PutUint32(e[12:], rc.pids[i], rc.swap)
		}
		off += min(wire.Align(int(n)), len(m))
	}
}

// unmatched builds the error of a request without an answer: qi is its
// key's queue if ok.
func (rc *recording) unmatched(proto int, b []byte, qi int, ok bool) error {
	e := &UnmatchedError{Protocol: proto, Len: len(b), Nearest: -1, Offset: -1}
	if len(b) >= 6 {
		e.Type = endian.Uint16(b[4:], rc.swap)
	}
	if ok {
		e.Answered = len(rc.queues[qi].reqs)
		return e
	}
	best := -1
	for _, r := range rc.reqs {
		if len(r.key) < 2 || r.key[:2] != string(rc.key[:2]) {
			continue
		}
		n := 2
		for n < len(r.key) && n < len(rc.key) && r.key[n] == rc.key[n] {
			n++
		}
		if n > best {
			best, e.Nearest, e.Offset = n, r.record, n-2
		}
	}
	return e
}

// Unreplayed returns the capture records of the requests a replaying
// Kernel (Replay) has not answered yet, in capture order, including
// those of protocols other than NETLINK_ROUTE and NETLINK_GENERIC,
// which its sockets cannot send; nil for any other Kernel.
func (k *Kernel) Unreplayed() []int {
	rc := k.replay
	if rc == nil {
		return nil
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	var out []int
	for _, q := range rc.queues {
		for _, i := range q.reqs[q.next:] {
			out = append(out, rc.reqs[i].record)
		}
	}
	slices.Sort(out)
	return out
}
