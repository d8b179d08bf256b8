//go:build linux

package bench

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
)

// An Impl is one implementation of a workload: Run performs n
// iterations over fixtures built beforehand and returns the first error.
type Impl struct {
	Name string
	Run  func(n int) error
}

// A Ratio is a quotient of two implementations' times per operation,
// Num/Den, that the runner reports per round; Target is the goal it is
// held to (DESIGN.md, "Performance targets"), "" for none: ">= 20" or
// "<= 1.10".
type Ratio struct {
	Num, Den string
	Target   string
}

// A Workload is a set of implementations of the same work on the same
// bytes. Check verifies that every implementation computes the expected
// result; the runner calls it before timing anything. Close releases
// what the workload holds (a namespace), if anything.
type Workload struct {
	Name   string
	What   string
	Impls  []Impl
	Ratios []Ratio
	Check  func() error
	Close  func()
}

var sinkLink link

// Workloads returns the in-process workloads of the package, the ones
// its Benchmark functions time one at a time, for a runner that
// interleaves them (cmd/interleave). With socket, it adds LinkDump,
// which needs root and the ip command and makes a network namespace;
// its error is returned along with the other workloads when it cannot.
func Workloads(socket bool) ([]Workload, error) {
	ws := []Workload{attrDecodeWorkload(), shapesWorkload(), messagesWorkload(), dumpShapesWorkload(), validateWorkload(), attrEncodeWorkload(),
		generatedDecodeWorkload(), generatedEncodeWorkload()}
	if !socket {
		return ws, nil
	}
	w, err := linkDumpWorkload()
	if err != nil {
		return ws, err
	}
	return append(ws, w), nil
}

func attrDecodeWorkload() Workload {
	return decodeWorkload(Workload{
		Name: "AttrDecode",
		What: fmt.Sprintf("attr decode of the %d-attribute RTM_NEWLINK (%d bytes)", fixtureAttrs, len(fixture())),
		Ratios: []Ratio{
			{"nlwire", "handwritten", "<= 1.10"},
			{"mdlayher", "nlwire", ""},
			{"vishvananda", "nlwire", ""},
			{"mdlayher", "handwritten", ""},
		},
	}, slices.DeleteFunc(slices.Clone(decoders), func(d decoder) bool { return strings.HasPrefix(d.name, "generated") }))
}

// decoderNamed returns the decoder of that name in decoders.
func decoderNamed(name string) decoder {
	for _, d := range decoders {
		if d.name == name {
			return d
		}
	}
	panic("no decoder " + name)
}

// generatedDecodeWorkload sets the generated rtlink.LinkSet's Decode
// (and Decode with the getters read into a link) against the
// hand-written walk (and attr.Decoder) on the AttrDecode fixture.
func generatedDecodeWorkload() Workload {
	return decodeWorkload(Workload{
		Name: "GeneratedDecode",
		What: fmt.Sprintf("generated rtlink.LinkSet Decode of the %d-attribute RTM_NEWLINK (+getters: and its 26 values read into the walk's struct)", fixtureAttrs),
		Ratios: []Ratio{
			{"generated", "handwritten", "<= 1.05"},
			{"generated+getters", "handwritten", ""},
			{"generated", "nlwire", ""},
		},
	}, []decoder{decoderNamed("generated"), decoderNamed("generated+getters"), decoderNamed("handwritten"), decoderNamed("nlwire")})
}

// generatedEncodeWorkload sets the generated builders, and the
// generated setters and Encode, against a hand-written encoder of the
// same bytes (the spec's attribute order).
func generatedEncodeWorkload() Workload {
	var spec []encoder
	for _, e := range encoders {
		if e.spec {
			spec = append(spec, e)
		}
	}
	return encodeWorkload(Workload{
		Name: "GeneratedEncode",
		What: "generated rtlink.LinkSetBuilder (-set: rtlink.LinkSet setters + Encode) of the RTM_NEWLINK's attributes into a reused buffer",
		Ratios: []Ratio{
			{"generated", "handwritten-spec", "<= 1.10"},
			{"generated-set", "handwritten-spec", ""},
		},
	}, spec)
}

// shapesWorkload measures what attr.Decoder's features cost: the same
// decode through reduced copies of it (shapes.go) and through it, against
// the hand-written walk.
func shapesWorkload() Workload {
	return decodeWorkload(Workload{
		Name: "DecoderShapes",
		What: "the same decode through reduced decoders of attr.Decoder's shape",
		Ratios: []Ratio{
			{"minimal", "handwritten", ""},
			{"ordered", "handwritten", ""},
			{"nlwire", "handwritten", ""},
		},
	}, []decoder{
		{"minimal", func(b []byte, l *link) error { return decodeMinimal(minimalDecoder{rest: b}, l) }, nil},
		{"ordered", func(b []byte, l *link) error {
			return decodeOrdered(orderedDecoder{minimalDecoder: minimalDecoder{rest: b}}, l)
		}, nil},
		decoders[0],               // nlwire
		decoders[len(decoders)-1], // handwritten
	})
}

// decodeWorkload fills w with an implementation per decoder that
// decodes the fixture, and a Check that each yields the expected link.
func decodeWorkload(w Workload, decoders []decoder) Workload {
	buf := fixture()
	want := fixtureLink.want(false)
	for _, d := range decoders {
		decode, only := d.decode, d.only
		w.Impls = append(w.Impls, Impl{d.name, func(n int) error {
			var l link
			for range n {
				l = link{}
				if only != nil {
					// The result is only's own value; l is zeroed all the
					// same, so that every implementation does that work.
					if err := only(&genSet, buf, &genOpts); err != nil {
						return err
					}
					continue
				}
				if err := decode(buf, &l); err != nil {
					return err
				}
				if l.Attrs != fixtureAttrs {
					return errors.New("attributes missed")
				}
			}
			sinkLink = l
			return nil
		}})
	}
	w.Check = func() error {
		for _, d := range decoders {
			var l link
			if err := d.decode(buf, &l); err != nil {
				return fmt.Errorf("%s: %v", d.name, err)
			}
			if !reflect.DeepEqual(l, want) {
				return fmt.Errorf("%s decodes the fixture to %+v, want %+v", d.name, l, want)
			}
		}
		return nil
	}
	return w
}

func messagesWorkload() Workload {
	return dumpWorkload(Workload{
		Name: "Messages",
		Ratios: []Ratio{
			{"nlwire", "handwritten", "<= 1.20"},
			{"mdlayher", "nlwire", ""},
			{"vishvananda", "nlwire", ""},
		},
	}, "walk + decode of a %d KiB dump of %d RTM_NEWLINK messages", dumpWalkers)
}

func dumpShapesWorkload() Workload {
	return dumpWorkload(Workload{
		Name: "DumpShapes",
		Ratios: []Ratio{
			{"hand+minimal", "hand+hand", ""},
			{"hand+ordered", "hand+hand", ""},
			{"hand+attr.Decoder", "hand+hand", ""},
			{"wire.Reader+hand", "hand+hand", ""},
			{"nlwire", "hand+hand", ""},
		},
	}, "the %d KiB dump of %d messages, split by hand or by wire.Reader, decoded by hand, by attr.Decoder or by the reduced decoders", dumpShapes)
}

// dumpWorkload fills w with an implementation per walker that walks and
// decodes the dump, and a Check that each yields the expected links;
// what is w.What, given the dump's size in KiB and its messages.
func dumpWorkload(w Workload, what string, walkers []dumpWalker) Workload {
	dg, specs := dump()
	w.What = fmt.Sprintf(what, (len(dg)+1023)>>10, dumpLinks)
	for _, dw := range walkers {
		walk := dw.walk
		out := make([]link, dumpLinks)
		w.Impls = append(w.Impls, Impl{dw.name, func(n int) error {
			for range n {
				if k, err := walk(dg, out); err != nil || k != dumpLinks {
					return fmt.Errorf("decoded %d of %d links: %v", k, dumpLinks, err)
				}
			}
			return nil
		}})
	}
	w.Check = func() error {
		for _, dw := range walkers {
			out := make([]link, dumpLinks+1)
			k, err := dw.walk(dg, out)
			if err != nil || k != dumpLinks {
				return fmt.Errorf("%s: decoded %d of %d links: %v", dw.name, k, dumpLinks, err)
			}
			for i, s := range specs {
				if !reflect.DeepEqual(out[i], s.want(true)) {
					return fmt.Errorf("%s: message %d decodes to %+v", dw.name, i, out[i])
				}
			}
		}
		return nil
	}
	return w
}

func validateWorkload() Workload {
	buf := fixture()
	compiled := validate.Compile(&linkPolicy)
	return Workload{
		Name: "Validate",
		What: "validate against an ifla_policy model (as given, and compiled) vs plain decode of the RTM_NEWLINK",
		Impls: []Impl{
			{"validate", func(n int) error {
				for range n {
					if err := validateOpts.Validate(buf, &linkPolicy, validate.ModeLiberal); err != nil {
						return err
					}
				}
				return nil
			}},
			{"compiled", func(n int) error {
				for range n {
					if err := validateOpts.Validate(buf, compiled, validate.ModeLiberal); err != nil {
						return err
					}
				}
				return nil
			}},
			{"decode", func(n int) error {
				var l link
				for range n {
					l = link{}
					if err := decodeNlwire(attr.NewDecoder(buf), &l); err != nil {
						return err
					}
				}
				sinkLink = l
				return nil
			}},
		},
		Ratios: []Ratio{{"compiled", "decode", "<= 1.50"}, {"validate", "decode", ""}},
		Check: func() error {
			if err := validateOpts.Validate(buf, &linkPolicy, validate.ModeLiberal); err != nil {
				return err
			}
			return validateOpts.Validate(buf, compiled, validate.ModeLiberal)
		},
	}
}

func attrEncodeWorkload() Workload {
	return encodeWorkload(Workload{
		Name: "AttrEncode",
		What: "encode of the RTM_NEWLINK's attributes into a reused buffer",
		Ratios: []Ratio{
			{"mdlayher", "nlwire", ">= 20"},
			{"vishvananda", "nlwire", ""},
		},
	}, slices.DeleteFunc(slices.Clone(encoders), func(e encoder) bool { return e.spec }))
}

// encodeWorkload fills w with an implementation per encoder that builds
// the fixture's attributes into a reused buffer, and a Check that each
// builds its reference bytes (encoderRef).
func encodeWorkload(w Workload, encoders []encoder) Workload {
	for _, e := range encoders {
		encode := e.encode
		ref, err := encoderRef(e)
		if err != nil {
			panic(err)
		}
		buf := make([]byte, 0, 1024)
		w.Impls = append(w.Impls, Impl{e.name, func(n int) error {
			for range n {
				out, err := encode(buf)
				if err != nil {
					return err
				}
				if len(out) != len(ref) {
					return errors.New("short build")
				}
			}
			return nil
		}})
	}
	w.Check = func() error {
		for _, e := range encoders {
			ref, err := encoderRef(e)
			if err != nil {
				return err
			}
			got, err := e.encode(make([]byte, 0, 1024))
			if err != nil {
				return fmt.Errorf("%s: %v", e.name, err)
			}
			if !bytes.Equal(got, ref) {
				if e.spec {
					return fmt.Errorf("%s builds bytes that differ from encodeHandwrittenSpec's", e.name)
				}
				return fmt.Errorf("%s builds bytes that differ from nlwire's", e.name)
			}
		}
		return nil
	}
	return w
}
