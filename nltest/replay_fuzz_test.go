package nltest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
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
