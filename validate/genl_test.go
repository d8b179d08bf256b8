package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire"
)

// TestGenlHeader: the cases seen on Linux 6.18 (nlsock's
// TestGenlHeaderAgainstKernel compares every flag value live).
func TestGenlHeader(t *testing.T) {
	for _, tt := range []struct {
		flags uint16
		hdr   []byte
		resv  uint8
		want  *Error
		what  string
	}{
		{0x01, []byte{1, 1, 0, 0}, 0, nil, "request"},
		{0x0d, []byte{1, 1, 0, 0}, 0, nil, "request, ack, echo"},
		{0x301, []byte{1, 1, 0, 0}, 0, nil, "dump"},
		{0x101, []byte{1, 1, 0, 0}, 0, &Error{Errno: nlwire.EINVAL, Msg: MsgGenlFlags}, "half a dump"},
		{0x11, []byte{1, 1, 0, 0}, 0, &Error{Errno: nlwire.EINVAL, Msg: MsgGenlFlags}, "DUMP_INTR"},
		{0x21, []byte{1, 1, 0, 0}, 0, &Error{Errno: nlwire.EINVAL, Msg: MsgGenlFlags}, "DUMP_FILTERED"},
		{0x311, []byte{1, 1, 0, 0}, 0, &Error{Errno: nlwire.EINVAL, Msg: MsgGenlFlags}, "dump and DUMP_INTR"},
		{0x701, []byte{1, 1, 0, 0}, 0, &Error{Errno: nlwire.EINVAL, Msg: MsgGenlFlags}, "dump and 0x400"},
		{0x301, []byte{1, 1, 1, 0}, 0, &Error{Errno: nlwire.EINVAL, Msg: MsgGenlReserved}, "reserved, checked first"},
		{0x11, []byte{1, 1, 0, 1}, 0, &Error{Errno: nlwire.EINVAL, Msg: MsgGenlReserved}, "reserved high byte"},
		{0x11, []byte{3, 1, 1, 0}, 11, nil, "below resv_start_op"},
		{0x11, []byte{200, 1, 0, 0}, 11, &Error{Errno: nlwire.EINVAL, Msg: MsgGenlFlags}, "from resv_start_op, unknown command too"},
		{0x01, []byte{1, 1, 0}, 0, &Error{Errno: nlwire.EINVAL}, "short header"},
	} {
		var got *Error
		if err := GenlHeader(tt.flags, tt.hdr, tt.resv); err != nil {
			got = err.(*Error)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tt.what, diff)
		}
		// GenlHeaderInto decides the same, into a reused Error.
		e := dirtyError()
		if ok := GenlHeaderInto(tt.flags, tt.hdr, tt.resv, e); ok != (tt.want == nil) {
			t.Errorf("%s: GenlHeaderInto accepted %v", tt.what, ok)
		} else if !ok {
			if len(e.Path) != 0 {
				t.Errorf("%s: GenlHeaderInto left path %v", tt.what, e.Path)
			}
			e.Path = nil
			if diff := cmp.Diff(tt.want, e); diff != "" {
				t.Errorf("%s: GenlHeaderInto (-want +got)\n%s", tt.what, diff)
			}
		}
	}
	var e Error
	hdr := []byte{1, 1, 0, 0}
	if a := testing.AllocsPerRun(100, func() { GenlHeaderInto(0x11, hdr, 0, &e) }); a != 0 {
		t.Errorf("GenlHeaderInto: %v allocations per rejection, want 0", a)
	}
}
