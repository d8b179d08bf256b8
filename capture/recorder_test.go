package capture

import (
	"bytes"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRecorder(t *testing.T) {
	for _, f := range []Format{PCAP, PCAPNG} {
		t.Run(f.String(), func(t *testing.T) {
			var file bytes.Buffer
			w, err := NewWriter(&file, f)
			if err != nil {
				t.Fatal(err)
			}
			rec := NewRecorder(w, 16)
			req := sampleRecords()[0].Data
			reply := sampleRecords()[1].Data
			before := time.Now()
			// Two sockets sharing the Recorder.
			var wg sync.WaitGroup
			for range 2 {
				wg.Go(func() {
					rec.Record(true, req)
					rec.Record(false, reply)
				})
			}
			wg.Wait()
			if err := rec.Err(); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			r, err := NewReader(&file)
			if err != nil {
				t.Fatal(err)
			}
			type seen struct {
				Protocol, PktType uint16
				Data              []byte
			}
			var got []seen
			for r.Next() {
				rc := r.Record()
				if rc.Time.Before(before.Truncate(time.Microsecond)) || rc.Time.After(time.Now()) {
					t.Errorf("record %d: time %v", rc.Index, rc.Time)
				}
				if f == PCAPNG {
					want := DirectionInbound
					if rc.PktType == PacketOutgoing {
						want = DirectionOutbound
					}
					if rc.Direction != want {
						t.Errorf("record %d: direction %v, pkttype %d", rc.Index, rc.Direction, rc.PktType)
					}
				}
				got = append(got, seen{rc.Protocol, rc.PktType, bytes.Clone(rc.Data)})
			}
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			out, in := seen{16, PacketOutgoing, req}, seen{16, PacketHost, reply}
			// Each goroutine's pair is in order; the pairs may interleave.
			var outs, ins []seen
			for _, s := range got {
				if s.PktType == PacketOutgoing {
					outs = append(outs, s)
				} else {
					ins = append(ins, s)
				}
			}
			if diff := cmp.Diff([]seen{out, out}, outs); diff != "" {
				t.Errorf("sent datagrams (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]seen{in, in}, ins); diff != "" {
				t.Errorf("received datagrams (-want +got):\n%s", diff)
			}
		})
	}
}

// failWriter fails every write after the first n bytes.
type failWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errDiskFull
	}
	f.n -= len(p)
	return len(p), nil
}

func TestRecorderLatchesError(t *testing.T) {
	w, err := NewWriter(&failWriter{n: 24}, PCAP) // room for the file header only
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rec := NewRecorder(w, 0)
	rec.Record(false, make([]byte, 200<<10)) // more than the Writer buffers
	if err := rec.Err(); !errors.Is(err, errDiskFull) {
		t.Fatalf("Err after a failed write = %v, want disk full", err)
	}
	rec.Record(true, []byte{1, 2, 3, 4}) // a no-op now
	if err := rec.Err(); !errors.Is(err, errDiskFull) {
		t.Errorf("Err = %v, want the first error", err)
	}
}
