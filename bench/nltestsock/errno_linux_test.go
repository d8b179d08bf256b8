package nltestsock_test

import (
	"errors"
	"syscall"
	"testing"

	"github.com/nlwire/nlwire"
)

// checkErrno checks that err carries the errno want, as
// mdlayher/netlink reports it on Linux: a syscall.Errno.
func checkErrno(t *testing.T, err error, want nlwire.Errno) {
	t.Helper()
	if !errors.Is(err, syscall.Errno(want)) {
		t.Errorf("error %v: want errno %d (%v)", err, int(want), syscall.Errno(want))
	}
}
