package wire

import "testing"

func TestFlagsText(t *testing.T) {
	tests := []struct {
		f    Flags
		op   Op
		want string
	}{
		{0, OpUnknown, "0"},
		{Request, OpUnknown, "NLM_F_REQUEST"},
		{Request | Ack, OpUnknown, "NLM_F_REQUEST|NLM_F_ACK"},
		{Request | Dump, OpUnknown, "NLM_F_REQUEST|0x300"},
		{Request | Dump, OpGet, "NLM_F_REQUEST|NLM_F_DUMP"},
		{Request | Root, OpGet, "NLM_F_REQUEST|NLM_F_ROOT"},
		{Request | Dump | Atomic, OpGet, "NLM_F_REQUEST|NLM_F_DUMP|NLM_F_ATOMIC"},
		{Request | Ack | Create | Excl, OpNew, "NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE"},
		{Request | Replace | Append, OpNew, "NLM_F_REQUEST|NLM_F_REPLACE|NLM_F_APPEND"},
		{Request | NonRec | Bulk, OpDelete, "NLM_F_REQUEST|NLM_F_NONREC|NLM_F_BULK"},
		{Capped | AckTLVs, OpAck, "NLM_F_CAPPED|NLM_F_ACK_TLVS"},
		{Multi | DumpIntr | DumpFiltered, OpAck, "NLM_F_MULTI|NLM_F_DUMP_INTR|NLM_F_DUMP_FILTERED"},
		{Echo | 0x1000, OpNew, "NLM_F_ECHO|0x1000"},
		{0x800, OpGet, "0x800"},
		{0x300, OpAck, "NLM_F_CAPPED|NLM_F_ACK_TLVS"},
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
	if got != "flags=NLM_F_REQUEST|NLM_F_ACK" {
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
