package nltest_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// msgView is what TestReplayCaptures compares of a reply message: its
// header, the header an NLMSG_ERROR echoes, and the bytes after them.
type msgView struct {
	Type, Flags      uint16
	Len, Seq, PID    uint32
	EchoSeq, EchoPID uint32
	Body             []byte
}

// views splits a datagram of byte order swap (relative to the host)
// into messages.
func views(d []byte, swap bool) []msgView {
	var out []msgView
	for len(d) >= wire.HeaderLen {
		n := endian.Uint32(d, swap)
		if n < wire.HeaderLen || int(n) > len(d) {
			break
		}
		v := msgView{
			Len: n, Type: endian.Uint16(d[4:], swap), Flags: endian.Uint16(d[6:], swap),
			Seq: endian.Uint32(d[8:], swap), PID: endian.Uint32(d[12:], swap),
		}
		body := d[wire.HeaderLen:n]
		if v.Type == wire.TypeError && len(body) >= 4+wire.HeaderLen {
			v.EchoSeq, v.EchoPID = endian.Uint32(body[4+8:], swap), endian.Uint32(body[4+12:], swap)
			body = append(append(body[:4+8:4+8], make([]byte, 8)...), body[4+16:]...)
		}
		v.Body = body
		out = append(out, v)
		d = d[min(wire.Align(int(n)), len(d)):]
	}
	return out
}

// exchange is a request of a capture and the replies after it.
type exchange struct {
	proto   uint16
	req     []byte
	replies [][]byte
}

// sequential reads a capture in which every request is followed by its
// replies before the next request (as the committed captures are):
// requests are the outgoing records, the replies the records up to the
// next request. It is simpler than Replay's rule, which it checks.
func sequential(t *testing.T, path string) ([]exchange, bool) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := capture.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []exchange
	swap := false
	for r.Next() {
		rec := r.Record()
		swap = r.Order(rec.Data) != nlwire.Host()
		d := append([]byte(nil), rec.Data...)
		if rec.PktType == capture.PacketOutgoing {
			out = append(out, exchange{proto: rec.Protocol, req: d})
		} else if len(out) > 0 {
			out[len(out)-1].replies = append(out[len(out)-1].replies, d)
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	return out, swap
}

// TestReplayCaptures replays every request of the committed captures
// with new sequence numbers and compares the answers with the recorded
// replies: the same messages, with the new sequence number in place of
// the recorded one and the socket's port ID in place of the recording
// socket's, also in the headers NLMSG_ERROR echoes.
func TestReplayCaptures(t *testing.T) {
	for _, name := range []string{"genl-ctrl.pcapng", "route-dumps.pcap", "route-errors.pcap", "tools-route.pcap", "route-notify.pcap"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "testdata", name)
			exs, swap := sequential(t, path)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			k, err := nltest.Replay(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			conns := map[uint16]*nltest.Conn{nltest.NETLINK_ROUTE: k.DialRoute(nil), nltest.NETLINK_GENERIC: k.Dial(nil)}
			replies := 0
			for i, ex := range exs {
				c := conns[ex.proto]
				if c == nil {
					continue
				}
				old := views(ex.req, swap)
				req := append([]byte(nil), ex.req...)
				const newSeq = 0xabc00
				for off := 0; off < len(req); {
					n := int(endian.Uint32(req[off:], swap))
					if n < wire.HeaderLen {
						break
					}
					endian.PutUint32(req[off+8:], newSeq+uint32(off), swap)
					off += wire.Align(n)
				}
				if err := c.Send(req); err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				var want, got [][]msgView
				for _, rep := range ex.replies {
					vs := views(rep, swap)
					for j := range vs {
						v := &vs[j]
						if v.Seq == old[0].Seq {
							v.Seq = newSeq
						}
						if v.EchoSeq == old[0].Seq && v.Type == wire.TypeError {
							v.EchoSeq, v.EchoPID = newSeq, old[0].PID
						}
						v.PID = c.PortID()
					}
					want = append(want, vs)
				}
				for _, d := range drain(t, c) {
					got = append(got, views(d.Data, swap))
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("request %d (%d bytes): recorded (-) and replayed (+) replies differ:\n%s", i, len(req), diff)
				}
				replies += len(got)
			}
			if left := k.Unreplayed(); len(left) != 0 {
				t.Errorf("requests of records %v not replayed", left)
			}
			t.Logf("%d requests, %d reply datagrams", len(exs), replies)
		})
	}
}

// writeCapture writes records (out: a request) as pcap, marking
// direction only in sll_pkttype, as nlmon does not, when nlmon is set:
// every record PACKET_OUTGOING.
func writeCapture(t testing.TB, nlmon bool, recs ...capture.Record) []byte {
	var buf bytes.Buffer
	w, err := capture.NewWriter(&buf, capture.PCAP)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if nlmon {
			r.PktType = capture.PacketOutgoing
		}
		r.Time = time.Unix(1, 0)
		r.Length = len(r.Data)
		if err := w.Write(&r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rtMsg is a NETLINK_ROUTE message of the host's byte order.
func rtMsg(typ uint16, flags wire.Flags, seq, pid uint32, payload ...byte) []byte {
	return append(wire.Header{Len: uint32(wire.HeaderLen + len(payload)), Type: typ, Flags: flags, Seq: seq, PID: pid}.Append(nil, nlwire.Native), payload...)
}

func out(b []byte) capture.Record {
	return capture.Record{Protocol: nltest.NETLINK_ROUTE, PktType: capture.PacketOutgoing, Data: b}
}

func in(b []byte) capture.Record {
	return capture.Record{Protocol: nltest.NETLINK_ROUTE, PktType: capture.PacketHost, Data: b}
}

// TestReplayRules: identical requests are answered in order, then
// refused; replies of two sockets interleaved are told apart by
// sequence number and port ID; notifications are left out; the error
// names the closest recorded request; an nlmon capture (every record
// PACKET_OUTGOING) is told apart by NLM_F_REQUEST.
func TestReplayRules(t *testing.T) {
	const get = 18 // RTM_GETLINK
	reqA := rtMsg(get, wire.Request|wire.Dump, 1, 0, 0, 0, 0, 0)
	reqB := rtMsg(get, wire.Request, 7, 0, 1, 0, 0, 0)
	recs := []capture.Record{
		out(reqA),
		out(reqB),
		in(rtMsg(16, wire.Multi, 1, 500, 1)), // A's dump, part 1
		in(rtMsg(16, 0, 7, 600, 2)),          // B's reply
		in(rtMsg(16, 0, 0, 0, 9)),            // a notification
		in(rtMsg(16, wire.Multi, 1, 700, 3)), // another socket's seq 1: not A's
		in(rtMsg(wire.TypeDone, wire.Multi, 1, 500, 0, 0, 0, 0)),
		out(rtMsg(get, wire.Request|wire.Dump, 2, 0, 0, 0, 0, 0)), // A again
		in(rtMsg(16, wire.Multi, 2, 500, 4)),
	}
	for _, nlmon := range []bool{false, true} {
		k, err := nltest.Replay(bytes.NewReader(writeCapture(t, nlmon, recs...)))
		if err != nil {
			t.Fatal(err)
		}
		c := k.DialRoute(nil)
		p := c.PortID()
		ask := func(req []byte) ([]got, error) {
			err := c.Send(req)
			return drain(t, c), err
		}
		g, err := ask(rtMsg(get, wire.Request|wire.Dump, 50, 0, 0, 0, 0, 0))
		want := []got{{rtMsg(16, wire.Multi, 50, p, 1), 0}, {rtMsg(wire.TypeDone, wire.Multi, 50, p, 0, 0, 0, 0), 0}}
		if diff := cmp.Diff(want, g); err != nil || diff != "" {
			t.Errorf("nlmon %v: first dump: %v (-want +got):\n%s", nlmon, err, diff)
		}
		g, err = ask(rtMsg(get, wire.Request|wire.Dump, 51, 0, 0, 0, 0, 0))
		want = []got{{rtMsg(16, wire.Multi, 51, p, 4), 0}}
		if diff := cmp.Diff(want, g); err != nil || diff != "" {
			t.Errorf("nlmon %v: second dump: %v (-want +got):\n%s", nlmon, err, diff)
		}
		g, err = ask(rtMsg(get, wire.Request|wire.Dump, 52, 0, 0, 0, 0, 0))
		var ue *nltest.UnmatchedError
		if !errors.As(err, &ue) || ue.Answered != 2 || len(g) != 0 {
			t.Errorf("nlmon %v: third dump: %v, %d datagrams; want an UnmatchedError with Answered 2", nlmon, err, len(g))
		}
		g, err = ask(rtMsg(get, wire.Request, 3, 9, 1, 0, 0, 0))
		want = []got{{rtMsg(16, 0, 3, p, 2), 0}}
		if diff := cmp.Diff(want, g); err != nil || diff != "" {
			t.Errorf("nlmon %v: do: %v (-want +got):\n%s", nlmon, err, diff)
		}
		// Differs from reqB at its payload's second byte (offset 17).
		err = c.Send(rtMsg(get, wire.Request, 3, 9, 1, 1, 0, 0))
		wantErr := &nltest.UnmatchedError{Protocol: nltest.NETLINK_ROUTE, Type: get, Len: 20, Nearest: 1, Offset: 17}
		if !errors.As(err, &ue) || *ue != *wantErr {
			t.Errorf("nlmon %v: unknown request: %v, want %v", nlmon, err, wantErr)
		}
		if err := k.Dial(nil).Send(reqA); !errors.As(err, &ue) || ue.Nearest != -1 || ue.Protocol != nltest.NETLINK_GENERIC {
			t.Errorf("nlmon %v: a NETLINK_GENERIC request: %v, want an UnmatchedError with Nearest -1", nlmon, err)
		}
		if left := k.Unreplayed(); len(left) != 0 {
			t.Errorf("nlmon %v: records %v left", nlmon, left)
		}
	}
}

// TestReplayErrorEcho: an NLMSG_ERROR echoes the new request, with its
// own sequence number and port ID field, and multi-message datagrams
// map each message's sequence number.
func TestReplayErrorEcho(t *testing.T) {
	r1 := rtMsg(16, wire.Request|wire.Ack, 10, 0, 1, 2, 3, 4)
	r2 := rtMsg(16, wire.Request|wire.Ack, 11, 0, 5, 6, 7, 8)
	errFor := func(req []byte, seq, pid uint32) []byte {
		return append(rtMsg(wire.TypeError, 0x100, seq, pid, 0, 0, 0, 0), req[:wire.HeaderLen]...)
	}
	fix := func(b []byte) []byte { endian.PutUint32(b, uint32(len(b)), false); return b }
	recs := []capture.Record{out(append(append([]byte(nil), r1...), r2...)), in(append(fix(errFor(r1, 10, 77)), fix(errFor(r2, 11, 77))...))}
	k, err := nltest.Replay(bytes.NewReader(writeCapture(t, false, recs...)))
	if err != nil {
		t.Fatal(err)
	}
	c := k.DialRoute(&nltest.Config{PortID: 4242})
	n1 := rtMsg(16, wire.Request|wire.Ack, 100, 5, 1, 2, 3, 4)
	n2 := rtMsg(16, wire.Request|wire.Ack, 200, 6, 5, 6, 7, 8)
	if err := c.Send(append(append([]byte(nil), n1...), n2...)); err != nil {
		t.Fatal(err)
	}
	want := []got{{append(fix(errFor(n1, 100, 4242)), fix(errFor(n2, 200, 4242))...), 0}}
	if diff := cmp.Diff(want, drain(t, c)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReplayBadCaptures: Replay refuses what it cannot replay whole.
func TestReplayBadCaptures(t *testing.T) {
	good := writeCapture(t, false, out(rtMsg(18, wire.Request, 1, 0)))
	var cut bytes.Buffer
	w, _ := capture.NewWriter(&cut, capture.PCAP)
	w.Write(&capture.Record{Protocol: 0, PktType: capture.PacketOutgoing, Data: rtMsg(18, wire.Request, 1, 0), Length: 40})
	w.Flush()
	var ce *nltest.CutRecordError
	if _, err := nltest.Replay(bytes.NewReader(cut.Bytes())); !errors.As(err, &ce) || *ce != (nltest.CutRecordError{Record: 0, Len: 16, Length: 40}) {
		t.Errorf("a cut record: %v", err)
	}
	var re *capture.RecordError
	if _, err := nltest.Replay(bytes.NewReader(good[:len(good)-3])); !errors.As(err, &re) {
		t.Errorf("a capture ending inside a record: %v, want a *capture.RecordError", err)
	}
	if _, err := nltest.Replay(bytes.NewReader([]byte("not a capture"))); err == nil {
		t.Error("not a capture: no error")
	}
}

// TestReplayAllocs: answering a recorded request allocates nothing once
// the socket's buffers have grown.
func TestReplayAllocs(t *testing.T) {
	req := rtMsg(18, wire.Request, 1, 0, 0, 0, 0, 0)
	recs := make([]capture.Record, 0, 400)
	for range 200 {
		recs = append(recs, out(req), in(rtMsg(16, 0, 1, 9, 1, 2, 3, 4)))
	}
	k, err := nltest.Replay(bytes.NewReader(writeCapture(t, false, recs...)))
	if err != nil {
		t.Fatal(err)
	}
	c := k.DialRoute(nil)
	buf := make([]byte, 512)
	allocs := testing.AllocsPerRun(100, func() {
		if err := c.Send(req); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Receive(buf); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("%.1f allocations per replayed request", allocs)
	}
}
