package wire

import (
	"errors"
	"syscall"
	"testing"
)

func TestKernelErrorIsSyscallErrno(t *testing.T) {
	e, err := ParseError(loadRecording(t, "err_mtu_short.hex").datagrams[0], le)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(&e, syscall.ERANGE) || errors.Is(&e, syscall.EINVAL) {
		t.Errorf("errors.Is(%v, syscall.ERANGE) = false or matches EINVAL", &e)
	}
}
