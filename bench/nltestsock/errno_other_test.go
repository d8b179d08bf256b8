//go:build !linux

package nltestsock_test

import (
	"testing"

	"github.com/nlwire/nlwire"
)

// checkErrno checks that err is a *netlink.OpError with an error in it.
// Outside Linux, mdlayher/netlink (v1.11.2, conn_others.go) turns every
// errno of an NLMSG_ERROR into its "not implemented" error, so the
// number cannot be compared; the extended ACK fields still can.
func checkErrno(t *testing.T, err error, _ nlwire.Errno) {
	t.Helper()
	if oe := opError(t, err); oe.Err == nil {
		t.Errorf("error %v carries no error", err)
	}
}
