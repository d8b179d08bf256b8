package endian

import (
	"encoding/binary"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	b := make([]byte, 8)
	for _, swap := range []bool{false, true} {
		PutUint16(b, 0x0102, swap)
		if got := Uint16(b, swap); got != 0x0102 {
			t.Errorf("Uint16(swap=%v) = %#x, want 0x102", swap, got)
		}
		PutUint32(b, 0x01020304, swap)
		if got := Uint32(b, swap); got != 0x01020304 {
			t.Errorf("Uint32(swap=%v) = %#x", swap, got)
		}
		PutUint64(b, 0x0102030405060708, swap)
		if got := Uint64(b, swap); got != 0x0102030405060708 {
			t.Errorf("Uint64(swap=%v) = %#x", swap, got)
		}
	}
	// Swapped writes are the opposite of native ones.
	PutUint32(b, 0x01020304, true)
	want := make([]byte, 4)
	if binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
		binary.BigEndian.PutUint32(want, 0x01020304)
	} else {
		binary.LittleEndian.PutUint32(want, 0x01020304)
	}
	if string(b[:4]) != string(want) {
		t.Errorf("swapped PutUint32 wrote % x, want % x", b[:4], want)
	}
}
