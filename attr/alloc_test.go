package attr_test

import (
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// readAll makes every typed read that fits each attribute's length,
// recursing into nests.
func readAll(d attr.Decoder) {
	for d.Next() {
		switch d.Len() {
		case 0:
			d.Flag()
		case 1:
			d.Uint8()
			d.Int8()
		case 2:
			d.Uint16()
			d.Int16()
			d.BE16()
		case 4:
			d.Uint32()
			d.Int32()
			d.BE32()
			d.Uint()
			d.Int()
		case 8:
			d.Uint64()
			d.Int64()
			d.BE64()
			d.Uint()
			d.Int()
			d.Bitfield32()
		}
		_ = d.StringBytes()
		_ = d.Offset() + d.Len() + int(d.Flags()+d.RawType())
		if d.Flags()&attr.FlagNested != 0 {
			readAll(d.Nested())
		}
	}
	if d.Err() != nil || d.Leftover() != 0 {
		panic(d.Err())
	}
}

func TestDecodeAllocs(t *testing.T) {
	b := fixture()
	var byOrder [2][]byte
	for i, o := range orders {
		e := attr.NewEncoder(nil).WithOrder(o)
		buildFixture(&e, fixtureStats())
		byOrder[i], _ = e.Finish()
	}
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
		{"every typed read, both orders", func() {
			for i, o := range orders {
				readAll(attr.NewDecoder(byOrder[i]).WithOrder(o).WithBase(32).Lenient())
			}
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
			a, ok := attr.NewDecoder(b).Find(iflaAFSpec)
			n := 0
			for _, el := range a.Array() {
				for el.Next() {
					n++
				}
			}
			if !ok || n == 0 {
				panic("no array elements walked")
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
			e.StringBytes(3, []byte("eth0"))
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
