//go:build linux

package nltest_test

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/wire"
)

// TestLiveReplay records real traffic with nlsock's Recorder, in pcap
// and pcapng, in a namespace made for the test (a link dump, an address
// added with NLM_F_ACK while the socket is in RTNLGRP_IPV4_IFADDR, a
// malformed request, nlctrl's family dump and an unknown family), then
// replays it: the replaying Kernel answers each request, sent with new
// sequence numbers, with what the kernel answered, the sequence numbers
// and port ID aside.
func TestLiveReplay(t *testing.T) {
	ns := liveNS(t, "nlwreplay")
	for _, format := range []capture.Format{capture.PCAP, capture.PCAPNG} {
		var file bytes.Buffer
		w, err := capture.NewWriter(&file, format)
		if err != nil {
			t.Fatal(err)
		}
		dial := func(proto int) *nlsock.Conn {
			c, err := nlsock.Dial(proto, &nlsock.Config{NetNS: ns, Recorder: capture.NewRecorder(w, proto)})
			if err != nil {
				testenv.Skip(t, "dial in the namespace: "+err.Error())
			}
			t.Cleanup(func() { c.Close() })
			return c
		}
		rt, gn := dial(nlsock.Route), dial(nlsock.Generic)
		if err := rt.JoinGroup(route.RTNLGRP_IPV4_IFADDR); err != nil {
			t.Fatal(err)
		}
		addr := addrNotification(3, 0)
		addr[wire.HeaderLen+1] = 32
		copy(addr[len(addr)-4:], []byte{10, 99, 0, byte(format) + 1})
		setFlags(addr, wire.Request|wire.Ack|wire.Create|wire.Excl)
		reqs := []struct {
			c   *nlsock.Conn
			req []byte
		}{
			{rt, rtMsg(route.RTM_GETLINK, wire.Request|wire.Dump, 1, 0, make([]byte, 16)...)},
			{rt, rtMsg(route.RTM_GETLINK, wire.Request|wire.Ack, 2, 0, 0, 0, 0, 0)}, // short ifinfomsg
			{rt, addr},
			{gn, request(genl.GENL_ID_CTRL, wire.Request|wire.Dump, genl.CTRL_CMD_GETFAMILY, nil)},
			{gn, request(genl.GENL_ID_CTRL, wire.Request|wire.Ack, genl.CTRL_CMD_GETFAMILY, func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, "nope") })},
		}
		var real [][]got
		for _, r := range reqs {
			if err := r.c.Send(r.req); err != nil {
				t.Fatal(err)
			}
			real = append(real, receiveUntilFinal(t, r.c))
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}

		k, err := nltest.Replay(bytes.NewReader(file.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		frt, fgn := k.DialRoute(nil), k.Dial(nil)
		for i, r := range reqs {
			c, realPort := frt, rt.PortID()
			if r.c == gn {
				c, realPort = fgn, gn.PortID()
			}
			req := append([]byte(nil), r.req...)
			seq := binary.NativeEndian.Uint32(req[8:]) + 1000
			putSeq(req, seq)
			if err := c.Send(req); err != nil {
				t.Fatalf("%v request %d: %v", format, i, err)
			}
			want := real[i]
			for j := range want {
				want[j].Group = 0 // a capture does not say
				d := want[j].Data
				for off := 0; off+wire.HeaderLen <= len(d); {
					h, _ := wire.ParseHeader(d[off:], nlwire.Native)
					if h.PID == realPort {
						putPID(d[off:], c.PortID())
					}
					if h.Seq == seq-1000 {
						putSeq(d[off:], seq)
					}
					if h.Type == wire.TypeError && h.Len >= wire.HeaderLen+4+wire.HeaderLen {
						putSeq(d[off+wire.HeaderLen+4:], seq)
					}
					off += wire.Align(int(h.Len))
				}
			}
			if diff := cmp.Diff(want, drain(t, c)); diff != "" {
				t.Errorf("%v request %d: kernel (-) and replay (+) differ:\n%s", format, i, diff)
			}
		}
		if left := k.Unreplayed(); len(left) != 0 {
			t.Errorf("%v: records %v not replayed", format, left)
		}
	}
}

func setFlags(msg []byte, f wire.Flags) { binary.NativeEndian.PutUint16(msg[6:], uint16(f)) }
func putSeq(msg []byte, seq uint32)     { binary.NativeEndian.PutUint32(msg[8:], seq) }
func putPID(msg []byte, pid uint32)     { binary.NativeEndian.PutUint32(msg[12:], pid) }

// receiveUntilFinal returns the datagrams c receives up to the one with
// NLMSG_DONE or NLMSG_ERROR.
func receiveUntilFinal(t *testing.T, c *nlsock.Conn) []got {
	t.Helper()
	var out []got
	for {
		ds := receiveLive(t, c, 1)
		if len(ds) == 0 {
			t.Fatal("no final message within two seconds")
		}
		out = append(out, ds[0])
		final := false
		for off, d := 0, ds[0].Data; off+wire.HeaderLen <= len(d); {
			h, _ := wire.ParseHeader(d[off:], nlwire.Native)
			final = final || h.Type == wire.TypeDone || h.Type == wire.TypeError
			if h.Len < wire.HeaderLen {
				break
			}
			off += wire.Align(int(h.Len))
		}
		if final {
			return out
		}
	}
}
