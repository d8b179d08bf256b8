package route_test

import (
	"net/netip"
	"path/filepath"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/wire"
)

func load(t *testing.T, name string) [][]byte {
	t.Helper()
	d, err := testenv.ReadHex(filepath.Join("testdata", name+".hex"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestLinkFacts checks what the recording set up: lo is index 1 with MTU
// 65536, veth0 and veth1 are veth links.
func TestLinkFacts(t *testing.T) {
	names := map[int32]string{}
	mtus := map[string]uint32{}
	kinds := map[string]string{}
	for _, dg := range load(t, "getlink") {
		r := wire.NewReader(dg).WithOrder(nlwire.LittleEndian)
		for r.Next() {
			if r.Header().Type != route.RTM_NEWLINK {
				continue
			}
			ifi, err := route.ParseIfInfoMsg(r.Payload(), nlwire.LittleEndian)
			if err != nil {
				t.Fatal(err)
			}
			d := r.Attrs(route.IfInfoMsgLen)
			var name, kind string
			var mtu uint32
			for d.Next() {
				switch d.Type() {
				case route.IFLA_IFNAME:
					name = d.String()
				case route.IFLA_MTU:
					mtu = d.Uint32()
				case route.IFLA_LINKINFO:
					li := d.Nested()
					for li.Next() {
						if li.Type() == route.IFLA_INFO_KIND {
							kind = li.String()
						}
					}
				}
			}
			if err := d.Err(); err != nil {
				t.Fatal(err)
			}
			names[ifi.Index], mtus[name], kinds[name] = name, mtu, kind
		}
	}
	if names[1] != "lo" || mtus["lo"] != 65536 {
		t.Errorf("index 1 = %q with MTU %d, want lo with 65536", names[1], mtus["lo"])
	}
	for n, k := range map[string]string{"veth0": "veth", "veth1": "veth", "br0": "bridge", "vx0": "vxlan", "mv0": "macvlan"} {
		if kinds[n] != k {
			t.Errorf("kind of %s = %q, want %q", n, kinds[n], k)
		}
	}
}

// TestAddrFacts finds 192.0.2.1/24 and 2001:db8::1/64 on veth0.
func TestAddrFacts(t *testing.T) {
	want := map[netip.Prefix]bool{netip.MustParsePrefix("192.0.2.1/24"): false, netip.MustParsePrefix("2001:db8::1/64"): false}
	for _, dg := range load(t, "getaddr") {
		r := wire.NewReader(dg).WithOrder(nlwire.LittleEndian)
		for r.Next() {
			if r.Header().Type != route.RTM_NEWADDR {
				continue
			}
			ifa, err := route.ParseIfAddrMsg(r.Payload(), nlwire.LittleEndian)
			if err != nil {
				t.Fatal(err)
			}
			d := r.Attrs(route.IfAddrMsgLen)
			for d.Next() {
				if d.Type() == route.IFA_ADDRESS {
					a, _ := netip.AddrFromSlice(d.Bytes())
					p := netip.PrefixFrom(a, int(ifa.PrefixLen))
					if _, ok := want[p]; ok {
						want[p] = true
					}
				}
			}
		}
	}
	for p, seen := range want {
		if !seen {
			t.Errorf("address %v not in the dump", p)
		}
	}
}

// TestMultipathFacts decodes the two next hops of 198.51.100.0/24.
func TestMultipathFacts(t *testing.T) {
	var hops []string
	for _, dg := range load(t, "getroute4") {
		r := wire.NewReader(dg).WithOrder(nlwire.LittleEndian)
		for r.Next() {
			if r.Header().Type != route.RTM_NEWROUTE {
				continue
			}
			d := r.Attrs(route.RtMsgLen)
			for d.Next() {
				if d.Type() != route.RTA_MULTIPATH {
					continue
				}
				nh := route.NewNexthops(d.Bytes(), nlwire.LittleEndian)
				for nh.Next() {
					h := nh.Nexthop()
					ad := dumpAttrs(nh.Attrs())
					for ad.Next() {
						if ad.Type() == route.RTA_GATEWAY {
							a, _ := netip.AddrFromSlice(ad.Bytes())
							hops = append(hops, a.String()+" weight "+itoa(int(h.Hops)+1))
						}
					}
				}
				if err := nh.Err(); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	want := []string{"192.0.2.2 weight 1", "192.0.2.3 weight 2"}
	if len(hops) != 2 || hops[0] != want[0] || hops[1] != want[1] {
		t.Errorf("next hops = %q, want %q", hops, want)
	}
}
