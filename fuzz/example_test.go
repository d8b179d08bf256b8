package fuzz_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/fuzz"
	"github.com/nlwire/nlwire/validate"
)

// parseLink is a small parser under test: it reads IFLA_MTU (a u32) and
// IFLA_IFNAME (a string of at most 15 bytes).
func parseLink(b []byte) (mtu uint32, name string, err error) {
	d := attr.NewDecoder(b)
	for d.Next() {
		switch d.Type() {
		case 4:
			mtu = d.Uint32()
		case 3:
			if name = d.String(); len(name) > 15 {
				return 0, "", errors.New("name too long")
			}
		}
	}
	return mtu, name, d.Err()
}

// Fuzz a parser with runs drawn from the kernel's policy: it must accept
// every run the policy accepts, and reject the runs whose lengths the
// kernel refuses. In a native fuzz target, draw with g.FromBytes(input)
// instead of a seeded random source, so that the fuzzer steers the runs:
//
//	f.Fuzz(func(t *testing.T, input []byte) {
//		run := fuzz.Generator{Policy: &policy}.FromBytes(input)
//		if _, _, err := parseLink(run.Attrs); err != nil {
//			t.Fatalf("%x: %v", run.Attrs, err)
//		}
//	})
func Example() {
	policy := validate.Policy{Rules: []validate.Rule{
		3: {Kind: validate.String, Len: 15}, // IFLA_IFNAME
		4: {Kind: validate.U32},             // IFLA_MTU
	}}
	r := rand.New(rand.NewPCG(1, 2))
	valid := fuzz.Generator{Policy: &policy}
	badLength := fuzz.Generator{Policy: &policy, Violation: fuzz.Length}
	rejected, accepted := 0, 0
	for range 1000 {
		if _, _, err := parseLink(valid.Random(r).Attrs); err != nil {
			rejected++
		}
		run := badLength.Random(r)
		if _, _, err := parseLink(run.Attrs); err == nil {
			accepted++
			fmt.Println("accepted:", run.What)
		}
	}
	fmt.Println("valid runs rejected:", rejected)
	fmt.Println("runs of a bad length accepted:", accepted)
	// Output:
	// valid runs rejected: 0
	// runs of a bad length accepted: 0
}

// parseLinkLiberal reads the same attributes as liberally as the kernel's
// deprecated parsers and most user-space code do: an IFLA_MTU needs at
// least 4 bytes, and more are ignored.
func parseLinkLiberal(b []byte) (mtu uint32, err error) {
	d := attr.NewDecoder(b)
	for d.Next() {
		if d.Type() == 4 {
			if len(d.Bytes()) < 4 {
				return 0, errors.New("short IFLA_MTU")
			}
			mtu = binary.NativeEndian.Uint32(d.Bytes())
		}
	}
	return mtu, d.Err()
}

// Fuzz a liberal parser with the violations a liberal parse rejects. A
// Generator for a strict parser (the default) also draws over-long
// integers, which a liberal parser rightly accepts: misses that are not.
func ExampleGenerator_WithMode() {
	policy := validate.Policy{Rules: []validate.Rule{
		3: {Kind: validate.String, Len: 15}, // IFLA_IFNAME
		4: {Kind: validate.U32},             // IFLA_MTU
	}}
	r := rand.New(rand.NewPCG(1, 2))
	strict := fuzz.Generator{Policy: &policy, Violation: fuzz.Length}
	liberal := strict.WithMode(validate.ModeLiberal)
	missedStrict, missedLiberal := 0, 0
	for range 1000 {
		if run := strict.Random(r); run.Path[0] == 4 {
			if _, err := parseLinkLiberal(run.Attrs); err == nil {
				missedStrict++
			}
		}
		if run := liberal.Random(r); run.Path[0] == 4 {
			if _, err := parseLinkLiberal(run.Attrs); err == nil {
				missedLiberal++
				fmt.Println("accepted:", run.What)
			}
		}
	}
	fmt.Println(liberal.Mode(), "runs accepted:", missedLiberal)
	fmt.Println(strict.Mode(), "runs accepted:", missedStrict > 0)
	// Output:
	// LIBERAL runs accepted: 0
	// STRICT runs accepted: true
}
