//go:build linux

package nltest_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/fuzz"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// The live differential test: a Kernel is built from what this machine's
// kernel says of its generic netlink families (CTRL_CMD_GETFAMILY,
// CTRL_CMD_GETPOLICY, and probes of read-only operations for what those
// do not say), then the same requests go to both and the answers are
// compared datagram by datagram, byte for byte (the fake's socket takes
// the real one's port ID, and the sequence numbers are the same).

// liveReadOnly lists the read-only operations requests may be sent to,
// by family name and command: nlsock's diffReadOnly list. Nothing else
// is sent to the kernel but nlctrl's GETFAMILY and GETPOLICY.
var liveReadOnly = map[string][]uint8{
	"nlctrl":      {3, 10},
	"ethtool":     {1, 2, 4, 6, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 28, 29, 31, 32, 33, 34, 36, 38, 39, 41, 42, 45, 46},
	"netdev":      {1, 5, 9, 10, 11, 12},
	"tcp_metrics": {1},
	"mptcp_pm":    {3, 6},
	"thermal":     {1, 2, 3, 4},
	"SEG6":        {2, 4},
	"IOAM6":       {3, 6},
	"TASKSTATS":   {1, 4},
}

// liveBufSize is the receive buffer both sockets are read with.
const liveBufSize = 64 << 10

// pair is the real socket and the fake one, asked the same things.
type pair struct {
	t    *testing.T
	real *nlsock.Conn
	fake *nltest.Conn
	seq  uint32
	buf  []byte
}

// exchange sends datagram req to one side and returns every datagram of
// the answer: until the NLMSG_ERROR or NLMSG_DONE of each request (n
// requests expected to be answered).
func exchangeReal(t *testing.T, c *nlsock.Conn, req []byte, buf []byte, answers int) [][]byte {
	t.Helper()
	if err := c.Send(req); err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for answers > 0 {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		n, err := c.Receive(buf)
		if err != nil {
			t.Fatalf("receive: %v; request % x; got %d datagrams", err, clip(req), len(out))
		}
		d := append([]byte(nil), buf[:n]...)
		out = append(out, d)
		answers -= finals(d)
	}
	return out
}

func exchangeFake(t *testing.T, c *nltest.Conn, req []byte, buf []byte, answers int) [][]byte {
	t.Helper()
	if err := c.Send(req); err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for answers > 0 {
		n, err := c.Receive(buf)
		if err != nil {
			t.Fatalf("fake receive: %v (answers missing %d, got %d datagrams)", err, answers, len(out))
		}
		d := append([]byte(nil), buf[:n]...)
		out = append(out, d)
		answers -= finals(d)
	}
	return out
}

// finals counts the NLMSG_ERROR and NLMSG_DONE messages of a datagram.
func finals(d []byte) int {
	n := 0
	r := wire.NewReader(d)
	for r.Next() {
		if t := r.Header().Type; t == wire.TypeError || t == wire.TypeDone {
			n++
		}
	}
	return n
}

// ask sends req (with answers final messages expected) to both and
// returns both answers.
func (p *pair) ask(req []byte, answers int) (real, fake [][]byte) {
	return exchangeReal(p.t, p.real, req, p.buf, answers), exchangeFake(p.t, p.fake, req, p.buf, answers)
}

func msg(h wire.Header, gh []byte, attrs []byte) []byte {
	b := wire.NewBuilder(nil)
	m := b.Start(h)
	copy(b.FamilyHeader(len(gh)), gh)
	b.Attrs().Raw(attrs)
	b.End(m)
	out, err := b.Finish()
	if err != nil {
		panic(err)
	}
	return out
}

func ctrlReq(cmd uint8, flags wire.Flags, seq uint32, attrs []byte) []byte {
	return msg(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Request | flags, Seq: seq}, []byte{cmd, 2, 0, 0}, attrs)
}

func enc(f func(e *attr.Encoder)) []byte {
	e := attr.NewEncoder(nil)
	f(&e)
	b, _ := e.Finish()
	return b
}

// payloads returns the attributes after the genlmsghdr of each nlctrl
// message of a dump, as validate.ParsePolicyDump takes them.
func payloads(msgs [][]byte) [][]byte {
	var out [][]byte
	for _, d := range msgs {
		r := wire.NewReader(d)
		for r.Next() {
			if r.Header().Type == genl.GENL_ID_CTRL {
				out = append(out, r.Payload()[genl.HeaderLen:])
			}
		}
	}
	return out
}

// errorOf returns the final NLMSG_ERROR/DONE of an answer.
func errorOf(ans [][]byte) (wire.Error, bool) {
	for i := len(ans) - 1; i >= 0; i-- {
		var last []byte
		r := wire.NewReader(ans[i])
		for r.Next() {
			if t := r.Header().Type; t == wire.TypeError || t == wire.TypeDone {
				last = r.View().Bytes()
			}
		}
		if last != nil {
			e, err := wire.ParseError(last, nlwire.Native)
			return e, err == nil
		}
	}
	return wire.Error{}, false
}

// liveFamily is what the test learned of one real family.
type liveFamily struct {
	f     nlsock.GenlFamily
	fam   *nltest.Family
	pd    *validate.PolicyDump
	mode  map[[2]int]validate.Mode // (cmd, dump) -> mode, probed
	split bool
}

func TestLiveDifferential(t *testing.T) {
	// NETLINK_ROUTE's differential runs as a subtest, so that whatever
	// leaves this test out (qemu-user has no netlink sockets) leaves it
	// out too: go test -run 'TestLiveDifferential/route'.
	t.Run("route", testRouteLiveDifferential)
	// Generic netlink, in the host's network namespace (where every
	// family is, those that are not netns-aware included: thermal,
	// TASKSTATS, NetLabel, acpi_event) and in a namespace made for the
	// test (the families a network namespace sees).
	t.Run("genl", func(t *testing.T) { testGenlLiveDifferential(t, "") })
	t.Run("genl-netns", func(t *testing.T) { testGenlLiveDifferential(t, routeLiveNS(t)) })
}

// testGenlLiveDifferential compares the kernel and the fake on requests
// to the generic families of the network namespace netns ("": the
// test's own).
func testGenlLiveDifferential(t *testing.T, netns string) {
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root for the read-only generic netlink operations")
	}
	dial := func() *nlsock.Conn {
		c, err := nlsock.Dial(nlsock.Generic, &nlsock.Config{ReadBuffer: 4 << 20, NetNS: netns})
		if err != nil {
			testenv.Skip(t, "netlink socket: "+err.Error())
		}
		t.Cleanup(func() { c.Close() })
		c.SetDeadline(time.Now().Add(10 * time.Second))
		return c
	}
	probe := dial()
	fams, err := probe.GenlFamilies()
	if err != nil {
		t.Fatal(err)
	}
	k := nltest.NewKernel()
	buf := make([]byte, liveBufSize)
	var seq uint32 = 100
	lives := map[string]*liveFamily{}
	for _, f := range fams {
		if f.Name == "nlctrl" {
			continue
		}
		seq++
		dump := exchangeReal(t, probe, ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump|wire.Ack, seq, enc(func(e *attr.Encoder) {
			e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID)
		})), buf, 1)
		lf := &liveFamily{f: f, mode: map[[2]int]validate.Mode{}}
		if e, ok := errorOf(dump); ok && e.Errno == 0 {
			pd, err := validate.ParsePolicyDump(payloads(dump), nlwire.Native)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			lf.pd = pd
		}
		// What the dumps do not say (strictness, maximum types,
		// resv_start_op, split or full operations) comes from the
		// kernel's sources, genl.KernelFamilies; TestLiveKernelOps
		// holds them against this kernel, and names a family missing.
		kf, ok := genl.KernelFamilyByName(f.Name)
		if !ok {
			t.Fatalf("family %q is not in genl.KernelFamilies", f.Name)
		}
		fam := nltest.FamilyFrom(*kf, lf.pd, fakeHandler)
		fam.ID = f.ID
		for _, g := range f.Groups {
			fam.Groups = append(fam.Groups, nltest.Group{Name: g.Name, ID: g.ID})
		}
		lf.fam, lf.split = &fam, kf.Split
		for _, o := range kf.Ops {
			for _, dump := range []bool{false, true} {
				mode := validate.ModeStrict
				if !dump && o.Validate&genl.GENL_DONT_VALIDATE_STRICT != 0 || dump && o.Validate&genl.GENL_DONT_VALIDATE_DUMP_STRICT != 0 {
					mode = validate.ModeLiberal
				}
				lf.mode[[2]int{int(o.Cmd), b2i(dump)}] = mode
			}
		}
		lives[f.Name] = lf
	}
	for name, lf := range lives {
		if _, err := k.Register(lf.fam); err != nil {
			t.Fatalf("register %s: %v", name, err)
		}
	}

	st := newLiveStats()
	real := dial()
	p := &pair{t: t, real: real, fake: k.Dial(&nltest.Config{PortID: real.PortID()}), buf: buf, seq: 1000}
	compareCtrl(p, fams, st)
	compareRequests(p, lives, st)
	// Dumps read with smaller buffers: the kernel sizes its datagrams by
	// the largest buffer a receive offered.
	for _, size := range []int{4096, 8192, 20000} {
		real := dial()
		p := &pair{t: t, real: real, fake: k.Dial(&nltest.Config{PortID: real.PortID()}), buf: make([]byte, size), seq: 5000}
		for _, f := range fams {
			for _, req := range [][]byte{
				ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Dump, p.seq, nil),
				ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, p.seq+1, enc(func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID) })),
			} {
				r, fk := p.ask(req, 1)
				same, why := sameAnswer(r, fk)
				st.add(fmt.Sprintf("dump datagrams, %d-byte reads", size), same, categorize(r, fk), why)
			}
			p.seq += 2
		}
	}
	st.report(t)
}

// fakeHandler stands for a real handler: the fake answers nothing of its
// own, only what the policy and the core decide.
func fakeHandler(req *nltest.Request, rep *nltest.Reply) error {
	return nil
}

func contains(s []uint8, v uint8) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func put(t uint16, p []byte) []byte {
	return enc(func(e *attr.Encoder) { e.Put(t, p) })
}

func u32(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }

// liveStats counts the comparisons.
type liveStats struct {
	byKind   map[string][2]int // kind -> compared, identical
	excluded map[string]int    // not compared: the dump does not hold the kernel's policy
	diffs    map[string]int    // disagreement category -> count
	examples map[string]string
}

func newLiveStats() *liveStats {
	return &liveStats{byKind: map[string][2]int{}, excluded: map[string]int{}, diffs: map[string]int{}, examples: map[string]string{}}
}

func (s *liveStats) add(kind string, same bool, category, example string) {
	c := s.byKind[kind]
	c[0]++
	if same {
		c[1]++
	} else {
		s.diffs[kind+": "+category]++
		if _, ok := s.examples[kind+": "+category]; !ok {
			s.examples[kind+": "+category] = example
		}
	}
	s.byKind[kind] = c
}

func (s *liveStats) report(t *testing.T) {
	kinds := make([]string, 0, len(s.byKind))
	for k := range s.byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var all, same int
	for _, k := range kinds {
		c := s.byKind[k]
		all += c[0]
		same += c[1]
		t.Logf("%-40s %6d compared, %6d identical (%.3f%%)", k, c[0], c[1], 100*float64(c[1])/float64(max(c[0], 1)))
	}
	t.Logf("total: %d compared, %d identical (%.3f%%)", all, same, 100*float64(same)/float64(max(all, 1)))
	ex := make([]string, 0, len(s.excluded))
	for c := range s.excluded {
		ex = append(ex, c)
	}
	sort.Strings(ex)
	for _, c := range ex {
		t.Logf("not compared, %d × %s", s.excluded[c], c)
	}
	cats := make([]string, 0, len(s.diffs))
	for c := range s.diffs {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		t.Logf("disagreement %d × %s; e.g. %s", s.diffs[c], c, s.examples[c])
	}
	if all < 1000 {
		t.Errorf("only %d comparisons", all)
	}
	if float64(same) < 0.999*float64(all) {
		t.Errorf("agreement %.3f%% below 99.9%%", 100*float64(same)/float64(all))
	}
}

// sameAnswer compares two answers datagram by datagram.
func sameAnswer(real, fake [][]byte) (bool, string) {
	if len(real) != len(fake) {
		return false, fmt.Sprintf("%d datagrams, fake %d", len(real), len(fake))
	}
	for i := range real {
		if !bytes.Equal(real[i], fake[i]) {
			return false, fmt.Sprintf("datagram %d: kernel % x\nfake   % x", i, clip(real[i]), clip(fake[i]))
		}
	}
	return true, ""
}

func clip(b []byte) []byte {
	if len(b) > 400 {
		return b[:400]
	}
	return b
}

// compareCtrl compares nlctrl's answers: GETFAMILY by name and by ID for
// every family, the dump of all, GETPOLICY of every family and of each
// of its operations, and nlctrl's own errors.
func compareCtrl(p *pair, fams []nlsock.GenlFamily, st *liveStats) {
	next := func() uint32 { p.seq++; return p.seq }
	check := func(kind string, req []byte) {
		r, f := p.ask(req, 1)
		same, why := sameAnswer(r, f)
		st.add(kind, same, categorize(r, f), why)
	}
	check("nlctrl GETFAMILY dump", ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Dump|wire.Ack, next(), nil))
	for _, f := range fams {
		check("nlctrl GETFAMILY do", ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Ack, next(), enc(func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, f.Name) })))
		check("nlctrl GETFAMILY do", ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Ack, next(), enc(func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID) })))
		check("nlctrl GETPOLICY", ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, next(), enc(func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID) })))
		check("nlctrl GETPOLICY", ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump|wire.Ack, next(), enc(func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, f.Name) })))
		for _, o := range f.Ops {
			check("nlctrl GETPOLICY op", ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, next(), enc(func(e *attr.Encoder) {
				e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID)
				e.Uint32(genl.CTRL_ATTR_OP, o.Cmd)
			})))
		}
		check("nlctrl GETPOLICY op", ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, next(), enc(func(e *attr.Encoder) {
			e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID)
			e.Uint32(genl.CTRL_ATTR_OP, 0xfe)
		})))
	}
	// Errors: unknown names and IDs, no attributes.
	check("nlctrl errors", ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Ack, next(), enc(func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, "nosuchfamily") })))
	check("nlctrl errors", ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Ack, next(), enc(func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, 0x3ff) })))
	check("nlctrl errors", ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Ack, next(), nil))
	check("nlctrl errors", ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, next(), nil))
	check("nlctrl errors", ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, next(), enc(func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, 0x3ff) })))
	check("nlctrl errors", ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Dump, next(), enc(func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, "nosuchfamily") })))
	check("nlctrl errors", ctrlReq(genl.CTRL_CMD_GETPOLICY, wire.Ack, next(), nil))
	check("nlctrl errors", ctrlReq(genl.CTRL_CMD_NEWFAMILY, wire.Ack, next(), nil))
}

// categorize names the kind of a disagreement.
func categorize(real, fake [][]byte) string {
	re, rok := errorOf(real)
	fe, fok := errorOf(fake)
	switch {
	case !rok || !fok:
		return "answer without final message"
	case re.Errno != fe.Errno:
		return fmt.Sprintf("errno kernel %s, fake %s", re.Errno.Name(), fe.Errno.Name())
	case !bytes.Equal(re.Msg, fe.Msg):
		return fmt.Sprintf("message kernel %q, fake %q", re.Msg, fe.Msg)
	case re.Offset != fe.Offset:
		return "offset"
	case !bytes.Equal(re.Policy, fe.Policy):
		return "policy"
	case len(real) != len(fake):
		return "datagram count"
	}
	return "bytes"
}

// decidedByCore reports whether the kernel's answer came from the
// generic netlink core or the policy (an error with a policy or header
// message, or one of the core's errnos without a message), not from the
// operation's handler.
func decidedByCore(e wire.Error, mode validate.Mode) bool {
	switch string(e.Msg) {
	case validate.MsgFailed, validate.MsgUnknownType, validate.MsgInvalidLength, validate.MsgNestedMissing,
		validate.MsgNestedUnwanted, validate.MsgOutOfRange, validate.MsgReservedBit, validate.MsgBinaryRange,
		validate.MsgArrayShort, validate.MsgDepth, validate.MsgUnsupported, validate.MsgGenlReserved, validate.MsgGenlFlags:
		return e.Errno != 0
	case validate.MsgLeftover:
		return e.Errno == nlwire.EINVAL && e.Offset == 0 && mode&validate.ModeTrailing != 0
	}
	return false
}

// compareRequests sends generated requests to the read-only operations
// of both kernels. Where the kernel's answer is the core's or the
// policy's (an error decided before the handler), the fake must answer
// it byte for byte; where the handler answered, the fake must have let
// the request through to its handler, with the same warning.
func compareRequests(p *pair, lives map[string]*liveFamily, st *liveStats) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := make([]string, 0, len(lives))
	for n := range lives {
		names = append(names, n)
	}
	sort.Strings(names)
	start := time.Now()
	for _, name := range names {
		lf := lives[name]
		ro := liveReadOnly[name]
		if ro == nil {
			continue
		}
		for _, o := range lf.fam.Ops {
			if !contains(ro, o.Cmd) {
				continue
			}
			for _, dump := range []bool{false, true} {
				h, pol := o.Do, o.Policy
				if dump {
					h = o.Dump
					if lf.split {
						pol = o.DumpPolicy
					} else if o.Validate&nltest.DontValidateDump != 0 {
						pol = nil
					}
				}
				if h == nil {
					continue
				}
				form := fmt.Sprintf("%s cmd %d dump=%v", name, o.Cmd, dump)
				mode, ok := lf.mode[[2]int{int(o.Cmd), b2i(dump)}]
				if !ok {
					mode = validate.ModeStrict
				}
				var cases [][]byte
				if pol != nil {
					for _, c := range fuzz.Cases(pol) {
						cases = append(cases, c.Attrs)
					}
					if time.Since(start) < 60*time.Second {
						for range 300 {
							cases = append(cases, fuzz.Random(rng, pol))
						}
						for v := fuzz.Valid; v <= fuzz.Nesting; v++ {
							g := fuzz.Generator{Policy: pol, Violation: v}
							if !g.Possible() {
								continue
							}
							for range 20 {
								cases = append(cases, g.Random(rng).Attrs)
							}
						}
					}
				} else {
					cases = append(cases, nil, put(1, nil), append(put(1, u32(1)), 0))
				}
				hdr := make([]byte, 4+lf.f.HeaderSize)
				hdr[0], hdr[1] = o.Cmd, 1
				for _, attrs := range cases {
					p.seq++
					fl := wire.Request | wire.Ack
					if dump {
						fl |= wire.Dump
					}
					req := msg(wire.Header{Type: lf.f.ID, Flags: fl, Seq: p.seq}, hdr, attrs)
					compareOne(p, st, "policy "+name, form, req, mode, pol, attrs)
				}
				// Header cases: reserved field, flags, short messages.
				for _, v := range []struct {
					fl  wire.Flags
					res byte
				}{{0, 1}, {wire.Replace, 0}, {wire.Root, 0}, {wire.Atomic, 0}, {wire.Echo, 0}, {wire.Multi, 0}, {0x1000, 0}} {
					h := append([]byte(nil), hdr...)
					h[2] = v.res
					p.seq++
					fl := wire.Request | wire.Ack | v.fl
					if dump {
						fl |= wire.Dump
					}
					compareOne(p, st, "header "+name, form, msg(wire.Header{Type: lf.f.ID, Flags: fl, Seq: p.seq}, h, nil), mode, nil, nil)
				}
			}
		}
		// An unknown command and a message shorter than the headers.
		p.seq++
		hdr := make([]byte, 4+lf.f.HeaderSize)
		hdr[0], hdr[1] = 0xfd, 1
		compareOne(p, st, "core", name+" unknown cmd", msg(wire.Header{Type: lf.f.ID, Flags: wire.Request | wire.Ack, Seq: p.seq}, hdr, nil), 0, nil, nil)
		p.seq++
		compareOne(p, st, "core", name+" short", msg(wire.Header{Type: lf.f.ID, Flags: wire.Request | wire.Ack, Seq: p.seq}, hdr[:2], nil), 0, nil, nil)
	}
	// The core: unknown family, control types, messages without
	// NLM_F_REQUEST, several messages in one datagram.
	p.seq++
	compareOne(p, st, "core", "unknown family", msg(wire.Header{Type: 0x3ff, Flags: wire.Request | wire.Ack, Seq: p.seq}, []byte{1, 1, 0, 0}, nil), 0, nil, nil)
	for _, ty := range []uint16{wire.TypeNoop, wire.TypeError, wire.TypeDone, 0xf} {
		p.seq++
		compareOne(p, st, "core", "control type", msg(wire.Header{Type: ty, Flags: wire.Request | wire.Ack, Seq: p.seq}, []byte{1, 1, 0, 0}, nil), 0, nil, nil)
	}
	p.seq++
	compareOne(p, st, "core", "no NLM_F_REQUEST", msg(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Ack, Seq: p.seq}, []byte{3, 2, 0, 0}, nil), 0, nil, nil)
	p.seq++
	batch := append(ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Ack, p.seq, enc(func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, "nlctrl") })),
		msg(wire.Header{Type: 0x3ff, Flags: wire.Request | wire.Ack, Seq: p.seq + 1}, []byte{1, 1, 0, 0}, nil)...)
	batch = append(batch, ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Dump, p.seq+2, nil)...)
	batch = append(batch, ctrlReq(genl.CTRL_CMD_GETFAMILY, wire.Ack, p.seq+3, enc(func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, 0x10) }))...)
	p.seq += 4
	r, f := p.ask(batch, 4)
	same, why := sameAnswer(r, f)
	st.add("core batch", same, categorize(r, f), why)
}

// compareOne sends one request to a read-only operation and compares.
// mode is the form's, pol its policy as the dump gave it, attrs the
// request's attributes.
func compareOne(p *pair, st *liveStats, kind, form string, req []byte, mode validate.Mode, pol *validate.Policy, attrs []byte) {
	answers := 1
	if h, _ := wire.ParseHeader(req, nlwire.Native); h.Flags&wire.Request == 0 || h.Type < wire.MinType {
		if h.Flags&wire.Ack == 0 {
			answers = 0
		}
	}
	r, f := p.ask(req, answers)
	re, _ := errorOf(r)
	fe, _ := errorOf(f)
	if decidedByCore(re, mode) || kind == "core" {
		same, why := sameAnswer(r, f)
		if !same && pol != nil {
			if reason := explain(attrs, pol, re, fe); reason != "" {
				st.excluded[kind+": "+reason]++
				return
			}
		}
		st.add(kind, same, categorize(r, f), form+": "+why)
		return
	}
	// The handler answered: the fake must have passed the request to
	// its handler (an answer without error), with the same warning.
	kleft := bytes.Equal(re.Msg, []byte(validate.MsgLeftover))
	fleft := bytes.Equal(fe.Msg, []byte(validate.MsgLeftover))
	ok := fe.Errno == 0 && (kleft == fleft || (len(re.Msg) > 0 && !kleft))
	cat := ""
	if !ok {
		if reason := explain(attrs, pol, re, fe); reason != "" {
			st.excluded[kind+": "+reason]++
			return
		}
		cat = fmt.Sprintf("kernel's handler answered (%s %q), fake %s %q", re.Errno.Name(), re.Msg, fe.Errno.Name(), fe.Msg)
	}
	st.add(kind+" (handler)", ok, cat, fmt.Sprintf("%s: % x", form, clip(req)))
}

// explain returns why the kernel and a fake built from the policy dump
// may disagree on attrs, or "": what a CTRL_CMD_GETPOLICY dump cannot
// say (validate.PolicyDump lists it), seen on Linux 6.18:
//
//  1. an entry the dump omits (NLA_UNSPEC, NLA_REJECT, NLA_BE16,
//     NLA_BE32): the fake has the zero rule there (mptcp_pm's ADDR4);
//  2. a plain NLA_NESTED without a nested policy, which the handler
//     parses with a policy of its own (ethtool's STRSET_STRINGSETS): its
//     errors look like policy errors but come from the handler.
func explain(attrs []byte, pol *validate.Policy, re, fe wire.Error) string {
	if pol == nil {
		return ""
	}
	const base = wire.HeaderLen + 4
	for _, off := range []uint32{re.Offset, fe.Offset} {
		if off == 0 {
			continue
		}
		for _, r := range rulesTo(attrs, base, pol, int(off)) {
			if r == nil {
				continue
			}
			if r.Kind == validate.Unspec && r.Len == 0 && r.Nested == nil {
				return "an entry the dump omits (NLA_UNSPEC/REJECT/BE16/BE32)"
			}
			if r.Kind == validate.Nested && r.Nested == nil {
				return "a nest without a dumped policy, parsed by the handler"
			}
		}
	}
	if re.Offset == 0 && re.Errno != 0 && fe.Errno == 0 {
		d := attr.NewDecoder(attrs).Lenient()
		for d.Next() {
			if r := pol.Rule(d.Type()); r != nil && r.Kind == validate.Nested && r.Nested == nil && d.Len() > 0 {
				return "a nest without a dumped policy, parsed by the handler"
			}
		}
	}
	return ""
}

// rulesTo returns the rules on the way down to the attribute whose
// header is at off (counted from the message start; attrs start at
// base).
func rulesTo(attrs []byte, base int, p *validate.Policy, off int) []*validate.Rule {
	d := attr.NewDecoder(attrs).WithBase(base).Lenient()
	for d.Next() {
		var r *validate.Rule
		if p != nil {
			r = p.Rule(d.Type())
		}
		if d.Offset() == off {
			return []*validate.Rule{r}
		}
		end := d.Offset() + attr.HeaderLen + d.Len()
		if off <= d.Offset() || off >= end {
			continue
		}
		if r == nil || r.Nested == nil {
			return []*validate.Rule{r}
		}
		inner := attrs[d.Offset()-base+attr.HeaderLen : end-base]
		ib := d.Offset() + attr.HeaderLen
		if r.Kind == validate.NestedArray {
			ed := attr.NewDecoder(inner).WithBase(ib).Lenient()
			for ed.Next() {
				eend := ed.Offset() + attr.HeaderLen + ed.Len()
				if off > ed.Offset() && off < eend {
					return append([]*validate.Rule{r}, rulesTo(inner[ed.Offset()-ib+attr.HeaderLen:eend-ib], ed.Offset()+attr.HeaderLen, r.Nested, off)...)
				}
			}
			return []*validate.Rule{r}
		}
		return append([]*validate.Rule{r}, rulesTo(inner, ib, r.Nested, off)...)
	}
	return nil
}
