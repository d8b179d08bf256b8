package fuzz

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
	"pgregory.net/rapid"
)

var inner = validate.Policy{Rules: []validate.Rule{
	1: validate.Range(validate.U16, 1, 4094),
	2: {Kind: validate.NulString, Len: 15},
}}

var testPolicy = validate.Policy{Rules: []validate.Rule{
	1: {Kind: validate.U32},
	2: {Kind: validate.String, Len: 8},
	3: validate.NestedPolicy(&inner),
	4: validate.Mask(validate.U8, 0x0f),
	5: validate.Bitfield32Policy(0x7),
	6: {Kind: validate.Flag},
	7: validate.ExactLen(6),
	8: validate.NestedArrayPolicy(&inner),
	9: validate.Range(validate.S32, -5, 5),
}}

func TestCases(t *testing.T) {
	cs := Cases(&testPolicy)
	if len(cs) < 200 {
		t.Fatalf("%d cases", len(cs))
	}
	again := Cases(&testPolicy)
	accepted, rejected := 0, 0
	for i, c := range cs {
		if !bytes.Equal(c.Attrs, again[i].Attrs) || c.What != again[i].What {
			t.Fatalf("case %d not deterministic", i)
		}
		err := validate.Validate(c.Attrs, &testPolicy, validate.ModeStrict)
		if strings.HasSuffix(c.What, " valid payload") && err != nil {
			t.Errorf("%s: %v", c.What, err)
		}
		if err == nil {
			accepted++
		} else {
			rejected++
		}
	}
	t.Logf("%d cases: %d accepted, %d rejected", len(cs), accepted, rejected)
	if accepted == 0 || rejected == 0 {
		t.Error("cases should include both verdicts")
	}
}

func TestRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	verdicts := map[bool]int{}
	for range 2000 {
		b := Random(r, &testPolicy)
		verdicts[validate.Validate(b, &testPolicy, validate.ModeStrict) == nil]++
		d := attr.NewDecoder(b).Lenient()
		for d.Next() {
		}
	}
	if verdicts[true] < 200 || verdicts[false] < 200 {
		t.Errorf("verdicts %v: want both often", verdicts)
	}
}

func TestAttrsRapid(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		b := Attrs(&testPolicy).Draw(rt, "attrs")
		// Validation is a pure function of the bytes.
		e1 := validate.Validate(b, &testPolicy, validate.ModeStrict)
		e2 := validate.Validate(b, &testPolicy, validate.ModeStrict)
		if (e1 == nil) != (e2 == nil) {
			rt.Fatal("validation not deterministic")
		}
	})
}
