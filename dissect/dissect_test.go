package dissect_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
	"pgregory.net/rapid"
)

// TestRealMessages: the events of messages from route-errors.pcap, a
// request with a nest and the kernel's error echoing a request with a
// value of the wrong length, as the kernel's tables name them.
func TestRealMessages(t *testing.T) {
	d := dissect.New()
	msgs := messagesOf(d, readCapture(t, "route-errors.pcap"))
	tests := []struct {
		index int
		want  []event
	}{
		{4, []event{
			{What: "begin", Name: "RTM_NEWLINK", Len: 64},
			{What: "header", Depth: 1, Name: "ifinfomsg", Offset: 16, Len: 16, Value: " family=0 type=0 index=0 flags=0 change=0"},
			{What: "attrs", Depth: 1},
			{What: "attr", Depth: 1, Name: "IFLA_IFNAME", Type: route.IFLA_IFNAME, Offset: 32, Len: 9, Value: "s:nlw0"},
			{What: "nest", Depth: 1, Name: "IFLA_LINKINFO", Type: route.IFLA_LINKINFO, Offset: 44, Len: 20},
			{What: "attr", Depth: 2, Name: "IFLA_INFO_KIND", Type: route.IFLA_INFO_KIND, Offset: 48, Len: 15, Value: "s:nosuchkind"},
			{What: "endnest", Depth: 1},
			{What: "endattrs", Depth: 1},
			{What: "end", Name: "RTM_NEWLINK"},
		}},
		{1, []event{
			{What: "begin", Name: "NLMSG_ERROR", Len: 144},
			{What: "ack", Name: "error", Value: "IFLA_MTU"},
			{What: "begin-echo", Name: "RTM_NEWLINK", Len: 40},
			{What: "header", Depth: 3, Name: "ifinfomsg", Offset: 16, Len: 16, Value: " family=0 type=0 index=1 flags=0 change=0"},
			{What: "attrs", Depth: 3},
			{What: "attr", Depth: 3, Name: "IFLA_MTU", Type: route.IFLA_MTU, Offset: 32, Len: 6, Value: "bad:dc05"},
			{What: "endattrs", Depth: 3},
			{What: "end", Name: "RTM_NEWLINK"},
			{What: "endack"},
			{What: "end", Name: "NLMSG_ERROR"},
		}},
	}
	for _, tt := range tests {
		if tt.index >= len(msgs) {
			t.Fatalf("route-errors.pcap has %d messages", len(msgs))
		}
		m := msgs[tt.index]
		var r recorder
		d.Message(&r, m.msg, &m.kind)
		if diff := cmp.Diff(tt.want, r.events); diff != "" {
			t.Errorf("message %d (-want +got):\n%s", tt.index, diff)
		}
	}
}

// TestCapturesWellFormed: every message of the testdata captures walks
// with well-nested events, increasing offsets and every byte accounted
// for, and without a problem (the captures are the kernel's and its
// tools' traffic).
func TestCapturesWellFormed(t *testing.T) {
	for _, name := range captures {
		d := dissect.New()
		n := 0
		for _, m := range messagesOf(d, readCapture(t, name)) {
			var r recorder
			d.Message(&r, m.msg, &m.kind)
			if r.problems > 0 {
				t.Errorf("%s: message %d: %d problems: %+v", name, n, r.problems, r.events)
			}
			if err := checkEvents(r.events, false); err != nil {
				t.Errorf("%s: message %d: %v\n%+v", name, n, err, r.events)
			}
			n++
		}
		if n == 0 {
			t.Errorf("%s: no messages", name)
		}
	}
}

// container is a run of bytes whose attributes checkEvents follows: the
// offset the next one must start at, and where the run ends.
type container struct {
	what      string // the event that opened it
	next, end int
}

// checkEvents checks a message's events: Begin first and End last, every
// opening event closed by its own kind at its depth, the offsets of a
// message's headers, attributes, elements and next hops increasing, and,
// unless lenient (problems were reported), each attribute starting where
// the one before it ends (aligned) and the last one ending its run.
func checkEvents(evs []event, lenient bool) error {
	if len(evs) < 2 || evs[0].What != "begin" || evs[len(evs)-1].What != "end" {
		return errors.New("a message's events are not bracketed by begin and end")
	}
	var stack []container
	last := -1
	msgLen := evs[0].Len
	bodyStart := wire.HeaderLen
	open := func(what string, next, end int) { stack = append(stack, container{what, next, end}) }
	closeRun := func(what string) error {
		if len(stack) == 0 {
			return errors.New(what + " closes nothing")
		}
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if (what == "endattrs") != (c.what == "attrs") || (what == "end") != (c.what == "begin" || c.what == "begin-echo") || (what == "endack") != (c.what == "ack") {
			return errors.New(what + " closes " + c.what)
		}
		if !lenient && c.next >= 0 && (c.next < c.end || c.next-c.end > 3) {
			return errors.New(what + ": the run's attributes do not end it")
		}
		return nil
	}
	for i, e := range evs {
		switch e.What {
		case "begin", "begin-echo":
			if i > 0 && e.What == "begin" {
				return errors.New("a second begin")
			}
			open(e.What, -1, 0)
			last, msgLen, bodyStart = -1, e.Len, wire.HeaderLen // an echoed request counts from its own start
		case "ack":
			open("ack", -1, 0)
		case "header":
			if e.Offset <= last {
				return errors.New("header offset does not increase")
			}
			last, bodyStart = e.Offset, e.Offset+attr.Align(e.Len)
		case "attrs":
			open("attrs", bodyStart, msgLen)
		case "attr", "nest", "elem", "nexthop":
			if e.Offset <= last {
				return errors.New(e.What + " " + e.Name + ": offset does not increase")
			}
			last = e.Offset
			if len(stack) == 0 {
				return errors.New(e.What + " outside any run")
			}
			top := &stack[len(stack)-1]
			if top.next < 0 {
				return errors.New(e.What + " outside a run of attributes")
			}
			if !lenient && e.Offset != top.next {
				return errors.New(e.What + " " + e.Name + ": does not start where the one before it ends")
			}
			top.next = e.Offset + attr.Align(e.Len)
			switch e.What {
			case "nest", "elem":
				open("nest", e.Offset+attr.HeaderLen+len(e.Value)/2, e.Offset+e.Len)
			case "nexthop":
				open("nest", e.Offset+route.RtNexthopLen, e.Offset+e.Len)
			}
		case "endnest", "endattrs", "end", "endack":
			if err := closeRun(e.What); err != nil {
				return err
			}
		}
	}
	if len(stack) != 0 {
		return errors.New("events left open")
	}
	return nil
}

// genAttrs draws a run of attributes for e: a few of random types, some
// nests (with NLA_F_NESTED or without), values of random lengths.
func genAttrs(t *rapid.T, e *attr.Encoder, depth int) {
	n := rapid.IntRange(0, 6).Draw(t, "n")
	for range n {
		typ := uint16(rapid.IntRange(0, 70).Draw(t, "type"))
		switch kind := rapid.IntRange(0, 4).Draw(t, "kind"); {
		case kind == 0 && depth < 6:
			nest := e.Begin(typ)
			genAttrs(t, e, depth+1)
			e.End(nest)
		case kind == 1 && depth < 6:
			nest := e.BeginNoFlag(typ)
			genAttrs(t, e, depth+1)
			e.End(nest)
		case kind == 2:
			e.Uint32(typ, rapid.Uint32().Draw(t, "u32"))
		default:
			e.Put(typ, rapid.SliceOfN(rapid.Byte(), 0, 24).Draw(t, "payload"))
		}
	}
}

// TestWalkProperties: for route messages of random attributes, in the
// host's byte order, the events are well nested with increasing offsets
// and, when the walk reports no problem, account for every byte; with a
// byte of the message changed at random, the walk still nests its
// events, offsets increasing.
func TestWalkProperties(t *testing.T) {
	types := []uint16{route.RTM_NEWLINK, route.RTM_NEWADDR, route.RTM_NEWROUTE, route.RTM_NEWNEIGH, route.RTM_NEWQDISC, route.RTM_NEWRULE, 99}
	rapid.Check(t, func(t *rapid.T) {
		typ := rapid.SampledFrom(types).Draw(t, "msgtype")
		b := wire.NewBuilder(nil).WithOrder(nlwire.Native)
		m := b.Start(wire.Header{Type: typ, Flags: wire.Request, Seq: 1})
		if typ != 99 {
			var k dissect.Kind
			dissect.New().Classify(&k, dissect.ProtoRoute, nlwire.Native, wire.Header{Type: typ}, nil)
			b.FamilyHeader(k.HeaderLen)
		}
		genAttrs(t, b.Attrs(), 1)
		b.End(m)
		msg, err := b.Finish()
		if err != nil {
			t.Skip(err) // too long for nlmsg_len's attributes
		}
		mutate := len(msg) > wire.HeaderLen && rapid.Bool().Draw(t, "mutate")
		if mutate {
			i := rapid.IntRange(wire.HeaderLen, len(msg)-1).Draw(t, "at")
			msg[i] = rapid.Byte().Draw(t, "byte")
		}
		d := dissect.New()
		r := wire.NewReader(msg).WithOrder(nlwire.Native)
		if !r.Next() {
			t.Fatalf("no message: %v", r.Err())
		}
		var k dissect.Kind
		d.Classify(&k, dissect.ProtoRoute, nlwire.Native, r.Header(), r.Payload())
		var rec recorder
		d.Message(&rec, r.Message(), &k)
		// Of a type without tables, the attributes are only bytes and
		// nests (NLA_F_NESTED): a well-formed message has no problem. A
		// table's type may give a value attribute's payload as a nest.
		if !mutate && typ == 99 && rec.problems > 0 {
			t.Fatalf("problems in a well-formed message: %+v", rec.events)
		}
		if err := checkEvents(rec.events, rec.problems > 0); err != nil {
			t.Fatalf("%v\n%+v", err, rec.events)
		}
	})
}

// TestWalkAllocs: walking the messages of the testdata captures with a
// Writer that allocates nothing allocates nothing.
func TestWalkAllocs(t *testing.T) {
	d := dissect.New()
	var msgs []message
	for _, name := range captures {
		if name == "route-errors.pcap" {
			continue // below
		}
		msgs = append(msgs, messagesOf(d, readCapture(t, name))...)
	}
	d.Validate = true
	var w dissect.Writer = dissect.Discard{}
	walk := func() {
		for i := range msgs {
			d.Message(w, msgs[i].msg, &msgs[i].kind)
		}
	}
	walk() // grows the Dissector's storage to the deepest nest
	if n := testing.AllocsPerRun(10, walk); n != 0 {
		t.Errorf("walking %d messages: %v allocations", len(msgs), n)
	}

	// route-errors.pcap: its errors' extended ACKs (with policies),
	// paths and echoed requests. (Without validation: package validate
	// makes an error for each request it rejects, as these are.)
	d.Validate = false
	msgs = messagesOf(d, readCapture(t, "route-errors.pcap"))
	walk()
	if n := testing.AllocsPerRun(10, walk); n != 0 {
		t.Errorf("walking %d messages of route-errors.pcap: %v allocations", len(msgs), n)
	}
}

// TestRouteClassifyAllocs: naming an rtnetlink message allocates nothing.
func TestRouteClassifyAllocs(t *testing.T) {
	d := dissect.New()
	h := wire.Header{Type: route.RTM_NEWLINK, Flags: wire.Request}
	var k dissect.Kind
	if n := testing.AllocsPerRun(100, func() { d.Classify(&k, dissect.ProtoRoute, nlwire.LittleEndian, h, nil) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
	if k.Name != "RTM_NEWLINK" || k.Struct != "ifinfomsg" || k.Attrs != &route.LinkAttrs {
		t.Errorf("kind %+v", k)
	}
}

// TestUnknownTypeNames: a message type no table names is named by its
// number, the same name every time, built once: classifying it again
// allocates nothing, whether it is a generic family never learned, an
// unknown rtnetlink type, a netfilter subsystem or a protocol without
// tables.
func TestUnknownTypeNames(t *testing.T) {
	tests := []struct {
		proto     uint16
		typ       uint16
		name, cmd string
	}{
		{dissect.ProtoGeneric, 0x1206, "genl-0x1206", ""},
		{dissect.ProtoRoute, 999, "type 999", ""},
		{dissect.ProtoNetfilter, 0xfe07, "NFNL_SUBSYS 254", "msg 7"},
		{dissect.ProtoXFRM, 0x7f, "type 127", ""},
		{99, 0x10, "type 16", ""},
	}
	d := dissect.New()
	for _, tt := range tests {
		h := wire.Header{Type: tt.typ, Flags: wire.Request}
		var k dissect.Kind
		d.Classify(&k, tt.proto, nlwire.LittleEndian, h, nil)
		if k.Name != tt.name || k.Cmd != tt.cmd {
			t.Errorf("protocol %d, type %#x: named %q %q, want %q %q", tt.proto, tt.typ, k.Name, k.Cmd, tt.name, tt.cmd)
		}
		if n := testing.AllocsPerRun(100, func() { d.Classify(&k, tt.proto, nlwire.LittleEndian, h, nil) }); n != 0 {
			t.Errorf("protocol %d, type %#x: %v allocations once named", tt.proto, tt.typ, n)
		}
	}
}

// TestProblemErrors: problems are errors that name what is wrong and
// where, and unwrap to the error underneath.
func TestProblemErrors(t *testing.T) {
	inner := errors.New("inner")
	tests := []struct {
		p    dissect.Problem
		want string
	}{
		{dissect.Problem{Kind: dissect.ShortHeader, Len: 3, Want: 16, Struct: "ifinfomsg"}, "payload of 3 bytes is shorter than its 16-byte ifinfomsg"},
		{dissect.Problem{Kind: dissect.ShortNestHeader, Offset: 40, Len: 2, Want: 16}, "nest at offset 40: 2 bytes, shorter than its 16-byte header"},
		{dissect.Problem{Kind: dissect.BadNexthop, Offset: 52}, "bad rtnexthop at offset 52"},
		{dissect.Problem{Kind: dissect.BadPolicy, Err: inner}, "NLMSGERR_ATTR_POLICY: inner"},
		{dissect.Problem{Kind: dissect.BadAttrs, Err: inner}, "inner"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("%v: got %q, want %q", tt.p.Kind, got, tt.want)
		}
	}
	p := &dissect.Problem{Kind: dissect.BadArray, Err: inner}
	if !errors.Is(p, inner) {
		t.Error("a problem does not unwrap to its error")
	}
}

// TestCheckEventsRejects: the checker of TestWalkProperties fails on a
// gap between attributes, a run that is not covered, a misnested close
// and an offset that goes back.
func TestCheckEventsRejects(t *testing.T) {
	good := []event{
		{What: "begin", Len: 40},
		{What: "header", Offset: 16, Len: 16},
		{What: "attrs"},
		{What: "attr", Offset: 32, Len: 8},
		{What: "endattrs"},
		{What: "end"},
	}
	if err := checkEvents(good, false); err != nil {
		t.Fatalf("a good sequence: %v", err)
	}
	edit := func(f func([]event) []event) []event { return f(append([]event(nil), good...)) }
	bad := map[string][]event{
		"gap":       edit(func(e []event) []event { e[3].Offset = 36; return e }),
		"uncovered": edit(func(e []event) []event { e[3].Len = 4; return e }),
		"misnested": edit(func(e []event) []event { e[4].What = "endnest"; return e }),
		"backwards": edit(func(e []event) []event { e[1].Offset = 40; return e }),
		"unclosed":  edit(func(e []event) []event { return append(e[:4], e[5]) }),
	}
	for name, evs := range bad {
		if err := checkEvents(evs, false); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// BenchmarkMessage walks the messages of the testdata captures with a
// Writer that does nothing: the cost of the walk alone.
func BenchmarkMessage(b *testing.B) {
	d := dissect.New()
	var msgs []message
	size := 0
	for _, name := range captures {
		for _, m := range messagesOf(d, readCapture(b, name)) {
			msgs = append(msgs, m)
			size += len(m.msg)
		}
	}
	var w dissect.Writer = dissect.Discard{}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i := range msgs {
			d.Message(w, msgs[i].msg, &msgs[i].kind)
		}
	}
}
