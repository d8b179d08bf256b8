package dissect_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/conntrack"
	"github.com/nlwire/nlwire/family/nftables"
	"github.com/nlwire/nlwire/wire"
	"pgregory.net/rapid"
)

// netfilterCapture is what nft and conntrack exchanged with the kernel
// (cmd/nldump's TestRecordMoreToolTraffic), as a path from ../testdata.
const netfilterCapture = "../cmd/nldump/testdata/tools-netfilter.pcap"

// TestNetfilterClassify: nfnetlink messages are named by subsystem and
// message, with struct nfgenmsg and the spec's attribute set.
func TestNetfilterClassify(t *testing.T) {
	type kind struct {
		Name, Cmd, Struct string
		HeaderLen         int
		Attrs             *family.Set
		Op                wire.Op
	}
	const nft, ct = 10 << 8, 1 << 8
	tests := []struct {
		typ   uint16
		flags wire.Flags
		want  kind
	}{
		{0x10, wire.Request, kind{"NFNL_MSG_BATCH_BEGIN", "", "nfgenmsg", 4, &nftables.BatchAttrs, wire.OpUnknown}},
		{0x11, wire.Request, kind{"NFNL_MSG_BATCH_END", "", "nfgenmsg", 4, &nftables.BatchAttrs, wire.OpUnknown}},
		{nft | 0, wire.Request | wire.Create, kind{"nftables", "NFT_MSG_NEWTABLE", "nfgenmsg", 4, &nftables.TableAttrs, wire.OpNew}},
		{nft | 0, wire.Multi, kind{"nftables", "NFT_MSG_NEWTABLE", "nfgenmsg", 4, &nftables.TableAttrs, wire.OpNew}},
		{nft | 6, wire.Request, kind{"nftables", "NFT_MSG_NEWRULE", "nfgenmsg", 4, &nftables.RuleAttrs, wire.OpNew}},
		{nft | 12, wire.Request, kind{"nftables", "NFT_MSG_NEWSETELEM", "nfgenmsg", 4, &nftables.SetelemListAttrs, wire.OpNew}},
		{nft | 15, 0, kind{"nftables", "NFT_MSG_NEWGEN", "nfgenmsg", 4, &nftables.GenAttrs, wire.OpNew}},
		{nft | 16, wire.Request, kind{"nftables", "NFT_MSG_GETGEN", "nfgenmsg", 4, &nftables.GenAttrs, wire.OpGet}},
		{nft | 17, 0, kind{"nftables", "NFT_MSG_TRACE", "nfgenmsg", 4, nil, wire.OpUnknown}}, // no set in the spec
		{nft | 21, wire.Request | wire.Dump, kind{"nftables", "NFT_MSG_GETOBJ_RESET", "nfgenmsg", 4, &nftables.ObjAttrs, wire.OpGet}},
		{nft | 28, wire.Request, kind{"nftables", "NFT_MSG_DESTROYRULE", "nfgenmsg", 4, &nftables.RuleAttrs, wire.OpDelete}},
		{nft | 99, wire.Request, kind{"nftables", "msg 99", "nfgenmsg", 4, nil, wire.OpUnknown}},
		{ct | 0, wire.Request | wire.Create | wire.Excl, kind{"conntrack", "IPCTNL_MSG_CT_NEW", "nfgenmsg", 4, &conntrack.ConntrackAttrs, wire.OpNew}},
		{ct | 1, wire.Request | wire.Dump, kind{"conntrack", "IPCTNL_MSG_CT_GET", "nfgenmsg", 4, &conntrack.ConntrackAttrs, wire.OpGet}},
		{ct | 2, 0, kind{"conntrack", "IPCTNL_MSG_CT_DELETE", "nfgenmsg", 4, &conntrack.ConntrackAttrs, wire.OpDelete}},
		{ct | 4, wire.Multi, kind{"conntrack", "IPCTNL_MSG_CT_GET_STATS_CPU", "nfgenmsg", 4, &conntrack.ConntrackStatsAttrs, wire.OpGet}},
		{ct | 5, wire.Multi, kind{"conntrack", "IPCTNL_MSG_CT_GET_STATS", "nfgenmsg", 4, &dissect.CtStatsGlobalAttrs, wire.OpGet}},
		{ct | 9, 0, kind{"conntrack", "msg 9", "nfgenmsg", 4, nil, wire.OpUnknown}},
		{2<<8 | 1, wire.Request, kind{"NFNL_SUBSYS_CTNETLINK_EXP", "IPCTNL_MSG_EXP_GET", "nfgenmsg", 4, nil, wire.OpUnknown}},
		{6<<8 | 7, wire.Request, kind{"NFNL_SUBSYS_IPSET", "msg 7", "nfgenmsg", 4, nil, wire.OpUnknown}},
		{12<<8 | 0, wire.Request, kind{"NFNL_SUBSYS_HOOK", "msg 0", "nfgenmsg", 4, nil, wire.OpUnknown}},
		{200<<8 | 3, 0, kind{"NFNL_SUBSYS 200", "msg 3", "nfgenmsg", 4, nil, wire.OpUnknown}},
	}
	d := dissect.New()
	for _, tt := range tests {
		var k dissect.Kind
		d.Classify(&k, dissect.ProtoNetfilter, nlwire.LittleEndian, wire.Header{Type: tt.typ, Flags: tt.flags}, nil)
		got := kind{k.Name, k.Cmd, k.Struct, k.HeaderLen, k.Attrs, k.Op}
		if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b *family.Set) bool { return a == b })); diff != "" || !k.Known || k.Family != "netfilter" {
			t.Errorf("type %#x: known %v, family %q (-want +got):\n%s", tt.typ, k.Known, k.Family, diff)
		}
	}
}

// TestNetfilterCapture walks what nft and conntrack said: no problem,
// every attribute named but NFTA_SET_TYPE and NFTA_SET_COUNT (newer than
// the spec), each expression's data named by the set its NFTA_EXPR_NAME
// selects, and the nfgenmsg of a batch naming its subsystem.
func TestNetfilterCapture(t *testing.T) {
	d := dissect.New()
	msgs := messagesOf(d, readCapture(t, netfilterCapture))
	if len(msgs) < 200 {
		t.Fatalf("%d messages", len(msgs))
	}
	exprs := map[string]int{}
	setTypeCount := map[string]int{} // NFTA_SET_TYPE and NFTA_SET_COUNT, by value
	for i := range msgs {
		var rec recorder
		d.Message(&rec, msgs[i].msg, &msgs[i].kind)
		if rec.problems > 0 || checkEvents(rec.events, false) != nil {
			t.Fatalf("message %d: %+v", i, rec.events)
		}
		exprName := ""
		var sel *family.Set // the set the last NFTA_EXPR_NAME selects
		dataDepth := -1     // the depth of the attributes in its data
		for _, e := range rec.events {
			switch {
			case e.What == "header" && msgs[i].kind.Name == "NFNL_MSG_BATCH_BEGIN" && e.Value != " nfgen_family=0 version=0 res_id=10":
				t.Errorf("message %d: batch header%s", i, e.Value)
			case e.What != "attr" && e.What != "nest":
			case e.Name == "NFTABLES_A_SET_ATTRS_TYPE" || e.Name == "NFTABLES_A_SET_ATTRS_COUNT":
				setTypeCount[e.Name+" "+e.Value]++
			case e.Name == "":
				t.Errorf("message %d (%s): attribute %d at %d unnamed", i, msgs[i].kind.FullName(), e.Type, e.Offset)
			case e.Name == "NFTABLES_A_EXPR_ATTRS_NAME":
				exprName = strings.TrimPrefix(e.Value, "s:")
				sel = nftables.ExprAttrs.Attr(nftables.NFTABLES_A_EXPR_ATTRS_DATA).ChildSet(exprName)
			case e.Name == "NFTABLES_A_EXPR_ATTRS_DATA":
				if sel == nil {
					t.Fatalf("message %d: expression %q without a set", i, exprName)
				}
				exprs[exprName]++
				dataDepth = e.Depth + 1
			case e.Depth == dataDepth && !strings.HasPrefix(e.Name, sel.Space+"_"):
				t.Errorf("message %d: %s in a %s expression's data", i, e.Name, exprName)
			}
		}
	}
	// Linux 6.18's NEWSET replies end with NFTA_SET_TYPE (the backend,
	// "%ps" of its ops: an address here) and NFTA_SET_COUNT (big-endian),
	// which the spec lacks: two backends; sets of 0 and 2 elements.
	wantSet := map[string]int{"NFTABLES_A_SET_ATTRS_TYPE s:0xffffffff82507f40": 10, "NFTABLES_A_SET_ATTRS_TYPE s:0xffffffff82508020": 4,
		"NFTABLES_A_SET_ATTRS_COUNT u:0": 1, "NFTABLES_A_SET_ATTRS_COUNT u:2": 13}
	if diff := cmp.Diff(wantSet, setTypeCount); diff != "" {
		t.Errorf("NFTA_SET_TYPE and NFTA_SET_COUNT (-want +got):\n%s", diff)
	}
	for _, name := range []string{"payload", "cmp", "meta", "ct", "lookup", "counter", "immediate", "bitwise"} {
		if exprs[name] == 0 {
			t.Errorf("no %s expression: %v", name, exprs)
		}
	}
}

// TestNetfilterAllocs: naming and walking the nftables and conntrack
// messages allocates nothing, with a Writer that allocates nothing.
func TestNetfilterAllocs(t *testing.T) {
	d := dissect.New()
	msgs := messagesOf(d, readCapture(t, netfilterCapture))
	var w dissect.Writer = dissect.Discard{}
	run := func() {
		for i := range msgs {
			m := &msgs[i]
			d.Classify(&m.kind, dissect.ProtoNetfilter, nlwire.LittleEndian, m.kind.Header, m.msg[wire.HeaderLen:])
			d.Message(w, m.msg, &m.kind)
		}
	}
	run()
	if n := testing.AllocsPerRun(10, run); n != 0 {
		t.Errorf("%d messages: %v allocations", len(msgs), n)
	}
}

// nftRule returns an NFT_MSG_NEWRULE in the host's byte order whose
// attributes body writes, or the Builder's error.
func nftRule(body func(e *attr.Encoder)) ([]byte, error) {
	b := wire.NewBuilder(nil).WithOrder(nlwire.Native)
	m := b.Start(wire.Header{Type: 10<<8 | 6, Flags: wire.Request | wire.Create})
	b.FamilyHeader(4)[0] = 2 // NFPROTO_IPV4
	body(b.Attrs())
	b.End(m)
	return b.Finish()
}

// walkOne classifies and walks one netfilter message.
func walkOne(t interface {
	Helper()
	Fatalf(string, ...any)
}, d *dissect.Dissector, msg []byte) *recorder {
	t.Helper()
	r := wire.NewReader(msg).WithOrder(nlwire.Native)
	if !r.Next() {
		t.Fatalf("no message: %v", r.Err())
	}
	var k dissect.Kind
	d.Classify(&k, dissect.ProtoNetfilter, nlwire.Native, r.Header(), r.Payload())
	rec := &recorder{}
	d.Message(rec, r.Message(), &k)
	return rec
}

// TestNetfilterNetByteOrder: an integer attribute flagged
// NLA_F_NET_BYTEORDER is read big-endian, one without the flag in the
// message's order, as its spec type says.
func TestNetfilterNetByteOrder(t *testing.T) {
	msg, err := nftRule(func(e *attr.Encoder) {
		e.Uint32(nftables.NFTABLES_A_RULE_ATTRS_ID, 7)
		e.Net32(nftables.NFTABLES_A_RULE_ATTRS_POSITION_ID, 9)
		e.BE64(nftables.NFTABLES_A_RULE_ATTRS_HANDLE, 1<<40|5)
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range walkOne(t, dissect.New(), msg).events {
		if e.What == "attr" {
			got = append(got, e.Name+" "+e.Value)
		}
	}
	want := []string{"NFTABLES_A_RULE_ATTRS_ID u:7", "NFTABLES_A_RULE_ATTRS_POSITION_ID u:9", "NFTABLES_A_RULE_ATTRS_HANDLE u:1099511627781"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNetfilterHostileExprs: expressions with many names (selectors)
// and many data nests, nested as deep as a message allows, cost work
// linear in their bytes, and nest their events.
func TestNetfilterHostileExprs(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		names := []string{"cmp", "payload", "meta", "counter", "nosuch", ""}
		msg, err := nftRule(func(e *attr.Encoder) {
			list := e.Begin(nftables.NFTABLES_A_RULE_ATTRS_EXPRESSIONS)
			for range rapid.IntRange(0, 8).Draw(t, "exprs") {
				el := e.Begin(nftables.NFTABLES_A_EXPR_LIST_ATTRS_ELEM)
				for range rapid.IntRange(0, 40).Draw(t, "attrs") {
					if rapid.Bool().Draw(t, "name") {
						e.String(nftables.NFTABLES_A_EXPR_ATTRS_NAME, rapid.SampledFrom(names).Draw(t, "selector"))
						continue
					}
					data := e.Begin(nftables.NFTABLES_A_EXPR_ATTRS_DATA)
					genAttrs(t, e, 3)
					e.End(data)
				}
				e.End(el)
			}
			e.End(list)
		})
		if err != nil {
			t.Skip(err) // longer than a nest's nla_len
		}
		d := dissect.New()
		rec := walkOne(t, d, msg)
		if err := checkEvents(rec.events, true); err != nil {
			t.Fatal(err)
		}
		if max := 8*(len(msg)/4+1) + 16; d.Work > max {
			t.Fatalf("looked at %d attributes in %d bytes", d.Work, len(msg))
		}
	})
}

// TestNetfilterObjData: a stateful object's data is read by the set its
// NFTA_OBJ_TYPE, a big-endian u32 of enum object-type, selects: the
// spec's sub-message format named as the value's entry, else
// NftObjData's.
func TestNetfilterObjData(t *testing.T) {
	obj := func(typ uint32) []string {
		b := wire.NewBuilder(nil).WithOrder(nlwire.Native)
		m := b.Start(wire.Header{Type: 10<<8 | 18, Flags: wire.Request | wire.Create})
		b.FamilyHeader(4)[0] = 1 // NFPROTO_INET
		e := b.Attrs()
		e.String(nftables.NFTABLES_A_OBJ_ATTRS_TABLE, "t")
		data := e.Begin(nftables.NFTABLES_A_OBJ_ATTRS_DATA) // before its selector: the kernel reads them in any order
		e.BE64(1, 1000)
		e.BE64(2, 3)
		e.End(data)
		e.BE32(nftables.NFTABLES_A_OBJ_ATTRS_TYPE, typ)
		b.End(m)
		msg, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range walkOne(t, dissect.New(), msg).events {
			if e.What == "attr" && e.Depth == 2 {
				got = append(got, e.Name+" "+e.Value)
			}
		}
		return got
	}
	tests := []struct {
		typ  uint32
		want []string
	}{
		{1, []string{"NFTABLES_A_COUNTER_ATTRS_BYTES u:1000", "NFTABLES_A_COUNTER_ATTRS_PACKETS u:3"}},
		{2, []string{"NFTABLES_A_QUOTA_ATTRS_BYTES u:1000", "NFTABLES_A_QUOTA_ATTRS_FLAGS bad:0000000000000003"}},
		{256, []string{" x:00000000000003e8", " x:0000000000000003"}},                                               // no such type: by number
		{4, []string{"NFTA_LIMIT_RATE u:1000", "NFTA_LIMIT_UNIT u:3"}},                                              // limit: no format in the spec, NftObjData's
		{9, []string{"NFTA_CT_EXPECT_L3PROTO bad:00000000000003e8", "NFTA_CT_EXPECT_L4PROTO bad:0000000000000003"}}, // ct expect: a be16 and a u8, not 8 bytes
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, obj(tt.typ)); diff != "" {
			t.Errorf("type %d (-want +got):\n%s", tt.typ, diff)
		}
	}
}

// BenchmarkNetfilterWalk names and walks every message of nft's and
// conntrack's capture, with a Writer that discards the events.
func BenchmarkNetfilterWalk(b *testing.B) {
	d := dissect.New()
	msgs := messagesOf(d, readCapture(b, netfilterCapture))
	size := 0
	for i := range msgs {
		size += len(msgs[i].msg)
	}
	var w dissect.Writer = dissect.Discard{}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i := range msgs {
			m := &msgs[i]
			d.Classify(&m.kind, dissect.ProtoNetfilter, nlwire.LittleEndian, m.kind.Header, m.msg[wire.HeaderLen:])
			d.Message(w, m.msg, &m.kind)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/msg")
}
