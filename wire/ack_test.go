package wire

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"pgregory.net/rapid"
)

// le is the byte order of the recordings in testdata.
const le = nlwire.LittleEndian

// mtuPolicy is the NLMSGERR_ATTR_POLICY payload the kernel sent for IFLA_MTU:
// MIN_VALUE_U 0, MAX_VALUE_U 0xffffffff, TYPE NL_ATTR_TYPE_U32 (4).
var mtuPolicy = []byte{
	0x0c, 0x00, 0x04, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
	0x0c, 0x00, 0x05, 0x00, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0,
	0x08, 0x00, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
}

func TestKernelErrors(t *testing.T) {
	policyMsg := []byte("Attribute failed policy validation")
	tests := []struct {
		file string
		opt  AckOptions
		want Error
	}{
		{
			// DESIGN.md's example: IFLA_MTU with a 2-byte payload.
			file: "err_mtu_short.hex",
			opt:  AckOptions{},
			want: Error{Type: TypeError, Flags: AckTLVs, Errno: nlwire.ERANGE,
				Msg: policyMsg, Offset: 32, Policy: mtuPolicy},
		},
		{
			file: "err_mtu_short_capped.hex",
			opt:  AckOptions{CapAck: true},
			want: Error{Type: TypeError, Flags: Capped | AckTLVs, Errno: nlwire.ERANGE,
				Msg: policyMsg, Offset: 32, Policy: mtuPolicy},
		},
		{
			file: "err_unknown_kind.hex",
			opt:  AckOptions{},
			want: Error{Type: TypeError, Flags: AckTLVs, Errno: nlwire.EOPNOTSUPP, Msg: []byte("Unknown device type")},
		},
		{
			file: "ack_ok.hex",
			opt:  AckOptions{},
			want: Error{Type: TypeError, Flags: Capped},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rec := loadRecording(t, tt.file)
			r := NewReader(rec.datagrams[0]).WithOrder(le)
			if !r.Next() {
				t.Fatalf("no message: %v", r.Err())
			}
			got, err := ParseError(r.Message(), le)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Request = rec.request
			if tt.want.Flags&Capped != 0 {
				tt.want.Request = rec.request[:HeaderLen]
			}
			tt.want.Header, _ = ParseHeader(rec.request, le)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseError mismatch (-want +got):\n%s", diff)
			}
			if r.Next() || r.Err() != nil || r.Leftover() != 0 {
				t.Errorf("datagram holds more than one message (err %v, leftover %d)", r.Err(), r.Leftover())
			}

			// Building the same answer reproduces the kernel's bytes.
			opt := tt.opt
			opt.Order = le
			opt.PortID = r.Header().PID
			built, err := AppendError(nil, rec.request, &got, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(built, rec.datagrams[0]) {
				t.Errorf("AppendError:\n got % x\nwant % x", built, rec.datagrams[0])
			}
		})
	}
}

func TestKernelErrorIs(t *testing.T) {
	rec := loadRecording(t, "err_mtu_short.hex")
	e, err := ParseError(rec.datagrams[0], le)
	if err != nil {
		t.Fatal(err)
	}
	var asErr error = &e
	if !errors.Is(asErr, nlwire.ERANGE) || errors.Is(asErr, nlwire.EINVAL) {
		t.Errorf("errors.Is on %v: want ERANGE only", asErr)
	}
	var target *Error
	if !errors.As(asErr, &target) || target.Offset != 32 {
		t.Errorf("errors.As: %+v", target)
	}
	const want = "wire: netlink error: Numerical result out of range: Attribute failed policy validation (offset 32)"
	if got := asErr.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestKernelDumpDone(t *testing.T) {
	for _, file := range []string{"dump_getlink.hex", "dump_getaddr.hex"} {
		rec := loadRecording(t, file)
		last := rec.datagrams[len(rec.datagrams)-1]
		var done []byte
		n := 0
		for _, dg := range rec.datagrams {
			r := NewReader(dg).WithOrder(le)
			for r.Next() {
				n++
				if r.Header().Flags&Multi == 0 {
					t.Errorf("%s: message %d without NLM_F_MULTI", file, n)
				}
				if r.Header().Type == TypeDone {
					done = r.Message()
				}
			}
			if r.Err() != nil || r.Leftover() != 0 {
				t.Errorf("%s: Err %v, Leftover %d", file, r.Err(), r.Leftover())
			}
		}
		if done == nil || !bytes.Equal(done, last[len(last)-len(done):]) {
			t.Fatalf("%s: no NLMSG_DONE at the end", file)
		}
		e, err := ParseError(done, le)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(Error{Type: TypeDone, Flags: Multi}, e); diff != "" {
			t.Errorf("%s: done mismatch (-want +got):\n%s", file, diff)
		}
		h, _ := ParseHeader(done, le)
		built, err := AppendDone(nil, rec.request, 0, &Error{}, AckOptions{Order: le, PortID: h.PID})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(built, done) {
			t.Errorf("%s: AppendDone:\n got % x\nwant % x", file, built, done)
		}
	}
}

func TestParseErrorMalformed(t *testing.T) {
	good := loadRecording(t, "err_mtu_short.hex").datagrams[0]
	setLen := func(b []byte, off int, n uint32) []byte {
		c := bytes.Clone(b)
		le32(c[off:], n)
		return c
	}
	badTLV := bytes.Clone(good)
	le16(badTLV[len(good)-36:], 3) // the POLICY attribute's nla_len: below its header
	tests := []struct {
		name string
		in   []byte
		off  int
		err  error
	}{
		{"short header", good[:10], 0, ErrTruncated},
		{"nlmsg_len below header", setLen(good, 0, 8), 0, ErrBadLength},
		{"nlmsg_len past buffer", good[:100], 0, ErrTruncated},
		{"no echoed header", setLen(good[:30], 0, 30), 30, ErrTruncated},
		{"echoed length past message", setLen(good, 20, 200), 20, ErrTruncated},
		{"echoed length below header", setLen(good, 20, 3), 20, ErrBadLength},
		{"not an error", setLen(append([]byte(nil), msgLE(20, 0x10, 1, make([]byte, 4))...), 0, 20), 4, ErrNotError},
		{"done without errno", msgLE(18, TypeDone, 1, []byte{0, 0})[:18], 16, ErrTruncated},
		{"bad extended ACK attribute", badTLV, 108, attr.ErrBadLength},
	}
	for _, tt := range tests {
		_, err := ParseError(tt.in, le)
		var fe *FormatError
		if !errors.As(err, &fe) || fe.Offset != tt.off || !errors.Is(err, tt.err) {
			t.Errorf("%s: ParseError = %v, want %v at offset %d", tt.name, err, tt.err, tt.off)
		}
	}
}

func le32(b []byte, v uint32) { b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24) }
func le16(b []byte, v uint16) { b[0], b[1] = byte(v), byte(v>>8) }

// TestAckRoundTrip builds acknowledgements for random requests and reads
// them back, in both byte orders.
func TestAckRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := rapid.SampledFrom([]nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian}).Draw(t, "order")
		body := rapid.SliceOfN(rapid.Byte(), 0, 64).Draw(t, "body")
		req := Header{Len: uint32(HeaderLen + len(body)), Type: 0x10, Flags: Request | Ack,
			Seq: rapid.Uint32().Draw(t, "seq"), PID: rapid.Uint32().Draw(t, "pid")}.Append(nil, o)
		req = append(req, body...)
		opt := AckOptions{Order: o, PortID: rapid.Uint32().Draw(t, "port"), CapAck: rapid.Bool().Draw(t, "cap"), NoExtAck: rapid.Bool().Draw(t, "noext")}
		in := Error{Errno: nlwire.Errno(rapid.Int32Range(0, 133).Draw(t, "errno"))}
		if rapid.Bool().Draw(t, "msg") {
			in.Msg = []byte(rapid.StringMatching(`[a-zA-Z ]{0,40}`).Draw(t, "text"))
		}
		if rapid.Bool().Draw(t, "cookie") {
			in.Cookie = rapid.SliceOfN(rapid.Byte(), 1, 20).Draw(t, "cookiebytes")
		}
		in.Offset = rapid.Uint32Range(0, uint32(len(req)+8)).Draw(t, "offs")
		in.MissType = rapid.Uint32().Draw(t, "misstype")
		in.MissNest = rapid.Uint32Range(0, uint32(len(req)+8)).Draw(t, "missnest")
		if rapid.Bool().Draw(t, "policy") {
			in.Policy = mtuPolicy
		}
		b, err := AppendError([]byte{0xee}, req, &in, opt)
		if err != nil {
			t.Fatal(err)
		}
		if b[0] != 0xee || len(b)%4 != 1 {
			t.Fatalf("AppendError changed the prefix or left %d bytes unaligned", (len(b)-1)%4)
		}
		r := NewReader(b[1:]).WithOrder(o)
		if !r.Next() || r.Next() || r.Err() != nil {
			t.Fatalf("reply is not one message: %v", r.Err())
		}
		got, err := ParseError(b[1:], o)
		if err != nil {
			t.Fatal(err)
		}
		want := Error{Type: TypeError, Errno: in.Errno, Header: decodeHeader(req, o.Swap())}
		if in.Errno == 0 || opt.CapAck {
			want.Flags |= Capped
			want.Request = req[:HeaderLen]
		} else {
			want.Request = req
		}
		if !opt.NoExtAck {
			want.Msg, want.Cookie = in.Msg, in.Cookie
			if in.Errno != 0 {
				want.Offset, want.Policy, want.MissType, want.MissNest = in.Offset, in.Policy, in.MissType, in.MissNest
				// Offsets outside the request's payload are not sent
				// (nlmsg_check_in_payload), though they set ACK_TLVS.
				reqLen := uint32(len(req))
				if want.Offset < HeaderLen || want.Offset >= reqLen {
					want.Offset = 0
				}
				if want.MissNest < HeaderLen || want.MissNest >= reqLen {
					want.MissNest = 0
				}
			}
			if want.Msg != nil || want.Cookie != nil || (in.Errno != 0 && (in.Offset != 0 || in.Policy != nil || in.MissType != 0 || in.MissNest != 0)) {
				want.Flags |= AckTLVs
			}
		}
		if diff := cmp.Diff(want, got, cmp.Comparer(bytes.Equal)); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
		if got.Header.PID != decodeHeader(req, o.Swap()).PID || r.Header().PID != opt.PortID || r.Header().Seq != got.Header.Seq {
			t.Fatalf("reply header %+v", r.Header())
		}
	})
}

// TestAppendErrorTooLong: an extended ACK field too long for an attribute
// fails cleanly and leaves the caller's bytes as they were.
func TestAppendErrorTooLong(t *testing.T) {
	req := loadRecording(t, "err_mtu_short.hex").request
	prefix := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	for _, e := range []*Error{
		{Errno: nlwire.EINVAL, Msg: make([]byte, 70000)},
		{Errno: nlwire.EINVAL, Cookie: make([]byte, 70000)},
		{Errno: nlwire.EINVAL, Policy: make([]byte, 70000)},
	} {
		out, err := AppendError(bytes.Clone(prefix), req, e, AckOptions{Order: le})
		if !errors.Is(err, attr.ErrAttrTooLong) || !bytes.Equal(out, prefix) {
			t.Errorf("oversized field: %d bytes, %v; want the prefix back and ErrAttrTooLong", len(out), err)
		}
		out, err = AppendDone(bytes.Clone(prefix), req, 0, e, AckOptions{Order: le})
		if !errors.Is(err, attr.ErrAttrTooLong) || !bytes.Equal(out, prefix) {
			t.Errorf("AppendDone, oversized field: %d bytes, %v", len(out), err)
		}
	}
	if out, err := AppendError(nil, req, nil, AckOptions{Order: le}); err != nil || len(out) != 36 {
		t.Errorf("AppendError with a nil *Error: %d bytes, %v; want a 36-byte ACK", len(out), err)
	}
}

// TestOldKernelAck: before Linux 4.12 a successful request was echoed by
// its header alone, without NLM_F_CAPPED, the header keeping its length.
func TestOldKernelAck(t *testing.T) {
	req := loadRecording(t, "err_mtu_short.hex").request // 40 bytes
	b := Header{Len: 36, Type: TypeError, Seq: 1}.Append(nil, le)
	b = append(b, 0, 0, 0, 0)
	b = append(b, req[:HeaderLen]...)
	e, err := ParseError(b, le)
	if err != nil || e.Errno != 0 || !bytes.Equal(e.Request, req[:HeaderLen]) || e.Header.Len != 40 {
		t.Fatalf("ParseError(old ACK) = %+v, %v", e, err)
	}
}

func TestCappedKernelErrorIfname(t *testing.T) {
	rec := loadRecording(t, "err_ifname_long_capped.hex")
	e, err := ParseError(rec.datagrams[0], le)
	if err != nil {
		t.Fatal(err)
	}
	want := Error{Type: TypeError, Flags: Capped | AckTLVs, Errno: nlwire.ERANGE,
		Msg: []byte("Attribute failed policy validation"), Offset: 32,
		Request: rec.request[:HeaderLen], Policy: e.Policy}
	want.Header, _ = ParseHeader(rec.request, le)
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	ap := []byte{0x08, 0, 1, 0, 11, 0, 0, 0} // NL_POLICY_TYPE_ATTR_TYPE NL_ATTR_TYPE_STRING
	if !bytes.Contains(e.Policy, ap) {
		t.Errorf("policy % x lacks TYPE=STRING", e.Policy)
	}
	reply, _ := ParseHeader(rec.datagrams[0], le)
	built, err := AppendError(nil, rec.request, &e, AckOptions{Order: le, CapAck: true, PortID: reply.PID})
	if err != nil || !bytes.Equal(built, rec.datagrams[0]) {
		t.Errorf("AppendError:\n got % x\nwant % x (%v)", built, rec.datagrams[0], err)
	}
}

// TestAckExtAckDefault: the zero AckOptions is a socket with
// NETLINK_EXT_ACK, so an Error's extended ACK fields reach the reply;
// NoExtAck leaves them all out, as the kernel does for a socket that did
// not ask for them, and the reply is then the same as for a bare errno.
func TestAckExtAckDefault(t *testing.T) {
	rec := loadRecording(t, "err_mtu_short.hex")
	e := Error{Errno: nlwire.ERANGE, Msg: []byte("Attribute failed policy validation"), Offset: 32, Policy: mtuPolicy,
		Cookie: []byte{1, 2, 3}, MissType: 4, MissNest: 20}

	b, err := AppendError(nil, rec.request, &e, AckOptions{Order: le})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseError(b, le)
	if err != nil {
		t.Fatal(err)
	}
	want := e
	want.Type, want.Flags, want.Request, want.Header = TypeError, AckTLVs, rec.request, decodeHeader(rec.request, le.Swap())
	if diff := cmp.Diff(want, got, cmp.Comparer(bytes.Equal)); diff != "" {
		t.Errorf("zero AckOptions (-want +got):\n%s", diff)
	}

	bare, err := AppendError(nil, rec.request, &Error{Errno: nlwire.ERANGE}, AckOptions{Order: le})
	if err != nil {
		t.Fatal(err)
	}
	for name, fn := range map[string]func(opt AckOptions) ([]byte, error){
		"AppendError": func(opt AckOptions) ([]byte, error) { return AppendError(nil, rec.request, &e, opt) },
		"AppendDone":  func(opt AckOptions) ([]byte, error) { return AppendDone(nil, rec.request, 0, &e, opt) },
	} {
		b, err := fn(AckOptions{Order: le, NoExtAck: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseError(b, le)
		if err != nil {
			t.Fatal(err)
		}
		if got.Flags&AckTLVs != 0 || got.Msg != nil || got.Offset != 0 || got.Cookie != nil || got.Policy != nil || got.MissType != 0 || got.MissNest != 0 {
			t.Errorf("%s with NoExtAck: %+v, want no extended ACK", name, got)
		}
		if name == "AppendError" && !bytes.Equal(b, bare) {
			t.Errorf("AppendError with NoExtAck differs from a bare errno:\n% x\n% x", b, bare)
		}
	}
}
