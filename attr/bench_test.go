package attr_test

import (
	"testing"

	"github.com/nlwire/nlwire/attr"
)

var sink link

func BenchmarkDecode(b *testing.B) {
	buf := fixture()
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		var l link
		if err := decodeFixture(buf, &l); err != nil || l.attrs != fixtureAttrs {
			b.Fatal(err, l.attrs)
		}
		sink = l
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/fixtureAttrs, "ns/attr")
}

func BenchmarkDecodeHandwritten(b *testing.B) {
	buf := fixture()
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		var l link
		if !handwalk(buf, &l) || l.attrs != fixtureAttrs {
			b.Fatal(l.attrs)
		}
		sink = l
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/fixtureAttrs, "ns/attr")
}

func BenchmarkEncode(b *testing.B) {
	stats := fixtureStats()
	buf := make([]byte, 0, 1024)
	b.SetBytes(int64(len(fixture())))
	b.ReportAllocs()
	for b.Loop() {
		e := attr.NewFixedEncoder(buf)
		buildFixture(&e, stats)
		if _, err := e.Finish(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/fixtureAttrs, "ns/attr")
}
