package dissect_test

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/xfrm"
	"github.com/nlwire/nlwire/wire"
)

// structWriter keeps each attribute's value as text: a struct's as
// "STRUCT name=value ...", its addresses last.
type structWriter struct {
	dissect.Discard
	attrs    []string
	problems int
}

func (w *structWriter) Attr(a *dissect.Attr) {
	v := &a.Value
	if v.Kind != dissect.Struct {
		w.attrs = append(w.attrs, a.Name+" "+valueText(v))
		return
	}
	s := []string{a.Name, v.Struct.Struct}
	for _, f := range v.Struct.Fields {
		s = append(s, f.Name+"="+fieldText(&f))
	}
	for _, f := range v.Struct.Addrs {
		s = append(s, f.Name+"="+addrText(&f))
	}
	w.attrs = append(w.attrs, strings.Join(s, " "))
}

func (w *structWriter) Problem(*dissect.Problem) { w.problems++ }

// xfrmStructMessage is an XFRM_MSG_NEWPOLICY for IPv6 traffic in byte
// order o with the struct attributes the test reads.
func xfrmStructMessage(t *testing.T, o nlwire.Order) []byte {
	var bo interface {
		binary.ByteOrder
		binary.AppendByteOrder
	} = binary.LittleEndian
	if o == nlwire.BigEndian {
		bo = binary.BigEndian
	}
	v6 := func(s string) xfrm.Address { return xfrm.AddressFrom(netip.MustParseAddr(s)) }
	tmpl := func(n int) []byte {
		var b []byte
		for i := range n {
			t := xfrm.UserTmpl{ID: xfrm.ID{Daddr: v6("2001:db8::1"), SPI: 0x01020304, Proto: xfrm.IPPROTO_ESP},
				Family: xfrm.AF_INET6, Saddr: v6("2001:db8::2"), Reqid: uint32(i + 1), Mode: 1, Aalgos: 0xffffffff}
			if i == 1 {
				t.Family, t.ID.Daddr, t.Saddr = xfrm.AF_INET, v6("192.0.2.1"), v6("192.0.2.2")
			}
			b = t.Append(b, o)
		}
		return b
	}
	encap := make([]byte, 24)
	bo.PutUint16(encap, 2) // UDP_ENCAP_ESPINUDP
	binary.BigEndian.PutUint16(encap[2:], 4500)
	binary.BigEndian.PutUint16(encap[4:], 4501)
	a := v6("2001:db8::a")
	copy(encap[8:], a[:])
	esn := bo.AppendUint32(nil, 2) // bmp_len, then oseq, seq, oseq_hi, seq_hi, replay_window
	for _, v := range []uint32{10, 11, 1, 2, 64} {
		esn = bo.AppendUint32(esn, v)
	}
	esn = append(esn, 0xf0, 0, 0, 0, 0, 0, 0, 0x0f)
	algo := make([]byte, 64, 72)
	copy(algo, "cbc(aes)")
	algo = bo.AppendUint32(algo, 32)
	algo = append(algo, 0xaa, 0xbb, 0xcc, 0xdd)

	b := wire.NewBuilder(nil).WithOrder(o)
	m := b.Start(wire.Header{Type: xfrm.XFRM_MSG_NEWPOLICY, Flags: wire.Request})
	wire.PutFixedHeader(&b, xfrm.UserpolicyInfo{Sel: xfrm.Selector{Family: xfrm.AF_INET6}, Index: 8, Dir: 1})
	e := b.Attrs()
	e.Put(xfrm.XFRMA_TMPL, tmpl(2))
	e.Put(xfrm.XFRMA_TMPL, tmpl(1))
	e.Put(xfrm.XFRMA_MARK, bo.AppendUint32(bo.AppendUint32(nil, 0x11), 0xff))
	src := v6("2001:db8::9")
	e.Put(xfrm.XFRMA_SRCADDR, src[:])
	e.Put(xfrm.XFRMA_ENCAP, encap)
	e.Put(xfrm.XFRMA_REPLAY_ESN_VAL, esn)
	e.Put(xfrm.XFRMA_ALG_CRYPT, algo)
	e.Put(xfrm.XFRMA_REPLAY_VAL, []byte{1, 0, 0, 1, 2, 0, 0, 2, 3, 0, 0, 3, 0xee}) // one byte too many
	e.Put(xfrm.XFRMA_MARK, []byte{1, 2, 3, 4})                                     // too short: bytes
	e.Put(xfrm.XFRMA_TMPL, tmpl(7))                                                // more than the kernel takes: bytes
	filter := make([]byte, 36)                                                     // of no address family: addresses as bytes
	for i := range 16 {
		filter[i] = byte(i + 1)
	}
	filter[34] = 8
	e.Put(xfrm.XFRMA_ADDRESS_FILTER, filter)
	b.End(m)
	msg, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return msg
}

// TestXfrmStructAttrs: the C structs of xfrm attributes read by their
// members in either byte order: SPIs and ports big-endian, addresses by
// the family of the template or of the message's header, u64s exact,
// a key or bitmap as bytes, and what no member covers as "trailing";
// too short a payload, or more templates than the kernel takes, stays
// bytes. It costs no allocation.
func TestXfrmStructAttrs(t *testing.T) {
	le := xfrmStructMessage(t, nlwire.LittleEndian)
	want := []string{
		"XFRMA_TMPL xfrm_user_tmpl [0].id.spi=16909060 [0].id.proto=50 [0].family=10 [0].reqid=1 [0].mode=1 [0].share=0 [0].optional=0 " +
			"[0].aalgos=4294967295 [0].ealgos=0 [0].calgos=0 " +
			"[1].id.spi=16909060 [1].id.proto=50 [1].family=2 [1].reqid=2 [1].mode=1 [1].share=0 [1].optional=0 " +
			"[1].aalgos=4294967295 [1].ealgos=0 [1].calgos=0 " +
			"[0].id.daddr=2001:db8::1 [0].saddr=2001:db8::2 [1].id.daddr=192.0.2.1 [1].saddr=192.0.2.2",
		"XFRMA_TMPL xfrm_user_tmpl id.spi=16909060 id.proto=50 family=10 reqid=1 mode=1 share=0 optional=0 aalgos=4294967295 ealgos=0 calgos=0 " +
			"id.daddr=2001:db8::1 saddr=2001:db8::2",
		"XFRMA_MARK xfrm_mark v=17 m=255",
		"XFRMA_SRCADDR xfrm_address_t addr=2001:db8::9",
		"XFRMA_ENCAP xfrm_encap_tmpl encap_type=2 encap_sport=4500 encap_dport=4501 encap_oa=2001:db8::a",
		"XFRMA_REPLAY_ESN_VAL xfrm_replay_state_esn bmp_len=2 oseq=10 seq=11 oseq_hi=1 seq_hi=2 replay_window=64 bmp=f00000000000000f",
		`XFRMA_ALG_CRYPT xfrm_algo alg_name="cbc(aes)" alg_key_len=32 alg_key=aabbccdd`,
		"XFRMA_REPLAY_VAL xfrm_replay_state oseq=16777217 seq=33554434 bitmap=50331651 trailing=ee", // the same in both orders
		"XFRMA_MARK x:01020304",
		"XFRMA_TMPL x:(7 templates)", // checked by length below
		"XFRMA_ADDRESS_FILTER xfrm_address_filter family=0 splen=8 dplen=0 saddr=0102030405060708090a0b0c0d0e0f10 daddr=00000000000000000000000000000000",
	}
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		msg := xfrmStructMessage(t, o)
		w := &structWriter{}
		if err := dissect.New().Datagram(w, dissect.ProtoXFRM, o, msg); err != nil || w.problems > 0 {
			t.Fatalf("%v: %v, %d problems", o, err, w.problems)
		}
		if len(w.attrs) == len(want) && strings.HasPrefix(w.attrs[9], "XFRMA_TMPL x:") && len(w.attrs[9]) == len("XFRMA_TMPL x:")+2*7*xfrm.UserTmplLen {
			w.attrs[9] = want[9]
		}
		if diff := cmp.Diff(want, w.attrs); diff != "" {
			t.Errorf("%v (-want +got):\n%s", o, diff)
		}
	}
	d := dissect.New()
	var w dissect.Writer = dissect.Discard{}
	if n := testing.AllocsPerRun(20, func() { d.Datagram(w, dissect.ProtoXFRM, nlwire.LittleEndian, le) }); n != 0 {
		t.Errorf("%v allocations a message", n)
	}
}

// TestXfrmHeaderOtherFamily: the addresses of a header whose address
// family is neither IPv4 nor IPv6 (an xfrm_userpolicy_id's selector of
// AF_UNSPEC) are given as their bytes, not left out.
func TestXfrmHeaderOtherFamily(t *testing.T) {
	var sel xfrm.Selector
	for i := range sel.Daddr {
		sel.Daddr[i] = byte(0xa0 + i)
	}
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: xfrm.XFRM_MSG_DELPOLICY, Flags: wire.Request})
	wire.PutFixedHeader(&b, xfrm.UserpolicyID{Sel: sel, Index: 5, Dir: 1})
	b.End(m)
	msg, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	w := &headerWriter{}
	if err := dissect.New().Datagram(w, dissect.ProtoXFRM, nlwire.Native, msg); err != nil || len(w.headers) != 1 {
		t.Fatalf("%v, %v", err, w.headers)
	}
	got := map[string]string{}
	for _, k := range []string{"sel.daddr", "sel.saddr", "sel.family", "index", "dir"} {
		got[k] = w.headers[0][k]
	}
	want := map[string]string{"sel.daddr": "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf", "sel.saddr": "00000000000000000000000000000000",
		"sel.family": "0", "index": "5", "dir": "1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
