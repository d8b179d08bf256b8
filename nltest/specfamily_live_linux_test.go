//go:build linux

package nltest_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/mptcppm"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// TestLiveFamilySpec: a fake family built from a YNL spec alone
// (FamilySpec with the generated package's policies) describes itself as
// the running kernel describes the family its code was generated from:
// CTRL_CMD_GETFAMILY and the CTRL_CMD_GETPOLICY dump of the family and of
// each of its operations are byte-identical, for netdev and mptcp_pm, whose operations the kernel builds from
// their specs (tcp_metrics, also spec'd, is written by hand: its policy
// says NLA_U32 where the spec says big-endian, and its maximum type
// counts the pad attribute). The
// spec may be newer than the kernel: operations the kernel does not have
// are dropped from the fake first, and named.
func TestLiveFamilySpec(t *testing.T) {
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	c, err := nlsock.Dial(nlsock.Generic, &nlsock.Config{ReadBuffer: 4 << 20})
	if err != nil {
		testenv.Skip(t, "netlink socket: "+err.Error())
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	for _, tc := range []struct {
		spec     *family.Family
		opPolicy func(uint8) (do, dump *validate.Policy)
	}{
		{&netdev.Family, netdev.OpPolicy},
		{&mptcppm.Family, mptcppm.OpPolicy},
	} {
		t.Run(tc.spec.Name, func(t *testing.T) {
			f, err := c.GenlFamily(tc.spec.Name)
			if errors.Is(err, nlwire.ENOENT) {
				testenv.Skip(t, "the kernel has no family "+tc.spec.Name)
			}
			if err != nil {
				t.Fatal(err)
			}
			fam, err := nltest.FamilySpec(tc.spec, tc.opPolicy, fakeHandler)
			if err != nil {
				t.Fatal(err)
			}
			fam.ID = f.ID
			// The kernel numbered the groups when the family registered.
			// A family whose registration is written by hand may have
			// groups its spec does not list (mptcp_pm's).
			if len(fam.Groups) == 0 && len(f.Groups) > 0 {
				t.Logf("the spec lists no multicast groups; the kernel has %d", len(f.Groups))
				for _, g := range f.Groups {
					fam.Groups = append(fam.Groups, nltest.Group{Name: g.Name})
				}
			}
			for i := range fam.Groups {
				for _, g := range f.Groups {
					if g.Name == fam.Groups[i].Name {
						fam.Groups[i].ID = g.ID
					}
				}
			}
			kernelOps := map[uint8]bool{}
			for _, o := range f.Ops {
				kernelOps[uint8(o.Cmd)] = true
			}
			ops := fam.Ops[:0:0]
			for _, o := range fam.Ops {
				if kernelOps[o.Cmd] {
					ops = append(ops, o)
				} else {
					t.Logf("the spec's command %d is not in this kernel", o.Cmd)
				}
			}
			fam.Ops = ops
			k := nltest.NewKernel()
			if _, err := k.Register(&fam); err != nil {
				t.Fatal(err)
			}
			p := &pair{t: t, real: c, fake: k.Dial(&nltest.Config{PortID: c.PortID()}), buf: make([]byte, liveBufSize), seq: 7000}
			reqs := [][]byte{
				ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Ack, p.seq, enc(func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, tc.spec.Name) })),
				ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, p.seq+1, enc(func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID) })),
			}
			for i, o := range fam.Ops {
				reqs = append(reqs, ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, p.seq+2+uint32(i), enc(func(e *attr.Encoder) {
					e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID)
					e.Uint32(genl.CTRL_ATTR_OP, uint32(o.Cmd))
				})))
			}
			for _, req := range reqs {
				real, fake := p.ask(req, 1)
				if same, _ := sameAnswer(real, fake); !same {
					t.Errorf("request % x: answers differ\n%s", clip(req), diffDatagrams(real, fake))
				}
			}
			if len(fam.Ops) == 0 {
				t.Error("no operation of the spec is in the kernel")
			}
		})
	}
}

// diffDatagrams lists the messages of two answers that differ, by index.
func diffDatagrams(real, fake [][]byte) string {
	split := func(dgs [][]byte) [][]byte {
		var out [][]byte
		for _, d := range dgs {
			r := wire.NewReader(d)
			for r.Next() {
				out = append(out, r.Message())
			}
		}
		return out
	}
	rm, fm := split(real), split(fake)
	var b strings.Builder
	fmt.Fprintf(&b, "kernel %d messages, fake %d\n", len(rm), len(fm))
	for i := range max(len(rm), len(fm)) {
		var r, f []byte
		if i < len(rm) {
			r = rm[i]
		}
		if i < len(fm) {
			f = fm[i]
		}
		if !bytes.Equal(r, f) {
			fmt.Fprintf(&b, "message %d:\n kernel % x\n fake   % x\n", i, r, f)
			if b.Len() > 4000 {
				break
			}
		}
	}
	return b.String()
}
