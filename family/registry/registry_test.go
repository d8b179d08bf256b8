package registry_test

import (
	"slices"
	"testing"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/ethtool"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/family/registry"
)

func TestGeneric(t *testing.T) {
	all := registry.GenericFamilies()
	if len(all) < 14 {
		t.Fatalf("%d families", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b *family.Family) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	}) {
		t.Fatal("families are not sorted by name")
	}
	for i, f := range all {
		if f.Protocol != 16 {
			t.Errorf("%s: protocol %d, not generic netlink", f.Name, f.Protocol)
		}
		if i > 0 && all[i-1].Name == f.Name {
			t.Errorf("%s listed twice", f.Name)
		}
		if got := registry.Generic(f.Name); got != f {
			t.Errorf("Generic(%q) = %v", f.Name, got)
		}
	}
	if registry.Generic("netdev") != &netdev.Family || registry.Generic("ethtool") != &ethtool.Family {
		t.Error("netdev or ethtool not found")
	}
	for _, name := range []string{"", "rt-link", "nftables", "netde", "netdevx", "zzz", "NETDEV"} {
		if f := registry.Generic(name); f != nil {
			t.Errorf("Generic(%q) = %s, want nil", name, f.Name)
		}
	}
	all[0] = nil // the caller's copy
	if registry.GenericFamilies()[0] == nil {
		t.Error("GenericFamilies shares its table")
	}
	if n := testing.AllocsPerRun(100, func() { registry.Generic("team") }); n != 0 {
		t.Errorf("Generic allocates %v times", n)
	}
}

func TestOp(t *testing.T) {
	f := &netdev.Family
	if o := registry.Op(f, netdev.NETDEV_CMD_DEV_GET, true); o == nil || o.Name != "NETDEV_CMD_DEV_GET" || o.Attrs != &netdev.DevAttrs {
		t.Errorf("DEV_GET request: %+v", o)
	}
	if o := registry.Op(f, netdev.NETDEV_CMD_DEV_GET, false); o == nil || o.Name != "NETDEV_CMD_DEV_GET" {
		t.Errorf("DEV_GET reply: %+v", o)
	}
	if o := registry.Op(f, 200, true); o != nil {
		t.Errorf("command 200: %+v", o)
	}
	if o := registry.Op(nil, 1, true); o != nil {
		t.Errorf("nil family: %+v", o)
	}
	// A notification has no request: its command is not one.
	e := &ethtool.Family
	if o := registry.Op(e, 3, false); o == nil || o.Name != "ETHTOOL_MSG_LINKINFO_NTF" {
		t.Errorf("ethtool reply 3: %+v", o)
	}
	if o := registry.Op(e, 3, true); o == nil || o.Name == "ETHTOOL_MSG_LINKINFO_NTF" {
		t.Errorf("ethtool request 3: %+v", o)
	}
}
