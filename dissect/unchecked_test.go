package dissect_test

import (
	"encoding/binary"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/ethtool"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
)

// leMessage is a little-endian message of type typ with flags and the
// given payload.
func leMessage(typ, flags uint16, payload []byte) []byte {
	b := make([]byte, wire.HeaderLen, wire.HeaderLen+len(payload))
	le := binary.LittleEndian
	le.PutUint32(b[0:], uint32(wire.HeaderLen+len(payload)))
	le.PutUint16(b[4:], typ)
	le.PutUint16(b[6:], flags)
	return append(b, payload...)
}

// TestUnchecked: under Validate every request gets a Verdict, one the
// tables cannot check saying why; a message that is not a request gets
// none.
func TestUnchecked(t *testing.T) {
	const ethtoolID, unknownID = 0x20, 0x30
	req := uint16(wire.Request | wire.Ack)
	ifinfo := make([]byte, 16) // struct ifinfomsg
	genlHdr := func(cmd uint8) []byte { return []byte{cmd, 1, 0, 0} }
	cases := []struct {
		name  string
		proto uint16
		msg   []byte
		want  []event // the verdict events
	}{
		{"RTM_GETLINK", dissect.ProtoRoute, leMessage(route.RTM_GETLINK, req, ifinfo),
			[]event{{What: "unchecked", Name: dissect.UncheckedGetStrict.String()}}},
		{"RTM_NEWLINK", dissect.ProtoRoute, leMessage(route.RTM_NEWLINK, req, ifinfo),
			[]event{{What: "verdict", Name: "LIBERAL"}}}, // rtnl_newlink parses liberally
		{"RTM_NEWLINK reply", dissect.ProtoRoute, leMessage(route.RTM_NEWLINK, 0, ifinfo), nil},
		{"nfnetlink", dissect.ProtoNetfilter, leMessage(0x0a00, req, []byte{2, 0, 0, 0}),
			[]event{{What: "unchecked", Name: dissect.UncheckedNoTable.String()}}},
		{"ethtool", dissect.ProtoGeneric, leMessage(ethtoolID, req, genlHdr(ethtool.ETHTOOL_MSG_LINKINFO_GET)),
			[]event{{What: "unchecked", Name: dissect.UncheckedHandWritten.String()}}},
		{"unnamed generic id", dissect.ProtoGeneric, leMessage(unknownID, req, genlHdr(1)),
			[]event{{What: "unchecked", Name: dissect.UncheckedUnknownFamily.String()}}},
		{"CTRL_CMD_GETPOLICY do", dissect.ProtoGeneric, leMessage(genl.GENL_ID_CTRL, req, genlHdr(genl.CTRL_CMD_GETPOLICY)),
			[]event{{What: "unchecked", Name: dissect.UncheckedNoPolicy.String()}}},
		{"CTRL_CMD_GETPOLICY dump", dissect.ProtoGeneric, leMessage(genl.GENL_ID_CTRL, req|uint16(wire.Dump), genlHdr(genl.CTRL_CMD_GETPOLICY)),
			[]event{{What: "verdict", Name: "STRICT"}}},
	}
	for _, c := range cases {
		d := dissect.New()
		d.Validate = true
		d.Genl.Add(ethtoolID, "ethtool")
		var r recorder
		if err := d.Datagram(&r, c.proto, nlwire.LittleEndian, c.msg); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []event
		for _, e := range r.events {
			if e.What == "verdict" || e.What == "unchecked" {
				got = append(got, e)
			}
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestUncheckedString: every reason is a distinct phrase.
func TestUncheckedString(t *testing.T) {
	seen := map[string]dissect.Unchecked{}
	for u := dissect.Checked; u <= dissect.UncheckedNoPolicy; u++ {
		s := u.String()
		if prev, dup := seen[s]; dup {
			t.Errorf("reasons %d and %d both say %q", prev, u, s)
		}
		seen[s] = u
	}
	if got, want := dissect.Unchecked(200).String(), "reason 200"; got != want {
		t.Errorf("Unchecked(200) = %q, want %q", got, want)
	}
}

// TestUncheckedAllocs: a request that is not checked costs no
// allocation: its Verdict is the Dissector's, its reason a constant.
func TestUncheckedAllocs(t *testing.T) {
	d := dissect.New()
	d.Validate = true
	d.Genl.Add(0x20, "ethtool")
	msgs := []struct {
		proto uint16
		msg   []byte
	}{
		{dissect.ProtoRoute, leMessage(route.RTM_GETLINK, uint16(wire.Request|wire.Dump), make([]byte, 16))},
		{dissect.ProtoGeneric, leMessage(0x20, uint16(wire.Request), []byte{ethtool.ETHTOOL_MSG_LINKINFO_GET, 1, 0, 0})},
		{dissect.ProtoNetfilter, leMessage(0x0a00, uint16(wire.Request), []byte{2, 0, 0, 0})},
	}
	var w dissect.Discard
	walk := func() {
		for _, m := range msgs {
			if err := d.Datagram(w, m.proto, nlwire.LittleEndian, m.msg); err != nil {
				t.Fatal(err)
			}
		}
	}
	walk()
	if n := testing.AllocsPerRun(10, walk); n != 0 {
		t.Errorf("%v allocations per walk, want 0", n)
	}
}
