//go:build linux

package route_test

import (
	"errors"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/testenv"
)

// TestKernelGroups asks the running kernel where its groups end: it must
// let a socket join RTNLGRP_MAX and refuse RTNLGRP_MAX+1 with EINVAL
// (netlink_setsockopt checks the group against the family's count). A
// kernel that accepts more has groups this package lacks; an older one
// that refuses RTNLGRP_MAX skips the test.
func TestKernelGroups(t *testing.T) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
	if err != nil {
		testenv.Skip(t, "no NETLINK_ROUTE socket: "+err.Error())
	}
	defer unix.Close(fd)
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		t.Fatal(err)
	}
	join := func(g int) error { return unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_ADD_MEMBERSHIP, g) }
	for _, g := range []int{route.RTNLGRP_LINK, route.RTNLGRP_IPV4_IFADDR, route.RTNLGRP_IPV6_ROUTE} {
		if err := join(g); err != nil {
			t.Fatalf("join %s: %v", route.Groups.Name(uint16(g)), err)
		}
	}
	if err := join(route.RTNLGRP_MAX); err != nil {
		testenv.Skip(t, "the kernel refuses RTNLGRP_MAX ("+route.Groups.Name(route.RTNLGRP_MAX)+"): older than this package: "+err.Error())
	}
	if err := join(route.RTNLGRP_MAX + 1); !errors.Is(err, unix.EINVAL) {
		t.Errorf("join RTNLGRP_MAX+1: %v, want EINVAL: the kernel knows groups that route.Groups lacks", err)
	}
}
