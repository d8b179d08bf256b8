package nltest_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/mptcppm"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/tcpmetrics"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
)

// registration is what FamilySpec and genl.KernelFamilies both say of a
// family: how it registers and, per command, its flags and forms.
type registration struct {
	Version, HdrSize uint32
	ResvStartOp      uint8
	Split            bool
	Ops              map[uint8]registeredOp
}

type registeredOp struct {
	Flags, Validate uint8
	Do, Dump        bool
}

// TestFamilySpecAgreesWithKernelTable: for the families whose kernel
// operations are generated from their specs (netdev, split; mptcp_pm,
// per-op), FamilySpec registers what genl.KernelFamilies, taken from
// Linux 6.18's sources, says: version, header size, resv_start_op, split
// or full operations, and each command's permission flags, validation
// opt-outs and forms. Commands of a newer spec than the kernel are left
// out and named.
func TestFamilySpecAgreesWithKernelTable(t *testing.T) {
	for _, tc := range []struct {
		spec     *family.Family
		opPolicy func(uint8) (do, dump *validate.Policy)
	}{
		{&netdev.Family, netdev.OpPolicy},
		{&mptcppm.Family, mptcppm.OpPolicy},
	} {
		kf, ok := genl.KernelFamilyByName(tc.spec.Name)
		if !ok {
			t.Fatalf("%s is not in genl.KernelFamilies", tc.spec.Name)
		}
		fam, err := nltest.FamilySpec(tc.spec, tc.opPolicy, answerNothing)
		if err != nil {
			t.Fatal(err)
		}
		want := registration{Version: kf.Version, HdrSize: kf.HdrSize, ResvStartOp: kf.ResvStartOp, Split: kf.Split, Ops: map[uint8]registeredOp{}}
		for _, o := range kf.Ops {
			want.Ops[o.Cmd] = registeredOp{o.Flags, o.Validate, o.Do.Has, o.Dump.Has}
		}
		got := registration{Version: fam.Version, HdrSize: fam.HdrSize, ResvStartOp: fam.ResvStartOp, Split: fam.Split, Ops: map[uint8]registeredOp{}}
		for _, o := range fam.Ops {
			if _, ok := want.Ops[o.Cmd]; !ok {
				t.Logf("%s: the spec's command %d is not in the kernel table", tc.spec.Name, o.Cmd)
				continue
			}
			got.Ops[o.Cmd] = registeredOp{uint8(o.Flags), uint8(o.Validate), o.Do != nil, o.Dump != nil}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: FamilySpec differs from genl.KernelFamilies (-kernel +spec)\n%s", tc.spec.Name, diff)
		}
		if _, err := nltest.NewKernel().Register(&fam); err != nil {
			t.Errorf("%s: register: %v", tc.spec.Name, err)
		}
	}
}

// TestFamilySpecPolicies: the forms get the policies the generated
// package gives, by the spec's kernel-policy: split forms their own, a
// per-op operation its do request's for both forms, a global family its
// one policy with its maximum type as the family's.
func TestFamilySpecPolicies(t *testing.T) {
	byCmd := func(f nltest.Family) map[uint8]nltest.Op {
		m := map[uint8]nltest.Op{}
		for _, o := range f.Ops {
			m[o.Cmd] = o
		}
		return m
	}
	nd, err := nltest.FamilySpec(&netdev.Family, netdev.OpPolicy, answerNothing)
	if err != nil {
		t.Fatal(err)
	}
	do, dump := netdev.OpPolicy(netdev.NETDEV_CMD_QUEUE_GET)
	if o := byCmd(nd)[netdev.NETDEV_CMD_QUEUE_GET]; o.Policy != do || o.DumpPolicy != dump || do == nil || dump == nil {
		t.Errorf("netdev QUEUE_GET: policies %p %p, want %p %p", o.Policy, o.DumpPolicy, do, dump)
	}
	mp, err := nltest.FamilySpec(&mptcppm.Family, mptcppm.OpPolicy, answerNothing)
	if err != nil {
		t.Fatal(err)
	}
	do, _ = mptcppm.OpPolicy(mptcppm.MPTCP_PM_CMD_GET_ADDR)
	if o := byCmd(mp)[mptcppm.MPTCP_PM_CMD_GET_ADDR]; o.Policy != do || o.DumpPolicy != nil || o.Dump == nil || mp.Split {
		t.Errorf("mptcp_pm GET_ADDR: policy %p (want %p), dump policy %p, split %v", o.Policy, do, o.DumpPolicy, mp.Split)
	}
	tm, err := nltest.FamilySpec(&tcpmetrics.Family, tcpmetrics.OpPolicy, answerNothing)
	if err != nil {
		t.Fatal(err)
	}
	if tm.MaxAttr != uint32(len(tcpmetrics.Policy.Rules)-1) || tm.Split || tm.ResvStartOp != tcpmetrics.TCP_METRICS_CMD_DEL+1 {
		t.Errorf("tcp_metrics: maxattr %d, split %v, resv_start_op %d", tm.MaxAttr, tm.Split, tm.ResvStartOp)
	}
	for _, o := range tm.Ops {
		if o.Policy != &tcpmetrics.Policy {
			t.Errorf("tcp_metrics command %d: not the family's policy", o.Cmd)
		}
	}
	if _, err := nltest.FamilySpec(&rtlink.Family, nil, answerNothing); !errors.Is(err, nltest.ErrNotGeneric) {
		t.Errorf("rt-link: %v, want ErrNotGeneric", err)
	}
}

// answerNothing is a handler that writes nothing: what is tested is the
// registration around it.
func answerNothing(*nltest.Request, *nltest.Reply) error { return nil }
