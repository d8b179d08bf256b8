package rtlink_test

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/rtlink"
)

// encode runs fill on a fresh encoder of byte order o and returns the
// bytes.
func encode(t *testing.T, o nlwire.Order, fill func(e *attr.Encoder)) []byte {
	t.Helper()
	e := attr.NewEncoder(nil).WithOrder(o)
	fill(&e)
	b, err := e.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBuilderMatchesSet: the builders write the bytes a LinkSet with the
// same attributes encodes, in either byte order, through every kind of
// method the example uses: strings, integers, a big-endian integer, a
// struct, a nest, a sub-message's format.
func TestBuilderMatchesSet(t *testing.T) {
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		built := encode(t, o, func(e *attr.Encoder) {
			b := rtlink.BuildLinkSet(e)
			b.Address([]byte{2, 0, 0, 0, 0, 1})
			b.Ifname("eth0.100")
			b.Mtu(1400)
			li := b.Linkinfo()
			li.Kind("vlan")
			vl := li.DataVlan()
			vl.Id(100)
			vl.Flags(rtlink.IflaVlanFlags{Flags: 1, Mask: 0xffffffff})
			vl.Protocol(rtlink.RT_LINK_VLAN_PROTOCOLS_8021AD)
			vl.End()
			li.End()
			b.Group(7)
		})
		var x rtlink.LinkSet
		x.SetAddress([]byte{2, 0, 0, 0, 0, 1})
		x.SetIfname("eth0.100")
		x.SetMtu(1400)
		li := x.SetLinkinfo()
		li.SetKind("vlan")
		vl := li.SetData().SetVlan()
		vl.SetId(100)
		vl.SetFlags(rtlink.IflaVlanFlags{Flags: 1, Mask: 0xffffffff})
		vl.SetProtocol(rtlink.RT_LINK_VLAN_PROTOCOLS_8021AD)
		x.SetGroup(7)
		set := encode(t, o, x.Encode)
		if diff := cmp.Diff(set, built); diff != "" {
			t.Errorf("%v: builder bytes differ from LinkSet.Encode's (-set +builder):\n%s", o, diff)
		}
	}
}

// TestBuilderArray: an indexed array of addresses written entry by entry
// reads back through the set's iterator, numbered from 1.
func TestBuilderArray(t *testing.T) {
	targets := []netip.Addr{netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("192.0.2.2")}
	b := encode(t, nlwire.Native, func(e *attr.Encoder) {
		bond := rtlink.BuildLinkinfoBond(e)
		bond.Mode(1)
		arr := bond.ArpIpTarget()
		for _, a := range targets {
			ip := a.As4()
			arr.Encoder().Put(arr.Next(), ip[:])
		}
		arr.End()
	})
	var x rtlink.LinkinfoBond
	if err := x.Decode(b, nil); err != nil {
		t.Fatal(err)
	}
	var got []netip.Addr
	var types []uint16
	for it := x.ArpIpTarget(); it.Next(); {
		types = append(types, it.Type())
		got = append(got, netip.AddrFrom4([4]byte(it.Bytes())))
	}
	if diff := cmp.Diff(targets, got, cmp.Comparer(func(a, b netip.Addr) bool { return a == b })); diff != "" {
		t.Errorf("array read back (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]uint16{1, 2}, types); diff != "" {
		t.Errorf("entry types (-want +got):\n%s", diff)
	}
}

// TestBuilderTopLevelEnd: a builder of BuildLinkSet writes into no nest;
// ending it is a misnesting the encoder reports.
func TestBuilderTopLevelEnd(t *testing.T) {
	e := attr.NewEncoder(nil)
	b := rtlink.BuildLinkSet(&e)
	b.Mtu(1500)
	b.End()
	if _, err := e.Finish(); !errors.Is(err, attr.ErrMisnested) {
		t.Errorf("Finish after End of a top-level builder: %v, want attr.ErrMisnested", err)
	}
}

// TestBuilderAllocs: building the example's attributes into a reused
// buffer allocates nothing.
func TestBuilderAllocs(t *testing.T) {
	buf := make([]byte, 0, 512)
	allocs := testing.AllocsPerRun(100, func() {
		e := attr.NewFixedEncoder(buf[:0])
		b := rtlink.BuildLinkSet(&e)
		b.Ifname("eth0.100")
		b.Mtu(1400)
		li := b.Linkinfo()
		li.Kind("vlan")
		vl := li.DataVlan()
		vl.Id(100)
		vl.Flags(rtlink.IflaVlanFlags{Flags: 1, Mask: 1})
		vl.End()
		li.End()
		if _, err := e.Finish(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per build, want 0", allocs)
	}
}

// TestBuilderStructPair: a struct of two u32 members, which the builder
// writes in one store (attr.Encoder.Uint32Pair), has the bytes its Put
// lays out, in either byte order.
func TestBuilderStructPair(t *testing.T) {
	v := rtlink.IflaVlanFlags{Flags: 0x01020304, Mask: 0xa0b0c0d0}
	for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
		built := encode(t, o, func(e *attr.Encoder) { rtlink.BuildLinkinfoVlan(e).Flags(v) })
		put := encode(t, o, func(e *attr.Encoder) {
			if q := e.Reserve(rtlink.IFLA_VLAN_FLAGS, v.Len()); q != nil {
				v.Put(q, o)
			}
		})
		if diff := cmp.Diff(put, built); diff != "" {
			t.Errorf("%v: (-Put +builder):\n%s", o, diff)
		}
	}
}
