package dissect_test

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
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
		"XFRMA_TMPL xfrm_user_tmpl [0].id.spi=16909060 [0].id.proto=50 [0].family=10 [0].reqid=1 [0].mode=1 [0].share=0 [0].optional=0 " +
			"[0].aalgos=4294967295 [0].ealgos=0 [0].calgos=0 [0].id.daddr=2001:db8::1 [0].saddr=2001:db8::2",
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

// TestStructMembers: a binary attribute whose table describes its C
// struct (family.Attr.Struct), in any family, reads by its members of
// every kind, in either byte order; a table whose member lies past the
// payload leaves it as bytes.
func TestStructMembers(t *testing.T) {
	st := family.NewStruct("demo", 36, false,
		family.Member{Name: "u8", Kind: family.MemberU8},
		family.Member{Name: "s8", Kind: family.MemberS8, Offset: 1},
		family.Member{Name: "s16", Kind: family.MemberS16, Offset: 2},
		family.Member{Name: "u32", Kind: family.MemberU32, Offset: 4},
		family.Member{Name: "s32", Kind: family.MemberS32, Offset: 8},
		family.Member{Name: "u64", Kind: family.MemberU64, Offset: 12},
		family.Member{Name: "be16", Kind: family.MemberBE16, Offset: 20},
		family.Member{Name: "name", Kind: family.MemberString, Offset: 22, Len: 6},
		family.Member{Name: "be64", Kind: family.MemberBE64, Offset: 28})
	bad := family.NewStruct("bad", 4, false, family.Member{Name: "past", Kind: family.MemberU64})
	set := family.Set{Space: "DEMO", Attrs: []family.Attr{
		1: {Name: "DEMO_S", Format: family.Binary, Struct: st},
		2: {Name: "DEMO_BAD", Format: family.Binary, Struct: bad}}}
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		var bo interface {
			binary.ByteOrder
			binary.AppendByteOrder
		} = binary.LittleEndian
		if o == nlwire.BigEndian {
			bo = binary.BigEndian
		}
		p := []byte{200, 0xfe}
		p = bo.AppendUint16(p, 0xfffd)
		p = bo.AppendUint32(p, 4000000000)
		p = bo.AppendUint32(p, 0xfffffffc)
		p = bo.AppendUint64(p, 1<<63+7)
		p = binary.BigEndian.AppendUint16(p, 443)
		p = append(p, "abc\x00\x00\x00"...)
		p = binary.BigEndian.AppendUint64(p, 0x0102030405060708)
		p = append(p, 0x99) // trailing
		b := wire.NewBuilder(nil).WithOrder(o)
		m := b.Start(wire.Header{Type: 100})
		b.Attrs().Put(1, p)
		b.Attrs().Put(2, []byte{1, 2, 3, 4})
		b.End(m)
		msg, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		k := dissect.Kind{Header: wire.Header{Type: 100, Len: uint32(len(msg))}, Protocol: 99, Order: o, Known: true, Attrs: &set}
		w := &structWriter{}
		dissect.New().Message(w, msg, &k)
		want := []string{`DEMO_S demo u8=200 s8=-2 s16=-3 u32=4000000000 s32=-4 u64=9223372036854775815 be16=443 name="abc" ` +
			"be64=72623859790382856 trailing=99", "DEMO_BAD x:01020304"}
		if diff := cmp.Diff(want, w.attrs); diff != "" || w.problems > 0 {
			t.Errorf("%v (-want +got):\n%s", o, diff)
		}
	}
}
