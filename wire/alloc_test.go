package wire

import (
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/testenv"
)

func TestNoAllocs(t *testing.T) {
	dump := loadRecording(t, "dump_getlink.hex").datagrams[0]
	errMsg := loadRecording(t, "err_mtu_short.hex").datagrams[0]
	hdr := Header{Len: 16, Type: 0x10, Flags: Request | Dump, Seq: 1}
	buf := make([]byte, 0, 4096)
	tests := []struct {
		name string
		fn   func()
	}{
		{"Reader", func() {
			r := NewReader(dump).WithOrder(le)
			for r.Next() {
				_ = r.Payload()
			}
			if r.Err() != nil {
				panic(r.Err())
			}
		}},
		{"Reader.Attrs", func() {
			r := NewReader(dump).WithOrder(le)
			for r.Next() {
				d := r.Attrs(16)
				for d.Next() {
				}
			}
		}},
		{"ParseHeader", func() { _, _ = ParseHeader(dump, le) }},
		{"Header.Append", func() { _ = hdr.Append(buf[:0], nlwire.BigEndian) }},
		{"Flags.Append", func() { _ = (Request | Dump | Ack).Append(buf[:0], OpGet) }},
		{"ParseError", func() {
			if _, err := ParseError(errMsg, le); err != nil {
				panic(err)
			}
		}},
		{"Builder", func() {
			b := NewBuilder(buf[:0])
			for i := 0; i < 4; i++ {
				m := b.Start(hdr)
				PutFixedHeader(&b, testHdr{n: 8, a: 1, b: 2})
				b.FamilyHeader(8)
				e := b.Attrs()
				e.String(3, "eth0")
				e.Uint32(4, 1500)
				n := e.Begin(18)
				e.String(1, "vlan")
				e.End(n)
				b.End(m)
			}
			if _, err := b.Finish(); err != nil {
				panic(err)
			}
		}},
		{"FixedBuilder", func() {
			b := NewFixedBuilder(buf[:0])
			m := b.Start(hdr)
			b.Attrs().Uint32(4, 1500)
			b.End(m)
			if _, err := b.Finish(); err != nil {
				panic(err)
			}
		}},
		{"AppendError", func() {
			e := Error{Errno: nlwire.ERANGE, Msg: []byte("Attribute failed policy validation"), Offset: 32, Policy: errMsg[112:144]}
			if _, err := AppendError(buf[:0], errMsg[20:60], &e, AckOptions{Order: le}); err != nil {
				panic(err)
			}
		}},
		{"AppendAck", func() {
			if _, err := AppendAck(buf[:0], errMsg[20:60], AckOptions{Order: le}); err != nil {
				panic(err)
			}
		}},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.fn); n != 0 {
			t.Errorf("%s: %v allocations, want 0", tt.name, n)
		}
	}
}

// TestImports checks that wire depends on the standard library and this
// module only, and not on fmt (DESIGN.md).
func TestImports(t *testing.T) { testenv.CheckCodecImports(t) }
