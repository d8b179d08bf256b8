//go:build linux

package xfrm_test

import (
	"encoding/binary"
	"errors"
	"golang.org/x/sys/unix"
	"net/netip"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/nlsock"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// TestLivePolicy: for requests whose attributes break xfrma_policy in
// each way it can be broken (and some it lets through), in a network
// namespace the test creates and deletes, the running kernel answers
// what Policy and Request say, errno, message and offset: ESRCH, no such
// SA, where the policy accepts an XFRM_MSG_GETSA. It also pins the
// types of 6.14's XFRMA_IPTFS_* on this kernel (6.18), which the 6.12
// header lacks. Beyond the policy, the handler refuses XFRMA_SA_DIR in a
// GETSA.
func TestLivePolicy(t *testing.T) {
	if os.Geteuid() != 0 {
		testenv.Skip(t, "needs root")
	}
	if compatTask() {
		// xfrm_user_rcv_msg answers a compat task EOPNOTSUPP before any
		// check unless the kernel has CONFIG_XFRM_USER_COMPAT: there is
		// nothing to compare. The native run of this test compares.
		t.Skip("a 32-bit task on a 64-bit kernel: xfrm_user answers it EOPNOTSUPP, or through its compat translator with CONFIG_XFRM_USER_COMPAT; the native run compares")
	}
	ip := testenv.LookPath(t, "ip")
	ns := "nlwxfrm-" + strconv.Itoa(os.Getpid())
	if out, err := exec.Command(ip, "netns", "add", ns).CombinedOutput(); err != nil {
		testenv.Skip(t, "ip netns add: "+err.Error()+": "+string(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command(ip, "netns", "del", ns).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", ns, err, out)
		}
	})
	c, err := nlsock.Dial(xfrmProto, &nlsock.Config{NetNS: "/run/netns/" + ns})
	if err != nil {
		testenv.Skip(t, "NETLINK_XFRM: "+err.Error())
	}
	defer c.Close()

	type attr struct {
		typ uint16
		p   []byte
	}
	u32 := func(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }
	id := xfrm.UsersaID{Daddr: xfrm.AddressFrom(netip.MustParseAddr("10.9.9.9")), SPI: 0x4242, Family: xfrm.AF_INET, Proto: xfrm.IPPROTO_ESP}
	tests := []struct {
		name    string
		typ     uint16
		hdr     []byte
		attrs   []attr
		handler nlwire.Errno // the handler's answer where the policy accepts
		wantMsg string       // the handler's message, if any
	}{
		{name: "no attributes", handler: esrch},
		{name: "XFRMA_MARK short", attrs: []attr{{xfrm.XFRMA_MARK, make([]byte, 4)}}},
		{name: "XFRMA_MARK", attrs: []attr{{xfrm.XFRMA_MARK, make([]byte, 8)}}, handler: esrch},
		{name: "XFRMA_SA short", attrs: []attr{{xfrm.XFRMA_SA, make([]byte, 100)}}},
		{name: "XFRMA_SRCADDR short", attrs: []attr{{xfrm.XFRMA_SRCADDR, make([]byte, 4)}}},
		{name: "XFRMA_SRCADDR", attrs: []attr{{xfrm.XFRMA_SRCADDR, make([]byte, 16)}}, handler: esrch},
		{name: "XFRMA_PROTO long (liberal)", attrs: []attr{{xfrm.XFRMA_PROTO, u32(50)}}, handler: esrch},
		{name: "XFRMA_PROTO empty", attrs: []attr{{xfrm.XFRMA_PROTO, nil}}},
		{name: "XFRMA_LASTUSED short", attrs: []attr{{xfrm.XFRMA_LASTUSED, u32(1)}}},
		{name: "XFRMA_SA_DIR out of range", attrs: []attr{{xfrm.XFRMA_SA_DIR, []byte{3}}}},
		{name: "XFRMA_SA_DIR long (strict)", attrs: []attr{{xfrm.XFRMA_SA_DIR, []byte{1, 0}}}},
		{name: "XFRMA_SA_DIR nested flag (strict)", attrs: []attr{{xfrm.XFRMA_SA_DIR | 0x8000, []byte{1}}}},
		{name: "XFRMA_SA_DIR in a GETSA", attrs: []attr{{xfrm.XFRMA_SA_DIR, []byte{1}}}, handler: nlwire.EINVAL, wantMsg: "Invalid attribute SA_DIR"},
		{name: "XFRMA_IPTFS_REORDER_WINDOW u16", attrs: []attr{{xfrm.XFRMA_IPTFS_REORDER_WINDOW, []byte{1, 0}}}, handler: esrch},
		{name: "XFRMA_IPTFS_REORDER_WINDOW as u32", attrs: []attr{{xfrm.XFRMA_IPTFS_REORDER_WINDOW, u32(1)}}},
		{name: "XFRMA_IPTFS_DONT_FRAG with a payload", attrs: []attr{{xfrm.XFRMA_IPTFS_DONT_FRAG, u32(1)}}},
		{name: "XFRMA_IPTFS_DONT_FRAG", attrs: []attr{{xfrm.XFRMA_IPTFS_DONT_FRAG, nil}}, handler: esrch},
		{name: "XFRMA_IPTFS_PKT_SIZE short", attrs: []attr{{xfrm.XFRMA_IPTFS_PKT_SIZE, []byte{1, 0}}}},
		{name: "XFRMA_IPTFS_DROP_TIME", attrs: []attr{{xfrm.XFRMA_IPTFS_DROP_TIME, u32(1)}}, handler: esrch},
		{name: "unknown type (liberal)", attrs: []attr{{xfrm.XFRMA_IPTFS_PKT_SIZE + 10, u32(1)}}, handler: esrch},
		{name: "short header", hdr: make([]byte, 10)},
		{name: "XFRMA_SPD_IPV4_HTHRESH short", typ: xfrm.XFRM_MSG_NEWSPDINFO, hdr: u32(0), attrs: []attr{{xfrm.XFRMA_SPD_IPV4_HTHRESH, []byte{32}}}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, hdr := tt.typ, tt.hdr
			if typ == 0 {
				typ = xfrm.XFRM_MSG_GETSA
			}
			if hdr == nil {
				hdr = id.Append(nil, nlwire.Native)
			}
			b := wire.NewBuilder(nil)
			m := b.Start(wire.Header{Type: typ, Flags: wire.Request | wire.Ack, Seq: uint32(i + 1)})
			copy(b.FamilyHeader(len(hdr)), hdr)
			for _, a := range tt.attrs {
				b.Attrs().Put(a.typ, a.p)
			}
			b.End(m)
			req, err := b.Finish()
			if err != nil {
				t.Fatal(err)
			}
			p, mode, ok := xfrm.Request(typ, false)
			if !ok {
				t.Fatalf("no policy for type %d", typ)
			}
			hl := xfrm.Messages.Msg(typ).HeaderLen
			verr := validate.Options{Order: nlwire.Native}.ValidateMessage(req[wire.HeaderLen:], hl, p, mode)

			_, kerr := c.ExecuteAck(req, nil)
			var ke *wire.Error
			if !errors.As(kerr, &ke) {
				t.Fatalf("kernel: %v", kerr)
			}
			var ve *validate.Error
			if verr == nil {
				if ke.Errno != tt.handler || string(ke.Msg) != tt.wantMsg {
					t.Errorf("the policy accepts; the kernel answers %v %q, want %v %q from the handler", ke.Errno, ke.Msg, tt.handler, tt.wantMsg)
				}
				return
			}
			if !errors.As(verr, &ve) {
				t.Fatalf("validate: %v", verr)
			}
			if tt.handler != 0 {
				t.Errorf("the policy rejects (%v), the handler was to answer %v", verr, tt.handler)
			}
			if ke.Errno != ve.Errno || string(ke.Msg) != ve.Msg {
				t.Errorf("kernel %v %q, validate %v %q", ke.Errno, ke.Msg, ve.Errno, ve.Msg)
			}
			if ve.HasOffset && int(ke.Offset) != ve.Offset {
				t.Errorf("kernel's offset %d, validate's %d", ke.Offset, ve.Offset)
			}
		})
	}
}

// xfrmProto is NETLINK_XFRM.
const xfrmProto = 6

// esrch is ESRCH, what XFRM_MSG_GETSA answers for an SA that does not
// exist.
const esrch nlwire.Errno = 3

// compatTask reports whether this is a 32-bit program on a 64-bit
// kernel (GOARCH=386 on x86_64, arm on arm64).
func compatTask() bool {
	if strconv.IntSize == 64 {
		return false
	}
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return false
	}
	m := unix.ByteSliceToString(u.Machine[:])
	return m == "x86_64" || m == "aarch64"
}
