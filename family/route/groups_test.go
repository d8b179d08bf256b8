package route_test

import (
	"testing"

	"github.com/nlwire/nlwire/family/route"
)

// TestGroups: Groups names every group up to RTNLGRP_MAX, each once, and
// each legacy RTMGRP_* mask is the bit of its group.
func TestGroups(t *testing.T) {
	if len(route.Groups.Names) != route.RTNLGRP_MAX+1 {
		t.Errorf("Groups names %d groups, want %d", len(route.Groups.Names), route.RTNLGRP_MAX+1)
	}
	for g := uint16(0); g <= route.RTNLGRP_MAX; g++ {
		name := route.Groups.Name(g)
		if v, ok := route.Groups.Lookup(name); name == "" || !ok || v != g {
			t.Errorf("group %d: name %q looks up as %d, %v", g, name, v, ok)
		}
	}
	if route.Groups.Name(route.RTNLGRP_IPV4_IFADDR) != "RTNLGRP_IPV4_IFADDR" || route.RTNLGRP_IPV4_IFADDR != 5 {
		t.Errorf("RTNLGRP_IPV4_IFADDR = %d, %q", route.RTNLGRP_IPV4_IFADDR, route.Groups.Name(route.RTNLGRP_IPV4_IFADDR))
	}
	for _, p := range []struct{ mask, group uint32 }{
		{route.RTMGRP_LINK, route.RTNLGRP_LINK},
		{route.RTMGRP_NOTIFY, route.RTNLGRP_NOTIFY},
		{route.RTMGRP_NEIGH, route.RTNLGRP_NEIGH},
		{route.RTMGRP_TC, route.RTNLGRP_TC},
		{route.RTMGRP_IPV4_IFADDR, route.RTNLGRP_IPV4_IFADDR},
		{route.RTMGRP_IPV4_MROUTE, route.RTNLGRP_IPV4_MROUTE},
		{route.RTMGRP_IPV4_ROUTE, route.RTNLGRP_IPV4_ROUTE},
		{route.RTMGRP_IPV4_RULE, route.RTNLGRP_IPV4_RULE},
		{route.RTMGRP_IPV6_IFADDR, route.RTNLGRP_IPV6_IFADDR},
		{route.RTMGRP_IPV6_MROUTE, route.RTNLGRP_IPV6_MROUTE},
		{route.RTMGRP_IPV6_ROUTE, route.RTNLGRP_IPV6_ROUTE},
		{route.RTMGRP_IPV6_IFINFO, route.RTNLGRP_IPV6_IFINFO},
		{route.RTMGRP_DECnet_IFADDR, route.RTNLGRP_DECnet_IFADDR},
		{route.RTMGRP_DECnet_ROUTE, route.RTNLGRP_DECnet_ROUTE},
		{route.RTMGRP_IPV6_PREFIX, route.RTNLGRP_IPV6_PREFIX},
	} {
		if p.mask != 1<<(p.group-1) {
			t.Errorf("%s: mask %#x, want 1<<(%d-1)", route.Groups.Name(uint16(p.group)), p.mask, p.group)
		}
	}
}

// TestGroupMessages: the messages the newest groups carry are described
// with their ifaddrmsg and IFA_* attributes (testdata/mcaddr.hex holds
// some, recorded from the kernel).
func TestGroupMessages(t *testing.T) {
	for _, typ := range []uint16{route.RTM_NEWMULTICAST, route.RTM_DELMULTICAST, route.RTM_GETMULTICAST,
		route.RTM_NEWANYCAST, route.RTM_DELANYCAST, route.RTM_GETANYCAST} {
		m := route.Messages.Msg(typ)
		if m == nil || m.HeaderLen != route.IfAddrMsgLen || m.Attrs != &route.AddrAttrs {
			t.Errorf("message type %d: %+v", typ, m)
		}
	}
}
