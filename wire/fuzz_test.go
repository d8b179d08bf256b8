package wire

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
)

// FuzzReader walks any bytes in both modes and checks the walk against the
// kernel's loop, every view against the buffer, and every message's
// attributes and acknowledgements for panics.
func FuzzReader(f *testing.F) {
	for _, name := range []string{"dump_getlink.hex", "err_mtu_short.hex", "ack_ok.hex"} {
		f.Add(loadRecording(f, name).datagrams[0])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want, wantLeft := kernelWalk(b)
		for _, lenient := range []bool{false, true} {
			r := NewReader(b).WithOrder(nlwire.LittleEndian)
			if lenient {
				r = r.Lenient()
			}
			var got []walked
			for r.Next() {
				h := r.Header()
				if end := r.Offset() + int(h.Len); end > len(b) || r.Offset()%4 != 0 {
					t.Fatalf("message at %d with length %d in %d bytes", r.Offset(), h.Len, len(b))
				}
				got = append(got, walked{r.Offset(), h.Len, h.Type, h.Seq})
				d := r.Attrs(0)
				for d.Next() {
					if d.Offset() < HeaderLen || d.Offset()+4+d.Len() > int(h.Len) {
						t.Fatalf("attribute at %d, length %d, in a %d-byte message", d.Offset(), d.Len(), h.Len)
					}
				}
				if e, err := ParseError(r.Message(), nlwire.LittleEndian); err == nil {
					checkViews(t, r.Message(), e.Request, e.Msg, e.Cookie, e.Policy)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" || r.Leftover() != wantLeft {
				t.Fatalf("walk differs from the kernel's (lenient %v):\n%s", lenient, diff)
			}
			if lenient && r.Err() != nil {
				t.Fatalf("lenient reader reported %v", r.Err())
			}
		}
	})
}

// FuzzParseError parses any message as an acknowledgement and, when it
// parses, rebuilds it and parses it again.
func FuzzParseError(f *testing.F) {
	for _, name := range []string{"err_mtu_short.hex", "err_mtu_short_capped.hex", "err_unknown_kind.hex", "ack_ok.hex"} {
		f.Add(loadRecording(f, name).datagrams[0])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := ParseError(b, nlwire.LittleEndian)
		if err != nil || e.Type != TypeError || len(e.Request) < HeaderLen {
			return
		}
		checkViews(t, b, e.Request, e.Msg, e.Cookie, e.Policy)
		if bytes.IndexByte(e.Msg, 0) >= 0 || e.Errno < 0 {
			return // a NUL inside MSG or a positive errno does not survive a rebuild
		}
		opt := AckOptions{Order: nlwire.LittleEndian, CapAck: e.Flags&Capped != 0}
		req := e.Request
		if e.Flags&Capped != 0 {
			// The echo is only a header: rebuild from a request of the
			// length it names, so that offsets into it stay valid.
			if e.Header.Len < HeaderLen || e.Header.Len > 1<<16 {
				return
			}
			req = append(bytes.Clone(e.Request[:HeaderLen]), make([]byte, e.Header.Len-HeaderLen)...)
		}
		// OFFS and MISS_NEST outside the request's payload are not sent
		// (nlmsg_check_in_payload).
		in := func(off uint32) uint32 {
			if off >= HeaderLen && off < e.Header.Len {
				return off
			}
			return 0
		}
		out, err := AppendError(nil, req, &e, opt)
		if err != nil {
			return
		}
		e2, err := ParseError(out, nlwire.LittleEndian)
		if err != nil {
			t.Fatalf("rebuilt message does not parse: %v", err)
		}
		if e2.Errno != e.Errno || !bytes.Equal(e2.Msg, e.Msg) || !bytes.Equal(e2.Cookie, e.Cookie) ||
			(e.Errno != 0 && (e2.Offset != in(e.Offset) || e2.MissType != e.MissType || e2.MissNest != in(e.MissNest) || !bytes.Equal(e2.Policy, e.Policy))) {
			t.Fatalf("rebuild changed the error:\n%+v\n%+v", e, e2)
		}
	})
}

// checkViews fails unless every view lies inside buf.
func checkViews(t *testing.T, buf []byte, views ...[]byte) {
	t.Helper()
	for _, v := range views {
		if len(v) == 0 {
			continue
		}
		found := false
		for i := 0; i+len(v) <= len(buf); i++ {
			if &buf[i] == &v[0] {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("a view of %d bytes lies outside the %d-byte message", len(v), len(buf))
		}
	}
}
