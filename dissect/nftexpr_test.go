package dissect_test

import (
	"encoding/hex"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/nftables"
	"github.com/nlwire/nlwire/wire"
)

// Rules Linux 6.18 dumped (NFT_MSG_NEWRULE, NLM_F_MULTI), recorded on
// x86-64 by the reviewer of issue #16: nft with limit and log, and
// nft -f with numgen, dynset, exthdr, hash and connlimit.
const (
	nftRuleLimitLog  = "88010000060a020800000000123d00000100000e060001007400000006000200630000000c00030000000000000000060c00060000000000000000054c01040024000100090001006d6574610000000014000200080002000000001008000100000000012c00010008000100636d700020000200080001000000000108000200000000000c0003000500010006000000340001000c0001007061796c6f6164002400020008000100000000010800020000000002080003000000000208000400000000022c00010008000100636d700020000200080001000000000108000200000000000c0003000600010000160000440001000a0001006c696d6974000000340002000c000100000000000000000a0c000200000000000000000108000300000000050800040000000000080005000000000024000100080001006c6f6700180002000900020073736820000000000800050000000004300001000e000100696d6d6564696174650000001c0002000800010000000000100002000c0002000800010000000001"
	nftRuleNumgen    = "5c010000060a020800000000ea74000001000010060001007200000006000200630000000c000300000000000000000b0c00060000000000000000092001040024000100090001006d6574610000000014000200080002000000000f08000100000000012c00010008000100636d700020000200080001000000000108000200000000000c0003000500010002000000340001000c0001007061796c6f6164002400020008000100000000010800020000000001080003000000001008000400000000042c00010008000100636d700020000200080001000000000108000200000000000c000300080001000a000002340001000b0001006e756d67656e0000240002000800010000000001080002000000000208000300000000000800040000000000380001000b0001006c6f6f6b75700000280002000b0001005f5f6d6170300000080002000000000108000300000000000800050000000000"
	nftRuleDynset    = "04010000060a020800000000ea74000001000010060001007200000006000200630000000c00030000000000000000090c0006000000000000000008c800040024000100090001006d6574610000000014000200080002000000000f08000100000000012c00010008000100636d700020000200080001000000000108000200000000000c0003000500010002000000340001000c0001007061796c6f6164002400020008000100000000010800020000000001080003000000000c0800040000000004400001000b00010064796e736574000030000200080004000000000108000300000000010800010064796e000c00060000000000000000000800090000000000"
	nftRuleExthdr    = "ac010000060a020800000000ea74000001000010060001007200000006000200630000000c00030000000000000000080c00060000000000000000077001040024000100090001006d6574610000000014000200080002000000001008000100000000012c00010008000100636d700020000200080001000000000108000200000000000c0003000500010006000000340001000c0001007061796c6f6164002400020008000100000000010800020000000002080003000000000d08000400000000014c0001000c00010062697477697365003c00020008000100000000010800020000000001080003000000000108000600000000000c00040005000100020000000c00050005000100000000002c00010008000100636d700020000200080001000000000108000200000000010c00030005000100000000002c0001000e000100696d6d6564696174650000001800020008000100000000010c0002000600010005780000440001000b000100657874686472000034000200080007000000000105000200020000000800030000000002080004000000000208000500000000000800060000000001"
	nftRuleHash      = "58010000060a020800000000ea74000001000010060001007200000006000200630000000c000300000000000000000c0c000600000000000000000b1c01040024000100090001006d6574610000000014000200080002000000000f08000100000000012c00010008000100636d700020000200080001000000000108000200000000000c0003000500010002000000340001000c0001007061796c6f6164002400020008000100000000020800020000000001080003000000000c08000400000000043c0001000900010068617368000000002c000200080001000000000208000200000000010800030000000004080004000000000408000700000000002c00010008000100636d700020000200080001000000000108000200000000000c00030008000100000000002c0001000c000100636f756e746572001c0002000c00010000000000000000000c0002000000000000000000"
	nftRuleFib       = "c4000000060a020800000000ea74000001000010060001007200000006000200630000000c00030000000000000000070c0006000000000000000006880004002800010008000100666962001c0002000800010000000001080002000000000308000300000000022c00010008000100636d700020000200080001000000000108000200000000000c0003000800010002000000300001000e000100696d6d6564696174650000001c0002000800010000000000100002000c0002000800010000000000"
	nftRuleConnlimit = "98000000060a020800000000ea74000001000010060001007200000006000200630000000c000300000000000000000d0c000600000000000000000c5c000400280001000e000100636f6e6e6c696d697400000014000200080001000000000a0800020000000001300001000e000100696d6d6564696174650000001c0002000800010000000000100002000c0002000800010000000000"
)

// exprData walks one recorded message (little-endian headers) and
// returns "NAME value" for each attribute inside an expression's data
// (depth 4: rule attributes at 1, then list, expression, data), and the number of attributes
// without a name anywhere in the message.
func exprData(t *testing.T, d *dissect.Dissector, msg []byte) (got []string, unnamed int) {
	t.Helper()
	r := wire.NewReader(msg).WithOrder(nlwire.LittleEndian)
	if !r.Next() {
		t.Fatalf("no message: %v", r.Err())
	}
	var k dissect.Kind
	d.Classify(&k, dissect.ProtoNetfilter, nlwire.LittleEndian, r.Header(), r.Payload())
	rec := &recorder{}
	d.Message(rec, r.Message(), &k)
	if rec.problems > 0 {
		t.Errorf("%d problems", rec.problems)
	}
	for _, e := range rec.events {
		if e.What != "attr" && e.What != "nest" {
			continue
		}
		if e.Name == "" {
			unnamed++
		}
		if e.What == "attr" && e.Depth == 4 {
			got = append(got, e.Name+" "+e.Value)
		}
	}
	return got, unnamed
}

// TestNftExprSupplement: the expressions the spec's sub-message does
// not describe, as Linux 6.18 dumped them, are named by NftExprData
// with their values read in the kernel's byte order (big-endian), and
// the expressions the spec describes keep the spec's names.
func TestNftExprSupplement(t *testing.T) {
	tests := []struct {
		name string
		msg  string
		want []string // a run of the expressions' data, in order
	}{
		{"limit", nftRuleLimitLog, []string{"NFTA_LIMIT_RATE u:10", "NFTA_LIMIT_UNIT u:1", "NFTA_LIMIT_BURST u:5", "NFTA_LIMIT_TYPE u:0 (NFT_LIMIT_PKTS)", "NFTA_LIMIT_FLAGS u:0"}},
		{"log", nftRuleLimitLog, []string{"NFTA_LOG_PREFIX s:ssh ", "NFTA_LOG_LEVEL u:4 (NFT_LOGLEVEL_WARNING)"}},
		{"numgen", nftRuleNumgen, []string{"NFTA_NG_DREG u:1", "NFTA_NG_MODULUS u:2", "NFTA_NG_TYPE u:0 (NFT_NG_INCREMENTAL)", "NFTA_NG_OFFSET u:0", "NFTABLES_A_EXPR_LOOKUP_ATTRS_SET s:__map0"}},
		{"dynset", nftRuleDynset, []string{"NFTA_DYNSET_SREG_KEY u:1", "NFTA_DYNSET_OP u:1 (NFT_DYNSET_OP_UPDATE)", "NFTA_DYNSET_SET_NAME s:dyn", "NFTA_DYNSET_TIMEOUT u:0", "NFTA_DYNSET_FLAGS u:0"}},
		{"exthdr", nftRuleExthdr, []string{"NFTA_EXTHDR_SREG u:1", "NFTA_EXTHDR_TYPE u:2", "NFTA_EXTHDR_OFFSET u:2", "NFTA_EXTHDR_LEN u:2", "NFTA_EXTHDR_FLAGS u:0", "NFTA_EXTHDR_OP u:1 (NFT_EXTHDR_OP_TCPOPT)"}},
		{"hash", nftRuleHash, []string{"NFTA_HASH_SREG u:2", "NFTA_HASH_DREG u:1", "NFTA_HASH_LEN u:4", "NFTA_HASH_MODULUS u:4", "NFTA_HASH_TYPE u:0 (NFT_HASH_JENKINS)", "NFTABLES_A_EXPR_CMP_ATTRS_SREG u:1"}},
		{"fib", nftRuleFib, []string{"NFTABLES_A_EXPR_FIB_ATTRS_DREG u:1", "NFTABLES_A_EXPR_FIB_ATTRS_RESULT u:3 (NFTABLES_FIB_RESULT_ADDRTYPE)", "NFTABLES_A_EXPR_FIB_ATTRS_FLAGS u:2 (NFTABLES_FIB_FLAGS_DADDR)"}},
		{"connlimit", nftRuleConnlimit, []string{"NFTA_CONNLIMIT_COUNT u:10", "NFTA_CONNLIMIT_FLAGS u:1 (NFT_CONNLIMIT_F_INV)", "NFTABLES_A_EXPR_IMMEDIATE_ATTRS_DREG u:0"}},
	}
	d := dissect.New()
	for _, tt := range tests {
		msg, err := hex.DecodeString(tt.msg)
		if err != nil {
			t.Fatal(err)
		}
		got, unnamed := exprData(t, d, msg)
		if unnamed > 0 {
			t.Errorf("%s: %d attributes without a name in %q", tt.name, unnamed, got)
		}
		i := slices.Index(got, tt.want[0])
		if i < 0 {
			t.Errorf("%s: no %q in %q", tt.name, tt.want[0], got)
			continue
		}
		if diff := cmp.Diff(tt.want, got[i:min(i+len(tt.want), len(got))]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestNftExprNested: dynset's NFTA_DYNSET_EXPR and NFTA_DYNSET_EXPRESSIONS
// hold expressions again, whose data is named by the spec or by
// NftExprData; a name neither knows stays unnamed.
func TestNftExprNested(t *testing.T) {
	msg, err := nftRule(func(e *attr.Encoder) {
		list := e.Begin(nftables.NFTABLES_A_RULE_ATTRS_EXPRESSIONS)
		el := e.Begin(nftables.NFTABLES_A_EXPR_LIST_ATTRS_ELEM)
		e.String(nftables.NFTABLES_A_EXPR_ATTRS_NAME, "dynset")
		data := e.Begin(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
		e.String(1, "s")  // NFTA_DYNSET_SET_NAME
		one := e.Begin(7) // NFTA_DYNSET_EXPR
		e.String(nftables.NFTABLES_A_EXPR_ATTRS_NAME, "limit")
		ld := e.Begin(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
		e.BE64(1, 100) // NFTA_LIMIT_RATE
		e.BE32(3, 7)   // NFTA_LIMIT_BURST
		e.End(ld)
		e.End(one)
		exprs := e.Begin(10) // NFTA_DYNSET_EXPRESSIONS
		inner := e.Begin(nftables.NFTABLES_A_EXPR_LIST_ATTRS_ELEM)
		e.String(nftables.NFTABLES_A_EXPR_ATTRS_NAME, "counter")
		cd := e.Begin(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
		e.Net64(nftables.NFTABLES_A_EXPR_COUNTER_ATTRS_BYTES, 9)
		e.End(cd)
		e.End(inner)
		other := e.Begin(nftables.NFTABLES_A_EXPR_LIST_ATTRS_ELEM)
		e.String(nftables.NFTABLES_A_EXPR_ATTRS_NAME, "nosuch")
		od := e.Begin(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
		e.BE32(1, 1)
		e.End(od)
		e.End(other)
		e.End(exprs)
		e.End(data)
		e.End(el)
		e.End(list)
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range walkOne(t, dissect.New(), msg).events {
		if e.What == "attr" && e.Depth >= 4 {
			got = append(got, e.Name+" "+e.Value)
		}
	}
	want := []string{
		"NFTA_DYNSET_SET_NAME s:s",
		"NFTABLES_A_EXPR_ATTRS_NAME s:limit", "NFTA_LIMIT_RATE u:100", "NFTA_LIMIT_BURST u:7",
		"NFTABLES_A_EXPR_ATTRS_NAME s:counter", "NFTABLES_A_EXPR_COUNTER_ATTRS_BYTES u:9",
		"NFTABLES_A_EXPR_ATTRS_NAME s:nosuch", " x:00000001",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNftSupplementAllocs: naming an expression by NftExprData costs no
// allocation.
func TestNftSupplementAllocs(t *testing.T) {
	msg, err := hex.DecodeString(nftRuleLimitLog)
	if err != nil {
		t.Fatal(err)
	}
	d := dissect.New()
	var w dissect.Writer = dissect.Discard{}
	r := wire.NewReader(msg).WithOrder(nlwire.LittleEndian)
	if !r.Next() {
		t.Fatal(r.Err())
	}
	var k dissect.Kind
	allocs := testing.AllocsPerRun(100, func() {
		d.Classify(&k, dissect.ProtoNetfilter, nlwire.LittleEndian, r.Header(), r.Payload())
		d.Message(w, r.Message(), &k)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per message", allocs)
	}
}

// TestNftSpecAmended: the spec's bitwise and fib spaces are read with
// what nf_tables.h has and the spec lacks or numbers wrongly:
// NFTA_BITWISE_SREG2 and NFT_BITWISE_XOR, and NFTA_FIB_RESULT named from
// NFT_FIB_RESULT_UNSPEC (0) as Linux 6.18 answers "fib daddr type"
// (ADDRTYPE, 3).
func TestNftSpecAmended(t *testing.T) {
	msg, err := nftRule(func(e *attr.Encoder) {
		list := e.Begin(nftables.NFTABLES_A_RULE_ATTRS_EXPRESSIONS)
		el := e.Begin(nftables.NFTABLES_A_EXPR_LIST_ATTRS_ELEM)
		e.String(nftables.NFTABLES_A_EXPR_ATTRS_NAME, "bitwise")
		data := e.Begin(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
		e.BE32(nftables.NFTABLES_A_EXPR_BITWISE_ATTRS_OP, 5)
		e.BE32(8, 9) // NFTA_BITWISE_SREG2
		e.End(data)
		e.End(el)
		for _, result := range []uint32{1, 3} {
			el := e.Begin(nftables.NFTABLES_A_EXPR_LIST_ATTRS_ELEM)
			e.String(nftables.NFTABLES_A_EXPR_ATTRS_NAME, "fib")
			data := e.Begin(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
			e.BE32(nftables.NFTABLES_A_EXPR_FIB_ATTRS_RESULT, result)
			e.End(data)
			e.End(el)
		}
		e.End(list)
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range walkOne(t, dissect.New(), msg).events {
		if e.What == "attr" && e.Depth == 4 {
			got = append(got, e.Name+" "+e.Value)
		}
	}
	want := []string{
		"NFTABLES_A_EXPR_BITWISE_ATTRS_OP u:5 (NFTABLES_BITWISE_OPS_XOR)",
		"NFTABLES_A_EXPR_BITWISE_ATTRS_SREG2 u:9",
		"NFTABLES_A_EXPR_FIB_ATTRS_RESULT u:1 (NFTABLES_FIB_RESULT_OIF)",
		"NFTABLES_A_EXPR_FIB_ATTRS_RESULT u:3 (NFTABLES_FIB_RESULT_ADDRTYPE)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNftSupplementEveryName: every expression NftExprData describes
// and every object type NFT_OBJECT_* (1 to 10) has its data's first
// attribute named, by the spec or by the supplement.
func TestNftSupplementEveryName(t *testing.T) {
	first := func(msg []byte) string {
		for _, e := range walkOne(t, dissect.New(), msg).events {
			if (e.What == "attr" || e.What == "nest") && e.Depth == 4 {
				return e.Name
			}
		}
		return ""
	}
	for _, v := range dissect.NftExprData.Variants {
		msg, err := nftRule(func(e *attr.Encoder) {
			list := e.Begin(nftables.NFTABLES_A_RULE_ATTRS_EXPRESSIONS)
			el := e.Begin(nftables.NFTABLES_A_EXPR_LIST_ATTRS_ELEM)
			e.String(nftables.NFTABLES_A_EXPR_ATTRS_NAME, v.Value)
			data := e.Begin(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
			e.BE32(1, 0)
			e.End(data)
			e.End(el)
			e.End(list)
		})
		if err != nil {
			t.Fatal(err)
		}
		if name := first(msg); name != v.Set.Attrs[1].Name || name == "" {
			t.Errorf("expression %q: first attribute named %q, want %q", v.Value, name, v.Set.Attrs[1].Name)
		}
	}
	for typ := uint32(1); typ <= 10; typ++ {
		b := wire.NewBuilder(nil).WithOrder(nlwire.Native)
		m := b.Start(wire.Header{Type: 10<<8 | 18, Flags: wire.Request | wire.Create})
		b.FamilyHeader(4)[0] = 1
		e := b.Attrs()
		e.BE32(nftables.NFTABLES_A_OBJ_ATTRS_TYPE, typ)
		data := e.Begin(nftables.NFTABLES_A_OBJ_ATTRS_DATA)
		e.BE32(1, 0)
		e.End(data)
		b.End(m)
		msg, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		var got string
		for _, ev := range walkOne(t, dissect.New(), msg).events {
			if (ev.What == "attr" || ev.What == "nest") && ev.Depth == 2 {
				got = ev.Name
				break
			}
		}
		if got == "" {
			t.Errorf("object type %d: first attribute of its data unnamed", typ)
		}
	}
}
