package dissect_test

import (
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/wire"
)

// TestRawSpecs: a netlink-raw family's operations give the attributes
// of the message types they name, by direction, and name the types the
// built-in tables do not.
func TestRawSpecs(t *testing.T) {
	reqSet, repSet := &family.Set{Space: "REQ"}, &family.Set{Space: "REP"}
	f := &family.Family{Name: "x", Protocol: dissect.ProtoRoute, HeaderLen: 4, Ops: []family.Op{
		{Name: "X_NEWLINK", Request: 16, Reply: family.None, Attrs: reqSet},
		{Name: "X_LINK", Request: family.None, Reply: 16, Attrs: repSet},
		{Name: "X_NEW", Request: 200, Reply: 200, Attrs: reqSet},
	}}
	d := dissect.New()
	var k dissect.Kind
	classify := func(typ uint16, fl wire.Flags) {
		d.Classify(&k, dissect.ProtoRoute, nlwire.LittleEndian, wire.Header{Type: typ, Flags: fl}, make([]byte, 16))
	}
	classify(16, wire.Request)
	builtin := k.Attrs
	d.Raw = &dissect.RawSpecs{}
	d.Raw.Add(f)
	classify(16, wire.Request)
	if k.Attrs != reqSet || k.Name != "RTM_NEWLINK" || k.Struct != "ifinfomsg" || k.HeaderLen != 16 {
		t.Errorf("request: %+v", k)
	}
	classify(16, 0)
	if k.Attrs != repSet {
		t.Errorf("reply: %+v", k.Attrs)
	}
	classify(200, 0)
	if k.Attrs != reqSet || k.Name != "X_NEW" || k.HeaderLen != 4 || !k.Known {
		t.Errorf("a type the built-in tables do not name: %+v", k)
	}
	d.Classify(&k, dissect.ProtoGeneric, nlwire.LittleEndian, wire.Header{Type: 16, Flags: wire.Request}, make([]byte, 4))
	if k.Attrs == reqSet {
		t.Error("another protocol's message took the spec's tables")
	}
	d.Raw = nil
	classify(16, wire.Request)
	if k.Attrs != builtin {
		t.Error("without the spec, the built-in tables")
	}
}
