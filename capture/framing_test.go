package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The tests in this file are regressions of damaged files that ended the
// reading (or said "record -1", or "unexpected EOF" for a file that was
// not cut). They use only the API the package had before, so that they
// can be run against it.

// goodRecord returns a record's bytes: the pseudo-header and a 20-byte
// RTM_GETLINK request with sequence number seq.
func goodRecord(seq byte) []byte {
	b := appendPseudoHeader(nil, PacketOutgoing, 0)
	return append(b, 0x14, 0, 0, 0, 0x12, 0, 0x01, 0x03, seq, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
}

// pcapRecord appends a little-endian pcap record header with the given
// lengths, and data.
func pcapRecord(b []byte, caplen, origlen uint32, data []byte) []byte {
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, caplen)
	b = binary.LittleEndian.AppendUint32(b, origlen)
	return append(b, data...)
}

// ngBlock appends a little-endian pcapng block of type typ: body padded
// to 4 bytes, framed by its length; the header says length instead if it
// is not 0.
func ngBlock(b []byte, typ uint32, body []byte, length uint32) []byte {
	n := uint32(12 + (len(body)+3)&^3)
	if length == 0 {
		length = n
	}
	b = binary.LittleEndian.AppendUint32(b, typ)
	b = binary.LittleEndian.AppendUint32(b, length)
	b = append(b, body...)
	b = append(b, make([]byte, (4-len(body)%4)%4)...)
	return binary.LittleEndian.AppendUint32(b, n)
}

// ngStart returns a little-endian pcapng section header and one netlink
// interface, nanosecond timestamps.
func ngStart() []byte {
	shb := []byte{0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	b := ngBlock(nil, 0x0a0d0d0a, shb, 0)
	idb := []byte{LinkType, 0, 0, 0, 0, 0, 4, 0, 9, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0, 0}
	return ngBlock(b, 1, idb, 0)
}

// epbBody returns an enhanced packet block's body on interface 0.
func epbBody(data []byte, origlen uint32) []byte {
	b := binary.LittleEndian.AppendUint32(nil, 0)
	b = append(b, make([]byte, 8)...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(data)))
	b = binary.LittleEndian.AppendUint32(b, origlen)
	return append(b, data...)
}

// epb appends an enhanced packet block of record data with the block
// length length (0: the right one).
func epb(b, data []byte, length uint32) []byte {
	return ngBlock(b, 6, epbBody(data, uint32(len(data))), length)
}

// readAll reads every record of file: the sequence number of each good
// one (or -1 for one with RecordErr set), the record errors and Err.
func readAll(t *testing.T, file []byte) (seqs []int, recErrs []string, err error) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(file))
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	for i := 0; r.Next(); i++ {
		if i > len(file) {
			t.Fatalf("more records than bytes")
		}
		if err := r.RecordErr(); err != nil {
			seqs = append(seqs, -1)
			recErrs = append(recErrs, err.Error())
			continue
		}
		d := r.Record().Data
		if len(d) < 9 {
			t.Fatalf("record %d without error: % x", r.Record().Index, d)
		}
		seqs = append(seqs, int(d[8]))
	}
	return seqs, recErrs, r.Err()
}

// TestCaplenAboveOrigLen: a pcap record whose caplen exceeds its origlen,
// its framing intact, is reported with its number and file offset, and
// the records after it are read (tshark reads on too).
func TestCaplenAboveOrigLen(t *testing.T) {
	g := goodRecord
	file := pcapFile(LinkType, g(1))
	file = pcapRecord(file, 36, 20, g(2)) // at 24+16+36 = 76
	file = pcapRecord(file, 36, 36, g(3))
	seqs, recErrs, err := readAll(t, file)
	if err != nil {
		t.Fatalf("Err: %v", err)
	}
	if diff := cmp.Diff([]int{1, -1, 3}, seqs); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	want := []string{"capture: record 1 at file offset 76: bad framing: caplen 36 exceeds origlen 20"}
	if diff := cmp.Diff(want, recErrs); diff != "" {
		t.Errorf("record errors (-want +got):\n%s", diff)
	}
}

// TestCaplenAboveSnapLen: a pcap record longer than the snap length the
// file header declares (as the Writer used to write datagrams above
// SnapLen) is read whole, and so are the records after it; reading used
// to stop there.
func TestCaplenAboveSnapLen(t *testing.T) {
	for _, size := range []int{100, 300_016} {
		long := append(goodRecord(2), make([]byte, size-36)...)
		file := pcapFile(LinkType, goodRecord(1))
		binary.LittleEndian.PutUint32(file[16:], 64) // snaplen
		if size > SnapLen {
			binary.LittleEndian.PutUint32(file[16:], SnapLen)
		}
		file = pcapRecord(file, uint32(len(long)), uint32(len(long)), long)
		file = pcapRecord(file, 36, 36, goodRecord(3))
		seqs, recErrs, err := readAll(t, file)
		if diff := cmp.Diff([]int{1, 2, 3}, seqs); diff != "" || recErrs != nil || err != nil {
			t.Errorf("%d-byte record: records (-want +got):\n%s\nrecord errors %q, Err %v", size, diff, recErrs, err)
		}
	}
}

// TestPcapngWrongBlockLength: a pcapng block whose length disagrees with
// its trailing copy is reported, with its record number and file offset,
// and the reading goes on where the next block can be found for sure;
// where it cannot, the reading ends with an error that says so. None of
// these files is cut: none is reported as such.
func TestPcapngWrongBlockLength(t *testing.T) {
	start := ngStart() // 28 + 32 = 60 bytes
	rec0 := epb(nil, goodRecord(1), 0)
	n := uint32(len(rec0)) // 68
	at := "capture: record 1 at file offset " + strconv.Itoa(len(start)+len(rec0)) + ": bad framing: "
	// three returns records 1 to 3, record 2's header saying length.
	three := func(length uint32) []byte {
		return epb(epb(epb(bytes.Clone(start), goodRecord(1), 0), goodRecord(2), length), goodRecord(3), 0)
	}
	tests := []struct {
		name    string
		file    []byte
		seqs    []int
		recErrs []string
		err     string
	}{{
		name:    "last block, length too long",
		file:    epb(epb(bytes.Clone(start), goodRecord(1), 0), goodRecord(2), n+8),
		seqs:    []int{1, -1},
		recErrs: []string{at + "block length 76, but the file ends 68 bytes into the block, with a trailing copy of 68"},
	}, {
		name:    "length too long",
		file:    three(n + 8),
		seqs:    []int{1, -1, 3},
		recErrs: []string{at + "block length 76 disagrees with its trailing copy 68; a trailing copy of 68 ends it, reading resumes at file offset 196"},
	}, {
		name:    "length too short",
		file:    three(n - 8),
		seqs:    []int{1, -1, 3},
		recErrs: []string{at + "block length 60 disagrees with its trailing copy 0; a trailing copy of 68 ends it, reading resumes at file offset 196"},
	}, {
		name: "trailing copy wrong",
		file: func() []byte {
			b := epb(bytes.Clone(start), goodRecord(1), 0)
			b = epb(b, goodRecord(2), 0)
			binary.LittleEndian.PutUint32(b[len(b)-4:], 1000)
			return epb(b, goodRecord(3), 0)
		}(),
		seqs:    []int{1, -1, 3},
		recErrs: []string{at + "block length 68 disagrees with its trailing copy 1000"},
	}, {
		name:    "length not a multiple of 4",
		file:    three(n + 1),
		seqs:    []int{1, -1, 3},
		recErrs: []string{at + "block length 69; a trailing copy of 68 ends it, reading resumes at file offset 196"},
	}, {
		name:    "length huge",
		file:    three(1 << 31),
		seqs:    []int{1, -1, 3},
		recErrs: []string{at + "block length 2147483648; a trailing copy of 68 ends it, reading resumes at file offset 196"},
	}, {
		name: "nothing follows",
		file: func() []byte {
			b := epb(bytes.Clone(start), goodRecord(1), 0)
			b = epb(b, goodRecord(2), n+8)
			return append(b, bytes.Repeat([]byte{0xee}, 100)...)
		}(),
		seqs: []int{1},
		err:  at + "block length 76 disagrees with its trailing copy 4008636142, and no block follows it",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seqs, recErrs, err := readAll(t, tt.file)
			if diff := cmp.Diff(tt.seqs, seqs); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.recErrs, recErrs); diff != "" {
				t.Errorf("record errors (-want +got):\n%s", diff)
			}
			if got := errString(err); got != tt.err {
				t.Errorf("Err:\n got %s\nwant %s", got, tt.err)
			}
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestCutFiles: a file cut anywhere ends the reading with an error of one
// line that names the file header, or the record or block and its file
// offset; it never says "record -1" or a bare "unexpected EOF".
func TestCutFiles(t *testing.T) {
	for _, f := range []Format{PCAP, PCAPNG} {
		file := sampleFile(f)
		ends := recordEnds(f, file)
		for n := range len(file) {
			var err error
			r, err := NewReader(bytes.NewReader(file[:n]))
			if err == nil {
				for r.Next() {
				}
				err = r.Err()
			}
			msg := errString(err)
			switch {
			case err == nil && !ends[n]:
				t.Errorf("%v cut at %d: no error", f, n)
			case err == nil:
			case strings.Contains(msg, "\n"), strings.Contains(msg, "record -1"), strings.HasSuffix(msg, "unexpected EOF"),
				!strings.Contains(msg, "file offset") && !strings.HasPrefix(msg, "capture: file header: "):
				t.Errorf("%v cut at %d: %q", f, n, msg)
			}
		}
	}
}

// sampleFile returns a file of format f holding the first two of
// sampleRecords, as the Writer writes them.
func sampleFile(f Format) []byte {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, f)
	recs := sampleRecords()
	w.Write(&recs[0])
	w.Write(&recs[1])
	w.Flush()
	return buf.Bytes()
}

// recordEnds returns the offsets in a little-endian file where a header,
// record or block ends.
func recordEnds(f Format, file []byte) map[int]bool {
	off := 24
	if f == PCAPNG {
		off = 0
	}
	ends := map[int]bool{off: f == PCAP}
	for off+16 <= len(file) {
		if f == PCAP {
			off += 16 + int(binary.LittleEndian.Uint32(file[off+8:]))
		} else {
			off += int(binary.LittleEndian.Uint32(file[off+4:]))
		}
		ends[off] = true
	}
	return ends
}

// TestHugeCaplen: a 40-byte pcap file whose record claims 2 GiB stops at
// that record, naming it, without reading or allocating toward 2 GiB.
func TestHugeCaplen(t *testing.T) {
	file := pcapRecord(pcapFile(LinkType), 1<<31, 1<<31, nil)
	seqs, _, err := readAll(t, file)
	want := "capture: record 0 at file offset 24: bad framing: caplen 2147483648 exceeds 268435456: the records after it cannot be found"
	if len(seqs) != 0 || errString(err) != want {
		t.Errorf("read %v, Err\n got %v\nwant %s", seqs, err, want)
	}
	var re *RecordError
	if !errors.As(err, &re) || re.Index != 0 {
		t.Errorf("Err %#v, want a *RecordError of record 0", err)
	}
}
