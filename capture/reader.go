package capture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
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

// Reader reads the records of a netlink capture, pcap or pcapng. Reading
// a record allocates nothing in pcap files (pcapgo allocates one for a
// pcapng record's flags option); the datagram's storage is reused from
// one record to the next.
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
	format    Format
	fileOrder nlwire.Order
	pcap      *pcapgo.Reader
	ng        *pcapgo.NgReader
	rec       Record
	recErr    error
	n         int
	err       error
	force     nlwire.Order
	forced    bool
}

// NewReader reads the file header from r and returns a Reader of its
// records. It fails if r holds neither pcap nor pcapng, or if the link
// type is not LINKTYPE_NETLINK.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, err := br.Peek(12)
	if len(magic) < 4 {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, &RecordError{Index: -1, Err: errors.Join(ErrFormat, err)}
	}
	cr := &Reader{}
	switch {
	case magic[0] == 0x0a && magic[1] == 0x0d && magic[2] == 0x0d && magic[3] == 0x0a:
		cr.format = PCAPNG
		cr.fileOrder = nlwire.LittleEndian
		if len(magic) >= 12 && binary.BigEndian.Uint32(magic[8:]) == 0x1a2b3c4d {
			cr.fileOrder = nlwire.BigEndian
		}
		cr.ng, err = pcapgo.NewNgReader(br, pcapgo.NgReaderOptions{ErrorOnMismatchingLinkType: true})
		if err != nil {
			return nil, &RecordError{Index: -1, Err: errors.Join(ErrFormat, err)}
		}
		if cr.ng.LinkType() != layers.LinkType(LinkType) {
			return nil, &RecordError{Index: -1, Err: ErrLinkType}
		}
	default:
		switch binary.LittleEndian.Uint32(magic) {
		case 0xa1b2c3d4, 0xa1b23c4d:
			cr.fileOrder = nlwire.LittleEndian
		case 0xd4c3b2a1, 0x4d3cb2a1:
			cr.fileOrder = nlwire.BigEndian
		default:
			return nil, &RecordError{Index: -1, Err: ErrFormat}
		}
		cr.format = PCAP
		cr.pcap, err = pcapgo.NewReader(br)
		if err != nil {
			return nil, &RecordError{Index: -1, Err: errors.Join(ErrFormat, err)}
		}
		if cr.pcap.LinkType() != layers.LinkType(LinkType) {
			return nil, &RecordError{Index: -1, Err: ErrLinkType}
		}
	}
	return cr, nil
}

// Format returns the file's format.
func (r *Reader) Format() Format { return r.format }

// FileOrder returns the byte order the file's own headers are written in:
// a hint for the order of the netlink messages in it.
func (r *Reader) FileOrder() nlwire.Order { return r.fileOrder }

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
	return GuessOrder(datagram, r.fileOrder)
}

// Next reads the next record and reports whether there is one. A record
// whose pseudo-header is malformed is still returned, with RecordErr
// set; a damaged file ends the reading, and Err reports it.
func (r *Reader) Next() bool {
	if r.err != nil {
		return false
	}
	var (
		data []byte
		ci   gopacket.CaptureInfo
		err  error
		dir  Direction
	)
	if r.ng != nil {
		var opts pcapgo.NgPacketOptions
		data, ci, opts, err = r.ng.ZeroCopyReadPacketDataWithOptions()
		if opts.Flags != nil {
			dir = Direction(opts.Flags.Direction)
		}
	} else {
		data, ci, err = r.pcap.ZeroCopyReadPacketData()
	}
	if err != nil {
		if err != io.EOF {
			r.err = &RecordError{Index: r.n, Err: err}
		} else {
			r.err = io.EOF
		}
		return false
	}
	r.rec = Record{Index: r.n, Time: ci.Timestamp, Direction: dir, Length: ci.Length - PseudoHeaderLen}
	r.recErr = nil
	r.n++
	if len(data) < PseudoHeaderLen {
		r.recErr = &RecordError{Index: r.rec.Index, Offset: len(data), Err: ErrPseudoHeader}
		r.rec.Length = ci.Length
		return true
	}
	if binary.BigEndian.Uint16(data[2:]) != ARPHRDNetlink {
		r.recErr = &RecordError{Index: r.rec.Index, Offset: 2, Err: ErrPseudoHeader}
	}
	r.rec.PktType = binary.BigEndian.Uint16(data[0:])
	r.rec.Protocol = binary.BigEndian.Uint16(data[14:])
	r.rec.Data = data[PseudoHeaderLen:]
	return true
}

// Record returns the current record.
func (r *Reader) Record() *Record { return &r.rec }

// RecordErr returns what is wrong with the current record's pseudo-header,
// a *RecordError, or nil.
func (r *Reader) RecordErr() error { return r.recErr }

// Err returns the error that ended the reading, or nil at the end of the file.
func (r *Reader) Err() error {
	if r.err == io.EOF {
		return nil
	}
	return r.err
}
