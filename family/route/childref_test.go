package route_test

import (
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/route"
)

// TestSelfContainingChildren: the nests whose payload is the space they
// belong to (or one holding it) reach it through Attr.ChildSet, without
// an init function.
func TestSelfContainingChildren(t *testing.T) {
	for _, c := range []struct {
		name string
		set  *family.Set
		typ  uint16
		want *family.Set
	}{
		{"IFLA_PROP_LIST", &route.LinkAttrs, route.IFLA_PROP_LIST, &route.LinkAttrs},
		{"VETH_INFO_PEER", &route.VethAttrs, route.VETH_INFO_PEER, &route.LinkAttrs},
		{"RTA_MULTIPATH", &route.RouteAttrs, route.RTA_MULTIPATH, &route.RouteAttrs},
	} {
		if got := c.set.Attr(c.typ).ChildSet(""); got != c.want {
			t.Errorf("%s: child %v, want %s", c.name, got, c.want.Space)
		}
	}
}
