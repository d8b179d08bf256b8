package nltest

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
)

// FuzzReplay: Replay does not panic on any input, and a Kernel it
// returns answers each recorded request of NETLINK_ROUTE and
// NETLINK_GENERIC once, in order, with its recorded replies: as many
// bytes as were recorded, so never more than the capture holds.
func FuzzReplay(f *testing.F) {
	for _, name := range []string{"route-errors.pcap", "route-dumps.pcap", "genl-ctrl.pcapng"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	buf := make([]byte, 1<<19)
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := Replay(bytes.NewReader(data))
		if err != nil {
			if k != nil {
				t.Fatal("a Kernel and an error")
			}
			return
		}
		rc := k.replay
		conns := map[uint16]*Conn{NETLINK_ROUTE: k.DialRoute(nil), NETLINK_GENERIC: k.Dial(nil)}
		total := 0
		for i := range rc.reqs {
			r := &rc.reqs[i]
			c := conns[uint16(r.key[0])<<8|uint16(r.key[1])]
			if c == nil {
				continue
			}
			if err := c.Send([]byte(r.key[2:])); err != nil {
				t.Fatalf("recorded request %d (record %d): %v", i, r.record, err)
			}
			for j := 0; c.Pending() > 0; j++ {
				n, err := c.Receive(buf)
				if err != nil {
					t.Fatal(err)
				}
				if j >= len(r.replies) || n != len(r.replies[j].b) {
					t.Fatalf("recorded request %d: reply %d of %d bytes; %d replies recorded", i, j, n, len(r.replies))
				}
				total += n
			}
		}
		if total > len(data) {
			t.Fatalf("%d bytes of replies from a capture of %d", total, len(data))
		}
		for _, rec := range k.Unreplayed() {
			for _, r := range rc.reqs {
				if r.record == rec && conns[uint16(r.key[0])<<8|uint16(r.key[1])] != nil {
					t.Fatalf("record %d not replayed", rec)
				}
			}
		}
	})
}

// replayAll replays every recorded request of NETLINK_ROUTE of a
// capture and returns the bytes answered.
func replayAll(tb testing.TB, data []byte) int {
	k, err := Replay(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	c := k.DialRoute(nil)
	buf := make([]byte, capture.SnapLen)
	total := 0
	for i := range k.replay.reqs {
		if err := c.Send([]byte(k.replay.reqs[i].key[2:])); err != nil {
			tb.Fatal(err)
		}
		for c.Pending() > 0 {
			n, err := c.Receive(buf)
			if err != nil {
				tb.Fatal(err)
			}
			total += n
		}
	}
	return total
}

// costShapes are captures of about n bytes that would cost more than
// linear time or memory in a careless replay.
var costShapes = map[string]func(tb testing.TB, n int) []byte{
	// One request of many messages, answered by datagrams of as many
	// NLMSG_ERRORs, each echoing one of them.
	"batch": func(tb testing.TB, n int) []byte {
		const k = 2048
		var req, rep []byte
		for i := range k {
			m := rtMsgLE(16, wire.Request|wire.Ack, uint32(i+1), 0)
			req = append(req, m...)
			e := append(rtMsgLE(wire.TypeError, 0x100, uint32(i+1), 5, 0, 0, 0, 0), m...)
			e[0] = byte(len(e))
			rep = append(rep, e...)
		}
		recs := []capture.Record{{PktType: capture.PacketOutgoing, Data: req}}
		for size := len(req); size < n; size += len(rep) {
			recs = append(recs, capture.Record{PktType: capture.PacketHost, Data: rep})
		}
		return pcapOf(tb, recs)
	},
	// Many identical requests, each answered.
	"identical": func(tb testing.TB, n int) []byte {
		var recs []capture.Record
		for size := 0; size < n; size += 2 * (16 + 20) {
			recs = append(recs,
				capture.Record{PktType: capture.PacketOutgoing, Data: rtMsgLE(18, wire.Request, 1, 0, 0, 0, 0, 0)},
				capture.Record{PktType: capture.PacketHost, Data: rtMsgLE(16, 0, 1, 9, 1, 2, 3, 4)})
		}
		return pcapOf(tb, recs)
	},
	// Many distinct requests of one sequence number, each answered,
	// and replies of other port IDs left out.
	"distinct": func(tb testing.TB, n int) []byte {
		var recs []capture.Record
		for i := 0; i*3*(16+20) < n; i++ {
			recs = append(recs,
				capture.Record{PktType: capture.PacketOutgoing, Data: rtMsgLE(18, wire.Request, 1, 0, byte(i), byte(i>>8), byte(i>>16), 0)},
				capture.Record{PktType: capture.PacketHost, Data: rtMsgLE(16, 0, 1, 9, 1, 2, 3, 4)},
				capture.Record{PktType: capture.PacketHost, Data: rtMsgLE(16, 0, 1, 10, 1, 2, 3, 4)})
		}
		return pcapOf(tb, recs)
	},
}

// rtMsgLE is a little-endian NETLINK_ROUTE message.
func rtMsgLE(typ uint16, flags wire.Flags, seq, pid uint32, payload ...byte) []byte {
	h := wire.Header{Len: uint32(wire.HeaderLen + len(payload)), Type: typ, Flags: flags, Seq: seq, PID: pid}
	return append(h.Append(nil, nlwire.LittleEndian), payload...)
}

// pcapOf writes records (NETLINK_ROUTE) as pcap.
func pcapOf(tb testing.TB, recs []capture.Record) []byte {
	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf, capture.PCAP)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range recs {
		recs[i].Length = len(recs[i].Data)
		if err := w.Write(&recs[i]); err != nil {
			tb.Fatal(err)
		}
	}
	w.Flush()
	return buf.Bytes()
}

// TestReplayCost: reading a capture and replaying it costs memory and
// time per byte of the capture that do not grow with its size, whatever
// its shape.
func TestReplayCost(t *testing.T) {
	if testing.Short() {
		t.Skip("replays several MiB")
	}
	for name, gen := range costShapes {
		t.Run(name, func(t *testing.T) {
			small, large := gen(t, 128<<10), gen(t, 2<<20)
			perByte := func(data []byte) (float64, int) {
				var m0, m1 runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&m0)
				n := replayAll(t, data)
				runtime.ReadMemStats(&m1)
				return float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(data)), n
			}
			s, ns := perByte(small)
			l, nl := perByte(large)
			t.Logf("%.1f bytes allocated per byte at %d bytes (%d replayed), %.1f at %d (%d replayed)", s, len(small), ns, l, len(large), nl)
			if nl == 0 || nl > len(large) {
				t.Errorf("%d bytes replayed from a capture of %d", nl, len(large))
			}
			if l > 2*s+8 {
				t.Errorf("allocation per byte grows from %.1f to %.1f", s, l)
			}
			// 16 times the input: a few times longer per byte on a busy
			// machine, not 16.
			linear := func(ts, tl float64) bool { return tl <= 4*ts }
			ts, tl := testenv.TimePerByte(func() { replayAll(t, small) }, len(small), func() { replayAll(t, large) }, len(large), linear)
			t.Logf("%.1f ns per byte at %d bytes, %.1f at %d", ts, len(small), tl, len(large))
			if !linear(ts, tl) {
				t.Errorf("time per byte grows from %.1f to %.1f ns", ts, tl)
			}
		})
	}
}
