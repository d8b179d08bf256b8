package nltestsock_test

import (
	"fmt"
	"net"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/jsimonetti/rtnetlink/v2"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/bench/nltestsock"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/nltest"
)

// rtnetlinkConn returns an rtnetlink.Conn on c, as rtnetlink's own
// unexported newConn makes one: rtnetlink v2.3.0 offers no constructor
// taking a netlink.Conn (its Dial always opens a real socket; see
// jsimonetti/rtnetlink#246), so this sets the two unexported fields
// newConn sets — Conn.c, and each service's c pointing back at the
// Conn — and fails the test if their names or types ever change.
func rtnetlinkConn(t *testing.T, c *netlink.Conn) *rtnetlink.Conn {
	t.Helper()
	rc := new(rtnetlink.Conn)
	v := reflect.ValueOf(rc).Elem()
	setUnexported(t, v, "c", reflect.ValueOf(c))
	services := 0
	for i := range v.NumField() {
		f := v.Field(i)
		if !f.CanSet() || f.Kind() != reflect.Pointer || f.Type().Elem().Kind() != reflect.Struct {
			continue
		}
		svc := reflect.New(f.Type().Elem())
		setUnexported(t, svc.Elem(), "c", reflect.ValueOf(rc))
		f.Set(svc)
		services++
	}
	if rc.Link == nil || services != 5 {
		t.Fatalf("rtnetlink.Conn has %d services, want Link, Address, Route, Neigh, Rule", services)
	}
	return rc
}

// setUnexported sets the field name of the struct v to x.
func setUnexported(t *testing.T, v reflect.Value, name string, x reflect.Value) {
	t.Helper()
	f := v.FieldByName(name)
	if !f.IsValid() || !x.Type().AssignableTo(f.Type()) {
		t.Fatalf("%s has no field %s that takes a %s", v.Type(), name, x.Type())
	}
	reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Set(x)
}

// link is what the tests compare of a link.
type link struct {
	Index uint32
	Type  uint16
	Flags uint32
	Name  string
	MTU   uint32
	Addr  net.HardwareAddr
}

// testLinks returns n Ethernet links, index 1 up.
func testLinks(n int) []link {
	links := make([]link, n)
	for i := range links {
		links[i] = link{
			Index: uint32(i + 1),
			Type:  route.ARPHRD_ETHER,
			Flags: route.IFF_UP,
			Name:  fmt.Sprintf("eth%d", i),
			MTU:   uint32(1280 + i),
			Addr:  net.HardwareAddr{0x02, 0, 0, 0, byte(i >> 8), byte(i)},
		}
	}
	return links
}

// linkKernel returns a Kernel whose RTM_GETLINK dump writes links, as
// the kernel's rtnl_dump_ifinfo does: one RTM_NEWLINK (ifinfomsg,
// IFLA_IFNAME, IFLA_MTU, IFLA_ADDRESS) per link, as many as fit a
// datagram, NLMSG_DONE in a datagram of its own.
func linkKernel(t *testing.T, links []link) *nltest.Kernel {
	t.Helper()
	k := nltest.NewKernel()
	dump := func(req *nltest.Request, rep *nltest.Reply) error {
		for ; int(req.Args[0]) < len(links); req.Args[0]++ {
			l := links[req.Args[0]]
			e := rep.StartRoute(route.RTM_NEWLINK, route.IfInfoMsgLen)
			route.IfInfoMsg{Type: l.Type, Index: int32(l.Index), Flags: l.Flags}.Put(rep.Header(), nlwire.Native)
			e.String(route.IFLA_IFNAME, l.Name)
			e.Uint32(route.IFLA_MTU, l.MTU)
			e.Put(route.IFLA_ADDRESS, l.Addr)
			if !rep.End() {
				return nltest.ErrMore
			}
		}
		return nil
	}
	if err := k.RegisterRoute(route.AF_UNSPEC, route.RTM_GETLINK, nltest.RouteOp{Dump: dump, SplitDone: true}); err != nil {
		t.Fatal(err)
	}
	return k
}

// rtnetlink's Link.List, unchanged, lists the links the fake's
// RTM_GETLINK dump writes: names, indexes, types, flags, MTUs and
// hardware addresses, in order, for a dump of one datagram and one of
// many.
func TestRtnetlinkLinkList(t *testing.T) {
	for _, n := range []int{3, 300} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			want := testLinks(n)
			k := linkKernel(t, want)
			c := rtnetlinkConn(t, nltestsock.DialRoute(k, nil))
			defer c.Close()
			msgs, err := c.Link.List()
			if err != nil {
				t.Fatal(err)
			}
			got := make([]link, len(msgs))
			for i, m := range msgs {
				got[i] = link{Index: m.Index, Type: m.Type, Flags: m.Flags}
				if a := m.Attributes; a != nil {
					got[i].Name, got[i].MTU, got[i].Addr = a.Name, a.MTU, a.Address
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("links (-written +listed):\n%s", diff)
			}
		})
	}
}

// newLinkCase is an RTM_NEWLINK request, made by rtnetlink's Link.New,
// that ifla_policy refuses, and the kernel's answer: the offset is that
// of the first attribute (nlmsghdr 16 + ifinfomsg 16). TestLiveRtnetlink
// checks the answers against the running kernel.
type newLinkCase struct {
	name   string
	attrs  rtnetlink.LinkAttributes
	errno  nlwire.Errno
	msg    string
	offset int
}

// newLinkCases: an IFLA_IFNAME longer than IFNAMSIZ-1, an IFLA_ADDRESS
// longer than MAX_ADDR_LEN (32).
var newLinkCases = []newLinkCase{
	{name: "long name", attrs: rtnetlink.LinkAttributes{Name: "a-name-longer-than-ifnamsiz"},
		errno: nlwire.ERANGE, msg: "Attribute failed policy validation", offset: 32},
	{name: "long address", attrs: rtnetlink.LinkAttributes{Address: make(net.HardwareAddr, 40)},
		errno: nlwire.ERANGE, msg: "Attribute failed policy validation", offset: 32},
}

// A request the fake's rtnetlink refuses comes back to rtnetlink's
// Link.New, unchanged, with the kernel's extended ACK, before the
// handler runs; a request it accepts reaches the handler.
func TestRtnetlinkExtendedAck(t *testing.T) {
	k := linkKernel(t, testLinks(1))
	called := false
	err := k.RegisterRoute(route.AF_UNSPEC, route.RTM_NEWLINK, nltest.RouteOp{Do: func(*nltest.Request, *nltest.Reply) error {
		called = true
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	c := rtnetlinkConn(t, nltestsock.DialRoute(k, nil))
	defer c.Close()

	if err := c.Link.New(&rtnetlink.LinkMessage{Attributes: &rtnetlink.LinkAttributes{Name: "eth9", MTU: 1500}}); err != nil || !called {
		t.Fatalf("accepted request: %v, handler called %v", err, called)
	}
	for _, lc := range newLinkCases {
		t.Run(strings.ReplaceAll(lc.name, " ", "_"), func(t *testing.T) {
			called = false
			err := c.Link.New(&rtnetlink.LinkMessage{Attributes: &lc.attrs})
			oe := opError(t, err)
			if oe.Message != lc.msg || oe.Offset != lc.offset || called {
				t.Errorf("OpError %+v, handler called %v; want offset %d, %q", oe, called, lc.offset, lc.msg)
			}
			checkErrno(t, err, lc.errno)
		})
	}
}
