package capture

import (
	"bytes"
	"io"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
	"pgregory.net/rapid"
)

// pcapgoFile writes recs the way Writer did when it wrote through pcapgo:
// the oracle of TestWriterMatchesPcapgo.
func pcapgoFile(t *rapid.T, f Format, recs []Record) []byte {
	var buf bytes.Buffer
	var (
		ng   *pcapgo.NgWriter
		pw   *pcapgo.Writer
		err  error
		data []byte
	)
	if f == PCAPNG {
		ng, err = pcapgo.NewNgWriterInterface(&buf, pcapgo.NgInterface{
			Name: "nlmon0", LinkType: layers.LinkType(LinkType), SnapLength: SnapLen, TimestampResolution: 9,
		}, pcapgo.NgWriterOptions{SectionInfo: pcapgo.NgSectionInfo{
			Hardware: runtime.GOARCH, OS: runtime.GOOS, Application: "nlwire",
		}})
	} else {
		pw = pcapgo.NewWriterNanos(&buf)
		err = pw.WriteFileHeader(SnapLen, layers.LinkType(LinkType))
	}
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		rec := &recs[i]
		d := rec.Data[:min(len(rec.Data), SnapLen-PseudoHeaderLen)]
		data = append(appendPseudoHeader(data[:0], rec.PktType, rec.Protocol), d...)
		length := min(uint64(max(rec.Length, len(rec.Data)))+PseudoHeaderLen, math.MaxUint32, math.MaxInt)
		ci := gopacket.CaptureInfo{Timestamp: rec.Time, CaptureLength: len(data), Length: int(length)}
		if ng != nil {
			var opts pcapgo.NgPacketOptions
			if rec.Direction != DirectionUnknown {
				opts.Flags = &pcapgo.NgEpbFlags{Direction: pcapgo.NgEpbFlag(rec.Direction)}
			}
			err = ng.WritePacketWithOptions(ci, data, opts)
		} else {
			err = pw.WritePacket(ci, data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if ng != nil {
		ng.Flush()
	}
	return buf.Bytes()
}

// TestWriterMatchesPcapgo checks that Writer writes pcap and pcapng files
// byte for byte as github.com/gopacket/gopacket/pcapgo does, for records
// of any time, family, packet type, direction, length (cut to SnapLen
// or not) and recorded length.
func TestWriterMatchesPcapgo(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := rapid.SampledFrom([]Format{PCAP, PCAPNG}).Draw(t, "format")
		n := rapid.IntRange(0, 5).Draw(t, "records")
		recs := make([]Record, n)
		for i := range recs {
			size := rapid.IntRange(0, 70).Draw(t, "size")
			if rapid.IntRange(0, 20).Draw(t, "long") == 0 {
				size = SnapLen - PseudoHeaderLen + rapid.IntRange(-3, 3).Draw(t, "past")
			}
			recs[i] = Record{
				// pcapgo stamps a zero pcap time with the time of
				// writing, as Writer does: not compared.
				Time:      time.Unix(rapid.Int64Range(0, 1<<33).Draw(t, "sec"), rapid.Int64Range(0, 999999999).Draw(t, "nsec")),
				Protocol:  rapid.Uint16().Draw(t, "protocol"),
				PktType:   rapid.Uint16Range(0, 5).Draw(t, "pkttype"),
				Direction: Direction(rapid.IntRange(0, 3).Draw(t, "dir")),
				Data:      bytes.Repeat([]byte{byte(i + 1)}, size),
				Length:    size + rapid.IntRange(-2, 1<<20).Draw(t, "extra"),
			}
		}
		var buf bytes.Buffer
		w, err := NewWriter(&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		for i := range recs {
			if err := w.Write(&recs[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		want := pcapgoFile(t, f, recs)
		if !bytes.Equal(buf.Bytes(), want) {
			i := 0
			for i < min(buf.Len(), len(want)) && buf.Bytes()[i] == want[i] {
				i++
			}
			t.Fatalf("%v: %d bytes, pcapgo %d; first difference at byte %d:\n%s", f, buf.Len(), len(want), i,
				cmp.Diff(want[i:min(i+32, len(want))], buf.Bytes()[i:min(i+32, buf.Len())]))
		}
	})
}

// TestWriterZeroTime checks that a record of the zero Time is stamped
// with the time of writing in both formats.
func TestWriterZeroTime(t *testing.T) {
	for _, f := range []Format{PCAP, PCAPNG} {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		before := time.Now()
		if err := w.Write(&Record{Data: datagram(20, 1), Length: 20}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		after := time.Now()
		r, err := NewReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if !r.Next() {
			t.Fatalf("%v: no record: %v", f, r.Err())
		}
		if got := r.Record().Time; got.Before(before.Truncate(time.Second)) || got.After(after) {
			t.Errorf("%v: a zero time is written as %v, not between %v and %v", f, got, before, after)
		}
	}
}

// TestWriterAllocs checks that writing a record, with a direction and
// padding in pcapng, allocates nothing once the Writer's buffer has grown.
func TestWriterAllocs(t *testing.T) {
	for _, f := range []Format{PCAP, PCAPNG} {
		w, err := NewWriter(io.Discard, f)
		if err != nil {
			t.Fatal(err)
		}
		rec := Record{Time: time.Unix(1, 2), Direction: DirectionOutbound, Data: datagram(21, 1), Length: 21}
		if err := w.Write(&rec); err != nil { // grows the buffer
			t.Fatalf("%v: %v", f, err)
		}
		if n := testing.AllocsPerRun(1000, func() {
			if err := w.Write(&rec); err != nil {
				panic(err)
			}
		}); n != 0 {
			t.Errorf("%v: %v allocations per record, want 0", f, n)
		}
	}
}
