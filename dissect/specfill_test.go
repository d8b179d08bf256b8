package dissect_test

import (
	"encoding/binary"
	"encoding/hex"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/family/tc"
	"github.com/nlwire/nlwire/wire"
	"pgregory.net/rapid"
)

// tcCapture is what ip link add, ip -d link show and tc exchanged with
// Linux 6.18 (cmd/nldump's TestRecordTcTraffic).
const tcCapture = "../cmd/nldump/testdata/tools-tc.pcap"

// TestTcCapture: every message of the ip link and tc capture walks
// without a problem, and every attribute is named (macvlan's and
// macvtap's IFLA_INFO_DATA by family/route's IFLA_MACVLAN_*, which no
// spec has); the kind-dependent nests the hand-written tables leave as
// bytes are read by the tc spec's sets, their struct attributes by
// their members, with the values the commands gave.
func TestTcCapture(t *testing.T) {
	d := dissect.New()
	msgs := messagesOf(d, readCapture(t, tcCapture))
	if len(msgs) < 100 {
		t.Fatalf("%d messages", len(msgs))
	}
	got := map[string]bool{}
	unnamed := map[string]int{}
	for i := range msgs {
		var rec recorder
		d.Message(&rec, msgs[i].msg, &msgs[i].kind)
		if rec.problems > 0 {
			t.Fatalf("message %d: %+v", i, rec.events)
		}
		if err := checkEvents(rec.events, false); err != nil {
			t.Fatalf("message %d: %v: %+v", i, err, rec.events)
		}
		kind := "" // the last IFLA_INFO_KIND
		for _, e := range rec.events {
			if e.What != "attr" && e.What != "nest" {
				continue
			}
			if e.Name == "IFLA_INFO_KIND" {
				kind = strings.TrimPrefix(e.Value, "s:")
			}
			if e.Name == "" {
				unnamed[kind]++
				continue
			}
			got[e.Name+" "+e.Value] = true
		}
	}
	if diff := cmp.Diff(map[string]int{}, unnamed); diff != "" {
		t.Errorf("unnamed attributes by link kind (-want +got):\n%s", diff)
	}
	keys := slices.Collect(maps.Keys(got))
	// The rates are bytes a second, in struct tc_ratespec (tc_htb_opt's
	// first member, its rate the last u32): 30mbit is 3750000; the tc
	// spec's struct attributes are given by their members.
	for _, want := range []string{
		// the request: 1:10's rate 30mbit, ceil 80mbit
		"TCA_HTB_PARMS st:tc_htb_opt rate.cell-log=3 rate.linklayer=1 rate.overhead=0 rate.cell-align=-1 rate.mpu=0 rate.rate=3750000 " +
			"ceil.cell-log=3 ceil.linklayer=1 ceil.overhead=0 ceil.cell-align=-1 ceil.mpu=0 ceil.rate=10000000",
		"TCA_HTB_INIT st:tc_htb_glob version=3 rate2quantum=5 defcls=32 debug=0 direct-pkts=0",
		"TCA_FQ_CODEL_LIMIT u:1000",
		"TCA_FQ_CODEL_TARGET u:4000",
		"TCA_TBF_BURST u:4096",
		"TCA_RED_MAX_P u:85899345",
		"TCA_FLOWER_KEY_TCP_DST u:80",
		"TCA_FLOWER_KEY_IPV4_SRC ip:192.0.2.0",
		"TCA_FLOWER_KEY_ETH_DST hw:020000000001",
		"TCA_U32_CLASSID u:65552", // flowid 1:10
		"TCA_SKBEDIT_MARK u:7",
		"TCA_GACT_PARMS st:tc_gact index=5 capab=0 action=0 refcnt=0 bindcnt=0", // action TC_ACT_OK (pass)
		"IFLA_VXLAN_ID u:4242",
		"IFLA_VXLAN_PORT u:4789",
		"TCA_STATS_APP x:000000000000000000000000001a0000c4090000", // htb: struct tc_htb_xstats, which no table describes
	} {
		if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, want) }) {
			t.Errorf("no %s", want)
		}
	}
	for _, name := range []string{"TCA_MIRRED_PARMS", "TCA_POLICE_TBF", "TCA_MATCHALL_ACT", "TCA_U32_SEL", "TCA_STATS_BASIC", "TCA_FLOWER_ACT"} {
		if !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, name+" ") }) {
			t.Errorf("no %s", name)
		}
	}
}

// TestTcAllocs: walking the ip link and tc capture, with the tc spec's
// sets below the hand-written ones, allocates nothing once the
// Dissector has its storage.
func TestTcAllocs(t *testing.T) {
	d := dissect.New()
	msgs := messagesOf(d, readCapture(t, tcCapture))
	var w dissect.Writer = dissect.Discard{}
	walk := func() {
		for i := range msgs {
			d.Message(w, msgs[i].msg, &msgs[i].kind)
		}
	}
	walk()
	if n := testing.AllocsPerRun(10, walk); n != 0 {
		t.Errorf("walking %d messages: %v allocations", len(msgs), n)
	}
}

// qdisc returns an RTM_NEWQDISC request in the host's byte order whose
// attributes body writes.
func qdisc(t *testing.T, body func(e *attr.Encoder)) []byte {
	t.Helper()
	b := wire.NewBuilder(nil).WithOrder(nlwire.Native)
	m := b.Start(wire.Header{Type: route.RTM_NEWQDISC, Flags: wire.Request | wire.Create})
	b.FamilyHeader(route.TcMsgLen)
	body(b.Attrs())
	b.End(m)
	msg, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// walkRoute classifies and walks one rtnetlink message.
func walkRoute(t *testing.T, d *dissect.Dissector, msg []byte) *recorder {
	t.Helper()
	r := wire.NewReader(msg).WithOrder(nlwire.Native)
	if !r.Next() {
		t.Fatalf("no message: %v", r.Err())
	}
	var k dissect.Kind
	d.Classify(&k, dissect.ProtoRoute, nlwire.Native, r.Header(), r.Payload())
	rec := &recorder{}
	d.Message(rec, r.Message(), &k)
	return rec
}

// TestTcVariantHeaders: a kind's options are read as the tc spec lays
// them out: a struct alone (prio), a struct longer than the spec's (sfq's
// tc_sfq_qopt_v1), a struct then attributes (netem), attributes (tbf);
// a struct shorter than the spec's is a problem; TCA_STATS_APP is
// selected by the message's TCA_KIND; a kind no table describes, whose
// payload is not attributes, is bytes.
func TestTcVariantHeaders(t *testing.T) {
	u32 := func(vs ...uint32) []byte {
		var p []byte
		for _, v := range vs {
			p = binary.NativeEndian.AppendUint32(p, v)
		}
		return p
	}
	tests := []struct {
		name string
		kind string
		body func(e *attr.Encoder)
		want []string
	}{
		{"prio", "prio", func(e *attr.Encoder) {
			e.Put(tc.TCA_OPTIONS, make([]byte, 20))
		}, []string{"nest TCA_OPTIONS " + strings.Repeat("00", 20)}},
		{"sfq v1", "sfq", func(e *attr.Encoder) {
			e.Put(tc.TCA_OPTIONS, make([]byte, 72))
		}, []string{"nest TCA_OPTIONS " + strings.Repeat("00", 72)}},
		{"netem", "netem", func(e *attr.Encoder) {
			n := e.Begin(tc.TCA_OPTIONS)
			e.Raw(make([]byte, 24))
			e.Int64(tc.TCA_NETEM_LATENCY64, 1000)
			e.End(n)
		}, []string{"nest TCA_OPTIONS " + strings.Repeat("00", 24), "attr TCA_NETEM_LATENCY64 i:1000"}},
		{"tbf", "tbf", func(e *attr.Encoder) {
			n := e.Begin(tc.TCA_OPTIONS)
			e.Uint32(tc.TCA_TBF_BURST, 4096)
			e.End(n)
		}, []string{"nest TCA_OPTIONS ", "attr TCA_TBF_BURST u:4096"}},
		{"short struct", "prio", func(e *attr.Encoder) {
			e.Put(tc.TCA_OPTIONS, make([]byte, 8))
		}, []string{"problem", "nest TCA_OPTIONS 0000000000000000"}},
		{"stats app", "fq_codel", func(e *attr.Encoder) {
			n := e.Begin(tc.TCA_STATS2)
			e.Put(tc.TCA_STATS_APP, u32(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
			e.End(n)
		}, []string{"nest TCA_STATS2 ", "nest TCA_STATS_APP " + hex.EncodeToString(u32(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))}},
		{"xstats of no table", "htb", func(e *attr.Encoder) {
			e.Put(tc.TCA_XSTATS, make([]byte, 20))
		}, []string{"attr TCA_XSTATS x:" + strings.Repeat("00", 20)}},
		{"stats app of no table", "htb", func(e *attr.Encoder) {
			n := e.Begin(tc.TCA_STATS2)
			e.Put(tc.TCA_STATS_APP, make([]byte, 20))
			e.End(n)
		}, []string{"nest TCA_STATS2 ", "attr TCA_STATS_APP x:" + strings.Repeat("00", 20)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := qdisc(t, func(e *attr.Encoder) {
				e.String(tc.TCA_KIND, tt.kind)
				tt.body(e)
			})
			rec := walkRoute(t, dissect.New(), msg)
			var got []string
			for _, e := range rec.events {
				switch e.What {
				case "problem":
					got = append(got, "problem")
				case "attr", "nest":
					if e.Name != "TCA_KIND" {
						got = append(got, e.What+" "+e.Name+" "+e.Value)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if err := checkEvents(rec.events, true); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestTcHostileKinds: messages of many TCA_KIND selectors and many
// kind-dependent nests (TCA_OPTIONS, TCA_XSTATS, TCA_STATS2 with
// TCA_STATS_APP) of random contents cost work linear in their bytes and
// nest their events.
func TestTcHostileKinds(t *testing.T) {
	kinds := []string{"htb", "netem", "prio", "sfq", "tbf", "u32", "flower", "fq_codel", "nosuch", ""}
	rapid.Check(t, func(t *rapid.T) {
		b := wire.NewBuilder(nil).WithOrder(nlwire.Native)
		m := b.Start(wire.Header{Type: rapid.SampledFrom([]uint16{route.RTM_NEWQDISC, route.RTM_NEWTFILTER, route.RTM_NEWTCLASS}).Draw(t, "type"), Flags: wire.Request})
		b.FamilyHeader(route.TcMsgLen)
		e := b.Attrs()
		for range rapid.IntRange(0, 30).Draw(t, "attrs") {
			switch rapid.IntRange(0, 3).Draw(t, "what") {
			case 0:
				e.String(tc.TCA_KIND, rapid.SampledFrom(kinds).Draw(t, "kind"))
			case 1:
				n := e.Begin(rapid.SampledFrom([]uint16{tc.TCA_OPTIONS, tc.TCA_XSTATS}).Draw(t, "nest"))
				if rapid.Bool().Draw(t, "header") {
					e.Raw(make([]byte, rapid.IntRange(0, 40).Draw(t, "hlen")))
				}
				genAttrs(t, e, 2)
				e.End(n)
			case 2:
				n := e.Begin(tc.TCA_STATS2)
				a := e.Begin(tc.TCA_STATS_APP)
				genAttrs(t, e, 3)
				e.End(a)
				e.End(n)
			default:
				e.Put(tc.TCA_OPTIONS, rapid.SliceOfN(rapid.Byte(), 0, 80).Draw(t, "payload"))
			}
		}
		b.End(m)
		msg, err := b.Finish()
		if err != nil {
			t.Skip(err)
		}
		d := dissect.New()
		r := wire.NewReader(msg).WithOrder(nlwire.Native)
		if !r.Next() {
			t.Fatalf("no message: %v", r.Err())
		}
		var k dissect.Kind
		d.Classify(&k, dissect.ProtoRoute, nlwire.Native, r.Header(), r.Payload())
		rec := &recorder{}
		d.Message(rec, r.Message(), &k)
		if err := checkEvents(rec.events, true); err != nil {
			t.Fatal(err)
		}
		if max := 8*(len(msg)/4+1) + 16; d.Work > max {
			t.Fatalf("looked at %d attributes in %d bytes", d.Work, len(msg))
		}
	})
}

// TestTcAckPath: an extended ACK's offset into a kind's options is named
// by the tc spec's sets, as the walk names the attribute there: inside
// tbf's attributes and netem's after its struct; into a struct alone
// (prio's) it names the nest.
func TestTcAckPath(t *testing.T) {
	tests := []struct {
		name string
		kind string
		body func(e *attr.Encoder)
		off  int // the attribute's offset in the request
		want string
	}{
		{"tbf", "tbf", func(e *attr.Encoder) {
			n := e.Begin(tc.TCA_OPTIONS)
			e.Uint32(tc.TCA_TBF_BURST, 4096)
			e.End(n)
		}, 48, "TCA_OPTIONS/TCA_TBF_BURST"},
		{"netem", "netem", func(e *attr.Encoder) {
			n := e.Begin(tc.TCA_OPTIONS)
			e.Raw(make([]byte, 24))
			e.Int64(tc.TCA_NETEM_LATENCY64, 1000)
			e.End(n)
		}, 48 + 4 + 24, "TCA_OPTIONS/TCA_NETEM_LATENCY64"},
		{"prio", "prio", func(e *attr.Encoder) {
			e.Put(tc.TCA_OPTIONS, make([]byte, 20))
		}, 48, "TCA_OPTIONS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := qdisc(t, func(e *attr.Encoder) {
				e.String(tc.TCA_KIND, tt.kind) // at 36: the options at 44 (tbf) or 48
				tt.body(e)
			})
			msg, err := wire.AppendError(nil, req, &wire.Error{Errno: nlwire.EINVAL, Offset: uint32(tt.off)}, wire.AckOptions{Order: nlwire.Native})
			if err != nil {
				t.Fatal(err)
			}
			rec := walkRoute(t, dissect.New(), msg)
			var got []string
			for _, e := range rec.events {
				if e.What == "ack" && e.Value != "" {
					got = append(got, e.Value)
				}
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
}

// BenchmarkTcWalk names and walks every message of the ip link and tc
// capture, with a Writer that discards the events.
func BenchmarkTcWalk(b *testing.B) {
	d := dissect.New()
	msgs := messagesOf(d, readCapture(b, tcCapture))
	size := 0
	for i := range msgs {
		size += len(msgs[i].msg)
	}
	var w dissect.Writer = dissect.Discard{}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i := range msgs {
			d.Message(w, msgs[i].msg, &msgs[i].kind)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(msgs)), "ns/msg")
}
