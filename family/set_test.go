package family_test

import (
	"testing"

	"github.com/nlwire/nlwire/family"
)

var (
	vethSet = family.Set{Space: "VETH_INFO", Attrs: []family.Attr{1: {Name: "VETH_INFO_PEER", Format: family.Nested, Header: 16}}}
	infoSet = family.Set{Space: "IFLA_INFO", Attrs: []family.Attr{
		1: {Name: "IFLA_INFO_KIND", Format: family.String},
		2: {Name: "IFLA_INFO_DATA", Format: family.Nested, Key: 1, Variants: []family.Variant{{Value: "veth", Set: &vethSet}}},
	}}
	arraySet = family.Set{Space: "CTRL_ATTR_OPS", Elem: &family.Attr{Format: family.Nested, Child: &infoSet}}
)

func TestSet(t *testing.T) {
	tests := []struct {
		s        *family.Set
		typ      uint16
		name     string
		hasAttr  bool
		lookupOK bool
	}{
		{&infoSet, 1, "IFLA_INFO_KIND", true, true},
		{&infoSet, 2, "IFLA_INFO_DATA", true, true},
		{&infoSet, 0, "", false, false},
		{&infoSet, 3, "", false, false},
		{&infoSet, 0x3fff, "", false, false},
		{&arraySet, 7, "", true, false}, // an array: every index has the element's description
		{nil, 1, "", false, false},
	}
	for _, tt := range tests {
		if got := tt.s.Name(tt.typ); got != tt.name {
			t.Errorf("Name(%d) = %q, want %q", tt.typ, got, tt.name)
		}
		if got := tt.s.Attr(tt.typ) != nil; got != tt.hasAttr {
			t.Errorf("Attr(%d) present = %v, want %v", tt.typ, got, tt.hasAttr)
		}
		if tt.name != "" {
			if typ, ok := tt.s.Lookup(tt.name); !ok || typ != tt.typ {
				t.Errorf("Lookup(%q) = %d, %v", tt.name, typ, ok)
			}
		}
	}
	if _, ok := infoSet.Lookup(""); ok {
		t.Error(`Lookup("") found a type`)
	}
	if infoSet.Max() != 2 || (*family.Set)(nil).Max() != 0 {
		t.Errorf("Max() = %d", infoSet.Max())
	}
	data := infoSet.Attr(2)
	if data.ChildSet("veth") != &vethSet || data.ChildSet("vlan") != nil || (*family.Attr)(nil).ChildSet("veth") != nil {
		t.Error("ChildSet does not select by the key's value")
	}
}

func TestFormat(t *testing.T) {
	for f, want := range map[family.Format]struct {
		name string
		size int
	}{
		family.U8: {"u8", 1}, family.BE16: {"be16", 2}, family.S32: {"s32", 4}, family.U64: {"u64", 8},
		family.Bitfield32: {"bitfield32", 8}, family.String: {"string", 0}, family.Multipath: {"multipath", 0},
		family.Format(200): {"format?", 0},
	} {
		if f.String() != want.name || f.Size() != want.size {
			t.Errorf("Format %d: %q size %d, want %q size %d", f, f.String(), f.Size(), want.name, want.size)
		}
	}
}

func TestEnumAndMsgs(t *testing.T) {
	e := family.Enum{Space: "CTRL_CMD", Names: []string{"CTRL_CMD_UNSPEC", "CTRL_CMD_NEWFAMILY"}}
	if e.Name(1) != "CTRL_CMD_NEWFAMILY" || e.Name(9) != "" || (*family.Enum)(nil).Name(0) != "" {
		t.Error("Enum.Name")
	}
	if v, ok := e.Lookup("CTRL_CMD_NEWFAMILY"); !ok || v != 1 {
		t.Error("Enum.Lookup")
	}
	m := family.Msgs{Family: "X", Types: []family.Msg{16: {Name: "RTM_NEWLINK", HeaderLen: 16, Attrs: &infoSet}}}
	if m.Name(16) != "RTM_NEWLINK" || m.Msg(16).HeaderLen != 16 || m.Msg(17) != nil || m.Msg(15) != nil {
		t.Error("Msgs.Msg")
	}
	if v, ok := m.Lookup("RTM_NEWLINK"); !ok || v != 16 {
		t.Error("Msgs.Lookup")
	}
	if n := testing.AllocsPerRun(100, func() {
		_ = infoSet.Name(2)
		_, _ = infoSet.Lookup("IFLA_INFO_DATA")
		_ = infoSet.Attr(2).ChildSet("veth")
		_ = m.Name(16)
	}); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
