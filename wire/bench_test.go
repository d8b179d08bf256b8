package wire

import (
	"testing"
)

// dumpDatagram returns a datagram of about size bytes: copies of the
// recorded RTM_NEWLINK for lo (a 1.4 KiB message with nested attributes).
func dumpDatagram(tb testing.TB, size int) (dg []byte, msgs int) {
	rec := loadRecording(tb, "dump_getlink.hex")
	r := NewReader(rec.datagrams[0]).WithOrder(le)
	if !r.Next() {
		tb.Fatal("no message in the recording")
	}
	m := r.Message()
	for len(dg)+Align(len(m)) <= size {
		dg = append(dg, m...)
		dg = append(dg, make([]byte, Align(len(m))-len(m))...)
		msgs++
	}
	return dg, msgs
}

// BenchmarkReader walks a 64 KiB datagram of link-dump messages.
func BenchmarkReader(b *testing.B) {
	dg, msgs := dumpDatagram(b, 64<<10)
	b.SetBytes(int64(len(dg)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(dg).WithOrder(le)
		n := 0
		for r.Next() {
			n++
		}
		if n != msgs || r.Err() != nil {
			b.Fatalf("walked %d of %d messages: %v", n, msgs, r.Err())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*msgs), "ns/msg")
}

// BenchmarkReaderAttrs walks the same datagram and every top-level
// attribute of every message.
func BenchmarkReaderAttrs(b *testing.B) {
	dg, _ := dumpDatagram(b, 64<<10)
	b.SetBytes(int64(len(dg)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewReader(dg).WithOrder(le)
		for r.Next() {
			d := r.Attrs(16)
			for d.Next() {
			}
			if d.Err() != nil {
				b.Fatal(d.Err())
			}
		}
	}
}

// BenchmarkBuilder builds a batch of 16 RTM_NEWLINK requests, each with a
// family header, three attributes and a nest, into a reused buffer.
func BenchmarkBuilder(b *testing.B) {
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		bl := NewBuilder(buf[:0])
		for seq := uint32(0); seq < 16; seq++ {
			m := bl.Start(Header{Type: 16, Flags: Request | Ack | Create | Excl, Seq: seq})
			bl.FamilyHeader(16)
			e := bl.Attrs()
			e.String(3, "veth0")
			e.Uint32(4, 1500)
			li := e.Begin(18)
			e.String(1, "veth")
			e.End(li)
			bl.End(m)
		}
		out, err := bl.Finish()
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.SetBytes(int64(n))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*16), "ns/msg")
}
