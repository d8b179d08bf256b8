package nltestsock_test

import (
	"encoding/binary"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mdlayher/genetlink"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/bench/nltestsock"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/nltest"
)

// getFamily asks nlctrl for the family name through genetlink.Conn's
// Execute, as genetlink's own GetFamily does on Linux, and reads the
// reply with mdlayher/netlink's AttributeDecoder.
func getFamily(t *testing.T, c *genetlink.Conn, name string) famInfo {
	t.Helper()
	ae := netlink.NewAttributeEncoder()
	ae.String(genl.CTRL_ATTR_FAMILY_NAME, name)
	b, err := ae.Encode()
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Execute(genetlink.Message{
		Header: genetlink.Header{Command: genl.CTRL_CMD_GETFAMILY, Version: 1},
		Data:   b,
	}, genl.GENL_ID_CTRL, netlink.Request)
	if err != nil {
		t.Fatalf("GETFAMILY %q: %v", name, err)
	}
	if len(msgs) != 1 {
		t.Fatalf("GETFAMILY %q: %d replies, want 1", name, len(msgs))
	}
	f, err := parseFamily(msgs[0].Data)
	if err != nil {
		t.Fatalf("GETFAMILY %q: %v", name, err)
	}
	return f
}

// The registered family, found through nlctrl by genetlink on any GOOS:
// its ID, version, operations (with the capability bits the kernel
// adds) and multicast groups are what was registered. The dump-only
// command has no policy, so from the family's resv_start_op (0) on the
// kernel gives it the reject-all policy, and reports GENL_CMD_CAP_HASPOL.
func TestGenetlinkResolveFamily(t *testing.T) {
	k, id := testKernel(t)
	c := genetlink.NewConn(nltestsock.Dial(k, nil))
	defer c.Close()

	got := getFamily(t, c, testName)
	want := famInfo{
		ID: id, Name: testName, Version: testVersion, MaxAttr: 2,
		Ops: []opInfo{
			{ID: cmdDouble, Flags: nltest.GENL_CMD_CAP_DO | nltest.GENL_CMD_CAP_HASPOL},
			{ID: cmdList, Flags: nltest.GENL_ADMIN_PERM | nltest.GENL_CMD_CAP_DUMP | nltest.GENL_CMD_CAP_HASPOL},
		},
	}
	for _, g := range testGroups {
		want.Groups = append(want.Groups, genetlink.MulticastGroup{ID: g.ID, Name: g.Name})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("family (-registered +resolved):\n%s", diff)
	}
}

// A request the family's policy refuses fails in genetlink's Execute
// with a *netlink.OpError carrying the fake's extended ACK: the
// kernel's message and the offset of the attribute from the start of
// the request. A request it accepts gets the handler's reply.
func TestGenetlinkExtendedAck(t *testing.T) {
	k, id := testKernel(t)
	c := genetlink.NewConn(nltestsock.Dial(k, nil))
	defer c.Close()

	exec := func(v uint16) ([]genetlink.Message, error) {
		ae := netlink.NewAttributeEncoder()
		ae.Uint16(1, v)
		b, err := ae.Encode()
		if err != nil {
			t.Fatal(err)
		}
		return c.Execute(genetlink.Message{
			Header: genetlink.Header{Command: cmdDouble, Version: testVersion},
			Data:   b,
		}, id, netlink.Request)
	}

	msgs, err := exec(21)
	if err != nil {
		t.Fatalf("accepted request: %v", err)
	}
	if len(msgs) != 1 || msgs[0].Header.Command != cmdDouble || len(msgs[0].Data) != 8 {
		t.Fatalf("accepted request: replies %+v", msgs)
	}
	if got := binary.NativeEndian.Uint16(msgs[0].Data[4:]); got != 42 {
		t.Errorf("reply attribute 1 = %d, want 42", got)
	}

	_, err = exec(200)
	oe := opError(t, err)
	// nlmsghdr (16) + genlmsghdr (4): the attribute is at 20.
	if oe.Message != "integer out of range" || oe.Offset != 20 || oe.Op != "receive" {
		t.Errorf("refused request: OpError %+v, want receive, offset 20, %q", oe, "integer out of range")
	}
	checkErrno(t, err, nlwire.ERANGE)
}

// A dump longer than a datagram comes back whole through genetlink:
// netlink.Conn reads datagram after datagram until NLMSG_DONE.
func TestGenetlinkDump(t *testing.T) {
	k, id := testKernel(t)
	c := genetlink.NewConn(nltestsock.Dial(k, nil))
	defer c.Close()
	msgs, err := c.Execute(genetlink.Message{
		Header: genetlink.Header{Command: cmdList, Version: testVersion},
	}, id, netlink.Request|netlink.Dump)
	if err != nil {
		t.Fatal(err)
	}
	var got []uint16
	for _, m := range msgs {
		ad, err := netlink.NewAttributeDecoder(m.Data)
		if err != nil {
			t.Fatal(err)
		}
		for ad.Next() {
			if ad.Type() == 1 {
				got = append(got, ad.Uint16())
			}
		}
	}
	want := make([]uint16, testDumpLen)
	for i := range want {
		want[i] = uint16(i)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dumped values (-want +got):\n%s", diff)
	}
}
