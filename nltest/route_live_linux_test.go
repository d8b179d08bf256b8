//go:build linux

package nltest_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"testing"

	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/fuzz"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// The NETLINK_ROUTE live differential: in a network namespace made for
// the test (lo up), the same GET requests (RTM_GETLINK, RTM_GETADDR,
// RTM_GETROUTE, RTM_GETNEIGH, RTM_GETRULE, RTM_GETNEXTHOP,
// RTM_GETNEXTHOPBUCKET, RTM_GETNETCONF, RTM_GETNSID, RTM_GETSTATS,
// RTM_GETNEIGHTBL, RTM_GETMDB, do and dump, valid and malformed) go to the kernel and to a fake whose handlers replay the
// kernel's data messages (and, where the kernel's handler failed, its
// error), over
// strict and non-strict sockets; the answers are compared byte for byte
// (the fake's socket has the real one's port ID, the sequence numbers
// are the same). What is compared is the fake's part: validation,
// header checks, errors, acks, dump framing and NLMSG_DONE. Only GET
// requests are sent to the kernel.

// routeLiveNS makes a network namespace with lo up, deleted when the
// test ends, and returns its path.
func routeLiveNS(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	ip := testenv.LookPath(t, "ip")
	name := "nlwroute-" + strconv.Itoa(os.Getpid())
	if out, err := exec.Command(ip, "netns", "add", name).CombinedOutput(); err != nil {
		testenv.Skip(t, "ip netns add: "+err.Error()+": "+string(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command(ip, "netns", "del", name).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", name, err, out)
		}
	})
	if out, err := exec.Command(ip, "-n", name, "link", "set", "lo", "up").CombinedOutput(); err != nil {
		t.Fatalf("ip link set lo up: %v: %s", err, out)
	}
	return "/run/netns/" + name
}

// replay is what the fake's handlers answer: the data messages and the
// final error of the kernel's answer to the same request.
type replay struct {
	msgs    [][]byte
	err     *wire.Error // the kernel's errno, if its answer was an error
	reached bool        // a handler was called
}

func (rp *replay) do(req *nltest.Request, rep *nltest.Reply) error {
	rp.reached = true
	for _, m := range rp.msgs {
		rep.Raw(m)
	}
	if rp.err != nil {
		return rp.err
	}
	return nil
}

func (rp *replay) dump(req *nltest.Request, rep *nltest.Reply) error {
	rp.reached = true
	for int(req.Args[0]) < len(rp.msgs) {
		if !rep.Raw(rp.msgs[req.Args[0]]) {
			return nltest.ErrMore
		}
		req.Args[0]++
	}
	if rp.err != nil {
		return rp.err
	}
	return nil
}

// split returns the data messages of an answer and its final error (nil
// for an ACK or a successful NLMSG_DONE).
func split(ans [][]byte) ([][]byte, *wire.Error) {
	var msgs [][]byte
	var fe *wire.Error
	for _, d := range ans {
		r := wire.NewReader(d)
		for r.Next() {
			m := r.Message()
			switch r.Header().Type {
			case wire.TypeError, wire.TypeDone:
				e, err := wire.ParseError(m, 0)
				if err == nil && e.Errno != 0 {
					we := &wire.Error{Errno: e.Errno, Msg: e.Msg, Cookie: e.Cookie, MissType: e.MissType, MissNest: e.MissNest, Offset: e.Offset, Policy: e.Policy}
					fe = we
				}
			default:
				msgs = append(msgs, append([]byte(nil), m...))
			}
		}
	}
	return msgs, fe
}

// routeReq is a raw NETLINK_ROUTE request.
func routeReq(typ uint16, flags wire.Flags, seq uint32, payload []byte) []byte {
	b := make([]byte, wire.HeaderLen, wire.HeaderLen+len(payload))
	binary.NativeEndian.PutUint32(b, uint32(wire.HeaderLen+len(payload)))
	binary.NativeEndian.PutUint16(b[4:], typ)
	binary.NativeEndian.PutUint16(b[6:], uint16(flags))
	binary.NativeEndian.PutUint32(b[8:], seq)
	return append(b, payload...)
}

// genRouteReq returns a request payload of type typ: a family header
// (zero, with one field spoiled, or cut short) and an attribute run from
// the policy (valid or with one violation).
func genRouteReq(r *rand.Rand, typ uint16, fam uint8) []byte {
	hdrLen := route.Messages.Msg(typ).HeaderLen
	h := make([]byte, attr.Align(hdrLen))
	h[0] = fam
	switch r.IntN(8) {
	case 0: // cut short
		return h[:r.IntN(len(h))]
	case 1, 2: // one byte spoiled
		i := 1 + r.IntN(len(h)-1)
		h[i] = byte(1 << r.IntN(8))
	case 3: // full prefix lengths and allowed flags of the GET handlers
		if typ == route.RTM_GETROUTE {
			h[1] = []byte{0, 32, 128}[r.IntN(3)]
			binary.NativeEndian.PutUint32(h[8:], []uint32{route.RTM_F_FIB_MATCH, route.RTM_F_CLONED, route.RTM_F_PREFIX, route.RTM_F_NOTIFY}[r.IntN(4)])
		}
		if typ == route.RTM_GETNEIGH {
			h[10] = route.NTF_PROXY
		}
		if typ == route.RTM_GETSTATS { // lo, and a filter mask
			h[4] = []byte{0, 1}[r.IntN(2)]
			h[8] = byte(1 << r.IntN(5))
		}
	}
	var p *validate.Policy
	switch typ {
	case route.RTM_GETLINK:
		p = &route.LinkPolicy
	case route.RTM_GETADDR:
		p = &route.AddrPolicy
		if fam == route.AF_INET6 {
			p = &route.Addr6Policy
		}
	case route.RTM_GETROUTE:
		p = &route.RoutePolicy
		if fam == route.AF_INET6 {
			p = &route.Route6Policy
		}
	case route.RTM_GETNEIGH:
		p = &route.NeighPolicy
	case route.RTM_GETRULE:
		p = &route.RulePolicy
	case route.RTM_GETNEXTHOP:
		p = &route.NexthopGetPolicy
		if r.IntN(2) == 0 {
			p = &route.NexthopDumpPolicy
		}
	case route.RTM_GETNEXTHOPBUCKET:
		p = &route.NexthopBucketGetPolicy
		if r.IntN(2) == 0 {
			p = &route.NexthopBucketDumpPolicy
		}
	case route.RTM_GETNETCONF:
		p = &route.NetconfPolicy
	case route.RTM_GETNSID:
		p = &route.NetNSIDPolicy
	case route.RTM_GETSTATS:
		p = &route.StatsGetPolicy
	case route.RTM_GETNEIGHTBL:
		p = &route.NeighTablePolicy
	case route.RTM_GETMDB:
		p = &route.NeighTablePolicy // any attribute: a strict dump takes none
	}
	if r.IntN(4) == 0 {
		return h
	}
	return append(h, fuzz.Random(r, p)...)
}

// testRouteLiveDifferential is TestLiveDifferential's subtest "route";
// NLWIRE_ROUTE_SEED picks another seed.
func testRouteLiveDifferential(t *testing.T) {
	nsPath := routeLiveNS(t)
	seed := uint64(15)
	if s := os.Getenv("NLWIRE_ROUTE_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	r := rand.New(rand.NewPCG(seed, 1))
	n := 3000
	if testing.Short() {
		n = 300
	}

	k := nltest.NewKernel()
	k.SetRouteState(loOnly{})
	rp := &replay{}
	regs := []struct {
		fam      uint8
		typ      uint16
		do, dump bool
	}{
		{route.AF_UNSPEC, route.RTM_GETLINK, true, true},
		{route.AF_INET, route.RTM_GETADDR, false, true},
		{route.AF_INET6, route.RTM_GETADDR, true, true},
		{route.AF_UNSPEC, route.RTM_GETADDR, false, true},
		{route.AF_INET, route.RTM_GETROUTE, true, true},
		{route.AF_INET6, route.RTM_GETROUTE, true, true},
		{route.AF_UNSPEC, route.RTM_GETROUTE, false, true},
		{route.AF_UNSPEC, route.RTM_GETNEIGH, true, true},
		{route.AF_UNSPEC, route.RTM_GETRULE, false, true},
		{route.AF_UNSPEC, route.RTM_GETNEXTHOP, true, true},
		{route.AF_INET, route.RTM_GETNEXTHOP, false, true},
		{route.AF_INET6, route.RTM_GETNEXTHOP, false, true},
		{route.AF_UNSPEC, route.RTM_GETNEXTHOPBUCKET, true, true},
		{route.AF_INET, route.RTM_GETNETCONF, true, true},
		{route.AF_INET6, route.RTM_GETNETCONF, true, true},
		{route.AF_UNSPEC, route.RTM_GETNETCONF, false, true},
		{route.AF_UNSPEC, route.RTM_GETNSID, true, true},
		{route.AF_UNSPEC, route.RTM_GETSTATS, true, true},
		{route.AF_UNSPEC, route.RTM_GETNEIGHTBL, false, true},
		{route.RTNL_FAMILY_IPMR, route.RTM_GETROUTE, true, true},
		{route.RTNL_FAMILY_IP6MR, route.RTM_GETROUTE, true, true},
		{route.AF_INET6, route.RTM_GETLINK, false, true},
		{route.RTNL_FAMILY_IPMR, route.RTM_GETLINK, false, true},
		{route.AF_BRIDGE, route.RTM_GETLINK, false, true},
		{route.AF_BRIDGE, route.RTM_GETMDB, true, true}, // rtnl_mdb_get: not modelled, replayed
	}
	for _, g := range regs {
		var op nltest.RouteOp
		if g.do {
			op.Do = rp.do
		}
		if g.dump {
			op.Dump = rp.dump
			// RTNL_FLAG_DUMP_SPLIT_NLM_DONE: rtnl_dump_ifinfo,
			// inet_dump_ifaddr, inet_dump_fib, inet6_dump_fib, and
			// (measured) rtnl_dump_all.
			switch g.typ {
			case route.RTM_GETLINK, route.RTM_GETADDR, route.RTM_GETROUTE:
				// Not inet6_dump_addr, inet6_dump_ifinfo (measured).
				op.SplitDone = !((g.typ == route.RTM_GETADDR || g.typ == route.RTM_GETLINK) && g.fam == route.AF_INET6)
			case route.RTM_GETNETCONF:
				op.SplitDone = g.fam == route.AF_UNSPEC // rtnl_dump_all
			case route.RTM_GETNEIGHTBL:
				op.SplitDone = true // neightbl_dump_info returns skb->len (measured)
			}
		}
		if err := k.RegisterRoute(g.fam, g.typ, op); err != nil {
			t.Fatal(err)
		}
	}

	type side struct {
		real *nlsock.Conn
		fake *nltest.Conn
	}
	var sides [2]side
	for i, strict := range []bool{true, false} {
		c, err := nlsock.Dial(nlsock.Route, &nlsock.Config{NetNS: nsPath, NoStrictCheck: !strict})
		if err != nil {
			testenv.Skip(t, "dial NETLINK_ROUTE in the namespace: "+err.Error())
		}
		defer c.Close()
		sides[i] = side{c, k.DialRoute(&nltest.Config{PortID: c.PortID(), NoStrictCheck: !strict})}
	}

	types := []uint16{route.RTM_GETLINK, route.RTM_GETADDR, route.RTM_GETROUTE, route.RTM_GETNEIGH, route.RTM_GETRULE,
		route.RTM_GETNEXTHOP, route.RTM_GETNEXTHOPBUCKET, route.RTM_GETNETCONF, route.RTM_GETNSID, route.RTM_GETSTATS,
		route.RTM_GETNEIGHTBL, route.RTM_GETMDB}
	fams := []uint8{route.AF_UNSPEC, route.AF_INET, route.AF_INET6}
	// Link dump and route families with handlers of their own.
	linkFams := []uint8{route.AF_UNSPEC, route.AF_INET, route.AF_INET6, route.RTNL_FAMILY_IPMR, route.AF_BRIDGE}
	routeFams := []uint8{route.AF_UNSPEC, route.AF_INET, route.AF_INET6, route.RTNL_FAMILY_IPMR, route.RTNL_FAMILY_IP6MR}
	// Rule families: those with rules, and one without (EAFNOSUPPORT
	// from fib_nl_dumprule, after the checks).
	ruleFams := []uint8{route.AF_UNSPEC, route.AF_INET, route.AF_INET6, route.RTNL_FAMILY_IPMR, route.RTNL_FAMILY_IP6MR, route.AF_BRIDGE}
	buf := make([]byte, liveBufSize)
	agree, total := 0, 0
	cats := map[string]int{}
	examples := map[string]string{}
	deferred := map[string]int{}
	perType := map[string][2]int{} // requests, answered alike
	own := map[string]int{}        // answers the fake made before any handler
	for i := range n {
		typ := types[r.IntN(len(types))]
		fam := fams[r.IntN(len(fams))]
		switch typ {
		case route.RTM_GETRULE:
			fam = ruleFams[r.IntN(len(ruleFams))]
		case route.RTM_GETLINK:
			fam = linkFams[r.IntN(len(linkFams))]
		case route.RTM_GETROUTE:
			fam = routeFams[r.IntN(len(routeFams))]
		case route.RTM_GETMDB:
			fam = route.AF_BRIDGE
		}
		dump := r.IntN(2) == 0
		flags := wire.Request | wire.Ack
		if dump {
			flags |= []wire.Flags{wire.Dump, wire.Dump, 0x100, 0x200}[r.IntN(4)]
		}
		strictIdx := r.IntN(2)
		s := sides[strictIdx]
		req := routeReq(typ, flags, uint32(i+1), genRouteReq(r, typ, fam))

		real := exchangeReal(t, s.real, req, buf, 1)
		rp.msgs, rp.err = split(real)
		rp.reached = false
		fake := exchangeFake(t, s.fake, req, buf, 1)
		total++
		if rp.reached && rp.err != nil {
			deferred[fmt.Sprintf("%v %q", rp.err.Errno.Name(), rp.err.Msg)]++
		}
		name := route.Messages.Name(typ)
		if _, e := split(fake); !rp.reached && e != nil {
			own[fmt.Sprintf("%-12s %v %q", name, e.Errno.Name(), e.Msg)]++
		}
		pt := perType[name]
		pt[0]++
		if equalAnswers(real, fake) {
			agree++
			pt[1]++
			perType[name] = pt
			continue
		}
		perType[name] = pt
		cat := diffCategory(real, fake)
		key := fmt.Sprintf("%s dump=%v strict=%v fam=%d: %s", route.Messages.Name(typ), dump, strictIdx == 0, fam, cat)
		cats[key]++
		if _, ok := examples[key]; !ok {
			examples[key] = fmt.Sprintf("request % x\n real % x\n fake % x", req, bytes.Join(real, nil), bytes.Join(fake, nil))
		}
	}
	t.Logf("NETLINK_ROUTE differential (seed %d): %d of %d requests answered alike", seed, agree, total)
	var keys []string
	for c := range perType {
		keys = append(keys, c)
	}
	sort.Strings(keys)
	for _, c := range keys {
		t.Logf("  %-12s %4d of %4d alike", c, perType[c][1], perType[c][0])
	}
	keys = keys[:0]
	for c := range own {
		keys = append(keys, c)
	}
	sort.Strings(keys)
	for _, c := range keys {
		t.Logf("  answered by the fake's checks: %4d  %s", own[c], c)
	}
	keys = keys[:0]
	for c := range deferred {
		keys = append(keys, c)
	}
	sort.Strings(keys)
	for _, c := range keys {
		t.Logf("  handler-level kernel error (passed the fake's checks, replayed): %4d  %s", deferred[c], c)
	}
	keys = keys[:0]
	for c := range cats {
		keys = append(keys, c)
	}
	sort.Strings(keys)
	for _, c := range keys {
		t.Errorf("disagreement %4d  %s\n%s", cats[c], c, examples[c])
	}
}

// equalAnswers compares two answers message by message, byte for byte.
func equalAnswers(a, b [][]byte) bool {
	return bytes.Equal(bytes.Join(a, nil), bytes.Join(b, nil)) && len(a) == len(b)
}

// diffCategory describes how two answers differ: the final message's
// errno and extended ACK message of each.
func diffCategory(real, fake [][]byte) string {
	desc := func(ans [][]byte) string {
		_, e := split(ans)
		kind := "ack"
		for _, d := range ans {
			r := wire.NewReader(d)
			for r.Next() {
				if r.Header().Type == wire.TypeDone {
					kind = "done"
				}
			}
		}
		if e == nil {
			return fmt.Sprintf("%s ok (%d datagrams)", kind, len(ans))
		}
		return fmt.Sprintf("%s %s %q", kind, e.Errno.Name(), e.Msg)
	}
	r, f := desc(real), desc(fake)
	if r == f {
		return "same verdict, other bytes: " + r
	}
	return "kernel " + r + " / fake " + f
}

// loOnly is the state of the test's namespace: lo (index 1), no peer
// namespace ids.
type loOnly struct{}

func (loOnly) NetNSID(int32) bool         { return false }
func (loOnly) Device(ifindex uint32) bool { return ifindex == 1 }
