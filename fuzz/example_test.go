package fuzz_test

import (
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

// Fuzz a parser with runs drawn from the kernel's policy: the parser must
// accept every run the policy accepts. In a fuzz target, draw with
// fuzz.FromBytes(input, &policy) instead of a seeded random source.
func Example() {
	policy := validate.Policy{Rules: []validate.Rule{
		3: {Kind: validate.String, Len: 15}, // IFLA_IFNAME
		4: {Kind: validate.U32},             // IFLA_MTU
	}}
	r := rand.New(rand.NewPCG(1, 2))
	bad := 0
	for i := 0; i < 1000; i++ {
		run := fuzz.Random(r, &policy)
		if validate.Validate(run, &policy, validate.ModeStrict) != nil {
			continue // the kernel would reject it: the parser may too
		}
		if _, _, err := parseLink(run); err != nil {
			bad++
		}
	}
	fmt.Println("valid runs the parser rejected:", bad)
	// Output: valid runs the parser rejected: 0
}
