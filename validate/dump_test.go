package validate

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/internal/testenv"
)

// readDump reads a recording made by /tmp/recpolicy (see the file's
// header): the attributes of each reply message after the genlmsghdr.
func readDump(t testing.TB, name string) [][]byte {
	t.Helper()
	return testenv.ReadPolicyDump(t, "testdata/"+name)
}

func loadDump(t testing.TB, name string) *PolicyDump {
	t.Helper()
	d, err := ParsePolicyDump(readDump(t, name), nlwire.LittleEndian)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

// TestDumpNlctrl checks the recorded nlctrl dump against genl_ctrl's
// ctrl_policy_family (net/netlink/genetlink.c): CTRL_ATTR_FAMILY_ID is
// NLA_U16, CTRL_ATTR_FAMILY_NAME NLA_NUL_STRING of at most GENL_NAMSIZ-1.
func TestDumpNlctrl(t *testing.T) {
	d := loadDump(t, "policydump-nlctrl.hex")
	if d.FamilyID != 0x10 {
		t.Errorf("FamilyID = %d, want 16 (GENL_ID_CTRL)", d.FamilyID)
	}
	do, dump := d.Op(3) // CTRL_CMD_GETFAMILY
	if do == nil || dump == nil {
		t.Fatalf("GETFAMILY policies missing: %+v", d.Ops)
	}
	want := []Rule{1: {Kind: U16}, 2: {Kind: NulString, Len: 15}}
	if diff := cmp.Diff(want, do.Rules, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("GETFAMILY do policy (-want +got)\n%s", diff)
	}
	if do.maxType() != 2 || d.Tables[0].MaxTypeKnown {
		t.Errorf("top-level maxtype must be a lower bound: %d, known %v", do.maxType(), d.Tables[0].MaxTypeKnown)
	}
	// The dump-only CTRL_CMD_GETPOLICY shows under command 0 in this
	// recording, with CTRL_ATTR_OP (10) as U32.
	_, gp := d.Op(0)
	if gp == nil || gp.Rules[10].Kind != U32 {
		t.Errorf("GETPOLICY dump policy = %+v", gp)
	}
	// Validate a real GETFAMILY request against the dumped policy.
	req := cat(host.a(2, str("nlctrl\x00")))
	if err := Validate(req, do, ModeStrict); err != nil {
		t.Errorf("GETFAMILY nlctrl: %v", err)
	}
	long := host.a(2, str("0123456789abcdef\x00"))
	// No NUL within GENL_NAMSIZ bytes: EINVAL (validate_nla, NLA_NUL_STRING).
	if diff := cmp.Diff(fail(EINVAL, MsgFailed, 0, true, 2), resultOf(Validate(long, do, ModeStrict))); diff != "" {
		t.Errorf("16-byte family name (-want +got)\n%s", diff)
	}
	// 15 characters and no NUL: the NUL check fails first.
	if diff := cmp.Diff(fail(EINVAL, MsgFailed, 0, true, 2),
		resultOf(Validate(host.a(2, str("0123456789abcde")), do, ModeStrict))); diff != "" {
		t.Errorf("unterminated name (-want +got)\n%s", diff)
	}
}

// TestDumpEthtool checks the recorded ethtool dump against
// net/ethtool/netlink.c: 58 policy tables with 210 attribute
// descriptions for 50 operations, and ethnl_header_policy.
func TestDumpEthtool(t *testing.T) {
	d := loadDump(t, "policydump-ethtool.hex")
	n := 0
	for _, tb := range d.Tables {
		n += len(tb.Attrs)
	}
	if len(d.Tables) != 58 || n != 210 || len(d.Ops) != 50 {
		t.Errorf("%d tables, %d attributes, %d ops; want 58, 210, 50", len(d.Tables), n, len(d.Ops))
	}
	// ETHTOOL_MSG_STRSET_GET (1): ETHTOOL_A_STRSET_HEADER is the header
	// nest with ETHTOOL_A_HEADER_PHY_INDEX, maxtype 4.
	do, dump := d.Op(1)
	if do == nil || dump != do {
		t.Fatalf("STRSET_GET policies: %v %v", do, dump)
	}
	hdr := do.Rules[1].Nested
	if do.Rules[1].Kind != Nested || hdr == nil {
		t.Fatalf("STRSET_GET header rule = %+v", do.Rules[1])
	}
	wantHdr := []Rule{
		1: {Kind: U32},                       // ETHTOOL_A_HEADER_DEV_INDEX
		2: {Kind: NulString, Len: 127},       // ETHTOOL_A_HEADER_DEV_NAME (ALTIFNAMSIZ - 1)
		3: Mask(U32, 3),                      // ETHTOOL_A_HEADER_FLAGS (ETHTOOL_FLAGS_BASIC)
		4: FullRange(U32, 1, math.MaxUint32), // ETHTOOL_A_HEADER_PHY_INDEX (NLA_POLICY_MIN(NLA_U32, 1))
	}
	if diff := cmp.Diff(wantHdr, hdr.Rules, cmpopts.IgnoreFields(Rule{}, "Func")); diff != "" {
		t.Errorf("header policy (-want +got)\n%s", diff)
	}
	if hdr.MaxType != 4 || !d.Tables[1].MaxTypeKnown {
		t.Errorf("header maxtype %d known %v", hdr.MaxType, d.Tables[1].MaxTypeKnown)
	}
	// ETHTOOL_MSG_LINKINFO_GET (3) uses the header policy without
	// PHY_INDEX: the same table dumped with maxtype 3.
	li, _ := d.Op(3)
	if li == nil || li.Rules[1].Nested == nil || li.Rules[1].Nested.MaxType != 3 {
		t.Fatalf("LINKINFO_GET header: %+v", li)
	}
	e := host
	ok := e.nest(1, e.a(2, str("lo\x00")), e.a(3, e.u32(1)))
	if err := (Options{Base: 20}).Validate(ok, li, ModeStrict); err != nil {
		t.Errorf("LINKINFO_GET: %v", err)
	}
	badFlags := e.nest(1, e.a(3, e.u32(4)))
	if diff := cmp.Diff(fail(EINVAL, MsgReservedBit, 24, false, 1, 3),
		resultOf(Options{Base: 20}.Validate(badFlags, li, ModeStrict))); diff != "" {
		t.Errorf("flags 4 (-want +got)\n%s", diff)
	}
	phy := e.nest(1, e.a(4, e.u32(1)))
	if diff := cmp.Diff(fail(EINVAL, MsgUnknownType, 24, false, 1, 4),
		resultOf(Options{Base: 20}.Validate(phy, li, ModeStrict))); diff != "" {
		t.Errorf("PHY_INDEX under maxtype 3 (-want +got)\n%s", diff)
	}
	// Every description converts back to itself through Describe, up to
	// the nested policy index, which only dumps carry.
	for i, tb := range d.Tables {
		for _, a := range tb.Attrs {
			got, ok := tb.Policy.Rules[a.Type].Describe()
			want := a.AttrPolicy
			want.Has &^= 1<<PolicyAttrPolicyIdx | 1<<PolicyAttrPolicyMaxType
			want.PolicyIdx, want.PolicyMaxType = 0, 0
			if !ok || got != want {
				t.Errorf("table %d type %d: Describe = %v, dumped %v", i, a.Type, got, a.AttrPolicy)
			}
		}
	}
}

// TestDumpErrors: malformed dumps are refused with a *DumpError that
// says where.
func TestDumpErrors(t *testing.T) {
	e := host
	family := e.a(ctrlAttrFamilyID, e.u16(0x10))
	// The attribute at fault, in the second message: CTRL_ATTR_POLICY at
	// 0, policy 0 at 4, type 1 at 8, its NL_POLICY_TYPE_ATTR_TYPE at 12.
	bad := e.nest(8, e.nest(0, e.nest(1, e.a(1, e.u32(99)))))
	trunc := bad[:len(bad)-2]
	for _, c := range []struct {
		name string
		b    []byte
		off  int
	}{
		{"unknown NL_ATTR_TYPE 99", bad, 12},
		{"truncated", trunc, 0},
		{"no NL_POLICY_TYPE_ATTR_TYPE", e.nest(8, e.nest(0, e.nest(1, e.a(7, e.u32(15))))), 8},
		{"dangling nested policy", e.nest(8, e.nest(0, e.nest(1, e.a(1, e.u32(13)), e.a(8, e.u32(5)), e.a(9, e.u32(1))))), 8},
		{"nested maxtype below a described type", cat(
			e.nest(8, e.nest(0, e.nest(1, e.a(1, e.u32(13)), e.a(8, e.u32(1)), e.a(9, e.u32(1))))),
			e.nest(8, e.nest(1, e.nest(2, e.a(1, e.u32(4)))))), 8},
	} {
		_, err := ParsePolicyDump([][]byte{family, c.b}, nlwire.Native)
		var de *DumpError
		if !errors.As(err, &de) || !errors.Is(err, ErrBadDump) || errors.Is(err, ErrDumpTooLarge) {
			t.Errorf("%s: %v, want a *DumpError for ErrBadDump", c.name, err)
			continue
		}
		if de.Message != 1 || de.Offset != c.off {
			t.Errorf("%s: message %d offset %d, want 1 and %d: %v", c.name, de.Message, de.Offset, c.off, err)
		}
	}
	// An operation's policy index is a u32 an attacker writes: it must not
	// size the tables (a 24-byte dump once asked for 4 G tables).
	for _, idx := range []uint32{0x4000, 1_000_000, 0xffffffff} {
		op := e.nest(9, e.nest(3, e.a(1, e.u32(idx))))
		if _, err := ParsePolicyDump([][]byte{op}, nlwire.Native); !errors.Is(err, ErrBadDump) {
			t.Errorf("op policy index %#x: %v, want ErrBadDump", idx, err)
		}
	}
}

// TestDumpTooLarge: many tables naming type 0x3fff would need a rule
// array of 16,384 entries each, an operation naming policy 0x3fff 16,384
// tables: such a dump is refused before it is allocated, naming the
// attribute that asked for too much.
func TestDumpTooLarge(t *testing.T) {
	e := host
	var tables [][]byte
	for i := range uint16(200) {
		tables = append(tables, entry(i, 0x3fff))
	}
	b := e.nest(ctrlAttrPolicy, tables...)
	var err error
	n := allocated(func() { _, err = ParsePolicyDump([][]byte{e.a(ctrlAttrFamilyID, e.u16(0x10)), b}, nlwire.Native) })
	var de *DumpError
	if !errors.As(err, &de) || !errors.Is(err, ErrDumpTooLarge) || !errors.Is(err, ErrBadDump) {
		t.Fatalf("200 tables of type 0x3fff: %v, want a *DumpError for ErrDumpTooLarge", err)
	}
	// The budget, 24 bytes per input byte plus 8 KiB, holds no table of
	// 16,384 rules for 3,212 bytes: the first description fails, at
	// offset 8 of the second message (inside CTRL_ATTR_POLICY and
	// policy 0's nest).
	if de.Message != 1 || de.Offset != 8 {
		t.Errorf("refused at message %d offset %d, want 1 and 8: %v", de.Message, de.Offset, err)
	}
	// What was allocated: 200 table sizes and the error.
	if n > 8<<10 {
		t.Errorf("%d bytes allocated to refuse the dump", n)
	}
	// An operation naming a policy index far beyond what the dump holds:
	// refused at its CTRL_ATTR_POLICY_DO (CTRL_ATTR_OP_POLICY at 0,
	// command 3 at 4).
	op := e.nest(ctrlAttrOpPolicy, e.nest(3, e.a(ctrlAttrPolicyDo, e.u32(0x3fff))))
	n = allocated(func() { _, err = ParsePolicyDump([][]byte{op}, nlwire.Native) })
	if !errors.As(err, &de) || !errors.Is(err, ErrDumpTooLarge) || de.Message != 0 || de.Offset != 8 {
		t.Errorf("operation with policy 0x3fff: %v, want ErrDumpTooLarge at message 0 offset 8", err)
	}
	if n > 1<<10 {
		t.Errorf("%d bytes allocated to refuse the operation", n)
	}
}

// FuzzParsePolicyDump parses any bytes as a policy dump, in both byte
// orders: no panic, no more memory than ParsePolicyDump's bound, an error
// that says where, and on a dump it accepts, the reference parser's
// result (checkDump).
func FuzzParsePolicyDump(f *testing.F) {
	e := host
	f.Add(e.nest(8, e.nest(0, e.nest(1, e.a(1, e.u32(4)), e.a(5, e.u64(100))))))
	f.Add(e.nest(9, e.nest(3, e.a(1, e.u32(0)), e.a(2, e.u32(0)))))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, o := range []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian} {
			checkDump(t, [][]byte{b}, o)
		}
	})
}

// TestOpDumpOnly: in a dump of one operation's policies the kernel lists
// a dump-only operation under command 0 (seen on Linux 6.18 for nlctrl's
// CTRL_CMD_GETPOLICY; nlsock's TestGenlFamilyAndPolicy checks it live);
// Op finds it under any command, and nowhere else.
func TestOpDumpOnly(t *testing.T) {
	one := &PolicyDump{Tables: []DumpTable{{}}, Ops: []OpPolicy{{Cmd: 0, Do: -1, Dump: 0}}}
	if do, dump := one.Op(10); do != nil || dump != &one.Tables[0].Policy {
		t.Errorf("dump-only op: %v %v", do, dump)
	}
	two := &PolicyDump{Tables: []DumpTable{{}}, Ops: []OpPolicy{{Cmd: 0, Do: -1, Dump: 0}, {Cmd: 3, Do: 0, Dump: -1}}}
	if do, dump := two.Op(10); do != nil || dump != nil {
		t.Errorf("a whole family's dump answered for a command it lacks: %v %v", do, dump)
	}
	withDo := &PolicyDump{Tables: []DumpTable{{}}, Ops: []OpPolicy{{Cmd: 0, Do: 0, Dump: 0}}}
	if do, dump := withDo.Op(10); do != nil || dump != nil {
		t.Errorf("command 0 with a do handler answered for command 10: %v %v", do, dump)
	}
}

// TestAttrPolicyAppend: descriptions encode as the kernel writes them
// (net/netlink/policy.c, __netlink_policy_dump_write_attr: the kind's
// values, then the type; nlsock's TestValidateAgainstKernel compares the
// bytes of every rejection with the kernel's), and parse back.
func TestAttrPolicyAppend(t *testing.T) {
	le := nlwire.LittleEndian
	for _, tt := range []struct {
		rule Rule
		want string // hex
	}{
		{Range(U16, 1, 4094), "0c000400 01000000 00000000 0c000500 fe0f0000 00000000 08000100 03000000"},
		{Mask(U32, 0xf0), "0c000c00 f0000000 00000000 08000100 04000000"},
		{Min(S32, -3), "0c000200 fdffffff ffffffff 0c000300 ffffff7f 00000000 08000100 08000000"},
		{ValidateFn(U8, func([]byte) error { return nil }), "0c000400 00000000 00000000 0c000500 ff000000 00000000 08000100 02000000"},
		{Rule{Kind: NulString, Len: 15}, "08000700 0f000000 08000100 0c000000"},
		{Bitfield32Policy(0x3), "08000a00 03000000 08000100 0f000000"},
		{Rule{Kind: Flag}, "08000100 01000000"},
		{NestedPolicy(&Policy{}), "08000100 0d000000"},
	} {
		ap, ok := tt.rule.Describe()
		if !ok {
			t.Fatalf("%v: not described", tt.rule.Kind)
		}
		got := ap.Append(nil, le)
		if want := hexBytes(t, tt.want); !bytes.Equal(got, want) {
			t.Errorf("%v: got % x, want % x", ap, got, want)
		}
		back, err := ParseAttrPolicy(got, le)
		if err != nil || back != ap {
			t.Errorf("%v: parsed back as %v, %v", ap, back, err)
		}
	}
}

// hexBytes decodes hex with spaces.
func hexBytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
