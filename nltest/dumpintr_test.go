package nltest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// part is one call of a dump handler in TestDumpIntr: it sets the
// generation number, writes msgs messages and returns ErrMore unless
// last. genl checks each message once begun, as
// genl_dump_check_consistent does; otherwise the handler checks after
// writing, as rtnetlink's dumps do (nlmsg_hdr(skb)). cancel begins and
// cancels a checked message first.
type part struct {
	seq    uint32
	msgs   int
	genl   bool
	cancel bool
	last   bool
}

// playParts is a dump handler playing *p, a part per call.
func playParts(p *[]part, req *nltest.Request, rep *nltest.Reply) error {
	pt := (*p)[req.Args[0]]
	req.Args[0]++
	rep.SetDumpSeq(pt.seq)
	if pt.cancel {
		rep.Start(1)
		rep.CheckDumpConsistent()
		rep.Cancel()
	}
	for range pt.msgs {
		if req.Header.Type == route.RTM_GETLINK {
			link := wire.Header{Len: 32, Type: route.RTM_NEWLINK}.Append(nil, 0)
			rep.Raw(append(link, make([]byte, 16)...))
		} else {
			rep.Start(1)
			if pt.genl {
				rep.CheckDumpConsistent()
			}
			rep.End()
		}
	}
	if !pt.genl {
		rep.CheckDumpConsistent()
	}
	if pt.last {
		return nil
	}
	return nltest.ErrMore
}

// shape lists each datagram's messages: "M" for data, "DONE", with "!"
// where NLM_F_DUMP_INTR is set.
func shape(ds []got) [][]string {
	var out [][]string
	for _, d := range ds {
		var s []string
		r := wire.NewReader(d.Data)
		for r.Next() {
			h := r.Header()
			n := "M"
			if h.Type == wire.TypeDone {
				n = "DONE"
			}
			if h.Flags&wire.DumpIntr != 0 {
				n += "!"
			}
			s = append(s, n)
		}
		out = append(out, s)
	}
	return out
}

// TestDumpIntr places NLM_F_DUMP_INTR as nl_dump_check_consistent does:
// on the message checked first after the generation number changed (the
// one begun, for genl_dump_check_consistent; the datagram's first, for
// rtnetlink's nlmsg_hdr(skb)), never on later ones, and on NLMSG_DONE
// when netlink_dump_done's check sees a change no message saw; a number
// of 0 never marks, and a flag on a cancelled message or an empty
// datagram is lost while the number is remembered.
func TestDumpIntr(t *testing.T) {
	var parts []part
	k := nltest.NewKernel()
	play := func(req *nltest.Request, rep *nltest.Reply) error { return playParts(&parts, req, rep) }
	id, err := k.Register(&nltest.Family{Name: "intr", Ops: []nltest.Op{{Cmd: 1, Dump: play}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.RegisterRoute(route.AF_UNSPEC, route.RTM_GETLINK, nltest.RouteOp{Dump: play}); err != nil {
		t.Fatal(err)
	}
	genlDump := genlReq(id, 1, wire.Dump, 1)
	linkDump := append(wire.Header{Len: 32, Type: route.RTM_GETLINK, Flags: wire.Request | wire.Dump, Seq: 2}.Append(nil, 0), make([]byte, 16)...)
	for _, tc := range []struct {
		name  string
		route bool
		parts []part
		want  [][]string
	}{{
		name:  "genl change in the third part",
		parts: []part{{seq: 5, msgs: 2, genl: true}, {seq: 5, msgs: 2, genl: true}, {seq: 6, msgs: 2, genl: true, last: true}},
		want:  [][]string{{"M", "M"}, {"M", "M"}, {"M!", "M", "DONE"}},
	}, {
		name:  "genl change seen by NLMSG_DONE only",
		parts: []part{{seq: 5, msgs: 2, genl: true}, {seq: 6, genl: true, last: true}},
		want:  [][]string{{"M", "M"}, {"DONE!"}},
	}, {
		name:  "genl two changes",
		parts: []part{{seq: 5, msgs: 1, genl: true}, {seq: 6, msgs: 2, genl: true}, {seq: 7, msgs: 1, genl: true, last: true}},
		want:  [][]string{{"M"}, {"M!", "M"}, {"M!", "DONE"}},
	}, {
		name:  "genl a first generation of 0 marks nothing",
		parts: []part{{seq: 0, msgs: 1, genl: true}, {seq: 6, msgs: 1, genl: true, last: true}},
		want:  [][]string{{"M"}, {"M", "DONE"}},
	}, {
		name:  "genl flag lost with a cancelled message",
		parts: []part{{seq: 5, msgs: 1, genl: true}, {seq: 6, msgs: 1, genl: true, cancel: true, last: true}},
		want:  [][]string{{"M"}, {"M", "DONE"}},
	}, {
		name:  "rtnetlink style on the datagram's first message",
		parts: []part{{seq: 5, msgs: 2}, {seq: 6, msgs: 3}, {seq: 6, msgs: 1, last: true}},
		want:  [][]string{{"M", "M"}, {"M!", "M", "M"}, {"M", "DONE"}},
	}, {
		name:  "rtnetlink style lost in an empty datagram",
		parts: []part{{seq: 5, msgs: 2}, {seq: 6, last: true}},
		want:  [][]string{{"M", "M"}, {"DONE"}},
	}, {
		name:  "link dump with Raw messages",
		route: true,
		parts: []part{{seq: 5, msgs: 2}, {seq: 6, msgs: 2}, {seq: 7, last: true}},
		want:  [][]string{{"M", "M"}, {"M!", "M"}, {"DONE"}},
	}} {
		parts = tc.parts
		var c *nltest.Conn
		req := genlDump
		if tc.route {
			c, req = k.DialRoute(nil), linkDump
		} else {
			c = k.Dial(nil)
		}
		if err := c.Send(req); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, shape(drain(t, c))); diff != "" {
			t.Errorf("%s: datagrams (-want +got):\n%s", tc.name, diff)
		}
		c.Close()
	}
}

// TestDumpSeqOutsideDump: SetDumpSeq and CheckDumpConsistent do nothing
// in a do handler.
func TestDumpSeqOutsideDump(t *testing.T) {
	k := nltest.NewKernel()
	id, err := k.Register(&nltest.Family{Name: "do", Ops: []nltest.Op{{Cmd: 1, Do: func(req *nltest.Request, rep *nltest.Reply) error {
		rep.SetDumpSeq(1)
		rep.CheckDumpConsistent()
		rep.Start(1)
		rep.SetDumpSeq(2)
		rep.CheckDumpConsistent()
		rep.End()
		return nil
	}}}})
	if err != nil {
		t.Fatal(err)
	}
	c := k.Dial(nil)
	if err := c.Send(genlReq(id, 1, 0, 1)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"M"}}, shape(drain(t, c))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
