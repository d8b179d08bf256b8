package capture

import (
	"bufio"
	"encoding/binary"
	"io"
	"math"
	"runtime"
	"time"
)

// SnapLen is the snap length a Writer declares in its file header (pcap)
// or interface description (pcapng), and the most it records of a
// record: the 16-byte pseudo-header and the first SnapLen-16 bytes of the
// datagram. It is 262,144, the longest netlink record Wireshark and
// tcpdump read (WTAP_MAX_PACKET_SIZE_STANDARD, MAXIMUM_SNAPLEN).
const SnapLen = 1 << 18

// Writer writes netlink datagrams to a pcap or pcapng file. Call Flush
// when done. A Writer is not safe for concurrent use.
//
// A datagram longer than SnapLen-PseudoHeaderLen bytes is cut to that
// length, as tcpdump cuts packets to its snap length: the record keeps the
// datagram's true length, so a Reader returns it with Record.Truncated
// true, and tshark and tcpdump read it (they refuse longer netlink
// records, and stop reading the file there). Both formats are written
// little-endian, with nanosecond timestamps, byte for byte as
// github.com/gopacket/gopacket/pcapgo writes records with a time
// (TestWriterMatchesPcapgo; on 32-bit platforms pcapgo also caps a
// recorded length at MaxInt32, where Writer writes up to MaxUint32);
// writing them here keeps that module, and the network stack it imports,
// out of programs that only write captures.
type Writer struct {
	bw  *bufio.Writer
	ng  bool
	buf []byte // a record's block or header, pseudo-header and datagram
}

// The pcapng options a Writer writes besides those the Reader reads
// (pcapng.go).
const (
	optHardware = 2 // shb_hardware
	optOS       = 3 // shb_os
	optUserAppl = 4 // shb_userappl
	optIfName   = 2 // if_name
)

// NewWriter writes the file header of the format f to w and returns a
// Writer of records. A pcapng file has one section, written by
// "nlwire" on this GOOS and GOARCH, and one interface, "nlmon0", of link
// type LinkType, snap length SnapLen and nanosecond timestamps.
func NewWriter(w io.Writer, f Format) (*Writer, error) {
	cw := &Writer{bw: bufio.NewWriterSize(w, 64<<10), ng: f == PCAPNG}
	b := cw.buf[:0]
	le := binary.LittleEndian
	if cw.ng {
		b = appendBlock(b, ngSectionHeader, func(b []byte) []byte {
			b = le.AppendUint32(b, ngByteOrderMagic)
			b = le.AppendUint16(b, 1) // version 1.0
			b = le.AppendUint16(b, 0)
			b = le.AppendUint64(b, math.MaxUint64) // section length not given
			b = appendOption(b, optUserAppl, []byte("nlwire"))
			b = appendOption(b, optHardware, []byte(runtime.GOARCH))
			b = appendOption(b, optOS, []byte(runtime.GOOS))
			return le.AppendUint32(b, optEnd)
		})
		b = appendBlock(b, ngInterface, func(b []byte) []byte {
			b = le.AppendUint16(b, LinkType)
			b = le.AppendUint16(b, 0) // reserved
			b = le.AppendUint32(b, SnapLen)
			b = appendOption(b, optIfName, []byte("nlmon0"))
			b = appendOption(b, optTSResol, []byte{9}) // 10^-9 s
			return le.AppendUint32(b, optEnd)
		})
	} else {
		b = le.AppendUint32(b, pcapMagicNanos)
		b = le.AppendUint16(b, 2) // version 2.4
		b = le.AppendUint16(b, 4)
		b = le.AppendUint32(b, 0) // thiszone
		b = le.AppendUint32(b, 0) // sigfigs
		b = le.AppendUint32(b, SnapLen)
		b = le.AppendUint32(b, LinkType)
	}
	cw.buf = b
	if _, err := cw.bw.Write(b); err != nil {
		return nil, err
	}
	return cw, nil
}

// appendBlock appends a pcapng block of type typ whose body body
// appends, with its two lengths.
func appendBlock(b []byte, typ uint32, body func([]byte) []byte) []byte {
	start := len(b)
	b = binary.LittleEndian.AppendUint32(b, typ)
	b = binary.LittleEndian.AppendUint32(b, 0) // the length, set below
	b = body(b)
	n := uint32(len(b) - start + 4)
	binary.LittleEndian.PutUint32(b[start+4:], n)
	return binary.LittleEndian.AppendUint32(b, n)
}

// appendOption appends a pcapng option, padded to 4 bytes.
func appendOption(b []byte, code uint16, v []byte) []byte {
	b = binary.LittleEndian.AppendUint16(b, code)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(v)))
	b = append(b, v...)
	return append(b, make([]byte, pad4(len(v)))...)
}

// pad4 returns the padding that takes n to a multiple of 4.
func pad4(n int) int { return -n & 3 }

// Write records rec: its Time, Protocol, PktType, Direction (pcapng
// only) and Data. A Length above len(Data) records a cut datagram. Data
// longer than SnapLen-PseudoHeaderLen bytes is cut to that, and recorded
// with its length (the larger of Length and len(Data)). A record of the
// zero Time is stamped with the time of writing (as pcapgo does in pcap;
// in pcapng it wrote the zero Time's overflowed nanoseconds, year 2339).
// pcapng holds times from 1678 to 2262, those of time.Time.UnixNano.
func (w *Writer) Write(rec *Record) error {
	data := rec.Data[:min(len(rec.Data), SnapLen-PseudoHeaderLen)]
	caplen := uint32(PseudoHeaderLen + len(data))
	// orig_len is a uint32 in both formats.
	length := uint32(min(uint64(max(rec.Length, len(rec.Data)))+PseudoHeaderLen, math.MaxUint32))
	le := binary.LittleEndian
	b := w.buf[:0]
	t := rec.Time
	if t.IsZero() {
		t = time.Now()
	}
	if w.ng {
		ts := uint64(t.UnixNano())
		total := 28 + caplen + uint32(pad4(int(caplen))) + 4
		if rec.Direction != DirectionUnknown {
			total += 12 // epb_flags and opt_endofopt
		}
		b = le.AppendUint32(b, ngEnhanced)
		b = le.AppendUint32(b, total)
		b = le.AppendUint32(b, 0) // interface 0
		b = le.AppendUint32(b, uint32(ts>>32))
		b = le.AppendUint32(b, uint32(ts))
		b = le.AppendUint32(b, caplen)
		b = le.AppendUint32(b, length)
	} else {
		b = le.AppendUint32(b, uint32(t.Unix()))
		b = le.AppendUint32(b, uint32(t.Nanosecond()))
		b = le.AppendUint32(b, caplen)
		b = le.AppendUint32(b, length)
	}
	b = appendPseudoHeader(b, rec.PktType, rec.Protocol)
	b = append(b, data...)
	if w.ng {
		b = append(b, make([]byte, pad4(int(caplen)))...)
		if rec.Direction != DirectionUnknown {
			b = le.AppendUint16(b, optEPBFlags)
			b = le.AppendUint16(b, 4)
			b = le.AppendUint32(b, uint32(rec.Direction)&3)
			b = le.AppendUint32(b, optEnd)
		}
		b = le.AppendUint32(b, le.Uint32(b[4:8]))
	}
	w.buf = b
	_, err := w.bw.Write(b)
	return err
}

// WriteDatagram records one datagram of family protocol that was sent
// (out true) or received at time t: PACKET_OUTGOING or PACKET_HOST in the
// pseudo-header, and the direction in pcapng.
func (w *Writer) WriteDatagram(t time.Time, protocol uint16, out bool, data []byte) error {
	rec := Record{Time: t, Protocol: protocol, PktType: PacketHost, Direction: DirectionInbound, Data: data, Length: len(data)}
	if out {
		rec.PktType, rec.Direction = PacketOutgoing, DirectionOutbound
	}
	return w.Write(&rec)
}

// Flush writes buffered records to the underlying writer.
func (w *Writer) Flush() error {
	return w.bw.Flush()
}
