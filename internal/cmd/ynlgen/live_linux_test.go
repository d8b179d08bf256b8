//go:build linux

package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/mptcppm"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/validate"
)

// livePolicies are the generated policies compared with the running
// kernel's, and the differences known and explained: the policy dump
// does not carry everything (validate.PolicyDump), and the kernel here
// may be newer than the specs.
var livePolicies = []struct {
	name     string
	opPolicy func(uint8) (do, dump *validate.Policy)
}{
	{"netdev", netdev.OpPolicy},
	{"mptcp_pm", mptcppm.OpPolicy},
}

// TestPoliciesAgainstKernel compares, entry by entry, the policies
// generated for netdev and mptcp_pm with the ones the running kernel
// reports (CTRL_CMD_GETPOLICY, one operation at a time, read-only in the
// host's network namespace). A newer kernel may add operations,
// attributes and types; any other difference fails the test unless
// knownDiffs explains it.
func TestPoliciesAgainstKernel(t *testing.T) {
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	c, err := nlsock.Dial(nlsock.Generic, nil)
	if err != nil {
		testenv.Skip(t, "no generic netlink socket: "+err.Error())
	}
	defer c.Close()
	for _, lp := range livePolicies {
		t.Run(lp.name, func(t *testing.T) {
			f, err := c.GenlFamily(lp.name)
			if errors.Is(err, nlwire.ENOENT) {
				testenv.Skip(t, "the kernel has no family "+lp.name)
			}
			if err != nil {
				t.Fatal(err)
			}
			fam := generated[lp.name]
			var added, diffs []string
			for i := range fam.Ops {
				op := &fam.Ops[i]
				if op.Flags&(family.OpDo|family.OpDump) == 0 || op.Request == family.None {
					continue
				}
				cmd := uint8(op.Request)
				gdo, gdump := lp.opPolicy(cmd)
				pd, err := c.GenlOpPolicy(f.ID, cmd)
				if errors.Is(err, nlwire.ENOENT) {
					diffs = append(diffs, op.Name+": not in the kernel")
					continue
				}
				if err != nil {
					diffs = append(diffs, fmt.Sprintf("%s: kernel: %v", op.Name, err))
					continue
				}
				kdo, kdump := pd.Op(cmd)
				cmp := policyCmp{added: &added, diffs: &diffs, seen: map[[2]*validate.Policy]bool{}}
				if op.Flags&family.OpDo != 0 {
					cmp.policy(op.Name+" do", op.Attrs, gdo, kdo, false)
				}
				if op.Flags&family.OpDump != 0 {
					cmp.policy(op.Name+" dump", op.Attrs, gdump, kdump, false)
				}
			}
			// Operations of the kernel's that the spec does not have.
			for _, o := range f.Ops {
				if !slices.ContainsFunc(fam.Ops, func(op family.Op) bool { return op.Request == int32(o.Cmd) }) {
					added = append(added, fmt.Sprintf("command %d: kernel only", o.Cmd))
				}
			}
			for _, a := range added {
				t.Logf("newer kernel: %s", a)
			}
		next:
			for _, d := range diffs {
				for _, k := range knownDiffs {
					if k.family == lp.name && strings.HasSuffix(d, k.suffix) {
						t.Logf("known difference: %s (%s)", d, k.why)
						continue next
					}
				}
				t.Errorf("%s: %s", lp.name, d)
			}
		})
	}
}

// knownDiffs explains the differences the test accepts: those of a
// family that end in suffix.
var knownDiffs = []struct{ family, suffix, why string }{
	{"netdev", "NETDEV_CMD_PAGE_POOL_STATS_GET: not in the kernel",
		"the spec's config-cond page-pool-stats: a kernel without CONFIG_PAGE_POOL_STATS has no such command"},
}

type policyCmp struct {
	added, diffs *[]string
	seen         map[[2]*validate.Policy]bool
}

func maxType(p *validate.Policy) int {
	if p.MaxType != 0 {
		return int(p.MaxType)
	}
	return max(len(p.Rules)-1, 0)
}

func attrName(s *family.Set, t int) string {
	if n := s.Name(uint16(t)); n != "" {
		return n
	}
	return fmt.Sprintf("type %d", t)
}

// policy compares the generated policy g with the kernel's k; nested
// says whether k's maximum type was dumped (nested policies) or is only
// the highest type listed (an operation's).
func (c policyCmp) policy(where string, s *family.Set, g, k *validate.Policy, nested bool) {
	switch {
	case g == nil && k == nil:
		return
	case g == nil:
		*c.diffs = append(*c.diffs, where+": kernel has a policy, the spec none")
		return
	case k == nil:
		*c.diffs = append(*c.diffs, where+": spec has a policy, the kernel none")
		return
	}
	if c.seen[[2]*validate.Policy{g, k}] {
		return
	}
	c.seen[[2]*validate.Policy{g, k}] = true
	gm, km := maxType(g), maxType(k)
	if nested && gm != km {
		d := fmt.Sprintf("%s: maximum type %d, kernel %d", where, gm, km)
		if km > gm {
			*c.added = append(*c.added, d)
		} else {
			*c.diffs = append(*c.diffs, d)
		}
	}
	for t := 1; t <= max(gm, km); t++ {
		name := where + " " + attrName(s, t)
		gr, kr := g.Rule(uint16(t)), k.Rule(uint16(t))
		var gd, kd validate.AttrPolicy
		var gok, kok bool
		if gr != nil {
			gd, gok = gr.Describe()
		}
		if kr != nil {
			kd, kok = kr.Describe()
		}
		switch {
		case !gok && !kok:
			continue
		case !gok && t > gm:
			*c.added = append(*c.added, fmt.Sprintf("%s: kernel only: %v", name, kd))
			continue
		case !gok:
			*c.diffs = append(*c.diffs, fmt.Sprintf("%s: spec %s, kernel %v", name, describeNone(gr), kd))
			continue
		case !kok:
			*c.diffs = append(*c.diffs, fmt.Sprintf("%s: spec %v, kernel none", name, gd))
			continue
		case gd != kd:
			*c.diffs = append(*c.diffs, fmt.Sprintf("%s: spec %v, kernel %v", name, gd, kd))
			continue
		}
		if gr.Kind == validate.Nested || gr.Kind == validate.NestedArray {
			var child *family.Set
			if a := s.Attr(uint16(t)); a != nil {
				child = a.ChildSet("")
			}
			c.policy(name, child, gr.Nested, kr.Nested, true)
		}
	}
}

func describeNone(r *validate.Rule) string {
	if r == nil {
		return "none"
	}
	return strings.TrimPrefix(r.Kind.String(), "")
}
