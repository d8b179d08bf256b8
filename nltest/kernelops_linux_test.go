//go:build linux

package nltest_test

import (
	"errors"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// liveGenl dials NETLINK_GENERIC for a live test that sends requests to
// read-only operations (some need CAP_NET_ADMIN: root).
func liveGenl(t *testing.T) *nlsock.Conn {
	t.Helper()
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root for the read-only generic netlink operations")
	}
	c, err := nlsock.Dial(nlsock.Generic, &nlsock.Config{ReadBuffer: 4 << 20})
	if err != nil {
		testenv.Skip(t, "netlink socket: "+err.Error())
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(30 * time.Second))
	return c
}

// livePolicyDump asks the kernel for the policies of family id.
func livePolicyDump(t *testing.T, c *nlsock.Conn, id uint16, seq uint32) *validate.PolicyDump {
	t.Helper()
	ans := exchangeReal(t, c, ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump|wire.Ack, seq, enc(func(e *attr.Encoder) {
		e.Uint16(genl.CTRL_ATTR_FAMILY_ID, id)
	})), make([]byte, liveBufSize), 1)
	if e, ok := errorOf(ans); !ok || e.Errno != 0 {
		return nil // no policies (ENODATA)
	}
	pd, err := validate.ParsePolicyDump(payloads(ans), nlwire.Native)
	if err != nil {
		t.Fatalf("family %d: %v", id, err)
	}
	return pd
}

// TestLiveKernelOps holds genl.KernelFamilies against the running
// kernel: every family it lists must be in the table, with the same
// version, header size, CTRL_ATTR_MAXATTR, operations in the same order
// and the same CTRL_ATTR_OP_FLAGS; and for the read-only operations
// (liveReadOnly), probes show each form's strictness (an attribute of
// type maxattr+1 is "Unknown attribute type" only when strict), maximum
// type (type maxattr is known, in a strict form), trailing bytes ("bytes
// leftover after parsing attributes", an error only when strict) and the
// family's resv_start_op (a non-zero genlmsghdr.reserved is refused from
// it on).
func TestLiveKernelOps(t *testing.T) {
	c := liveGenl(t)
	fams, err := c.GenlFamilies()
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, liveBufSize)
	seq := uint32(1)
	live := map[string]bool{}
	probed := 0
	for _, f := range fams {
		live[f.Name] = true
		kf, ok := genl.KernelFamilyByName(f.Name)
		if !ok {
			t.Errorf("family %q (id %d) of this kernel is not in genl.KernelFamilies", f.Name, f.ID)
			continue
		}
		if f.Version != kf.Version || f.HeaderSize != kf.HdrSize || f.MaxAttr != kf.MaxAttr {
			t.Errorf("%s: kernel says version %d, hdrsize %d, maxattr %d; the table %d, %d, %d",
				f.Name, f.Version, f.HeaderSize, f.MaxAttr, kf.Version, kf.HdrSize, kf.MaxAttr)
		}
		var got, want []string
		for _, o := range f.Ops {
			got = append(got, strconv.Itoa(int(o.Cmd))+":0x"+strconv.FormatUint(uint64(o.Flags), 16))
		}
		for _, o := range kf.Ops {
			want = append(want, strconv.Itoa(int(o.Cmd))+":0x"+strconv.FormatUint(uint64(o.CtrlFlags(kf.Split, kf.ResvStartOp)), 16))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: operations (cmd:CTRL_ATTR_OP_FLAGS) of the kernel %v, of the table %v", f.Name, got, want)
		}
		ro := liveReadOnly[f.Name]
		for i := range kf.Ops {
			if o := &kf.Ops[i]; slices.Contains(ro, o.Cmd) {
				probed += probeOp(t, c, f, kf, o, buf, &seq)
			}
		}
	}
	var absent []string
	for _, kf := range genl.KernelFamilies {
		if !live[kf.Name] {
			absent = append(absent, kf.Name)
		}
	}
	t.Logf("%d families of this kernel checked against the table, %d probes of read-only forms; in the table, not loaded here: %v", len(fams), probed, absent)
}

// probeOp sends the probes of one read-only operation and returns how
// many it sent.
func probeOp(t *testing.T, c *nlsock.Conn, f nlsock.GenlFamily, kf *genl.KernelFamily, o *genl.KernelOp, buf []byte, seq *uint32) int {
	t.Helper()
	n := 0
	send := func(dump bool, reserved byte, attrs []byte) wire.Error {
		*seq++
		n++
		fl := wire.Request | wire.Ack
		if dump {
			fl |= wire.Dump
		}
		gh := append([]byte{o.Cmd, 1, reserved, 0}, make([]byte, f.HeaderSize)...)
		e, _ := errorOf(exchangeReal(t, c, msg(wire.Header{Type: f.ID, Flags: fl, Seq: *seq}, gh, attrs), buf, 1))
		return e
	}
	name := f.Name + " cmd " + strconv.Itoa(int(o.Cmd))
	// resv_start_op: a reserved field is refused from it on.
	e := send(!o.Do.Has, 1, nil)
	if refused := string(e.Msg) == validate.MsgGenlReserved; refused != (o.Cmd >= kf.ResvStartOp) {
		t.Errorf("%s: genlmsghdr.reserved=1 refused %v (%s %q), but resv_start_op is %d", name, refused, e.Errno.Name(), e.Msg, kf.ResvStartOp)
	}
	for _, dump := range []bool{false, true} {
		fm := o.Form(dump)
		if !fm.Has || fm.MaxAttr == 0 {
			continue // no policy: the attributes are not parsed
		}
		form := name + " " + map[bool]string{false: "do", true: "dump"}[dump]
		liberal := o.Validate&genl.GENL_DONT_VALIDATE_STRICT != 0
		if dump {
			liberal = o.Validate&genl.GENL_DONT_VALIDATE_DUMP_STRICT != 0
		}
		unknown := func(typ uint16) bool {
			e := send(dump, 0, put(typ, u32(0)))
			return e.Errno == nlwire.EINVAL && string(e.Msg) == validate.MsgUnknownType
		}
		if fm.MaxAttr < attr.TypeMask {
			if got := unknown(fm.MaxAttr + 1); got == liberal {
				if liberal {
					t.Errorf("%s: type %d (maxattr+1) is unknown to the kernel: the form is strict, the table says liberal", form, fm.MaxAttr+1)
				} else {
					t.Errorf("%s: type %d (maxattr+1) is known to the kernel: the form is liberal, or its maximum type is higher than the table's", form, fm.MaxAttr+1)
				}
			}
		}
		if !liberal && unknown(fm.MaxAttr) {
			t.Errorf("%s: type %d, the table's maxattr, is unknown to the kernel", form, fm.MaxAttr)
		}
		// Trailing bytes: always reported, an error only when strict.
		e := send(dump, 0, []byte{0, 0})
		strictErr := e.Errno == nlwire.EINVAL && string(e.Msg) == validate.MsgLeftover && e.Offset == 0
		if string(e.Msg) != validate.MsgLeftover || !liberal && !strictErr {
			t.Errorf("%s: trailing bytes answered %s %q; the table says liberal %v", form, e.Errno.Name(), e.Msg, liberal)
		}
	}
	return n
}

// TestLiveDumpLosses proves each of genl.KernelDumpLosses of a family
// this kernel has a loss: the entry is absent from the kernel's policy
// dump (or, for a Partial loss, described as its rule without the check
// would be), DumpLoss.Restore puts it back, and where the operation is
// read-only, the kernel's answer to an attribute of that type with a
// 2-byte payload is the restored policy's verdict, not the dumped one's.
func TestLiveDumpLosses(t *testing.T) {
	c := liveGenl(t)
	fams, err := c.GenlFamilies()
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, liveBufSize)
	for i, l := range genl.KernelDumpLosses {
		fi := slices.IndexFunc(fams, func(f nlsock.GenlFamily) bool { return f.Name == l.Family })
		if fi < 0 {
			t.Logf("%s: not loaded here", l.Family)
			continue
		}
		f := fams[fi]
		kf, _ := genl.KernelFamilyByName(f.Name)
		name := l.Family + " " + l.Policy + " type " + strconv.Itoa(int(l.Type))
		pd := livePolicyDump(t, c, f.ID, uint32(10+i))
		if pd == nil {
			t.Errorf("%s: the family dumps no policies", name)
			continue
		}
		ko, _ := kf.Op(l.Cmd)
		ro := ko != nil && slices.Contains(liveReadOnly[l.Family], l.Cmd)
		var req []byte
		var ke wire.Error
		var before error
		var check *validate.Policy
		mode := validate.ModeStrict
		if ro {
			fm := ko.Form(l.Dump)
			if !l.Dump && ko.Validate&genl.GENL_DONT_VALIDATE_STRICT != 0 || l.Dump && ko.Validate&genl.GENL_DONT_VALIDATE_DUMP_STRICT != 0 {
				mode = validate.ModeLiberal
			}
			// The attribute, with a 2-byte payload, inside the nests
			// of the path.
			attrs := put(l.Type, []byte{0, 0})
			for j := len(l.Path) - 1; j >= 0; j-- {
				attrs = put(l.Path[j]|attr.FlagNested, attrs)
			}
			fl := wire.Request | wire.Ack
			if l.Dump {
				fl |= wire.Dump
			}
			req = msg(wire.Header{Type: f.ID, Flags: fl, Seq: 99}, append([]byte{l.Cmd, 1, 0, 0}, make([]byte, f.HeaderSize)...), attrs)
			ke, _ = errorOf(exchangeReal(t, c, req, buf, 1))
			do, dump := pd.Op(l.Cmd)
			p := do
			if l.Dump {
				p = dump
			}
			check = &validate.Policy{Rules: p.Rules, MaxType: fm.MaxAttr}
			before = validate.ValidateMessage(req[wire.HeaderLen:], 4+int(f.HeaderSize), check, mode)
		}
		if err := l.Restore(pd); err != nil {
			// validate.ErrRestore here means the dump describes the
			// entry: not a loss on this kernel.
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !ro {
			continue
		}
		// The nested table changed in place; the top-level rules are
		// the same slice unless the loss is at the top level.
		if len(l.Path) == 0 {
			do, dump := pd.Op(l.Cmd)
			p := do
			if l.Dump {
				p = dump
			}
			check.Rules = p.Rules
		}
		verr := validate.ValidateMessage(req[wire.HeaderLen:], 4+int(f.HeaderSize), check, mode)
		var ve, be *validate.Error
		if !errors.As(verr, &ve) {
			t.Errorf("%s: the restored policy accepts what the kernel answers with %s %q", name, ke.Errno.Name(), ke.Msg)
			continue
		}
		if ke.Errno != ve.Errno || string(ke.Msg) != ve.Msg || ve.HasOffset && int(ke.Offset) != ve.Offset {
			t.Errorf("%s: kernel %s %q at %d, restored policy %s %q at %d", name, ke.Errno.Name(), ke.Msg, ke.Offset, ve.Errno.Name(), ve.Msg, ve.Offset)
		}
		if errors.As(before, &be) && be.Errno == ve.Errno && be.Msg == ve.Msg {
			t.Errorf("%s: the dumped policy already answers %s %q: nothing was lost", name, be.Errno.Name(), be.Msg)
		}
		t.Logf("%s: the kernel and the restored policy answer %s %q at offset %d", name, ke.Errno.Name(), ke.Msg, ke.Offset)
	}
}
