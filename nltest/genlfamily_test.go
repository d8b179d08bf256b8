package nltest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// TestFamilyFrom builds ethtool from genl.KernelFamilies and the policy
// dump recorded on Linux 6.18 (validate/testdata), and checks that the
// fake answers what only the table says: the top-level maximum type of
// ETHTOOL_MSG_TSINFO_GET (9: types 8 and 9 unsupported, 10 unknown),
// resv_start_op (35), and the operations' CTRL_ATTR_OP_FLAGS.
func TestFamilyFrom(t *testing.T) {
	pd, err := validate.ParsePolicyDump(testenv.ReadPolicyDump(t, "../validate/testdata/policydump-ethtool.hex"), nlwire.LittleEndian)
	if err != nil {
		t.Fatal(err)
	}
	kf, ok := genl.KernelFamilyByName("ethtool")
	if !ok {
		t.Fatal("ethtool is not in genl.KernelFamilies")
	}
	accept := func(req *nltest.Request, rep *nltest.Reply) error { return nil }
	fam := nltest.FamilyFrom(*kf, pd, accept)
	if fam.ID != pd.FamilyID || fam.Name != "ethtool" || fam.ResvStartOp != 35 || fam.Split || len(fam.Ops) != len(kf.Ops) {
		t.Fatalf("family %+v", fam)
	}
	k := nltest.NewKernel()
	id, err := k.Register(&fam)
	if err != nil {
		t.Fatal(err)
	}
	c := k.Dial(&nltest.Config{PortID: 77})
	const tsinfo, strset, pseGet = 25, 1, 36
	for _, tt := range []struct {
		name string
		req  []byte
		want answer
	}{
		{"TSINFO_GET type 8", request(id, wire.Request|wire.Ack, tsinfo, func(e *attr.Encoder) { e.Uint32(8, 0) }),
			answer{Errno: nlwire.EINVAL, Msg: validate.MsgUnsupported, Offset: 20}},
		{"TSINFO_GET type 9", request(id, wire.Request|wire.Ack, tsinfo, func(e *attr.Encoder) { e.Uint32(9, 0) }),
			answer{Errno: nlwire.EINVAL, Msg: validate.MsgUnsupported, Offset: 20}},
		{"TSINFO_GET type 10", request(id, wire.Request|wire.Ack, tsinfo, func(e *attr.Encoder) { e.Uint32(10, 0) }),
			answer{Errno: nlwire.EINVAL, Msg: validate.MsgUnknownType, Offset: 20}},
		{"STRSET_GET, reserved field below resv_start_op", reserved(request(id, wire.Request|wire.Ack, strset, nil)),
			answer{}},
		{"PSE_GET, reserved field from resv_start_op on", reserved(request(id, wire.Request|wire.Ack, pseGet, nil)),
			answer{Errno: nlwire.EINVAL, Msg: validate.MsgGenlReserved}},
	} {
		if err := c.Send(tt.req); err != nil {
			t.Fatal(err)
		}
		got := receiveAll(t, c, 8192)
		if len(got) != 1 || len(got[0]) != 1 {
			t.Fatalf("%s: %+v", tt.name, got)
		}
		a := got[0][0]
		a.Type, a.Flags, a.Seq, a.PID, a.Echoed, a.Policy = 0, 0, 0, 0, 0, ""
		if diff := cmp.Diff(tt.want, a); diff != "" {
			t.Errorf("%s (-want +got)\n%s", tt.name, diff)
		}
	}
	// CTRL_CMD_GETFAMILY reports the operations as the table says the
	// kernel does.
	if err := c.Send(request(genl.GENL_ID_CTRL, wire.Request, genl.CTRL_CMD_GETFAMILY, func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, "ethtool") })); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16<<10)
	n, err := c.Receive(buf)
	if err != nil {
		t.Fatal(err)
	}
	var got, want [][2]uint32
	r := wire.NewReader(buf[:n])
	for r.Next() {
		a := r.View().Attrs(genl.HeaderLen)
		for a.Next() {
			if a.Type() != genl.CTRL_ATTR_OPS {
				continue
			}
			ops := a.Nested()
			for ops.Next() {
				var op [2]uint32
				x := ops.Nested()
				for x.Next() {
					switch x.Type() {
					case genl.CTRL_ATTR_OP_ID:
						op[0] = x.Uint32()
					case genl.CTRL_ATTR_OP_FLAGS:
						op[1] = x.Uint32()
					}
				}
				got = append(got, op)
			}
		}
	}
	for _, o := range kf.Ops {
		want = append(want, [2]uint32{uint32(o.Cmd), o.CtrlFlags(kf.Split, kf.ResvStartOp)})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CTRL_ATTR_OPS (id, flags) (-want +got)\n%s", diff)
	}
}

// TestFamilyFromSplit: a split family's forms get their own policies and
// maxima, a form without a policy none, and a dump-only operation, which
// a whole family's dump lists under command 0, its dump policy.
func TestFamilyFromSplit(t *testing.T) {
	kf, ok := genl.KernelFamilyByName("netdev")
	if !ok {
		t.Fatal("netdev is not in genl.KernelFamilies")
	}
	// Policies as Linux 6.18's dump gives them: QUEUE_GET (10) do 0 and
	// dump 1, DEV_GET (1) do 2 and dump 3 (the reject-all policy,
	// nothing dumped), QSTATS_GET (12) under command 0, dump 4.
	pd := &validate.PolicyDump{FamilyID: 0x14, Tables: make([]validate.DumpTable, 5), Ops: []validate.OpPolicy{
		{Cmd: 0, Do: -1, Dump: 4}, {Cmd: 1, Do: 2, Dump: 3}, {Cmd: 10, Do: 0, Dump: 1},
	}}
	for i := range pd.Tables {
		pd.Tables[i].Policy.Rules = []validate.Rule{1: {Kind: validate.U32}}
	}
	fam := nltest.FamilyFrom(*kf, pd, func(*nltest.Request, *nltest.Reply) error { return nil })
	byCmd := map[uint8]nltest.Op{}
	for _, o := range fam.Ops {
		byCmd[o.Cmd] = o
	}
	if o := byCmd[10]; o.Policy != &pd.Tables[0].Policy || o.MaxAttr != 3 || o.DumpPolicy != &pd.Tables[1].Policy || o.DumpMaxAttr != 2 {
		t.Errorf("QUEUE_GET: %+v", o)
	}
	if o := byCmd[1]; o.Policy != &pd.Tables[2].Policy || o.MaxAttr != 1 || o.DumpPolicy != nil || o.DumpMaxAttr != 0 {
		t.Errorf("DEV_GET: %+v", o)
	}
	if o := byCmd[12]; o.Policy != nil || o.Do != nil || o.DumpPolicy != &pd.Tables[4].Policy || o.DumpMaxAttr != 4 {
		t.Errorf("QSTATS_GET: %+v", o)
	}
	if o := byCmd[14]; o.Policy != nil || o.Do == nil || o.Flags != nltest.GENL_ADMIN_PERM {
		t.Errorf("NAPI_SET, absent from the dump: %+v", o)
	}
	if !fam.Split || fam.ID != 0x14 {
		t.Errorf("family: split %v, id %#x", fam.Split, fam.ID)
	}
	if _, err := nltest.NewKernel().Register(&fam); err != nil {
		t.Errorf("register: %v", err)
	}
}
