package bench

import (
	"bytes"
	"encoding/binary"
	"testing"

	mdl "github.com/mdlayher/netlink"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/capturetest"
	"github.com/nlwire/nlwire/wire"
)

// kmsg is one message as a walk saw it: its offset, header and payload.
type kmsg struct {
	off        int
	typ, flags uint16
	seq, pid   uint32
	payload    []byte
}

func sameMsgs(a, b []kmsg) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].off != b[i].off || a[i].typ != b[i].typ || a[i].flags != b[i].flags || a[i].seq != b[i].seq ||
			a[i].pid != b[i].pid || !bytes.Equal(a[i].payload, b[i].payload) {
			return false
		}
	}
	return true
}

// kernelMsgWalk is a direct transcription of the kernel's message loop
// (include/net/netlink.h; netlink_rcv_skb walks a request the same way),
// on little-endian bytes:
//
//	static inline int nlmsg_ok(const struct nlmsghdr *nlh, int remaining)
//	{
//		return (remaining >= (int) sizeof(struct nlmsghdr) &&
//			nlh->nlmsg_len >= sizeof(struct nlmsghdr) &&
//			nlh->nlmsg_len <= remaining);
//	}
//
//	static inline struct nlmsghdr *nlmsg_next(const struct nlmsghdr *nlh, int *remaining)
//	{
//		int totlen = NLMSG_ALIGN(nlh->nlmsg_len);
//		*remaining -= totlen;
//		return (struct nlmsghdr *) ((unsigned char *) nlh + totlen);
//	}
//
// It returns the messages and the bytes left over (none when the last
// message's padding ran past the end).
func kernelMsgWalk(b []byte) (msgs []kmsg, leftover int) {
	le := binary.LittleEndian
	rem, pos := len(b), 0
	for rem >= 16 {
		l := int(le.Uint32(b[pos:]))
		if l < 16 || l > rem {
			break
		}
		h := b[pos:]
		msgs = append(msgs, kmsg{pos, le.Uint16(h[4:]), le.Uint16(h[6:]), le.Uint32(h[8:]), le.Uint32(h[12:]), b[pos+16 : pos+l]})
		tot := (l + 3) &^ 3
		rem -= tot
		pos += tot
	}
	return msgs, max(rem, 0)
}

// nlwireMsgWalk walks b with wire.Reader, lenient and little-endian.
func nlwireMsgWalk(b []byte) (msgs []kmsg, leftover int) {
	r := wire.NewReader(b).WithOrder(nlwire.LittleEndian).Lenient()
	for r.Next() {
		h := r.Header()
		msgs = append(msgs, kmsg{r.Offset(), h.Type, uint16(h.Flags), h.Seq, h.PID, r.Payload()})
	}
	return msgs, r.Leftover()
}

// mdlayherMsgWalk splits b as mdlayher's Conn.Receive does: a
// transcription of its unexported parseMessagesIter (message.go, v1.11.2)
// around the exported (*Message).UnmarshalBinary.
func mdlayherMsgWalk(b []byte) (msgs []kmsg, err error) {
	for off := 0; len(b) >= 16; {
		length := int(nlNative.Uint32(b))
		if length < 16 {
			return msgs, errLen // errIncorrectMessageLength
		}
		alength := (length + 3) &^ 3
		if alength > len(b) {
			return msgs, errLen // errShortMessage
		}
		var m mdl.Message
		if err := m.UnmarshalBinary(b[:alength]); err != nil {
			return msgs, err
		}
		msgs = append(msgs, kmsg{off, uint16(m.Header.Type), uint16(m.Header.Flags), m.Header.Sequence, m.Header.PID, m.Data})
		b = b[alength:]
		off += alength
	}
	return msgs, nil
}

// FuzzMessageWalk splits any bytes into messages with nlwire and with
// mdlayher/netlink and checks them against the kernel's loop.
//
// nlwire's lenient Reader must always match the kernel: the same headers
// and payloads, the same bytes left over; its strict Reader sees the same
// messages and fails exactly where the kernel stops at a malformed header
// (nlmsg_len below 16 or past the end). mdlayher must match the kernel
// wherever the kernel takes every message; where it does not, mdlayher
// differs as its message.go is written (v1.11.2):
//
//   - nlmsg_len below 16 or past the end is an error, where the kernel
//     stops silently;
//   - a last message whose padding would run past the end (nlmsg_len
//     fits, NLMSG_ALIGN(nlmsg_len) does not) is refused with an error,
//     where the kernel takes it;
//   - 1 to 15 trailing bytes are ignored, as the kernel ignores them.
func FuzzMessageWalk(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0x12, 0, 0, 0, 0x10, 0, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 'h', 'i'}) // an unpadded last message
	for _, dg := range capturetest.Datagrams(f, "../testdata/*.pcap*") {
		f.Add(dg.Data)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		k, kleft := kernelMsgWalk(b)
		n, nleft := nlwireMsgWalk(b)
		if !sameMsgs(k, n) || kleft != nleft {
			t.Fatalf("nlwire split %d messages leaving %d, the kernel %d leaving %d", len(n), nleft, len(k), kleft)
		}
		pos := len(b) - kleft
		badHeader := kleft >= 16 // the kernel stopped at a header it refused
		sr := wire.NewReader(b).WithOrder(nlwire.LittleEndian)
		i := 0
		for sr.Next() {
			h := sr.Header()
			if i >= len(k) || h.Type != k[i].typ || !bytes.Equal(sr.Payload(), k[i].payload) {
				t.Fatalf("strict reader differs at message %d", i)
			}
			i++
		}
		if i != len(k) || (sr.Err() != nil) != badHeader {
			t.Fatalf("strict reader saw %d of %d messages, err %v, kernel stopped at %d with %d left", i, len(k), sr.Err(), pos, kleft)
		}

		m, err := mdlayherMsgWalk(b)
		switch {
		case err == nil:
			if !sameMsgs(k, m) || badHeader {
				t.Fatalf("mdlayher split %d messages cleanly, the kernel %d leaving %d", len(m), len(k), kleft)
			}
		case len(m) == len(k):
			if !badHeader || !sameMsgs(k, m) {
				t.Fatalf("mdlayher failed (%v) where the kernel stopped cleanly at %d", err, pos)
			}
		case len(m) == len(k)-1:
			// The kernel's last message must be one whose padding runs
			// past the end.
			last := k[len(k)-1]
			l := 16 + len(last.payload)
			if !sameMsgs(k[:len(m)], m) || last.off+((l+3)&^3) <= len(b) {
				t.Fatalf("mdlayher refused (%v) a message the kernel took, not an unpadded last one", err)
			}
		default:
			t.Fatalf("mdlayher split %d messages (%v), the kernel %d", len(m), err, len(k))
		}
	})
}
