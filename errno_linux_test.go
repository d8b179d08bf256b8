package nlwire

import (
	"errors"
	"strings"
	"syscall"
	"testing"
)

// TestErrnoMatchesSyscall checks every number against Linux's own names
// and texts, and errors.Is against syscall.Errno.
func TestErrnoMatchesSyscall(t *testing.T) {
	for n := 1; n < len(errnoTable); n++ {
		e := Errno(n)
		if e.Name() == "" {
			continue
		}
		if !errors.Is(e, syscall.Errno(n)) || errors.Is(e, syscall.Errno(n+1)) {
			t.Errorf("errors.Is(Errno(%d), syscall.Errno) wrong", n)
		}
		if got, want := e.Error(), syscall.Errno(n).Error(); !strings.EqualFold(got, want) && !strings.HasPrefix(want, "errno ") {
			t.Errorf("Errno(%d).Error() = %q, syscall says %q", n, got, want)
		}
	}
	if !errors.Is(EINVAL, syscall.EINVAL) || errors.Is(EINVAL, syscall.ERANGE) {
		t.Error("EINVAL does not match syscall.EINVAL only")
	}
	for _, c := range []struct {
		e Errno
		s syscall.Errno
	}{{EPERM, syscall.EPERM}, {ENOENT, syscall.ENOENT}, {EINTR, syscall.EINTR}, {ENOMEM, syscall.ENOMEM},
		{EBUSY, syscall.EBUSY}, {EEXIST, syscall.EEXIST}, {ENODEV, syscall.ENODEV}, {EINVAL, syscall.EINVAL},
		{ENOSPC, syscall.ENOSPC}, {ERANGE, syscall.ERANGE}, {ENODATA, syscall.ENODATA}, {EMSGSIZE, syscall.EMSGSIZE},
		{EAFNOSUPPORT, syscall.EAFNOSUPPORT}, {EOPNOTSUPP, syscall.EOPNOTSUPP}, {ENOBUFS, syscall.ENOBUFS}} {
		if int(c.e) != int(c.s) {
			t.Errorf("%s is %d, syscall says %d", c.e.Name(), int(c.e), int(c.s))
		}
	}
}
