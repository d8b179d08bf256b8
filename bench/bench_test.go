//go:build linux

package bench

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
)

// TestDecodersAgree checks, before anything is timed, that every library
// decodes the fixture to the same values.
func TestDecodersAgree(t *testing.T) {
	b := fixture()
	if len(b) < 400 || len(b) > 440 {
		t.Errorf("fixture is %d bytes, want about 420", len(b))
	}
	want := fixtureLink.want(false)
	for _, d := range decoders {
		var got link
		if err := d.decode(b, &got); err != nil {
			t.Errorf("%s: %v", d.name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got)\n%s", d.name, diff)
		}
	}
}

// TestEncodersAgree checks that every library builds the same bytes, and
// that they decode to the fixture's values.
func TestEncodersAgree(t *testing.T) {
	for _, e := range encoders {
		ref, err := encoderRef(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.encode(make([]byte, 0, 1024))
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if !bytes.Equal(got, ref) {
			t.Errorf("%s: built %d bytes that differ from the reference's %d (spec order: %v):\n%x\n%x", e.name, len(got), len(ref), e.spec, got, ref)
		}
		var l link
		if err := decodeHandwritten(got, &l); err != nil {
			t.Errorf("%s: %v", e.name, err)
		}
		if diff := cmp.Diff(fixtureLink.want(false), l); diff != "" {
			t.Errorf("%s (-want +got)\n%s", e.name, diff)
		}
	}
}

// TestDumpWalkersAgree checks that every library finds the 72 links of
// the dump with their values.
func TestDumpWalkersAgree(t *testing.T) {
	dg, specs := dump()
	for _, w := range dumpWalkers {
		out := make([]link, dumpLinks+1)
		n, err := w.walk(dg, out)
		if err != nil || n != dumpLinks {
			t.Errorf("%s: decoded %d of %d links: %v", w.name, n, dumpLinks, err)
		}
		for i, s := range specs {
			if diff := cmp.Diff(s.want(true), out[i]); diff != "" {
				t.Errorf("%s: message %d (-want +got)\n%s", w.name, i, diff)
			}
		}
	}
}

// TestWorkloads runs what cmd/interleave times: every workload's Check,
// then a few iterations of each implementation.
func TestWorkloads(t *testing.T) {
	ws, err := Workloads(false)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if err := w.Check(); err != nil {
			t.Errorf("%s: %v", w.Name, err)
		}
		for _, impl := range w.Impls {
			if err := impl.Run(3); err != nil {
				t.Errorf("%s/%s: %v", w.Name, impl.Name, err)
			}
		}
		if w.Close != nil {
			w.Close()
		}
	}
}

// TestAllocs pins nlwire's zero-allocation paths.
func TestAllocs(t *testing.T) {
	b := fixture()
	buf := make([]byte, 0, 1024)
	dg, _ := dump()
	out := make([]link, dumpLinks)
	for name, f := range map[string]func(){
		"decode": func() {
			var l link
			if decodeNlwire(attr.NewDecoder(b), &l) != nil {
				t.Fatal("decode failed")
			}
		},
		"encode": func() {
			if _, err := encodeNlwire(buf); err != nil {
				t.Fatal(err)
			}
		},
		"generated decode": func() {
			var l link
			if decodeGenerated(b, &l) != nil || l.Attrs != fixtureAttrs {
				t.Fatal("decode failed")
			}
		},
		"generated encode": func() {
			if _, err := encodeGenerated(buf); err != nil {
				t.Fatal(err)
			}
		},
		"generated builder": func() {
			if _, err := encodeGeneratedBuilder(buf); err != nil {
				t.Fatal(err)
			}
		},
		"handwritten-spec encode": func() {
			if _, err := encodeHandwrittenSpec(buf); err != nil {
				t.Fatal(err)
			}
		},
		"dump": func() {
			if n, err := walkNlwire(dg, out); err != nil || n != dumpLinks {
				t.Fatal("walk failed")
			}
		},
		"validate": func() {
			if validateOpts.Validate(b, &linkPolicy, validate.ModeLiberal) != nil {
				t.Fatal("rejected")
			}
		},
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %v allocs, want 0", name, n)
		}
	}
}

func perAttr(b *testing.B, attrs int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(attrs), "ns/attr")
}

// BenchmarkAttrDecode: iterate and read every attribute of the
// RTM_NEWLINK with typed reads, recursing into the nests.
func BenchmarkAttrDecode(b *testing.B) {
	buf := fixture()
	want := fixtureLink.want(false)
	for _, d := range decoders {
		b.Run(d.name, func(b *testing.B) {
			var l link
			if err := d.decode(buf, &l); err != nil || !cmp.Equal(l, want) {
				b.Fatalf("%s does not decode the fixture: %v\n%s", d.name, err, cmp.Diff(want, l))
			}
			b.SetBytes(int64(len(buf)))
			b.ReportAllocs()
			// l is reused: it escapes through the indirect call once, not
			// once per iteration, for every library alike.
			for b.Loop() {
				l = link{}
				if d.only != nil {
					// The result is only's own value (see decoder).
					if err := d.only(&genSet, buf, &genOpts); err != nil {
						b.Fatal(err)
					}
					continue
				}
				if err := d.decode(buf, &l); err != nil || l.Attrs != fixtureAttrs {
					b.Fatal(err, l.Attrs)
				}
			}
			sinkLink = l
			perAttr(b, fixtureAttrs)
		})
	}
}

// BenchmarkAttrEncode: build the RTM_NEWLINK's attributes into a reused
// buffer.
func BenchmarkAttrEncode(b *testing.B) {
	for _, e := range encoders {
		ref, _ := encoderRef(e)
		b.Run(e.name, func(b *testing.B) {
			buf := make([]byte, 0, 1024)
			out, err := e.encode(buf)
			if err != nil || !bytes.Equal(out, ref) {
				b.Fatalf("%s does not build the fixture: %v", e.name, err)
			}
			b.SetBytes(int64(len(ref)))
			b.ReportAllocs()
			for b.Loop() {
				out, err = e.encode(buf)
				if err != nil {
					b.Fatal(err)
				}
			}
			if len(out) != len(ref) {
				b.Fatal("short build")
			}
			perAttr(b, fixtureAttrs)
		})
	}
}

// BenchmarkMessages: walk a 32 KiB datagram of 72 RTM_NEWLINK messages
// and decode every attribute of every message.
func BenchmarkMessages(b *testing.B) {
	dg, specs := dump()
	for _, w := range dumpWalkers {
		b.Run(w.name, func(b *testing.B) {
			out := make([]link, dumpLinks)
			n, err := w.walk(dg, out)
			if err != nil || n != dumpLinks {
				b.Fatalf("%s: decoded %d of %d links: %v", w.name, n, dumpLinks, err)
			}
			for i, s := range specs {
				if !cmp.Equal(s.want(true), out[i]) {
					b.Fatalf("%s: message %d decodes wrong:\n%s", w.name, i, cmp.Diff(s.want(true), out[i]))
				}
			}
			b.SetBytes(int64(len(dg)))
			b.ReportAllocs()
			for b.Loop() {
				if n, err := w.walk(dg, out); err != nil || n != dumpLinks {
					b.Fatal(n, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/dumpLinks, "ns/msg")
			perAttr(b, dumpLinks*fixtureAttrs)
		})
	}
}

// BenchmarkDumpShapes: the Messages work with its layers apart (the
// DumpShapes workload of cmd/interleave, one walker at a time).
func BenchmarkDumpShapes(b *testing.B) {
	dg, _ := dump()
	for _, w := range dumpShapes {
		b.Run(w.name, func(b *testing.B) {
			out := make([]link, dumpLinks)
			b.ReportAllocs()
			for b.Loop() {
				if n, err := w.walk(dg, out); err != nil || n != dumpLinks {
					b.Fatal(n, err)
				}
			}
		})
	}
}

// BenchmarkValidate: validate.Validate of the fixture against a policy
// modelled on the kernel's ifla_policy, as given and compiled; compare
// with BenchmarkAttrDecode/nlwire, the plain decoding of the same bytes.
func BenchmarkValidate(b *testing.B) {
	buf := fixture()
	for _, pol := range []struct {
		name string
		p    *validate.Policy
	}{{"nlwire", &linkPolicy}, {"compiled", validate.Compile(&linkPolicy)}} {
		b.Run(pol.name, func(b *testing.B) {
			if err := validateOpts.Validate(buf, pol.p, validate.ModeLiberal); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(buf)))
			b.ReportAllocs()
			for b.Loop() {
				if validateOpts.Validate(buf, pol.p, validate.ModeLiberal) != nil {
					b.Fatal("rejected")
				}
			}
			perAttr(b, fixtureAttrs)
		})
	}
}
