package capture

import (
	"bufio"
	"io"
	"math"
	"runtime"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
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
// records, and stop reading the file there). The file formats are
// written by github.com/gopacket/gopacket/pcapgo.
type Writer struct {
	bw   *bufio.Writer
	pcap *pcapgo.Writer
	ng   *pcapgo.NgWriter
	buf  []byte
}

// NewWriter writes the file header of the format f to w and returns a
// Writer of records.
func NewWriter(w io.Writer, f Format) (*Writer, error) {
	cw := &Writer{bw: bufio.NewWriterSize(w, 64<<10)}
	if f == PCAPNG {
		ng, err := pcapgo.NewNgWriterInterface(cw.bw, pcapgo.NgInterface{
			Name:                "nlmon0",
			LinkType:            layers.LinkType(LinkType),
			SnapLength:          SnapLen,
			TimestampResolution: 9, // nanoseconds
		}, pcapgo.NgWriterOptions{SectionInfo: pcapgo.NgSectionInfo{
			Hardware:    runtime.GOARCH,
			OS:          runtime.GOOS,
			Application: "nlwire",
		}})
		if err != nil {
			return nil, err
		}
		cw.ng = ng
		return cw, nil
	}
	cw.pcap = pcapgo.NewWriterNanos(cw.bw)
	if err := cw.pcap.WriteFileHeader(SnapLen, layers.LinkType(LinkType)); err != nil {
		return nil, err
	}
	return cw, nil
}

// Write records rec: its Time, Protocol, PktType, Direction (pcapng
// only) and Data. A Length above len(Data) records a cut datagram. Data
// longer than SnapLen-PseudoHeaderLen bytes is cut to that, and recorded
// with its length (the larger of Length and len(Data)).
func (w *Writer) Write(rec *Record) error {
	data := rec.Data[:min(len(rec.Data), SnapLen-PseudoHeaderLen)]
	w.buf = appendPseudoHeader(w.buf[:0], rec.PktType, rec.Protocol)
	w.buf = append(w.buf, data...)
	// orig_len is a uint32 in both formats (and CaptureInfo.Length an int).
	length := min(uint64(max(rec.Length, len(rec.Data)))+PseudoHeaderLen, math.MaxUint32, math.MaxInt)
	ci := gopacket.CaptureInfo{Timestamp: rec.Time, CaptureLength: len(w.buf), Length: int(length)}
	if w.ng != nil {
		var opts pcapgo.NgPacketOptions
		if rec.Direction != DirectionUnknown {
			opts.Flags = &pcapgo.NgEpbFlags{Direction: pcapgo.NgEpbFlag(rec.Direction)}
		}
		return w.ng.WritePacketWithOptions(ci, w.buf, opts)
	}
	return w.pcap.WritePacket(ci, w.buf)
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
	if w.ng != nil {
		if err := w.ng.Flush(); err != nil {
			return err
		}
	}
	return w.bw.Flush()
}
