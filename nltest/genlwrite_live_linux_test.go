//go:build linux

package nltest_test

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// The tests of this file send requests to operations that may change
// state (write operations), so they send them only from a network
// namespace they create and delete, and only requests that the
// operation's policy rejects before any handler runs: a strict form's
// unknown attribute type or trailing bytes, or an attribute that a
// known rule (genl.KernelDumpLosses) rejects. Families that are not
// network-namespace aware answer ENOENT there, and are not probed.

// genlWritePair is a generic netlink socket in a fresh network namespace
// and a fake kernel's socket with its port ID, holding the families this
// kernel has, built with nltest.FamilyFrom from their policy dumps (as
// asked in the test's own namespace: the policies are the same).
type genlWritePair struct {
	real  *nlsock.Conn
	fake  *nltest.Conn
	fams  []nlsock.GenlFamily
	dumps map[string]*validate.PolicyDump // as FamilyFrom left them
	buf   []byte
}

func newGenlWritePair(t *testing.T) *genlWritePair {
	t.Helper()
	c := liveGenl(t)
	fams, err := c.GenlFamilies()
	if err != nil {
		t.Fatal(err)
	}
	ip := testenv.LookPath(t, "ip")
	name := "nlwgenl-" + strconv.Itoa(os.Getpid())
	if out, err := exec.Command(ip, "netns", "add", name).CombinedOutput(); err != nil {
		testenv.Skip(t, "ip netns add: "+err.Error()+": "+string(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command(ip, "netns", "del", name).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", name, err, out)
		}
	})
	rc, err := nlsock.Dial(nlsock.Generic, &nlsock.Config{NetNS: "/run/netns/" + name})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rc.Close() })
	rc.SetDeadline(time.Now().Add(60 * time.Second))
	k := nltest.NewKernel()
	dumps := map[string]*validate.PolicyDump{}
	reached := func(req *nltest.Request, _ *nltest.Reply) error {
		t.Errorf("the fake's handler of family %d cmd %d was reached: its policy accepted a probe", req.Header.Type, req.Genl.Cmd)
		return nil
	}
	for i, f := range fams {
		kf, ok := genl.KernelFamilyByName(f.Name)
		if !ok || f.Name == "nlctrl" {
			continue // TestLiveKernelOps reports it; the fake has its own nlctrl
		}
		pd := livePolicyDump(t, c, f.ID, uint32(100+i))
		fam := nltest.FamilyFrom(*kf, pd, reached)
		fam.ID = f.ID
		if _, err := k.Register(&fam); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		dumps[f.Name] = pd
	}
	return &genlWritePair{real: rc, fake: k.Dial(&nltest.Config{PortID: rc.PortID()}), fams: fams, dumps: dumps, buf: make([]byte, liveBufSize)}
}

// ask sends req to the kernel, in the namespace, and to the fake, and
// reports whether the family answered there (not ENOENT, which a family
// that is not network-namespace aware answers); it fails the test when
// the two answers differ.
func (p *genlWritePair) ask(t *testing.T, name string, req []byte) (wire.Error, bool) {
	t.Helper()
	ka := exchangeReal(t, p.real, req, p.buf, 1)
	ke, _ := errorOf(ka)
	if ke.Errno == nlwire.ENOENT && len(ke.Msg) == 0 {
		return ke, false
	}
	fa := exchangeFake(t, p.fake, req, p.buf, 1)
	if diff := cmp.Diff(ka, fa); diff != "" {
		t.Errorf("%s: the kernel (%s %q) and the fake answer differently (-kernel +fake)\n%s", name, ke.Errno.Name(), ke.Msg, diff)
	}
	return ke, true
}

// TestLiveDumpLossesFake holds each of genl.KernelDumpLosses of a family
// this kernel has against the kernel through the fake: an attribute of
// the lost entry's type, at its path, with the shortest payload (0 to 8
// bytes) that the kernel's rule rejects but the dumped one accepts, or
// rejects with another errno or message (NLA_REJECT against the zero
// rule in a strict form), goes
// to the kernel in a fresh network namespace and to a fake built by
// nltest.FamilyFrom, which restores the losses; the answers must be the
// same, byte for byte, and an error.
func TestLiveDumpLossesFake(t *testing.T) {
	p := newGenlWritePair(t)
	c := liveGenl(t)
	for i := range genl.KernelDumpLosses {
		l := &genl.KernelDumpLosses[i]
		name := l.Family + " " + l.Policy + " type " + strconv.Itoa(int(l.Type))
		fi := slices.IndexFunc(p.fams, func(f nlsock.GenlFamily) bool { return f.Name == l.Family })
		if fi < 0 {
			t.Logf("%s: family not loaded here", name)
			continue
		}
		f := p.fams[fi]
		kf, _ := genl.KernelFamilyByName(f.Name)
		ko, ok := kf.Op(l.Cmd)
		if !ok {
			t.Errorf("%s: no operation %d in genl.KernelFamilies", name, l.Cmd)
			continue
		}
		fm := ko.Form(l.Dump)
		mode := validate.ModeStrict
		if !l.Dump && ko.Validate&genl.GENL_DONT_VALIDATE_STRICT != 0 || l.Dump && ko.Validate&genl.GENL_DONT_VALIDATE_DUMP_STRICT != 0 {
			mode = validate.ModeLiberal
		}
		// The dump as the kernel gives it (unrestored) and as restored.
		dumped := livePolicyDump(t, c, f.ID, uint32(200+i))
		restored := p.dumps[f.Name]
		form := func(d *validate.PolicyDump) *validate.Policy {
			do, dump := d.Op(l.Cmd)
			if l.Dump {
				do = dump
			}
			if do == nil {
				t.Fatalf("%s: the dump has no policy for the form", name)
			}
			return &validate.Policy{Rules: do.Rules, MaxType: fm.MaxAttr}
		}
		fl := wire.Request | wire.Ack
		if l.Dump {
			fl |= wire.Dump
		}
		var req []byte
		for n := 0; n <= 8 && req == nil; n++ {
			attrs := put(l.Type, make([]byte, n))
			for j := len(l.Path) - 1; j >= 0; j-- {
				attrs = put(l.Path[j]|attr.FlagNested, attrs)
			}
			r := msg(wire.Header{Type: f.ID, Flags: fl, Seq: uint32(300 + i)}, append([]byte{l.Cmd, 1, 0, 0}, make([]byte, f.HeaderSize)...), attrs)
			body := r[wire.HeaderLen:]
			before := validate.ValidateMessage(body, 4+int(f.HeaderSize), form(dumped), mode)
			var be, ae *validate.Error
			if errors.As(validate.ValidateMessage(body, 4+int(f.HeaderSize), form(restored), mode), &ae) &&
				(before == nil || errors.As(before, &be) && (be.Errno != ae.Errno || be.Msg != ae.Msg)) {
				req = r
			}
		}
		if req == nil {
			t.Errorf("%s: no payload of 0 to 8 bytes on which the restored rule and the dumped one differ", name)
			continue
		}
		ke, answered := p.ask(t, name, req)
		if !answered {
			t.Logf("%s: the family answers ENOENT in a network namespace: not compared", name)
			continue
		}
		if ke.Errno == 0 {
			t.Errorf("%s: the kernel accepted a request the restored rule rejects", name)
			continue
		}
		t.Logf("%s: the kernel and the fake answer %s %q at offset %d", name, ke.Errno.Name(), ke.Msg, ke.Offset)
	}
}

// TestLiveWriteOpsStrictness holds the strictness and maximum type of
// the write operations' forms in genl.KernelFamilies (those not in
// liveReadOnly, which TestLiveKernelOps probes) against the kernel, in a
// fresh network namespace, and against the fake: for a form the table
// says is strict, an attribute of type maxattr+1 must be "Unknown
// attribute type", and one of type maxattr followed by trailing bytes
// must be refused otherwise (the type is known; the trailing bytes or
// the payload are refused). Both are rejected before the handler in a
// strict form. A lenient form is not probed: it would accept either
// request and run its handler. The kernel's and the fake's answers must
// be the same, byte for byte.
func TestLiveWriteOpsStrictness(t *testing.T) {
	p := newGenlWritePair(t)
	seq := uint32(1000)
	probed, lenient, notNS := 0, 0, map[string]bool{}
	for _, f := range p.fams {
		kf, ok := genl.KernelFamilyByName(f.Name)
		if !ok {
			continue
		}
		for i := range kf.Ops {
			o := &kf.Ops[i]
			if slices.Contains(liveReadOnly[f.Name], o.Cmd) {
				continue
			}
			for _, dump := range []bool{false, true} {
				fm := o.Form(dump)
				if !fm.Has || fm.MaxAttr == 0 || notNS[f.Name] {
					continue // no policy: the attributes are not parsed
				}
				form := f.Name + " cmd " + strconv.Itoa(int(o.Cmd)) + " " + map[bool]string{false: "do", true: "dump"}[dump]
				liberal := o.Validate&genl.GENL_DONT_VALIDATE_STRICT != 0
				if dump {
					liberal = o.Validate&genl.GENL_DONT_VALIDATE_DUMP_STRICT != 0
				}
				if liberal {
					lenient++
					continue
				}
				fl := wire.Request | wire.Ack
				if dump {
					fl |= wire.Dump
				}
				send := func(attrs []byte) (wire.Error, bool) {
					seq++
					gh := append([]byte{o.Cmd, 1, 0, 0}, make([]byte, f.HeaderSize)...)
					return p.ask(t, form, msg(wire.Header{Type: f.ID, Flags: fl, Seq: seq}, gh, attrs))
				}
				e, ok := send(put(fm.MaxAttr+1, u32(0)))
				if !ok {
					notNS[f.Name] = true
					continue
				}
				probed++
				if e.Errno != nlwire.EINVAL || string(e.Msg) != validate.MsgUnknownType {
					t.Errorf("%s: type %d (maxattr+1) answered %s %q: the form is liberal, or its maximum type is higher than the table's", form, fm.MaxAttr+1, e.Errno.Name(), e.Msg)
				}
				e, _ = send(append(put(fm.MaxAttr, u32(0)), 0, 0))
				probed++
				if e.Errno == 0 || string(e.Msg) == validate.MsgUnknownType {
					t.Errorf("%s: type %d, the table's maxattr, with trailing bytes answered %s %q", form, fm.MaxAttr, e.Errno.Name(), e.Msg)
				}
			}
		}
	}
	var skipped []string
	for name := range notNS {
		skipped = append(skipped, name)
	}
	slices.Sort(skipped)
	t.Logf("%d probes of strict write forms, kernel and fake alike; %d lenient write forms not probed (a lenient form would run its handler); not network-namespace aware, not probed: %v", probed, lenient, skipped)
}
