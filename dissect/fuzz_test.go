package dissect_test

import (
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/wire"
)

// FuzzMessage walks arbitrary bytes as messages of a netlink protocol
// (route, with ip link and tc, generic and netfilter messages seed it), with validation: no
// panic, events that nest with increasing offsets, and work linear in
// the input.
func FuzzMessage(f *testing.F) {
	for _, name := range append(captures, netfilterCapture, diagCapture, tcCapture) {
		for _, dg := range readCapture(f, name) {
			f.Add(dg.data, dg.proto)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, proto uint16) {
		d := dissect.New()
		d.Validate = true
		r := wire.NewReader(data).WithOrder(nlwire.LittleEndian)
		for r.Next() {
			var k dissect.Kind
			d.Classify(&k, proto, nlwire.LittleEndian, r.Header(), r.Payload())
			if proto == dissect.ProtoGeneric && r.Header().Type == 0x10 {
				d.Genl.Learn(r.Payload(), nlwire.LittleEndian)
			}
			var rec recorder
			d.Message(&rec, r.Message(), &k)
			if err := checkEvents(rec.events, true); err != nil {
				t.Fatalf("%v\n%+v", err, rec.events)
			}
		}
		// Each attribute is looked at a bounded number of times: the
		// walk, a sibling look-up, the paths of an error's offsets.
		if max := 8*(len(data)/4+1) + 16; d.Work > max {
			t.Errorf("looked at %d attributes in %d bytes", d.Work, len(data))
		}
	})
}
