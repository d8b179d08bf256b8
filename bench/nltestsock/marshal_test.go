package nltestsock

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire/nltest"
	"pgregory.net/rapid"
)

// SendMessages lays any messages out as the Linux socket sends them —
// the concatenation of their MarshalBinary — and refuses exactly those
// MarshalBinary refuses, naming the first refused message's offset.
func TestSendMessagesLayout(t *testing.T) {
	k := nltest.NewKernel()
	rapid.Check(t, func(t *rapid.T) {
		s := New(k.Dial(nil), nil)
		n := rapid.IntRange(1, 4).Draw(t, "n")
		msgs := make([]netlink.Message, n)
		var want []byte
		var wantErr *MessageError
		for i := range msgs {
			data := rapid.SliceOfN(rapid.Byte(), 0, 40).Draw(t, "data")
			l := uint32(16 + len(data))
			switch rapid.IntRange(0, 3).Draw(t, "length") {
			case 1:
				l = uint32(rapid.IntRange(0, 80).Draw(t, "any"))
			case 2:
				l = (l + 3) &^ 3
			}
			msgs[i] = netlink.Message{
				Header: netlink.Header{
					Length: l,
					// Not requests: the fake only walks them.
					Type:     netlink.HeaderType(rapid.Uint16().Draw(t, "type")),
					Flags:    netlink.HeaderFlags(rapid.Uint16().Draw(t, "flags")) &^ (netlink.Request | netlink.Acknowledge),
					Sequence: rapid.Uint32().Draw(t, "seq"),
					PID:      rapid.Uint32().Draw(t, "pid"),
				},
				Data: data,
			}
			b, err := msgs[i].MarshalBinary()
			if err != nil && wantErr == nil {
				wantErr = &MessageError{Op: "send", Offset: len(want), Len: l, Room: 16 + len(data)}
			}
			want = append(want, b...)
		}
		err := s.SendMessages(msgs)
		if wantErr != nil {
			var me *MessageError
			if !errors.As(err, &me) {
				t.Fatalf("SendMessages: %v, want %v", err, wantErr)
			}
			if diff := cmp.Diff(wantErr, me); diff != "" {
				t.Fatalf("error (-MarshalBinary +SendMessages):\n%s", diff)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, s.out); diff != "" {
			t.Fatalf("datagram (-MarshalBinary +SendMessages):\n%s", diff)
		}
	})
}
