package main

import (
	"strings"
	"testing"
)

// TestValidateRouteChecks: -validate applies rtnetlink's checks beyond
// the policy (route.CheckRequest), as the kernel does: an RTM_NEWLINK
// whose IFLA_AF_SPEC holds an AF_INET IFLA_INET_CONF entry of type 0
// passes ifla_policy but is refused by inet_validate_link_af with a bare
// EINVAL (what Linux 6.18 answered to these bytes), and the same message
// with a valid entry (IPV4_DEVCONF_FORWARDING, type 1) is accepted.
func TestValidateRouteChecks(t *testing.T) {
	for _, tc := range []struct {
		hex, want string
	}{
		{"340000001000050001000000000000000000000001000000000000000000000014001a80100002800c0001800800000001000000", `would be rejected: EINVAL ""`},
		{"340000001000050001000000000000000000000001000000000000000000000014001a80100002800c0001800800010001000000", "accepted"},
	} {
		out, errs, status := runNldumpInput(t, []byte(tc.hex+"\n"), "-validate", "-family", "route")
		if status != 0 {
			t.Fatalf("status %d: %s", status, errs)
		}
		if !strings.Contains(out, "validate (LIBERAL) "+tc.want) {
			t.Errorf("%s: want verdict %q, got:\n%s", tc.hex, tc.want, out)
		}
	}
}
