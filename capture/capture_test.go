package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/gopacket/gopacket/pcapgo"
	"github.com/nlwire/nlwire"
	"pgregory.net/rapid"
)

func sampleRecords() []Record {
	t0 := time.Date(2026, 11, 26, 17, 0, 0, 123456789, time.UTC)
	return []Record{
		{Time: t0, Protocol: 0, PktType: PacketOutgoing, Direction: DirectionOutbound,
			Data: []byte{0x14, 0, 0, 0, 0x12, 0, 0x01, 0x03, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
		{Time: t0.Add(time.Millisecond), Protocol: 16, PktType: PacketHost, Direction: DirectionInbound,
			Data: []byte{0, 0, 0, 0x14, 0, 0x03, 0, 0x02, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}},
	}
}

func TestRoundTrip(t *testing.T) {
	for _, f := range []Format{PCAP, PCAPNG} {
		t.Run(f.String(), func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(&buf, f)
			if err != nil {
				t.Fatal(err)
			}
			want := sampleRecords()
			for i := range want {
				if err := w.Write(&want[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			r, err := NewReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if r.Format() != f {
				t.Errorf("Format() = %v, want %v", r.Format(), f)
			}
			var got []Record
			for r.Next() {
				if err := r.RecordErr(); err != nil {
					t.Errorf("record %d: %v", r.Record().Index, err)
				}
				rec := *r.Record()
				rec.Data = bytes.Clone(rec.Data)
				got = append(got, rec)
			}
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			for i := range want {
				want[i].Index = i
				want[i].Length = len(want[i].Data)
				if f == PCAP {
					want[i].Direction = DirectionUnknown // pcap has no direction
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGuessOrder(t *testing.T) {
	le := []byte{0x14, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	be := []byte{0, 0, 0, 0x14, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	bad := make([]byte, 20)
	tests := []struct {
		name string
		data []byte
		hint nlwire.Order
		want nlwire.Order
	}{
		{"little, little hint", le, nlwire.LittleEndian, nlwire.LittleEndian},
		{"little, big hint", le, nlwire.BigEndian, nlwire.LittleEndian},
		{"big, little hint", be, nlwire.LittleEndian, nlwire.BigEndian},
		{"big, big hint", be, nlwire.BigEndian, nlwire.BigEndian},
		{"neither fits", bad, nlwire.BigEndian, nlwire.BigEndian},
		{"short", le[:8], nlwire.BigEndian, nlwire.BigEndian},
		{"native hint", le, nlwire.Native, nlwire.LittleEndian},
	}
	for _, tt := range tests {
		if got := GuessOrder(tt.data, tt.hint); got != tt.want {
			t.Errorf("%s: GuessOrder = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestForceOrder(t *testing.T) {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, PCAP)
	recs := sampleRecords()
	w.Write(&recs[0])
	w.Flush()
	r, err := NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	r.Next()
	if got := r.Order(r.Record().Data); got != nlwire.LittleEndian {
		t.Errorf("guessed %v", got)
	}
	r.ForceOrder(nlwire.BigEndian)
	if got := r.Order(r.Record().Data); got != nlwire.BigEndian {
		t.Errorf("forced order ignored: %v", got)
	}
}

// pcapFile builds a little-endian pcap file by hand with the given link
// type and raw records, to test what the writer never produces.
func pcapFile(linkType uint32, records ...[]byte) []byte {
	b := binary.LittleEndian.AppendUint32(nil, 0xa1b2c3d4)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 4)
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, 65535)
	b = binary.LittleEndian.AppendUint32(b, linkType)
	for _, r := range records {
		b = append(b, make([]byte, 8)...)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(r)))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(r)))
		b = append(b, r...)
	}
	return b
}

func TestMalformed(t *testing.T) {
	good := appendPseudoHeader(nil, PacketOutgoing, 0)
	good = append(good, sampleRecords()[0].Data...)
	badType := bytes.Clone(good)
	badType[3] = 1 // sll_hatype 1 (Ethernet), not ARPHRD_NETLINK

	r, err := NewReader(bytes.NewReader(pcapFile(LinkType, good, good[:10], badType, good)))
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	n := 0
	for r.Next() {
		n++
		if err := r.RecordErr(); err != nil {
			var re *RecordError
			if !errors.As(err, &re) || !errors.Is(err, ErrPseudoHeader) {
				t.Errorf("record error %v is not a *RecordError wrapping ErrPseudoHeader", err)
			}
			errs = append(errs, err.Error())
		}
	}
	if r.Err() != nil || n != 4 {
		t.Fatalf("read %d records, err %v", n, r.Err())
	}
	want := []string{
		"capture: record 1 at file offset 76, offset 10 in the record: bad netlink pseudo-header",
		"capture: record 2 at file offset 102, offset 2 in the record: bad netlink pseudo-header",
	}
	if diff := cmp.Diff(want, errs); diff != "" {
		t.Errorf("record errors (-want +got):\n%s", diff)
	}

	// A file cut inside a record ends the reading with an error.
	file := pcapFile(LinkType, good, good)
	r, _ = NewReader(bytes.NewReader(file[:len(file)-5]))
	n = 0
	for r.Next() {
		n++
	}
	var re *RecordError
	if n != 1 || !errors.As(r.Err(), &re) || re.Index != 1 {
		t.Errorf("truncated file: %d records, err %v", n, r.Err())
	}

	if _, err := NewReader(bytes.NewReader(pcapFile(1, good))); !errors.Is(err, ErrLinkType) {
		t.Errorf("Ethernet capture: %v, want ErrLinkType", err)
	}
	for _, junk := range [][]byte{nil, []byte("ab"), []byte("not a capture file")} {
		if _, err := NewReader(bytes.NewReader(junk)); !errors.Is(err, ErrFormat) {
			t.Errorf("NewReader(%q) = %v, want ErrFormat", junk, err)
		}
	}
}

// TestRoundTripProperty writes random datagrams in both formats and reads
// them back unchanged.
func TestRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := rapid.SampledFrom([]Format{PCAP, PCAPNG}).Draw(t, "format")
		var buf bytes.Buffer
		w, err := NewWriter(&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		n := rapid.IntRange(0, 10).Draw(t, "n")
		var want [][]byte
		for i := 0; i < n; i++ {
			d := rapid.SliceOfN(rapid.Byte(), 0, 3000).Draw(t, "data")
			want = append(want, d)
			if err := w.WriteDatagram(time.Unix(int64(i), 0), uint16(i), i%2 == 0, d); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		r, err := NewReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		i := 0
		for ; r.Next(); i++ {
			rec := r.Record()
			if !bytes.Equal(rec.Data, want[i]) || rec.Protocol != uint16(i) || rec.Truncated() {
				t.Fatalf("record %d: % x, protocol %d", i, rec.Data, rec.Protocol)
			}
			if out := i%2 == 0; (rec.PktType == PacketOutgoing) != out {
				t.Fatalf("record %d: pkttype %d", i, rec.PktType)
			}
		}
		if r.Err() != nil || i != n {
			t.Fatalf("read %d of %d: %v", i, n, r.Err())
		}
	})
}

// FuzzReader reads any bytes as a capture: no panic, every record's data
// lies within what the file held, errors are *RecordError of one line,
// and the cost is linear in the input: at most one record (or reported
// block) per 12 input bytes, and at most 64*len(input) + 256 KiB
// allocated in all. The 256 KiB cover the fixed buffers (the 64 KiB read
// buffer, a first 64 KiB record buffer) and the error values; the 64 per
// input byte cover a record buffer that doubles as bytes arrive, several
// times over.
//
// Allocation is first measured with runtime/metrics'
// /gc/heap/allocs:bytes, which is cheap but can count, when a GC flushes
// the allocation caches, small allocations made before the reading
// began; only a reading over the bound is measured again, exactly, with
// runtime.ReadMemStats, whose stop-the-world cuts the execution rate
// fivefold.
func FuzzReader(f *testing.F) {
	good := appendPseudoHeader(nil, PacketOutgoing, 0)
	good = append(good, sampleRecords()[0].Data...)
	f.Add(pcapFile(LinkType, good, good[:10]))
	f.Add(sampleFile(PCAPNG))
	files, _ := filepath.Glob("../testdata/*.pcap*")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		limit := uint64(64*len(b) + 256<<10)
		allocs := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
		metrics.Read(allocs)
		before := allocs[0].Value.Uint64()
		fuzzRead(t, b)
		metrics.Read(allocs)
		if allocs[0].Value.Uint64()-before <= limit {
			return
		}
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		fuzzRead(t, b)
		runtime.ReadMemStats(&m1)
		if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > limit {
			t.Fatalf("%d bytes allocated reading a %d-byte file, more than %d", alloc, len(b), limit)
		}
	})
}

// fuzzRead reads every record of b and checks what FuzzReader promises
// but the allocation bound.
func fuzzRead(t *testing.T, b []byte) {
	records, maxRecords := 0, len(b)/12+1
	r, err := NewReader(bytes.NewReader(b))
	if err == nil {
		for r.Next() {
			if records++; records > maxRecords {
				t.Fatalf("more than %d records from a %d-byte file", maxRecords, len(b))
			}
			if len(r.Record().Data) > len(b) {
				t.Fatalf("record of %d bytes from a %d-byte file", len(r.Record().Data), len(b))
			}
			if err := r.RecordErr(); err != nil {
				checkError(t, err)
			}
			_ = r.Order(r.Record().Data)
		}
		err = r.Err()
	}
	if err != nil {
		checkError(t, err)
	}
}

// checkError fails the test if err is not a *RecordError of one line.
func checkError(t *testing.T, err error) {
	var re *RecordError
	if !errors.As(err, &re) {
		t.Fatalf("%v is not a *RecordError", err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || strings.Contains(msg, "record -1") {
		t.Fatalf("error message %q", msg)
	}
}

// TestReadAllocs: reading the records of a file allocates nothing per
// record once the reader's buffer has grown, in either format, short
// records and long ones (read into the reader's own buffer) alike.
func TestReadAllocs(t *testing.T) {
	for _, f := range []Format{PCAP, PCAPNG} {
		var buf bytes.Buffer
		w, _ := NewWriter(&buf, f)
		recs := sampleRecords()
		long := Record{Data: datagram(100_000, 1), PktType: PacketOutgoing, Direction: DirectionOutbound}
		for i := 0; i < 1200; i++ {
			if i%10 == 0 {
				w.Write(&long)
			} else {
				w.Write(&recs[i%2])
			}
		}
		w.Flush()
		r, err := NewReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		r.Next()
		n := testing.AllocsPerRun(1000, func() {
			if !r.Next() || r.RecordErr() != nil || len(r.Record().Data) == 0 {
				panic("record")
			}
			_ = r.Order(r.Record().Data)
		})
		if n != 0 {
			t.Errorf("%v: %v allocations per record, want 0", f, n)
		}
	}
}

// TestAgainstPcapgo: on the captures in testdata and on files the Writer
// writes, the hand-written Reader returns what pcapgo reads: the same
// records, times, lengths, directions and data.
func TestAgainstPcapgo(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.pcap*")
	if len(files) == 0 {
		t.Fatal("no captures in ../testdata")
	}
	inputs := map[string][]byte{}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		inputs[file] = b
	}
	dgs := [][]byte{datagram(20, 1), datagram(0, 2), datagram(70_000, 3), datagram(300_000, 4), datagram(37, 5)}
	inputs["written.pcap"] = writeFile(t, PCAP, dgs)
	inputs["written.pcapng"] = writeFile(t, PCAPNG, dgs)
	for name, b := range inputs {
		var want []Record
		if strings.HasSuffix(name, ".pcapng") {
			ng, err := pcapgo.NewNgReader(bytes.NewReader(b), pcapgo.DefaultNgReaderOptions)
			if err != nil {
				t.Fatal(err)
			}
			for {
				data, ci, opts, err := ng.ReadPacketDataWithOptions()
				if err != nil {
					break
				}
				rec := Record{Index: len(want), Time: ci.Timestamp, Data: data[16:], Length: ci.Length - 16}
				if opts.Flags != nil {
					rec.Direction = Direction(opts.Flags.Direction)
				}
				want = append(want, rec)
			}
		} else {
			pr, err := pcapgo.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			for {
				data, ci, err := pr.ReadPacketData()
				if err != nil {
					break
				}
				want = append(want, Record{Index: len(want), Time: ci.Timestamp, Data: data[16:], Length: ci.Length - 16})
			}
		}
		r, err := NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		var got []Record
		for r.Next() {
			if err := r.RecordErr(); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			rec := *r.Record()
			rec.Data = bytes.Clone(rec.Data)
			rec.PktType, rec.Protocol = 0, 0 // pcapgo does not decode the pseudo-header
			got = append(got, rec)
		}
		if err := r.Err(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if len(want) == 0 {
			t.Errorf("%s: pcapgo read no record", name)
		}
		// Data compared apart: cmp walks a []byte element by element.
		for i := range min(len(want), len(got)) {
			if !bytes.Equal(want[i].Data, got[i].Data) {
				t.Errorf("%s: record %d: data differs", name, i)
			}
			want[i].Data, got[i].Data = nil, nil
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: records (-pcapgo +Reader):\n%s", name, diff)
		}
	}
}

// TestLimitRecordSize: records over the limit are passed over and reported
// without data, in both formats, and the records after them are read.
func TestLimitRecordSize(t *testing.T) {
	for _, f := range []Format{PCAP, PCAPNG} {
		var buf bytes.Buffer
		w, err := NewWriter(&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		sizes := []int{100, 200 << 10, 20, 70 << 10, 30}
		for _, n := range sizes {
			if err := w.WriteDatagram(time.Unix(1, 0), 0, true, make([]byte, n)); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		r, err := NewReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		r.LimitRecordSize(64 << 10)
		var got []int
		for r.Next() {
			if err := r.RecordErr(); err != nil {
				if !errors.Is(err, ErrTooLarge) || len(r.Record().Data) != 0 {
					t.Errorf("%v: record %d: %v with %d bytes", f, r.Record().Index, err, len(r.Record().Data))
				}
				got = append(got, -1)
				continue
			}
			got = append(got, len(r.Record().Data))
		}
		if err := r.Err(); err != nil {
			t.Errorf("%v: %v", f, err)
		}
		if want := []int{100, -1, 20, -1, 30}; !slices.Equal(got, want) {
			t.Errorf("%v: records %v, want %v", f, got, want)
		}
	}
}

// TestInterfaceFlood: a pcapng file of interface blocks keeps no more
// than maxInterfaces of them, reporting the rest.
func TestInterfaceFlood(t *testing.T) {
	var b []byte
	b = binary.LittleEndian.AppendUint32(b, 0x0a0d0d0a)
	b = binary.LittleEndian.AppendUint32(b, 28)
	b = binary.LittleEndian.AppendUint32(b, 0x1a2b3c4d)
	b = binary.LittleEndian.AppendUint32(b, 1) // version 1.0
	b = binary.LittleEndian.AppendUint64(b, ^uint64(0))
	b = binary.LittleEndian.AppendUint32(b, 28)
	for range maxInterfaces + 10 {
		b = binary.LittleEndian.AppendUint32(b, 1) // IDB
		b = binary.LittleEndian.AppendUint32(b, 20)
		b = binary.LittleEndian.AppendUint32(b, LinkType)
		b = binary.LittleEndian.AppendUint32(b, 0)
		b = binary.LittleEndian.AppendUint32(b, 20)
	}
	r, err := NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	reports := 0
	for r.Next() {
		if errors.Is(r.RecordErr(), ErrFraming) {
			reports++
		}
	}
	if len(r.ifaces) != maxInterfaces || reports != 10 {
		t.Errorf("%d interfaces kept, %d reported; want %d and 10", len(r.ifaces), reports, maxInterfaces)
	}
}

// TestLongHeaderBlocks: a section header or interface block padded to
// megabytes is passed over, not held, and the record after it is read.
func TestLongHeaderBlocks(t *testing.T) {
	const pad = 4 << 20
	u32 := binary.LittleEndian.AppendUint32
	shb := func(b []byte, pad int) []byte {
		n := uint32(28 + pad)
		b = u32(u32(u32(b, 0x0a0d0d0a), n), 0x1a2b3c4d)
		b = u32(b, 1) // version 1.0
		b = binary.LittleEndian.AppendUint64(b, ^uint64(0))
		b = append(b, make([]byte, pad)...) // after opt_endofopt... or none: zeros read as opt_endofopt
		return u32(b, n)
	}
	idb := func(b []byte, pad int) []byte {
		n := uint32(20 + pad)
		b = u32(u32(u32(u32(b, 1), n), LinkType), 0)
		b = append(b, make([]byte, pad)...)
		return u32(b, n)
	}
	epb := func(b []byte) []byte {
		data := append([]byte{0, 4, 0x03, 0x38, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, make([]byte, 16)...)
		n := uint32(32 + len(data))
		b = u32(u32(u32(u32(u32(u32(u32(b, 6), n), 0), 0), 0), uint32(len(data))), uint32(len(data)))
		b = append(b, data...)
		return u32(b, n)
	}
	for _, file := range [][]byte{
		epb(idb(shb(nil, pad), 0)),
		epb(idb(shb(nil, 0), pad)),
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r, err := NewReader(bytes.NewReader(file))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for r.Next() {
			if err := r.RecordErr(); err != nil {
				t.Errorf("record %d: %v", r.Record().Index, err)
			}
			n++
		}
		runtime.ReadMemStats(&after)
		if err := r.Err(); err != nil || n != 1 {
			t.Errorf("%d records, %v", n, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
			t.Errorf("allocated %d bytes for a %d-byte file", alloc, len(file))
		}
	}
}
