package dissect_test

import (
	"encoding/binary"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// genlRequest is a little-endian generic netlink request of family id
// with command cmd and one u32 attribute.
func genlRequest(id uint16, cmd uint8, typ uint16, v uint32) []byte {
	b := make([]byte, 28)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 28)
	le.PutUint16(b[4:], id)
	le.PutUint16(b[6:], uint16(wire.Request|wire.Ack))
	b[16], b[17] = cmd, 1
	le.PutUint16(b[20:], 8)
	le.PutUint16(b[22:], typ)
	le.PutUint32(b[24:], v)
	return b
}

func verdicts(t *testing.T, d *dissect.Dissector, msg []byte) []event {
	t.Helper()
	var r recorder
	if err := d.Datagram(&r, dissect.ProtoGeneric, nlwire.LittleEndian, msg); err != nil {
		t.Fatal(err)
	}
	var v []event
	for _, e := range r.events {
		if e.What == "verdict" || e.What == "unchecked" || e.What == "begin" {
			v = append(v, e)
		}
	}
	return v
}

// TestGenlVerdicts: requests of a spec'd generic family are checked
// against its generated policies (netdev: ifindex at least 1, strict),
// or against those GenlNames.Spec gives for its name.
func TestGenlVerdicts(t *testing.T) {
	const id = 0x20
	d := dissect.New()
	d.Validate = true
	d.Genl.Add(id, "netdev")
	got := verdicts(t, d, genlRequest(id, netdev.NETDEV_CMD_DEV_GET, netdev.NETDEV_A_DEV_IFINDEX, 0))
	want := []event{{What: "begin", Name: "netdev", Len: 28}, {What: "verdict", Name: "STRICT", Value: "integer out of range"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ifindex 0 (-want +got):\n%s", diff)
	}
	got = verdicts(t, d, genlRequest(id, netdev.NETDEV_CMD_DEV_GET, netdev.NETDEV_A_DEV_IFINDEX, 1))
	want[1].Value = ""
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ifindex 1 (-want +got):\n%s", diff)
	}

	// A spec loaded at run time replaces the registry's tables.
	f := &family.Family{Name: "netdev", Protocol: 16, Ops: []family.Op{
		{Name: "MY_GET", Request: 1, Reply: 1, Flags: family.OpDo | family.OpDontValidateStrict}}}
	p := &validate.Policy{Rules: []validate.Rule{1: {Kind: validate.U32, Check: validate.CheckMin, Min: 5}}}
	d.Genl.Spec(f, func(cmd uint8) (do, dump *validate.Policy) {
		if cmd == 1 {
			return p, nil
		}
		return nil, nil
	})
	if n, _ := d.Genl.Lookup(id); n.Tables != f {
		t.Fatalf("Spec did not rename id %#x: %+v", id, n)
	}
	got = verdicts(t, d, genlRequest(id, 1, 1, 1))
	want = []event{{What: "begin", Name: "netdev", Len: 28}, {What: "verdict", Name: "LIBERAL", Value: "integer out of range"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spec'd (-want +got):\n%s", diff)
	}
	// Commands the spec does not know are not checked, and say so.
	got = verdicts(t, d, genlRequest(id, 9, 1, 1))
	want = []event{{What: "begin", Name: "netdev", Len: 28}, {What: "unchecked", Name: dissect.UncheckedNoTable.String()}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unknown command (-want +got):\n%s", diff)
	}
}
