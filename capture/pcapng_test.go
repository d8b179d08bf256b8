package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
)

// ngFile builds pcapng files block by block, in either byte order.
type ngFile struct {
	o binary.AppendByteOrder
	b []byte
}

func (f *ngFile) block(typ uint32, body []byte) *ngFile {
	n := uint32(12 + (len(body)+3)&^3)
	f.b = f.o.AppendUint32(f.b, typ)
	f.b = f.o.AppendUint32(f.b, n)
	f.b = append(f.b, body...)
	f.b = append(f.b, make([]byte, (4-len(body)%4)%4)...)
	f.b = f.o.AppendUint32(f.b, n)
	return f
}

// option appends a pcapng option.
func (f *ngFile) option(b []byte, code uint16, val []byte) []byte {
	b = f.o.AppendUint16(b, code)
	b = f.o.AppendUint16(b, uint16(len(val)))
	b = append(b, val...)
	return append(b, make([]byte, (4-len(val)%4)%4)...)
}

func (f *ngFile) section() *ngFile {
	b := f.o.AppendUint32(nil, ngByteOrderMagic)
	b = f.o.AppendUint16(b, 1)
	b = f.o.AppendUint16(b, 0)
	b = f.o.AppendUint64(b, ^uint64(0))
	return f.block(ngSectionHeader, b)
}

// iface appends an interface description block; opts are options.
func (f *ngFile) iface(linkType uint16, opts ...byte) *ngFile {
	b := f.o.AppendUint16(nil, linkType)
	b = f.o.AppendUint16(b, 0)
	b = f.o.AppendUint32(b, SnapLen)
	return f.block(ngInterface, append(b, opts...))
}

// packet appends an enhanced packet block (or an obsolete packet block if
// typ is ngPacket) of record on interface id at timestamp ts.
func (f *ngFile) packet(typ uint32, id uint32, ts uint64, record []byte, opts ...byte) *ngFile {
	var b []byte
	if typ == ngPacket {
		b = f.o.AppendUint16(b, uint16(id))
		b = f.o.AppendUint16(b, 0)
	} else {
		b = f.o.AppendUint32(b, id)
	}
	b = f.o.AppendUint32(b, uint32(ts>>32))
	b = f.o.AppendUint32(b, uint32(ts))
	b = f.o.AppendUint32(b, uint32(len(record)))
	b = f.o.AppendUint32(b, uint32(len(record)))
	b = append(b, record...)
	b = append(b, make([]byte, (4-len(record)%4)%4)...)
	return f.block(typ, append(b, opts...))
}

func (f *ngFile) simple(record []byte) *ngFile {
	return f.block(ngSimple, append(f.o.AppendUint32(nil, uint32(len(record))), record...))
}

// result is what the tests compare of each record Next returns.
type result struct {
	Index  int
	Time   time.Time
	Dir    Direction
	Seq    int // the datagram's sequence number (byte 8), -1 without data
	Length int
	Err    string
}

func readResults(t *testing.T, file []byte) ([]result, *Reader) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(file))
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var got []result
	for r.Next() {
		rec := r.Record()
		res := result{Index: rec.Index, Time: rec.Time, Dir: rec.Direction, Seq: -1, Length: rec.Length}
		if len(rec.Data) > 8 {
			res.Seq = int(rec.Data[8])
		}
		if err := r.RecordErr(); err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				t.Errorf("RecordErr %v is not a *RecordError", err)
			}
			res.Err = err.Error()
		}
		got = append(got, res)
	}
	if err := r.Err(); err != nil {
		t.Fatalf("Err: %v", err)
	}
	return got, r
}

// TestPcapngSections: sections in either byte order, several interfaces
// of which only the netlink ones are decoded, every packet block type,
// timestamp resolutions and offsets, and blocks that are skipped.
func TestPcapngSections(t *testing.T) {
	le := &ngFile{o: binary.LittleEndian}
	le.section().iface(LinkType) // microseconds by default
	le.packet(ngEnhanced, 0, 1_500_000, goodRecord(1))
	le.block(0x1234, []byte("unknown, skipped"))

	be := &ngFile{o: binary.BigEndian}
	be.section()
	be.iface(1) // Ethernet
	ns := be.option(nil, optTSResol, []byte{9})
	ns = be.option(ns, optTSOffset, binary.BigEndian.AppendUint64(nil, 100))
	be.iface(LinkType, be.option(ns, optEnd, nil)...)
	be.packet(ngEnhanced, 0, 0, []byte("an Ethernet frame"))
	out := be.option(nil, optEPBFlags, binary.BigEndian.AppendUint32(nil, 2))
	be.packet(ngEnhanced, 1, 2_000_000_001, goodRecord(2), out...)
	be.block(ngStatistics, make([]byte, 12))
	in := be.option(nil, optEPBFlags, binary.BigEndian.AppendUint32(nil, 1))
	be.packet(ngPacket, 1, 3_000_000_000, goodRecord(3), in...)
	be.simple([]byte("on interface 0: Ethernet"))

	file := append(le.b, be.b...)
	got, r := readResults(t, file)
	ether := len(le.b) + 28 + 20 + 44 // the Ethernet packet's block: after the SHB and the IDBs
	want := []result{
		{Index: 0, Time: time.Unix(1, 500_000_000).UTC(), Seq: 1, Length: 20},
		{Index: 1, Time: time.Unix(0, 0).UTC(), Seq: -1, Length: 17,
			Err: "capture: record 1 at file offset " + itoa(ether) + ": link type is not LINKTYPE_NETLINK (253): interface 0 has link type 1"},
		{Index: 2, Time: time.Unix(102, 1).UTC(), Dir: DirectionOutbound, Seq: 2, Length: 20},
		{Index: 3, Time: time.Unix(103, 0).UTC(), Dir: DirectionInbound, Seq: 3, Length: 20},
		{Index: 4, Seq: -1, Length: 24,
			Err: "capture: record 4 at file offset " + itoa(len(file)-40) + ": link type is not LINKTYPE_NETLINK (253): interface 0 has link type 1"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if r.FileOrder() != nlwire.BigEndian {
		t.Errorf("FileOrder = %v after a big-endian section", r.FileOrder())
	}
}

// TestPcapngMalformed: malformed blocks whose framing is intact are
// reported, each naming its record (or the record that follows) and file
// offset, and the reading goes on.
func TestPcapngMalformed(t *testing.T) {
	f := &ngFile{o: binary.LittleEndian}
	var off []int // where each block starts
	add := func(*ngFile) { off = append(off, len(f.b)) }
	f.section()
	add(f.block(ngInterface, []byte{LinkType, 0}))                    // 0: too short; interface 0 is unusable
	add(f.iface(LinkType, 9, 0, 8, 0, 1, 0, 0, 0))                    // 1: if_tsresol claims 8 bytes; interface 1 is netlink all the same
	add(f.packet(ngEnhanced, 0, 0, goodRecord(1)))                    // 2: on interface 0
	add(f.packet(ngEnhanced, 1, 0, goodRecord(2)))                    // 3
	add(f.packet(ngEnhanced, 7, 0, goodRecord(3)))                    // 4: no interface 7
	add(f.packet(ngEnhanced, 1, 0, goodRecord(4)))                    // 5: caplen beyond the block, below
	add(f.packet(ngEnhanced, 1, 0, goodRecord(5), 2, 0, 8, 0, 1, 0))  // 6: an option overruns the block; the data is good
	add(f.block(ngEnhanced, []byte{1, 0, 0, 0}))                      // 7: a body too short
	add(f.packet(ngEnhanced, 1, 0, append(goodRecord(6)[:16], 1, 2))) // 8: a short datagram is still a record
	add(f.packet(ngEnhanced, 1, 0, goodRecord(7)))                    // 9
	off = append([]int{28}, off[:len(off)-1]...)                      // add saw where each block ends
	f.b[off[5]+20] = 200                                              // caplen 200
	got, _ := readResults(t, f.b)
	at := func(i, block int) string {
		return "capture: record " + itoa(i) + " at file offset " + itoa(off[block]) + ": "
	}
	want := []result{
		{Index: -1, Seq: -1, Err: "capture: interface description block at file offset 28 (before record 0): bad framing: body of 4 bytes, under 8"},
		{Index: -1, Seq: -1, Err: "capture: interface description block at file offset " + itoa(off[1]) + " (before record 0): bad framing: option 9 at byte 8 of the block body overruns it"},
		{Index: 0, Seq: -1, Length: 36, Err: at(0, 2) + "bad framing: interface 0 has a malformed description"},
		{Index: 1, Seq: 2, Length: 20},
		{Index: 2, Seq: -1, Length: 36, Err: at(2, 4) + "bad framing: interface 7, but the section describes 2"},
		{Index: 3, Seq: -1, Length: 36, Err: at(3, 5) + "bad framing: caplen 200 exceeds the block's 36 bytes of packet data"},
		{Index: 4, Seq: 5, Length: 20, Err: at(4, 6) + "bad framing: option 2 at byte 56 of the block body overruns it"},
		{Index: 5, Seq: -1, Err: at(5, 7) + "bad framing: body of 4 bytes, under 20"},
		{Index: 6, Seq: -1, Length: 2},
		{Index: 7, Seq: 7, Length: 20},
	}
	for i := range got {
		got[i].Time = time.Time{}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

// TestNgTime: every timestamp resolution pcapng can express, exact.
func TestNgTime(t *testing.T) {
	tests := []struct {
		ts     uint64
		resol  uint8
		offset int64
		want   time.Time
	}{
		{1_500_000, 6, 0, time.Unix(1, 500_000_000)},
		{1_000_000_001, 9, 0, time.Unix(1, 1)},
		{1_000_000_001, 9, -1, time.Unix(0, 1)},
		{7, 0, 0, time.Unix(7, 0)},
		{12_345, 3, 0, time.Unix(12, 345_000_000)},
		{10_000_000_000_001, 12, 0, time.Unix(10, 0)},
		{^uint64(0), 19, 0, time.Unix(1, 844_674_407)},
		{^uint64(0), 25, 0, time.Unix(0, 1844)},
		{^uint64(0), 40, 0, time.Unix(0, 0)},
		{3 << 9, 0x80 | 10, 0, time.Unix(1, 500_000_000)}, // 2^-10 s
		{1<<32 | 1<<31, 0x80 | 32, 0, time.Unix(1, 500_000_000)},
		{1 << 63, 0x80 | 63, 0, time.Unix(1, 0)},
		{1 << 63, 0x80 | 64, 0, time.Unix(0, 500_000_000)},
		{1 << 63, 0x80 | 127, 0, time.Unix(0, 0)},
		{5, 0x80, 0, time.Unix(5, 0)}, // 2^0 s
	}
	for _, tt := range tests {
		if got := ngTime(tt.ts, tt.resol, tt.offset); !got.Equal(tt.want) {
			t.Errorf("ngTime(%d, %#x, %d) = %v, want %v", tt.ts, tt.resol, tt.offset, got, tt.want)
		}
	}
}

// TestBigEndianPcap: a big-endian pcap file, microseconds or nanoseconds.
func TestBigEndianPcap(t *testing.T) {
	for _, nanos := range []bool{false, true} {
		magic := uint32(pcapMagicMicros)
		if nanos {
			magic = pcapMagicNanos
		}
		b := binary.BigEndian.AppendUint32(nil, magic)
		b = binary.BigEndian.AppendUint16(b, 2)
		b = binary.BigEndian.AppendUint16(b, 4)
		b = append(b, make([]byte, 8)...)
		b = binary.BigEndian.AppendUint32(b, SnapLen)
		b = binary.BigEndian.AppendUint32(b, LinkType)
		rec := goodRecord(9)
		for _, v := range []uint32{3, 999, uint32(len(rec)), uint32(len(rec))} {
			b = binary.BigEndian.AppendUint32(b, v)
		}
		b = append(b, rec...)
		got, r := readResults(t, b)
		want := []result{{Time: time.Unix(3, 999_000).UTC(), Seq: 9, Length: 20}}
		if nanos {
			want[0].Time = time.Unix(3, 999).UTC()
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("nanos %v: records (-want +got):\n%s", nanos, diff)
		}
		if r.FileOrder() != nlwire.BigEndian {
			t.Errorf("FileOrder = %v", r.FileOrder())
		}
	}
}

// TestFileHeaderErrors: what NewReader says of files it refuses.
func TestFileHeaderErrors(t *testing.T) {
	pcapV3 := pcapFile(LinkType)
	pcapV3[4] = 3
	shb := (&ngFile{o: binary.LittleEndian}).section().b
	badMagic := bytes.Clone(shb)
	badMagic[8] = 0
	v2 := bytes.Clone(shb)
	v2[12] = 2
	ether := (&ngFile{o: binary.LittleEndian, b: bytes.Clone(shb)}).iface(1).b
	tests := []struct {
		name string
		file []byte
		is   []error
		want string
	}{
		{"empty", nil, []error{ErrFormat, ErrTruncated}, "capture: file header: not a pcap or pcapng file: the file has 0 bytes"},
		{"text", []byte("not a capture file"), []error{ErrFormat}, "capture: file header: not a pcap or pcapng file: magic 0x6e6f7420"},
		{"pcap cut", pcapFile(LinkType)[:20], []error{ErrFormat, ErrTruncated}, "capture: file header: not a pcap or pcapng file: pcap file header of 24 bytes, but the file ends after 20"},
		{"pcap version", pcapV3, []error{ErrFormat}, "capture: file header: not a pcap or pcapng file: pcap version 3.4"},
		{"pcap Ethernet", pcapFile(1), []error{ErrLinkType}, "capture: file header: link type is not LINKTYPE_NETLINK (253): link type 1"},
		{"pcapng cut", shb[:20], []error{ErrFormat, ErrTruncated}, "capture: file header: truncated file: section header block of 28 bytes, but the file ends after 20"},
		{"pcapng magic", badMagic, []error{ErrFormat, ErrFraming}, "capture: file header: not a pcap or pcapng file: byte-order magic 0x3c2b1a"},
		{"pcapng version", v2, []error{ErrFormat, ErrFraming}, "capture: file header: not a pcap or pcapng file: pcapng version 2.0"},
		{"pcapng Ethernet", ether, []error{ErrLinkType}, "capture: file header: link type is not LINKTYPE_NETLINK (253): interface 0 has link type 1"},
	}
	for _, tt := range tests {
		_, err := NewReader(bytes.NewReader(tt.file))
		if got := errString(err); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		var re *RecordError
		if !errors.As(err, &re) || re.Index != -1 || re.Block != "file header" {
			t.Errorf("%s: %#v, want a *RecordError about the file header", tt.name, err)
		}
		for _, target := range tt.is {
			if !errors.Is(err, target) {
				t.Errorf("%s: %v is not %v", tt.name, err, target)
			}
		}
	}
}

// TestLongBlockFraming: a block longer than the read buffer that is
// passed over (one of an unknown use, a packet over the caller's limit)
// or read in part (an interface) has its trailing length checked, and a
// file cut inside it, in its first 64 KiB, its middle or its trailing
// length, ends the reading with the bytes it held.
func TestLongBlockFraming(t *testing.T) {
	const body = 70000
	start := ngStart() // 60 bytes
	long := func(typ uint32, trailer uint32) []byte {
		b := ngBlock(bytes.Clone(start), typ, make([]byte, body), 0)
		if trailer != 0 {
			binary.LittleEndian.PutUint32(b[len(b)-4:], trailer)
		}
		return epb(b, goodRecord(1), 0)
	}
	const n = body + 12
	blockAt := func(name string) string { return "capture: " + name + " at file offset 60 (before record 0): " }
	tests := []struct {
		name    string
		file    []byte
		limit   int
		seqs    []int
		recErrs []string
		err     string
	}{{
		name: "skipped",
		file: long(ngStatistics, 0),
		seqs: []int{1},
	}, {
		name:    "skipped, trailer wrong",
		file:    long(ngStatistics, 1000),
		seqs:    []int{-1, 1},
		recErrs: []string{blockAt("block of type 0x5") + "bad framing: block length 70012 disagrees with its trailing copy 1000"},
	}, {
		name: "skipped, cut in the middle",
		file: long(ngStatistics, 0)[:60+40000],
		err:  blockAt("block of type 0x5") + "truncated file: block of 70012 bytes, but the file ends after 40000",
	}, {
		name: "skipped, cut in the trailer",
		file: long(ngStatistics, 0)[:60+n-2],
		err:  blockAt("block of type 0x5") + "truncated file: block of 70012 bytes, but the file ends after 70010",
	}, {
		name: "interface, cut in its first 64 KiB",
		file: long(ngInterface, 0)[:60+1000],
		err:  blockAt("interface description block") + "truncated file: block of 70012 bytes, but the file ends after 1000",
	}, {
		name: "interface, cut after its first 64 KiB",
		file: long(ngInterface, 0)[:60+68000],
		err:  blockAt("interface description block") + "truncated file: block of 70012 bytes, but the file ends after 68000",
	}, {
		name:    "packet over the limit",
		file:    epb(epb(bytes.Clone(start), make([]byte, body), 0), goodRecord(1), 0),
		limit:   1000,
		seqs:    []int{-1, 1},
		recErrs: []string{"capture: record 0 at file offset 60: record over the reader's limit: block of 70032 bytes over the limit of 1000"},
	}, {
		name:  "packet over the limit, cut",
		file:  epb(bytes.Clone(start), make([]byte, body), 0)[:60+50000],
		limit: 1000,
		err:   "capture: record 0 at file offset 60: truncated file: block of 70032 bytes, but the file ends after 50000",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			r.LimitRecordSize(tt.limit)
			var seqs []int
			var recErrs []string
			for r.Next() {
				if err := r.RecordErr(); err != nil {
					seqs = append(seqs, -1)
					recErrs = append(recErrs, err.Error())
					continue
				}
				seqs = append(seqs, int(r.Record().Data[8]))
			}
			if diff := cmp.Diff(tt.seqs, seqs); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.recErrs, recErrs); diff != "" {
				t.Errorf("record errors (-want +got):\n%s", diff)
			}
			if got := errString(r.Err()); got != tt.err {
				t.Errorf("Err:\n got %s\nwant %s", got, tt.err)
			}
		})
	}
}
