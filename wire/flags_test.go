package wire

import "testing"

func TestFlagsText(t *testing.T) {
	tests := []struct {
		f    Flags
		op   Op
		want string
	}{
		{0, OpUnknown, "0"},
		{Request, OpUnknown, "REQUEST"},
		{Request | Ack, OpUnknown, "REQUEST|ACK"},
		{Request | Dump, OpUnknown, "REQUEST|0x300"},
		{Request | Dump, OpGet, "REQUEST|DUMP"},
		{Request | Root, OpGet, "REQUEST|ROOT"},
		{Request | Dump | Atomic, OpGet, "REQUEST|DUMP|ATOMIC"},
		{Request | Ack | Create | Excl, OpNew, "REQUEST|ACK|EXCL|CREATE"},
		{Request | Replace | Append, OpNew, "REQUEST|REPLACE|APPEND"},
		{Request | NonRec | Bulk, OpDelete, "REQUEST|NONREC|BULK"},
		{Capped | AckTLVs, OpAck, "CAPPED|ACK_TLVS"},
		{Multi | DumpIntr | DumpFiltered, OpAck, "MULTI|DUMP_INTR|DUMP_FILTERED"},
		{Echo | 0x1000, OpNew, "ECHO|0x1000"},
		{0x800, OpGet, "0x800"},
		{0x300, OpAck, "CAPPED|ACK_TLVS"},
	}
	for _, tt := range tests {
		if got := string(tt.f.Append(nil, tt.op)); got != tt.want {
			t.Errorf("Flags(%#x).Append(op %d) = %q, want %q", uint16(tt.f), tt.op, got, tt.want)
		}
		if tt.op == OpUnknown {
			if got := tt.f.String(); got != tt.want {
				t.Errorf("Flags(%#x).String() = %q, want %q", uint16(tt.f), got, tt.want)
			}
		}
	}
}

func TestFlagsAppendPrefix(t *testing.T) {
	got := string((Request | Ack).Append([]byte("flags="), OpUnknown))
	if got != "flags=REQUEST|ACK" {
		t.Errorf("Append after a prefix = %q", got)
	}
}

func TestOpOf(t *testing.T) {
	for typ, want := range map[uint16]Op{TypeError: OpAck, TypeDone: OpAck, TypeNoop: OpUnknown, 0x10: OpUnknown} {
		if got := OpOf(typ); got != want {
			t.Errorf("OpOf(%d) = %d, want %d", typ, got, want)
		}
	}
}
