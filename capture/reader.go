package capture

import (
	"bufio"
	"encoding/binary"
	"io"
	"math"
	"time"

	"github.com/nlwire/nlwire"
)

// Format is a capture file format.
type Format uint8

// Capture file formats.
const (
	PCAP   Format = iota + 1 // libpcap's classic format
	PCAPNG                   // pcap next generation
)

// String returns "pcap" or "pcapng".
func (f Format) String() string {
	switch f {
	case PCAP:
		return "pcap"
	case PCAPNG:
		return "pcapng"
	}
	return "unknown"
}

// Bounds on what the Reader takes on trust.
const (
	// bufSize is the read buffer's size: records and blocks up to this
	// size are returned as views of it, without a copy.
	bufSize = 64 << 10
	// maxRecord is the longest record a file may claim (caplen). A longer
	// one means the framing is lost: tshark and tcpdump already refuse
	// netlink records over 256 KiB (SnapLen); 256 MiB leaves room for
	// files of writers that did not cut their records.
	maxRecord = 256 << 20
	// maxBlock is the longest pcapng block: a maxRecord record with 1 MiB
	// of block headers and options.
	maxBlock = maxRecord + 1<<20
)

// Reader reads the records of a netlink capture, pcap or pcapng. Reading
// a record allocates nothing once the Reader's buffer has grown to the
// largest record; the datagram's storage is reused from one record to
// the next. Memory grows only with bytes that have arrived, never with a
// length the file merely claims.
//
// A malformed record that the file's framing lets the Reader step over
// (a bad pseudo-header, a captured length above the original length, a
// record of a pcapng interface that is not netlink, a pcapng block whose
// two lengths disagree when a sound block follows where one of them, or a
// trailing copy further on, says it ends) is returned with RecordErr set,
// and reading goes on. Damage that loses the framing (a pcap caplen over
// 256 MiB, a pcapng block whose end cannot be found, a damaged section
// header, a file that ends inside a record) ends the reading, and Err
// reports it. Every error is a *RecordError naming the record and its
// byte offset in the file.
//
//	r, err := capture.NewReader(f)
//	for r.Next() {
//		if err := r.RecordErr(); err != nil { ... } // a malformed record; the next may be fine
//		rec := r.Record()
//		order := r.Order(rec.Data)
//		...
//	}
//	err = r.Err()
type Reader struct {
	br      *bufio.Reader
	off     int64 // file offset of the next byte of br
	format  Format
	big     bool // the file's (pcap) or section's (pcapng) headers are big-endian
	nanos   bool // pcap: timestamps in nanoseconds, not microseconds
	ifaces  []iface
	buf     []byte // storage of records longer than bufSize
	rec     Record
	recErr  error
	pending bool // NewReader met a malformed block: Next reports it first
	n       int  // the number of the next record
	err     error
	force   nlwire.Order
	forced  bool
	limit   int // LimitRecordSize: the longest record kept; 0 for maxRecord
}

// LimitRecordSize makes the reader keep no record longer than n bytes (in
// pcap its captured length, in pcapng its block's body; pseudo-header
// included): a longer one is passed over
// without being held in memory, and Next returns it without data, its
// RecordErr matching ErrTooLarge. Reading a file then needs memory for
// records of n bytes at most, whatever lengths the file claims.
func (r *Reader) LimitRecordSize(n int) { r.limit = max(n, 0) }

// tooLarge reports whether a record of n captured bytes is over the limit.
func (r *Reader) tooLarge(n uint32) bool { return r.limit > 0 && uint64(n) > uint64(r.limit) }

// NewReader reads the file header from r and returns a Reader of its
// records. It fails if r holds neither pcap nor pcapng, or if the link
// type is not LINKTYPE_NETLINK (in pcapng: if no interface described
// before the first record is netlink).
func NewReader(r io.Reader) (*Reader, error) {
	cr := &Reader{br: bufio.NewReaderSize(r, bufSize), rec: Record{Index: -1}}
	magic, err := cr.br.Peek(4)
	if len(magic) < 4 {
		return nil, cr.headerError(ErrFormat, truncatedIf(err), "the file has "+itoa(len(magic))+" bytes", err)
	}
	if binary.BigEndian.Uint32(magic) == ngSectionHeader {
		err = cr.openPCAPNG()
	} else {
		err = cr.openPCAP()
	}
	if err != nil {
		return nil, err
	}
	return cr, nil
}

// Format returns the file's format.
func (r *Reader) Format() Format { return r.format }

// FileOrder returns the byte order the file's own headers are written in
// (in pcapng, the current section's): a hint for the order of the
// netlink messages in it.
func (r *Reader) FileOrder() nlwire.Order {
	if r.big {
		return nlwire.BigEndian
	}
	return nlwire.LittleEndian
}

// ForceOrder makes Order return o for every datagram.
func (r *Reader) ForceOrder(o nlwire.Order) {
	r.force, r.forced = o, true
}

// Order returns the byte order of the netlink messages in datagram: the
// forced one if ForceOrder was called, else GuessOrder's answer with the
// file's order as the hint.
func (r *Reader) Order(datagram []byte) nlwire.Order {
	if r.forced {
		return r.force
	}
	return GuessOrder(datagram, r.FileOrder())
}

// Next reads the next record and reports whether there is one. A
// malformed record is still returned, with RecordErr set, when the
// reading can go on after it; in pcapng, so is a malformed block that is
// not a record (Record is then empty, with Index -1). Damage that ends
// the reading makes Next return false, and Err reports it.
func (r *Reader) Next() bool {
	if r.pending {
		r.pending = false
		return true
	}
	r.recErr = nil
	if r.err != nil {
		return false
	}
	if r.format == PCAPNG {
		return r.nextPCAPNG()
	}
	return r.nextPCAP()
}

// Record returns the current record.
func (r *Reader) Record() *Record { return &r.rec }

// RecordErr returns what is wrong with the current record, a
// *RecordError, or nil.
func (r *Reader) RecordErr() error { return r.recErr }

// Err returns the error that ended the reading, a *RecordError, or nil
// at the end of the file.
func (r *Reader) Err() error {
	if r.err == io.EOF {
		return nil
	}
	return r.err
}

// u16 and u32 read the file's (or section's) byte order.
func (r *Reader) u16(b []byte) uint16 {
	if r.big {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

func (r *Reader) u32(b []byte) uint32 {
	if r.big {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func (r *Reader) u64(b []byte) uint64 {
	if r.big {
		return binary.BigEndian.Uint64(b)
	}
	return binary.LittleEndian.Uint64(b)
}

// read consumes and returns the next n bytes of the file: a view of the
// read buffer if n <= bufSize, else r.buf, grown as the bytes arrive (to
// at most twice what has arrived), never to n on trust. At the end of the
// file it returns the bytes there were and io.EOF or io.ErrUnexpectedEOF.
func (r *Reader) read(n int) ([]byte, error) {
	if n <= bufSize {
		b, err := r.br.Peek(n)
		r.br.Discard(len(b))
		r.off += int64(len(b))
		if err == nil || len(b) == n {
			return b, nil
		}
		if err == io.EOF && len(b) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return b, err
	}
	b := r.buf[:0]
	for len(b) < n {
		if len(b) == cap(b) {
			nb := make([]byte, len(b), min(n, max(2*cap(b), bufSize)))
			copy(nb, b)
			b = nb
		}
		k, err := io.ReadFull(r.br, b[len(b):min(cap(b), n)])
		b = b[:len(b)+k]
		r.off += int64(k)
		if err != nil {
			r.buf = b
			if err == io.EOF && len(b) > 0 {
				err = io.ErrUnexpectedEOF
			}
			return b, err
		}
	}
	r.buf = b
	return b, nil
}

// skip consumes the next n bytes of the file without keeping them; it
// returns how many there were.
func (r *Reader) skip(n int) (int, error) {
	k, err := r.br.Discard(n)
	r.off += int64(k)
	if err == io.EOF && k > 0 {
		err = io.ErrUnexpectedEOF
	}
	return k, err
}

// isEOF reports whether err is the end of the input, not a read failure.
func isEOF(err error) bool { return err == io.EOF || err == io.ErrUnexpectedEOF }

// truncatedIf returns ErrTruncated if err is the end of the input.
func truncatedIf(err error) error {
	if err == nil || isEOF(err) {
		return ErrTruncated
	}
	return nil
}

// headerError returns the error of a damaged file header, matching
// sentinel and also (if not nil). If ioErr is a read failure, not the end
// of the input, the error is that failure instead.
func (r *Reader) headerError(sentinel, also error, msg string, ioErr error) error {
	var cause error = &detail{err: sentinel, also: also, msg: msg}
	if ioErr != nil && !isEOF(ioErr) {
		cause = ioErr
	}
	return &RecordError{Index: -1, Offset: -1, Block: blockFileHeader, Err: cause}
}

// stop ends the reading with an error about what starts at file offset
// start: the record numbered r.n if block is "", else the named block.
// If ioErr is a read failure, not the end of the input, the error is
// that failure instead of the sentinel and msg. It returns false, for
// Next.
func (r *Reader) stop(start int64, block string, sentinel error, msg string, ioErr error) bool {
	var cause error = &detail{err: sentinel, msg: msg}
	if ioErr != nil && !isEOF(ioErr) {
		cause = ioErr
	}
	r.err = &RecordError{Index: r.n, Offset: -1, FileOffset: start, Block: block, Err: cause}
	return false
}

// truncated ends the reading at a record or block of want bytes at file
// offset start of which the file holds only got: the file is cut, or the
// length is wrong.
func (r *Reader) truncated(start int64, block, what string, got, want int, ioErr error) bool {
	msg := what + " of " + itoa(want) + " bytes, but the file ends after " + itoa(got)
	return r.stop(start, block, ErrTruncated, msg, ioErr)
}

// blockError makes the current "record" a report about a malformed block
// that is not a record, for Next to return.
func (r *Reader) blockError(start int64, block string, err error) {
	r.rec = Record{Index: -1}
	r.recErr = &RecordError{Index: r.n, Offset: -1, FileOffset: start, Block: block, Err: err}
}

// setRecord makes the current record one of the captured bytes data
// (pseudo-header included) of a datagram of origLen bytes on the wire
// (pseudo-header included), found at file offset start; it checks the
// lengths and the pseudo-header. It returns true, for Next.
func (r *Reader) setRecord(start int64, data []byte, origLen uint32, t time.Time, dir Direction) bool {
	r.rec = Record{Index: r.n, Time: t, Direction: dir, Length: toInt(origLen) - PseudoHeaderLen}
	r.n++
	if uint64(len(data)) > uint64(origLen) {
		r.recordError(start, -1, &detail{err: ErrFraming, msg: "caplen " + itoa(len(data)) + " exceeds origlen " + itoa(origLen)})
		r.rec.Length = len(data) - PseudoHeaderLen
	}
	if len(data) < PseudoHeaderLen {
		r.recordError(start, len(data), ErrPseudoHeader)
		r.rec.Length = max(toInt(origLen), len(data))
		return true
	}
	if binary.BigEndian.Uint16(data[2:]) != ARPHRDNetlink {
		r.recordError(start, 2, ErrPseudoHeader)
	}
	r.rec.PktType = binary.BigEndian.Uint16(data[0:])
	r.rec.Protocol = binary.BigEndian.Uint16(data[14:])
	r.rec.Data = data[PseudoHeaderLen:]
	return true
}

// recordError sets RecordErr for the current record unless it is set.
func (r *Reader) recordError(start int64, offset int, err error) {
	if r.recErr == nil {
		r.recErr = &RecordError{Index: r.rec.Index, Offset: offset, FileOffset: start, Err: err}
	}
}

// toInt converts a length to an int, saturating where int has 32 bits.
func toInt(n uint32) int {
	if uint64(n) > math.MaxInt {
		return math.MaxInt
	}
	return int(n)
}
