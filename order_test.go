package nlwire

import (
	"encoding/binary"
	"testing"
)

func TestOrder(t *testing.T) {
	hostBig := binary.NativeEndian.Uint16([]byte{0, 1}) == 1
	tests := []struct {
		o    Order
		swap bool
		name string
	}{
		{Native, false, "native"},
		{LittleEndian, hostBig, "little-endian"},
		{BigEndian, !hostBig, "big-endian"},
		{Order(9), false, "invalid order"},
	}
	for _, tt := range tests {
		if got := tt.o.Swap(); got != tt.swap {
			t.Errorf("%v.Swap() = %v, want %v", tt.o, got, tt.swap)
		}
		if got := tt.o.String(); got != tt.name {
			t.Errorf("String() = %q, want %q", got, tt.name)
		}
	}
	if want := map[bool]Order{false: LittleEndian, true: BigEndian}[hostBig]; Host() != want {
		t.Errorf("Host() = %v, want %v", Host(), want)
	}
	if Host().Swap() {
		t.Error("Host().Swap() = true")
	}
}

func TestErrno(t *testing.T) {
	tests := []struct {
		e          Errno
		name, text string
	}{
		{EINVAL, "EINVAL", "Invalid argument"},
		{ERANGE, "ERANGE", "Numerical result out of range"},
		{EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported"},
		{ENOBUFS, "ENOBUFS", "No buffer space available"},
		{133, "EHWPOISON", "Memory page has hardware error"},
		{41, "", "errno 41"},
		{0, "", "errno 0"},
		{-5, "", "errno -5"},
		{134, "", "errno 134"},
	}
	for _, tt := range tests {
		if got := tt.e.Name(); got != tt.name {
			t.Errorf("Errno(%d).Name() = %q, want %q", int32(tt.e), got, tt.name)
		}
		if got := tt.e.Error(); got != tt.text {
			t.Errorf("Errno(%d).Error() = %q, want %q", int32(tt.e), got, tt.text)
		}
	}
}
