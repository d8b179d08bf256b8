package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/internal/hostile"
)

func newDumperFor(w io.Writer) *dumper {
	return newDumper(bufio.NewWriterSize(w, 256<<10), io.Discard)
}

// bigCapture returns a pcap of about size bytes: the records of the
// shipped route dump capture, repeated.
func bigCapture(tb testing.TB, size int) []byte {
	f, err := os.Open("../../testdata/route-dumps.pcap")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r, err := capture.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var recs []capture.Record
	for r.Next() {
		rec := *r.Record()
		rec.Data = bytes.Clone(rec.Data)
		recs = append(recs, rec)
	}
	var buf bytes.Buffer
	w, _ := capture.NewWriter(&buf, capture.PCAP)
	for buf.Len() < size {
		for i := range recs {
			w.Write(&recs[i])
		}
		w.Flush()
	}
	return buf.Bytes()
}

// BenchmarkDecode10MB decodes a 10 MB capture of dump traffic to text and
// to JSON (compare: tshark -V and tshark -T json on the same file, see
// README.md).
func BenchmarkDecode10MB(b *testing.B) {
	data := bigCapture(b, 10<<20)
	if path := os.Getenv("NLDUMP_BENCH_FILE"); path != "" {
		os.WriteFile(path, data, 0o644) // for timing tshark on the same bytes
	}
	for _, mode := range []string{"text", "json"} {
		b.Run(mode, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var out countWriter
			for b.Loop() {
				out.n = 0
				d := newDumperFor(&out)
				d.json = mode == "json"
				if err := d.capture("bench.pcap", bytes.NewReader(data), 0, false); err != nil || d.malformed != 0 {
					b.Fatal(err, d.malformed)
				}
				d.w.Flush()
				if out.n < len(data) {
					b.Fatalf("printed %d bytes for a %d-byte capture", out.n, len(data))
				}
			}
			b.ReportMetric(float64(out.n)/float64(len(data)), "out/in")
		})
	}
}

// countWriter counts what it is given and drops it.
type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// BenchmarkHostile decodes the hostile shapes (deep nests, wide nests,
// siblings that look each other up, errors echoing them) at 64 KiB, 1 MiB
// and 16 MiB, to text and JSON: the throughput (MB/s) of each shape is
// flat across the sizes, as cost linear in the input makes it.
func BenchmarkHostile(b *testing.B) {
	for _, s := range hostile.Shapes() {
		for _, size := range []int{64 << 10, 1 << 20, 16 << 20} {
			data := hostilePcap(b, s, size)
			for _, mode := range []string{"text", "json"} {
				b.Run(fmt.Sprintf("%s/%dKiB/%s", s, size>>10, mode), func(b *testing.B) {
					b.SetBytes(int64(len(data)))
					b.ReportAllocs()
					var out countWriter
					d := newDumperFor(&out)
					d.json = mode == "json"
					for b.Loop() {
						if err := d.capture("bench", bytes.NewReader(data), 0, false); err != nil {
							b.Fatal(err)
						}
						d.flush()
					}
					b.ReportMetric(float64(out.n)/float64(b.N)/float64(len(data)), "out/byte")
				})
			}
		}
	}
}
