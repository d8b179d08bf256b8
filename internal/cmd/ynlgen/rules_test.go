package main

import (
	"strings"
	"testing"

	"github.com/nlwire/nlwire/ynl"
)

// A spec with one attribute per construct whose policy ynl-gen-c
// (Linux 6.12) decides; the comments give the C it writes.
const rulesSpec = `
name: demo
definitions:
  - {name: max-name, type: const, value: 15}
  - {name: kind, type: enum, entries: [a, b, c]}
  - {name: skind, type: enum, value-start: 2, entries: [x, y]}
  - {name: caps, type: flags, value-start: 1, entries: [r, w]}
attribute-sets:
  - name: all
    attributes:
      - {name: plain, type: u32}                              # { .type = NLA_U32, }
      - {name: min, type: u32, checks: {min: 1}}              # NLA_POLICY_MIN(NLA_U32, 1)
      - {name: rng, type: u16, checks: {min: 1, max: 4094}}   # NLA_POLICY_RANGE(NLA_U16, 1, 4094)
      - {name: full, type: u32, checks: {max: s32-max}}       # NLA_POLICY_FULL_RANGE: { .max = S32_MAX }
      - {name: enum, type: u8, enum: kind}                    # NLA_POLICY_MAX(NLA_U8, 2)
      - {name: senum, type: u32, enum: skind}                 # NLA_POLICY_RANGE(NLA_U32, 2, 3)
      - {name: flags, type: u32, enum: caps}                  # NLA_POLICY_MASK(NLA_U32, 0x6)
      - {name: fmask, type: u32, checks: {flags-mask: caps}}  # NLA_POLICY_MASK(NLA_U32, 0x3)
      - {name: str, type: string}                             # { .type = NLA_NUL_STRING, }
      - {name: strmax, type: string, checks: {max-len: max-name}} # { .type = NLA_NUL_STRING, .len = DEMO_MAX_NAME, }
      - {name: unterm, type: string, checks: {unterminated-ok: true}} # { .type = NLA_STRING, }
      - {name: bin, type: binary}                             # { .type = NLA_BINARY, }
      - {name: exact, type: binary, checks: {exact-len: 16}}  # NLA_POLICY_EXACT_LEN(16)
      - {name: minlen, type: binary, checks: {min-len: 4}}    # { .len = 4, }
      - {name: bf, type: bitfield32, enum: caps}              # NLA_POLICY_BITFIELD32(6)
      - {name: flag, type: flag}                              # { .type = NLA_FLAG, }
      - {name: pad, type: pad}                                # (none)
      - {name: sint, type: s32}                               # { .type = NLA_S32, }
      - {name: neg, type: s32, checks: {min: -40000}}         # NLA_POLICY_FULL_RANGE_SIGNED: { .min = -40000 }
      - {name: u64max, type: u64, checks: {max: u64-max}}     # NLA_POLICY_FULL_RANGE: { .max = U64_MAX }
operations:
  list:
    - name: get
      attribute-set: all
      do:
        request:
          attributes: [plain]
`

func TestRules(t *testing.T) {
	spec, err := ynl.Parse(strings.NewReader(rulesSpec))
	if err != nil {
		t.Fatal(err)
	}
	g, err := newGen(spec, source{Path: "demo.yaml", Tree: "Linux 6.12"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"plain":  "{Kind: validate.U32}",
		"min":    "{Kind: validate.U32, Check: validate.CheckMin, Min: 1}",
		"rng":    "{Kind: validate.U16, Check: validate.CheckRange, Min: 1, Max: 4094}",
		"full":   "{Kind: validate.U32, Check: validate.CheckRange, Min: 0, Max: 2147483647}",
		"enum":   "{Kind: validate.U8, Check: validate.CheckMax, Max: 2}",
		"senum":  "{Kind: validate.U32, Check: validate.CheckRange, Min: 2, Max: 3}",
		"flags":  "{Kind: validate.U32, Check: validate.CheckMask, Mask: 0x6}",
		"fmask":  "{Kind: validate.U32, Check: validate.CheckMask, Mask: 0x3}",
		"str":    "{Kind: validate.NulString}",
		"strmax": "{Kind: validate.NulString, Len: 15}",
		"unterm": "{Kind: validate.String}",
		"bin":    "{Kind: validate.Binary}",
		"exact":  "{Kind: validate.Binary, Check: validate.CheckRange, Min: 16, Max: 16}",
		"minlen": "{Kind: validate.Unspec, Len: 4}",
		"bf":     "{Kind: validate.Bitfield32, Mask: 0x6}",
		"flag":   "{Kind: validate.Flag}",
		"pad":    "",
		"sint":   "{Kind: validate.S32}",
		"neg":    "{Kind: validate.S32, Check: validate.CheckRange, Min: -40000, Max: 0}",
		"u64max": "{Kind: validate.U64, Check: validate.CheckRange, Min: 0, Max: -1}",
	}
	for _, a := range spec.AttrSet("all").Attributes {
		got, err := g.ruleLit(a)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		if w, ok := want[a.Name]; !ok || got != w {
			t.Errorf("%s: %s, want %s", a.Name, got, w)
		}
	}
	if _, err := g.files(); err != nil {
		t.Fatal(err)
	}
}
