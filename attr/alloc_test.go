package attr_test

import (
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

func TestDecodeAllocs(t *testing.T) {
	b := fixture()
	tests := []struct {
		name string
		fn   func()
	}{
		{"fixture walk and typed reads", func() {
			var l link
			if err := decodeFixture(b, &l); err != nil {
				panic(err)
			}
		}},
		{"every typed read", func() {
			d := attr.NewDecoder(b).WithOrder(nlwire.BigEndian).WithBase(32).Lenient()
			for d.Next() {
				c := d
				c.Uint8()
				c = d
				c.Uint16()
				c = d
				c.Uint32()
				c = d
				c.Uint64()
				c = d
				c.Int8()
				c.Int16()
				c.Int32()
				c.Int64()
				c = d
				c.Uint()
				c = d
				c.Int()
				c = d
				c.BE16()
				c = d
				c.BE32()
				c = d
				c.BE64()
				c = d
				c.Flag()
				c = d
				c.Bitfield32()
				_ = d.StringBytes()
				_ = d.Offset() + d.Len() + int(d.Flags()+d.RawType())
				n := d.Nested()
				for n.Next() {
				}
				_ = n.Err()
			}
			_ = d.Leftover()
		}},
		{"Find", func() {
			d := attr.NewDecoder(b)
			a, ok := d.Find(iflaMaxMTU)
			if !ok || a.Uint32() != 65535 {
				panic("find")
			}
		}},
		{"All", func() {
			d := attr.NewDecoder(b)
			n := 0
			for _, a := range d.All() {
				n += a.Len()
			}
			if d.Err() != nil {
				panic(d.Err())
			}
		}},
		{"Scatter", func() {
			var tb [64]attr.Decoder
			d := attr.NewDecoder(b)
			if err := d.Scatter(tb[:]); err != nil || tb[iflaMTU].Uint32() != 1500 {
				panic(err)
			}
		}},
		{"Array", func() {
			d := attr.NewDecoder(b)
			d.Find(iflaAFSpec)
			for _, el := range d.Array() {
				for el.Next() {
				}
			}
		}},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.fn); n != 0 {
			t.Errorf("%s: %v allocs, want 0", tt.name, n)
		}
	}
}

func TestEncodeAllocs(t *testing.T) {
	stats := fixtureStats()
	buf := make([]byte, 0, 2048)
	tests := []struct {
		name string
		fn   func()
	}{
		{"fixture, fixed", func() {
			e := attr.NewFixedEncoder(buf)
			buildFixture(&e, stats)
			if _, err := e.Finish(); err != nil {
				panic(err)
			}
		}},
		{"fixture, reused", func() {
			e := attr.NewEncoder(buf).WithOrder(nlwire.BigEndian)
			buildFixture(&e, stats)
			e.Reset()
			buildFixture(&e, stats)
			if _, err := e.Finish(); err != nil {
				panic(err)
			}
		}},
		{"every put", func() {
			e := attr.NewFixedEncoder(buf)
			h := e.Header(16)
			h[0] = 1
			e.Raw(stats[:3])
			e.Uint8(1, 1)
			e.Uint16(1, 1)
			e.Uint32(1, 1)
			e.Uint64(1, 1)
			e.Int8(1, 1)
			e.Int16(1, 1)
			e.Int32(1, 1)
			e.Int64(1, 1)
			e.Uint(1, 1<<40)
			e.Int(1, -1)
			e.BE16(1, 1)
			e.BE32(1, 1)
			e.BE64(1, 1)
			e.Net16(1, 1)
			e.Net32(1, 1)
			e.Net64(1, 1)
			e.Flag(1)
			e.Put(1, stats[:7])
			e.String(1, "eth0")
			e.Bitfield32(1, 1, 1)
			e.Uint64bit(1, 1, 2)
			e.Put64bit(1, stats[:8], 2)
			arr := e.Begin(2)
			el := e.Element(&arr)
			e.End(el)
			e.End(arr)
			if _, err := e.Finish(); err != nil {
				panic(err)
			}
		}},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.fn); n != 0 {
			t.Errorf("%s: %v allocs, want 0", tt.name, n)
		}
	}
}
