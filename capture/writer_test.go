package capture

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire/internal/testenv"
	"pgregory.net/rapid"
)

// datagram returns n bytes of a pattern that starts with a netlink
// header claiming the whole datagram and sequence number seq: what a
// long dump reply looks like to a reader.
func datagram(n int, seq byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i>>9 + int(seq))
	}
	if n >= 16 {
		copy(b, []byte{byte(n), byte(n >> 8), byte(n >> 16), byte(n >> 24), 0x10, 0, 0x02, 0, seq, 0, 0, 0, 0, 0, 0, 0})
	}
	return b
}

// fataler is what testing.T and rapid.T share.
type fataler interface {
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

// writeFile writes the datagrams in format f, sent ones for even i.
func writeFile(t fataler, f Format, dgs [][]byte) []byte {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, f)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range dgs {
		if err := w.WriteDatagram(time.Unix(int64(i), 0), uint16(i), i%2 == 0, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkReadBack reads file and checks it holds dgs as a Writer records
// them: every one, in order, cut to SnapLen with its true length.
func checkReadBack(t fataler, file []byte, dgs [][]byte) {
	r, err := NewReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for ; r.Next(); i++ {
		if i >= len(dgs) {
			t.Fatalf("more records than the %d written", len(dgs))
		}
		if err := r.RecordErr(); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		rec, want := r.Record(), dgs[i]
		cut := want[:min(len(want), SnapLen-PseudoHeaderLen)]
		if rec.Index != i || rec.Length != len(want) || !bytes.Equal(rec.Data, cut) ||
			rec.Truncated() != (len(want) > len(cut)) || rec.Protocol != uint16(i) {
			t.Fatalf("record %d of %d bytes: index %d, length %d, %d bytes of data (equal: %v), truncated %v, protocol %d",
				i, len(want), rec.Index, rec.Length, len(rec.Data), bytes.Equal(rec.Data, cut), rec.Truncated(), rec.Protocol)
		}
	}
	if err := r.Err(); err != nil || i != len(dgs) {
		t.Fatalf("read %d of %d records: %v", i, len(dgs), err)
	}
}

// TestWriteLongDatagram: a datagram longer than the snap length is
// recorded cut to it, with its length, and the records after it are read
// back (the file used to hold it whole, and readers stopped there).
func TestWriteLongDatagram(t *testing.T) {
	for _, f := range []Format{PCAP, PCAPNG} {
		t.Run(f.String(), func(t *testing.T) {
			dgs := [][]byte{datagram(20, 1), datagram(300000, 2), datagram(20, 3)}
			file := writeFile(t, f, dgs)
			checkReadBack(t, file, dgs)
		})
	}
}

// TestWriteCutProperty: whatever the datagrams' sizes (0 to 4 MiB, a few
// around and far above the snap length), in either format, every record
// written is read back in order, cut to SnapLen, with its true length.
func TestWriteCutProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		f := rapid.SampledFrom([]Format{PCAP, PCAPNG}).Draw(t, "format")
		n := rapid.IntRange(0, 6).Draw(t, "n")
		var dgs [][]byte
		for i := range n {
			var size int
			switch kind := rapid.IntRange(0, 9).Draw(t, "kind"); {
			case kind < 6:
				size = rapid.IntRange(0, 100).Draw(t, "small")
			case kind < 9:
				size = SnapLen - PseudoHeaderLen + rapid.IntRange(-20, 20).Draw(t, "around")
			default:
				size = rapid.IntRange(0, 4<<20).Draw(t, "large")
			}
			dgs = append(dgs, datagram(size, byte(i)))
		}
		checkReadBack(t, writeFile(t, f, dgs), dgs)
	})
}

// TestWriteTshark: tshark reads every record of what a Writer writes,
// long datagrams included, with the lengths the Reader reports.
func TestWriteTshark(t *testing.T) {
	tshark := testenv.LookPath(t, "tshark")
	dgs := [][]byte{datagram(20, 1), datagram(300000, 2), datagram(20, 3),
		datagram(SnapLen-PseudoHeaderLen, 4), datagram(SnapLen-PseudoHeaderLen+1, 5), datagram(4<<20, 6), datagram(0, 7), datagram(36, 8)}
	var want []string
	for _, d := range dgs {
		want = append(want, strconv.Itoa(len(d)+PseudoHeaderLen)+" "+strconv.Itoa(min(len(d)+PseudoHeaderLen, SnapLen)))
	}
	for _, f := range []Format{PCAP, PCAPNG} {
		t.Run(f.String(), func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "long."+f.String())
			if err := os.WriteFile(file, writeFile(t, f, dgs), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(tshark, "-n", "-r", file, "-T", "fields", "-E", "separator= ", "-e", "frame.len", "-e", "frame.cap_len")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			// tshark warns when run as root; any other message is about the file.
			var complaints []string
			for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
				if line != "" && !strings.HasPrefix(line, "Running as user") {
					complaints = append(complaints, line)
				}
			}
			if err != nil || len(complaints) > 0 {
				t.Fatalf("tshark: %v\n%s", err, strings.Join(complaints, "\n"))
			}
			got := strings.Split(strings.TrimSpace(string(out)), "\n")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("tshark's frame.len frame.cap_len (-want +got):\n%s", diff)
			}
		})
	}
}
