//go:build linux

package nlsock_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/fuzz"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// The differential test of package validate against the running kernel:
// attribute runs generated from the policies the kernel exports
// (CTRL_CMD_GETPOLICY) are sent to read-only generic netlink operations,
// and validate must reach the kernel's verdict, with the same errno,
// extended ACK message, offset and policy, wherever the policy alone
// decides it.

// diffReadOnly lists the read-only operations exercised, by family name
// and command number. Nothing else is ever sent.
var diffReadOnly = map[string][]uint8{
	"nlctrl":      {3, 10},                                                                                                // GETFAMILY, GETPOLICY
	"ethtool":     {1, 2, 4, 6, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 28, 29, 31, 32, 33, 34, 36, 38, 39, 41, 42, 45, 46}, // the *_GET commands
	"netdev":      {1, 5, 9, 10, 11, 12},                                                                                  // DEV_GET, PAGE_POOL_GET, PAGE_POOL_STATS_GET, QUEUE_GET, NAPI_GET, QSTATS_GET
	"tcp_metrics": {1},                                                                                                    // GET
	"mptcp_pm":    {3, 6},                                                                                                 // GET_ADDR, GET_LIMITS
	"thermal":     {1, 2, 3, 4},                                                                                           // TZ_GET_ID, TZ_GET_TRIP, TZ_GET_TEMP, TZ_GET_GOV
	"SEG6":        {2, 4},                                                                                                 // DUMPHMAC, GET_TUNSRC
	"IOAM6":       {3, 6},                                                                                                 // DUMP_NAMESPACES, DUMP_SCHEMAS
	"TASKSTATS":   {1, 4},                                                                                                 // TASKSTATS_CMD_GET, CGROUPSTATS_CMD_GET
}

// diffNeedDump: in these families only commands with a dump handler are
// GETs (the numbering interleaves GET, SET and NTF commands).
var diffNeedDump = map[string]bool{"ethtool": true, "netdev": true}

// diffRandomPerOp is the number of random attribute runs per operation,
// on top of the systematic ones; diffBudget bounds the test's runtime.
const (
	diffRandomPerOp = 1500
	diffGenPerKind  = 40 // fuzz.Generator runs per violation and operation
	diffBudget      = 50 * time.Second
)

var policyMsgs = map[string]bool{
	validate.MsgFailed: true, validate.MsgUnknownType: true, validate.MsgInvalidLength: true,
	validate.MsgNestedMissing: true, validate.MsgNestedUnwanted: true, validate.MsgOutOfRange: true,
	validate.MsgReservedBit: true, validate.MsgBinaryRange: true, validate.MsgArrayShort: true,
	validate.MsgDepth: true, validate.MsgUnsupported: true, validate.MsgLeftover: true,
}

// kernelVerdict is what the kernel answered.
type kernelVerdict struct {
	errno     nlwire.Errno
	msg       string
	offset    uint32 // 0: none
	policy    map[uint16]uint64
	policyRaw []byte // the NLMSGERR_ATTR_POLICY payload as sent
}

type diffStats struct {
	ops                  []string
	compared, agreed     int
	bothAccept, bothRej  int
	leftoverChecked      int
	known                map[string]int // explained disagreements by reason
	unexplained          []string
	unexplainedBySig     map[string]int
	systematic, randomly int
	// Generator runs, and those whose claim (valid: accepted; a
	// violation: rejected, at the offset the run names) the kernel
	// confirmed.
	generated, genConfirmed int
	genByKind               map[fuzz.Violation]int
}

func TestValidateAgainstKernel(t *testing.T) {
	ns := newNS(t)
	ns.IP(t, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
	ns.IP(t, "link", "set", "v0", "up")
	c := ns.Dial(t, nlsock.Generic, &nlsock.Config{ReadBuffer: 4 << 20})

	seed := uint64(1)
	if s := os.Getenv("NLWIRE_DIFF_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 0, 64)
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e6c77))
	start := time.Now()

	fams, err := c.GenlFamilies()
	if err != nil {
		t.Fatal(err)
	}
	st := &diffStats{known: map[string]int{}, unexplainedBySig: map[string]int{}}
	seen := map[string]bool{}
	for _, f := range fams {
		cmds, ok := diffReadOnly[f.Name]
		if !ok {
			continue
		}
		seen[f.Name] = true
		pd, err := c.GenlPolicy(f.ID)
		if err != nil {
			t.Errorf("%s: GETPOLICY: %v", f.Name, err)
			continue
		}
		// What the dump cannot say, known from the kernel's sources:
		// the entries it omits, and each form's top-level maximum type.
		for i := range genl.KernelDumpLosses {
			if l := &genl.KernelDumpLosses[i]; l.Family == f.Name {
				if err := l.Restore(pd); err != nil {
					t.Errorf("%s: %v", f.Name, err)
				}
			}
		}
		kf, _ := genl.KernelFamilyByName(f.Name)
		for _, cmd := range cmds {
			do, dump := pd.Op(cmd)
			if do == nil && dump == nil {
				// Not in the dump: no policy, or a dump-only operation
				// the kernel lists under command 0.
				t.Logf("%s cmd %d: no policy in the dump; not compared", f.Name, cmd)
				continue
			}
			if dump == nil && diffNeedDump[f.Name] {
				continue
			}
			for _, form := range []string{"do", "dump"} {
				p := do
				if form == "dump" {
					p = dump
				}
				if p == nil {
					continue
				}
				if ko, ok := kf.Op(cmd); kf != nil && ok {
					setMaxType(pd, p, ko.Form(form == "dump").MaxAttr)
				}
				runDiffOp(t, c, st, pd, f, cmd, form, p, rng, start)
			}
		}
	}
	for _, must := range []string{"nlctrl", "ethtool", "netdev"} {
		if !seen[must] {
			t.Errorf("family %s not found: the kernel should have it", must)
		}
	}
	t.Logf("operations exercised: %d (seed %d, %v)", len(st.ops), seed, time.Since(start).Round(time.Millisecond))
	for _, o := range st.ops {
		t.Logf("  %s", o)
	}
	t.Logf("cases compared %d (systematic %d, random %d), agreed %d (both accept %d, both reject with identical errno/message/offset/policy %d); accepted-with-warning checks %d",
		st.compared, st.systematic, st.randomly, st.agreed, st.bothAccept, st.bothRej, st.leftoverChecked)
	t.Logf("fuzz.Generator and Mutate runs %d %v, claims confirmed by the kernel %d (the rest: known dump gaps, or violations a liberal operation does not check)",
		st.generated, st.genByKind, st.genConfirmed)
	if st.genConfirmed < 1000 {
		t.Errorf("only %d generator runs confirmed by the kernel", st.genConfirmed)
	}
	reasons := make([]string, 0, len(st.known))
	for r := range st.known {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		t.Logf("known, inexpressible in a policy dump: %d × %s", st.known[r], r)
	}
	if st.compared < 5000 {
		t.Errorf("only %d cases compared", st.compared)
	}
	if n := len(st.unexplained); n > 0 {
		sigs := make([]string, 0, len(st.unexplainedBySig))
		for s := range st.unexplainedBySig {
			sigs = append(sigs, s)
		}
		sort.Strings(sigs)
		for _, s := range sigs {
			t.Errorf("%d × %s", st.unexplainedBySig[s], s)
		}
		for i, s := range st.unexplained {
			if i == 40 {
				break
			}
			t.Errorf("disagreement: %s", s)
		}
		t.Errorf("%d unexplained disagreements", n)
	}
}

func runDiffOp(t *testing.T, c *nlsock.Conn, st *diffStats, pd *validate.PolicyDump, f nlsock.GenlFamily,
	cmd uint8, form string, p *validate.Policy, rng *rand.Rand, start time.Time) {
	flags := wire.Request | wire.Ack
	if form == "dump" {
		flags |= wire.Dump
	}
	var buf []byte
	send := func(attrs []byte) kernelVerdict {
		return askKernel(t, c, &buf, wire.Header{Type: f.ID, Flags: flags}, []byte{cmd, 1, 0, 0}, attrs,
			fmt.Sprintf("%s cmd %d %s", f.Name, cmd, form))
	}
	// Strictness is not in the dump: probe it with a type no policy knows.
	mode := validate.ModeStrict
	if k := send(put(0x3ffe, u32(0))); !(k.errno == nlwire.EINVAL && k.msg == validate.MsgUnknownType) {
		mode = validate.ModeLiberal
		// Is the op validated at all? Leftover bytes leave a warning in
		// the ACK of a validated liberal op; an op the genl core does not
		// parse (no maxattr) leaves none.
		if k := send(append(put(0x3ffe, u32(0)), 0)); k.msg != validate.MsgLeftover {
			st.ops = append(st.ops, fmt.Sprintf("%s(%#x) cmd %d %s: not validated by the genl core (leftover probe: %v %q), skipped",
				f.Name, f.ID, cmd, form, k.errno.Name(), k.msg))
			return
		}
	}
	var top *validate.DumpTable
	for i := range pd.Tables {
		if &pd.Tables[i].Policy == p {
			top = &pd.Tables[i]
		}
	}
	cases := fuzz.Cases(p)
	nsys := len(cases)
	var runs []fuzz.Run
	if time.Since(start) < diffBudget {
		for range diffRandomPerOp {
			cases = append(cases, fuzz.Case{Attrs: fuzz.Random(rng, p), What: "random"})
		}
		for v := fuzz.Valid; v <= fuzz.Nesting; v++ {
			g := fuzz.Generator{Policy: p, Violation: v}
			if !g.Possible() {
				continue
			}
			for range diffGenPerKind {
				run := g.Random(rng)
				runs = append(runs, run)
				cases = append(cases, fuzz.Case{Attrs: run.Attrs, What: "generator " + v.String() + ": " + run.What})
			}
			// The mutator's runs: a valid run broken in one place.
			valid := fuzz.Generator{Policy: p, MaxDepth: 4}
			choices := make([]byte, 16)
			for range diffGenPerKind / 2 {
				for k := range choices {
					choices[k] = byte(rng.Uint32())
				}
				run := g.Mutate(valid.Random(rng).Attrs, choices)
				if run.Violation != v {
					continue
				}
				runs = append(runs, run)
				cases = append(cases, fuzz.Case{Attrs: run.Attrs, What: "mutated " + v.String() + ": " + run.What})
			}
		}
	}
	firstGen := len(cases) - len(runs)
	st.ops = append(st.ops, fmt.Sprintf("%s(%#x) cmd %d %s: mode %v, %d cases", f.Name, f.ID, cmd, form, mode, len(cases)))
	for i, cs := range cases {
		k := send(cs.Attrs)
		payload := make([]byte, 4+len(cs.Attrs))
		payload[0], payload[1] = cmd, 1
		copy(payload[4:], cs.Attrs)
		leftover := false
		o := validate.Options{Warn: func(w validate.Warning) {
			if w.Kind == validate.WarnLeftover {
				leftover = true
			}
		}}
		gerr := o.ValidateMessage(payload, 4, p, mode)
		var ge *validate.Error
		if gerr != nil && !errors.As(gerr, &ge) {
			t.Fatalf("validate returned %T %v", gerr, gerr)
		}
		st.compared++
		if i < nsys {
			st.systematic++
		} else {
			st.randomly++
		}
		krej := kernelRejected(k, mode)
		if i >= firstGen {
			checkGenRun(st, runs[i-firstGen], k, krej, mode, f.Name, explainDiff(cs.Attrs, p, top, k, ge))
		}
		var sig string
		switch {
		case !krej && ge == nil:
			if k.errno == 0 || k.msg == validate.MsgLeftover || k.msg == "" {
				st.leftoverChecked++
				if leftover != (k.msg == validate.MsgLeftover) {
					sig = fmt.Sprintf("accepted, but leftover warning kernel %q, validate %v", k.msg, leftover)
					break
				}
			}
			st.agreed++
			st.bothAccept++
			continue
		case krej && ge != nil:
			goff := uint32(0)
			if ge.HasOffset {
				goff = uint32(ge.Offset)
			}
			gpol := goPolicy(ge)
			if ge.Errno == k.errno && ge.Msg == k.msg && goff == k.offset && mapsEqual(gpol, k.policy) && samePolicyBytes(ge, k.policyRaw) {
				st.agreed++
				st.bothRej++
				continue
			}
			sig = fmt.Sprintf("both reject: kernel %v %q off=%d pol=%s, validate %v %q off=%d pol=%s",
				k.errno.Name(), k.msg, k.offset, fmtPol(k.policy), ge.Errno.Name(), ge.Msg, goff, fmtPol(gpol))
		case krej:
			sig = fmt.Sprintf("kernel rejects %v %q off=%d, validate accepts", k.errno.Name(), k.msg, k.offset)
		default:
			sig = fmt.Sprintf("kernel accepts (%v %q), validate rejects %v %q", k.errno.Name(), k.msg, ge.Errno.Name(), ge.Msg)
		}
		if reason := explainDiff(cs.Attrs, p, top, k, ge); reason != "" {
			st.known[f.Name+": "+reason]++
			continue
		}
		st.unexplainedBySig[f.Name+": "+generalize(sig)]++
		st.unexplained = append(st.unexplained, fmt.Sprintf("%s cmd %d %s mode %v: %s [%s] attrs % x",
			f.Name, cmd, form, mode, sig, cs.What, cs.Attrs))
	}
}

// checkGenRun checks a fuzz.Generator run's claim against the kernel's
// verdict on it: a valid run is accepted; a violation the operation's
// mode checks is rejected, at the run's offset (past the 16-byte
// nlmsghdr and the 4-byte genlmsghdr), or with no offset for Nesting.
// Runs on which the dumped policy and the kernel are known to differ
// (known != "") are not held to it.
func checkGenRun(st *diffStats, run fuzz.Run, k kernelVerdict, krej bool, mode validate.Mode, fam, known string) {
	st.generated++
	if st.genByKind == nil {
		st.genByKind = map[fuzz.Violation]int{}
	}
	st.genByKind[run.Violation]++
	if known != "" {
		return
	}
	checked := run.Violation == fuzz.Valid || run.Violation == fuzz.Range || mode == validate.ModeStrict
	if !checked {
		return // a liberal operation need not reject it
	}
	var bad string
	switch {
	case run.Violation == fuzz.Valid && krej:
		bad = fmt.Sprintf("kernel rejects a valid run: %v %q", k.errno.Name(), k.msg)
	case run.Violation == fuzz.Valid:
	case !krej:
		bad = "kernel accepts it"
	case run.Violation == fuzz.Nesting && k.offset != 0:
		bad = fmt.Sprintf("kernel reports offset %d for leftover bytes", k.offset)
	case run.Violation != fuzz.Nesting && k.offset != uint32(20+run.Offset):
		bad = fmt.Sprintf("kernel rejects at offset %d (%q), the run says %d", k.offset, k.msg, 20+run.Offset)
	}
	if bad != "" {
		st.unexplainedBySig[fam+": generator "+run.Violation.String()+": "+generalize(bad)]++
		st.unexplained = append(st.unexplained, fmt.Sprintf("%s mode %v: generator %v [%s]: %s; attrs % x",
			fam, mode, run.Violation, run.What, bad, run.Attrs))
		return
	}
	st.genConfirmed++
}

// askKernel sends a request (header h, family header fam, attributes
// attrs) built in *buf, which it reuses, and returns the kernel's verdict
// from its ACK or error. what names the request in a failure.
func askKernel(t *testing.T, c *nlsock.Conn, buf *[]byte, h wire.Header, fam, attrs []byte, what string) kernelVerdict {
	t.Helper()
	b := wire.NewBuilder((*buf)[:0])
	h.Flags |= wire.Request | wire.Ack
	m := b.Start(h)
	copy(b.FamilyHeader(len(fam)), fam)
	b.Attrs().Raw(attrs)
	b.End(m)
	req, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	*buf = req
	ack, err := c.ExecuteAck(req, nil)
	var we *wire.Error
	switch {
	case errors.As(err, &we):
		return kernelVerdict{we.Errno, string(we.Msg), we.Offset, kernelPolicy(we.Policy), append([]byte(nil), we.Policy...)}
	case err != nil:
		t.Fatalf("%s: %v", what, err)
	}
	return kernelVerdict{ack.Errno, string(ack.Msg), ack.Offset, kernelPolicy(ack.Policy), append([]byte(nil), ack.Policy...)}
}

// setMaxType gives p, a top-level table of pd whose maximum type the
// dump does not say, the maximum type m the kernel parses it with
// (genl.KernelFamilies).
func setMaxType(pd *validate.PolicyDump, p *validate.Policy, m uint16) {
	for i := range pd.Tables {
		if t := &pd.Tables[i]; &t.Policy == p && !t.MaxTypeKnown && m > 0 {
			t.Policy.MaxType, t.MaxTypeKnown = m, true
		}
	}
}

// explainDiff returns why the kernel and a dump-derived policy may
// disagree on attrs, or "" if they should not. These are the known cases
// a CTRL_CMD_GETPOLICY dump cannot express (validate.PolicyDump's
// documentation lists them), seen on Linux 6.18:
//
//  1. An entry missing from the dump: NLA_UNSPEC, NLA_REJECT, NLA_BE16
//     and NLA_BE32 rules are not dumped, so the rebuilt policy holds the
//     zero Rule there. mptcp_pm's address nest omits ADDR4 (a 4-byte
//     address the kernel checks) this way.
//  2. A plain NLA_NESTED without a nested policy, whose contents the
//     operation's handler parses itself with a policy of its own (ethtool's
//     STRSET_STRINGSETS and STATS_GROUPS): its errors look like policy
//     errors but come from a policy the dump does not show.
//  3. The top-level maximum type is not dumped: types above the highest
//     one listed may be NLA_UNSPEC or NLA_REJECT entries to the kernel
//     ("Unsupported attribute") where validate can only say "Unknown
//     attribute type" (ethtool).
func explainDiff(attrs []byte, p *validate.Policy, top *validate.DumpTable, k kernelVerdict, ge *validate.Error) string {
	const base = wire.HeaderLen + 4
	for _, off := range []int{int(k.offset), goOffset(ge)} {
		if off <= 0 {
			continue
		}
		path, ok := pathAt(attrs, base, p, off)
		if !ok {
			continue
		}
		for _, s := range path {
			if s.undumped {
				return "an entry the dump omits (NLA_UNSPEC/REJECT/BE16/BE32), e.g. mptcp_pm ADDR4"
			}
			if s.handlerNest {
				return "a nest without a dumped policy, parsed by the handler"
			}
		}
	}
	// Kernel errors without an offset inside a nest the handler parses.
	if k.offset == 0 && ge == nil && kernelPolicyMsg(k.msg) && hasHandlerNest(attrs, p) {
		return "a nest without a dumped policy, parsed by the handler"
	}
	if ge != nil && top != nil && !top.MaxTypeKnown && ge.Msg == validate.MsgUnknownType && len(ge.Path) == 1 &&
		k.errno == nlwire.EINVAL && k.msg == validate.MsgUnsupported && int(k.offset) == ge.Offset {
		return "top-level maximum type not in the dump (Unsupported vs Unknown attribute type)"
	}
	return ""
}

func kernelPolicyMsg(m string) bool { return policyMsgs[m] }

func goOffset(ge *validate.Error) int {
	if ge == nil || !ge.HasOffset {
		return 0
	}
	return ge.Offset
}

type pathStep struct {
	typ         uint16
	undumped    bool // the rule is the zero Rule: not in the dump
	handlerNest bool // a Nested rule without a nested policy
}

// pathAt finds the attribute whose header is at off (counted from the
// message start; attrs start at base) and returns the rules on the way
// down to it.
func pathAt(attrs []byte, base int, p *validate.Policy, off int) ([]pathStep, bool) {
	d := attr.NewDecoder(attrs).WithBase(base).Lenient()
	for d.Next() {
		t := d.Type()
		var step pathStep
		step.typ = t
		var r *validate.Rule
		if p != nil {
			r = p.Rule(t)
		}
		if r != nil {
			step.undumped = r.Kind == validate.Unspec && r.Len == 0 && r.Nested == nil && r.Func == nil
			step.handlerNest = r.Kind == validate.Nested && r.Nested == nil
		}
		if d.Offset() == off {
			return []pathStep{step}, true
		}
		end := d.Offset() + attr.HeaderLen + d.Len()
		if off > d.Offset() && off < end {
			if step.undumped || step.handlerNest {
				return []pathStep{step}, true
			}
			if r == nil || r.Nested == nil {
				return []pathStep{step}, false
			}
			sub := r.Nested
			inner := attrs[d.Offset()-base+attr.HeaderLen : end-base]
			innerBase := d.Offset() + attr.HeaderLen
			if r.Kind == validate.NestedArray {
				// Elements: attributes whose payloads follow sub.
				ed := attr.NewDecoder(inner).WithBase(innerBase).Lenient()
				for ed.Next() {
					if ed.Offset() == off {
						return []pathStep{step, {typ: ed.Type()}}, true
					}
					eend := ed.Offset() + attr.HeaderLen + ed.Len()
					if off > ed.Offset() && off < eend {
						rest, ok := pathAt(inner[ed.Offset()-innerBase+attr.HeaderLen:eend-innerBase], ed.Offset()+attr.HeaderLen, sub, off)
						return append([]pathStep{step, {typ: ed.Type()}}, rest...), ok
					}
				}
				return []pathStep{step}, false
			}
			rest, ok := pathAt(inner, innerBase, sub, off)
			return append([]pathStep{step}, rest...), ok
		}
	}
	return nil, false
}

// hasHandlerNest reports whether attrs has, at the top level, a non-empty
// Nested attribute without a dumped nested policy.
func hasHandlerNest(attrs []byte, p *validate.Policy) bool {
	d := attr.NewDecoder(attrs).Lenient()
	for d.Next() {
		if r := p.Rule(d.Type()); r != nil && r.Kind == validate.Nested && r.Nested == nil && d.Len() > 0 {
			return true
		}
	}
	return false
}

// kernelRejected reports whether the kernel's answer is a rejection by
// the policy. "bytes leftover after parsing attributes" is one only under
// NL_VALIDATE_TRAILING; in a liberal operation it is a warning left in the
// extended ACK, and an EINVAL that comes with it is the handler's own
// (seen: CGROUPSTATS_CMD_GET on a descriptor that is not a cgroup's).
// Other errnos come from the handlers (ENODEV, EOPNOTSUPP, ...): the
// policy accepted the request.
func kernelRejected(k kernelVerdict, mode validate.Mode) bool {
	if k.errno != nlwire.EINVAL && k.errno != nlwire.ERANGE {
		return false
	}
	if k.msg == validate.MsgLeftover {
		return k.errno == nlwire.EINVAL && mode&validate.ModeTrailing != 0
	}
	return policyMsgs[k.msg]
}

// nlTypes maps kinds to NL_ATTR_TYPE_* numbers (enum netlink_attribute_type).
var nlTypes = map[validate.Kind]uint64{
	validate.Flag: 1, validate.U8: 2, validate.U16: 3, validate.U32: 4, validate.U64: 5,
	validate.S8: 6, validate.S16: 7, validate.S32: 8, validate.S64: 9, validate.Binary: 10,
	validate.String: 11, validate.NulString: 12, validate.Nested: 13, validate.NestedArray: 14,
	validate.Bitfield32: 15, validate.SInt: 16, validate.UInt: 17,
}

func kernelPolicy(b []byte) map[uint16]uint64 {
	if b == nil {
		return nil
	}
	m := map[uint16]uint64{}
	d := attr.NewDecoder(b)
	for d.Next() {
		switch d.Len() {
		case 4:
			m[d.Type()] = uint64(d.Uint32())
		case 8:
			m[d.Type()] = d.Uint64()
		default:
			m[d.Type()] = 1 << 63
		}
	}
	return m
}

func goPolicy(e *validate.Error) map[uint16]uint64 {
	ap, ok := e.Policy()
	if !ok {
		return nil
	}
	m := map[uint16]uint64{}
	for n := 1; n <= validate.PolicyAttrMask; n++ {
		if !ap.Present(n) {
			continue
		}
		var v uint64
		switch n {
		case validate.PolicyAttrType:
			v = nlTypes[ap.Kind]
		case validate.PolicyAttrMinValueS:
			v = uint64(ap.MinValueS)
		case validate.PolicyAttrMaxValueS:
			v = uint64(ap.MaxValueS)
		case validate.PolicyAttrMinValueU:
			v = ap.MinValueU
		case validate.PolicyAttrMaxValueU:
			v = ap.MaxValueU
		case validate.PolicyAttrMinLength:
			v = uint64(ap.MinLength)
		case validate.PolicyAttrMaxLength:
			v = uint64(ap.MaxLength)
		case validate.PolicyAttrBitfield32Mask:
			v = uint64(ap.Bitfield32Mask)
		case validate.PolicyAttrMask:
			v = ap.Mask
		default:
			continue
		}
		m[uint16(n)] = v
	}
	return m
}

// samePolicyBytes reports whether the description of e's rule, as
// validate encodes it, is byte for byte the kernel's NLMSGERR_ATTR_POLICY
// payload raw (both absent counts as the same).
func samePolicyBytes(e *validate.Error, raw []byte) bool {
	ap, ok := e.Policy()
	if !ok {
		return len(raw) == 0
	}
	return bytes.Equal(ap.Append(nil, nlwire.Native), raw)
}

// mapsEqual is maps.Equal that also tells no policy (nil) from an empty
// one.
func mapsEqual(x, y map[uint16]uint64) bool {
	return (x == nil) == (y == nil) && maps.Equal(x, y)
}

func fmtPol(m map[uint16]uint64) string {
	if m == nil {
		return "-"
	}
	ks := make([]int, 0, len(m))
	for k := range m {
		ks = append(ks, int(k))
	}
	sort.Ints(ks)
	var sb strings.Builder
	for i, k := range ks {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, "%d=%#x", k, m[uint16(k)])
	}
	return "{" + sb.String() + "}"
}

// generalize replaces numbers with # so that similar disagreements group.
func generalize(s string) string {
	var b strings.Builder
	inNum := false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			if !inNum {
				b.WriteByte('#')
			}
			inNum = true
			continue
		}
		inNum = false
		b.WriteRune(r)
	}
	return b.String()
}

func put(t uint16, p []byte) []byte {
	e := attr.NewEncoder(nil)
	e.Put(t, p)
	b, _ := e.Finish()
	return b
}

func u32(v uint32) []byte { return ne.AppendUint32(nil, v) }

var ne = binary.NativeEndian
