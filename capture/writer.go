package capture

import (
	"bufio"
	"io"
	"runtime"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// SnapLen is the largest datagram a Writer records whole: the largest a
// netlink socket can receive (a 64 KiB skb plus the pseudo-header, with
// room for the kernel's larger dump buffers).
const SnapLen = 1 << 18

// Writer writes netlink datagrams to a pcap or pcapng file. Call Flush
// when done. A Writer is not safe for concurrent use.
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
// only) and Data. A Length above len(Data) records a cut datagram.
func (w *Writer) Write(rec *Record) error {
	w.buf = appendPseudoHeader(w.buf[:0], rec.PktType, rec.Protocol)
	w.buf = append(w.buf, rec.Data...)
	length := max(rec.Length, len(rec.Data)) + PseudoHeaderLen
	ci := gopacket.CaptureInfo{Timestamp: rec.Time, CaptureLength: len(w.buf), Length: length}
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
