package attr_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// The golden files were recorded on Linux 6.18 x86_64, so they are
// decoded as little-endian whatever the host.

func dumpTree(t *testing.T, nodes []node, indent string) {
	for _, n := range nodes {
		t.Logf("%s@%d type %#x len %d", indent, n.Offset, n.Type, len(n.Data))
		dumpTree(t, n.Kids, indent+"  ")
	}
}

// linkNest knows the nests of an RTM_NEWLINK message for lo.
func linkNest(path []uint16, raw uint16) bool {
	typ := raw & attr.TypeMask
	switch len(path) {
	case 0:
		return raw&attr.FlagNested != 0 || slices.Contains([]uint16{iflaLinkinfo, iflaAFSpec, 43 /* IFLA_XDP */, 52 /* IFLA_PROP_LIST */}, typ)
	case 1:
		// Each IFLA_AF_SPEC entry is a nest per address family.
		return path[0]&attr.TypeMask == iflaAFSpec || raw&attr.FlagNested != 0
	}
	return raw&attr.FlagNested != 0
}

func TestGoldenLink(t *testing.T) {
	b := readHex(t, "rtm_newlink_lo.hex")
	d := attr.NewDecoder(b).WithOrder(nlwire.LittleEndian).WithBase(32)
	tree, err := decodeTree(d, nil, linkNest)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		dumpTree(t, tree, "")
	}
	// Known values.
	d = attr.NewDecoder(b).WithOrder(nlwire.LittleEndian).WithBase(32)
	if a, ok := d.Find(iflaIfname); !ok || a.String() != "lo" || a.Offset() != 32 {
		t.Errorf("IFLA_IFNAME: %v %q at %d", ok, a.String(), a.Offset())
	}
	if a, ok := d.Find(iflaMTU); !ok || a.Uint32() != 65536 || a.Err() != nil {
		t.Errorf("IFLA_MTU: %v %d %v", ok, a.Uint32(), a.Err())
	}
	if a, ok := d.Find(iflaQdisc); !ok || a.String() != "noqueue" {
		t.Errorf("IFLA_QDISC: %v %q", ok, a.String())
	}
	if a, ok := d.Find(iflaAddress); !ok || !bytes.Equal(a.Bytes(), make([]byte, 6)) {
		t.Errorf("IFLA_ADDRESS: %v %x", ok, a.Bytes())
	}
	var tb [64]attr.Decoder
	if err := d.Scatter(tb[:]); err != nil {
		t.Fatal(err)
	}
	if tb[iflaOperstate].Uint8() != 0 || tb[iflaCarrier].Uint8() != 1 || tb[iflaNumTxQueues].Uint32() != 1 {
		t.Errorf("operstate %d carrier %d txq %d", tb[iflaOperstate].Uint8(), tb[iflaCarrier].Uint8(), tb[iflaNumTxQueues].Uint32())
	}
	if !tb[iflaAFSpec].Present() || !tb[iflaStats64].Present() || tb[iflaStats64].Len() != 200 {
		t.Errorf("AF_SPEC present %v, STATS64 len %d", tb[iflaAFSpec].Present(), tb[iflaStats64].Len())
	}
	// IFLA_AF_SPEC holds AF_INET6 with IFLA_INET6_ADDR_GEN_MODE.
	af := tb[iflaAFSpec].Nested()
	in6, ok := af.Find(afInet6)
	if !ok {
		t.Fatal("no AF_INET6 in IFLA_AF_SPEC")
	}
	n6 := in6.Nested()
	if g, ok := n6.Find(iflaInet6AddrGenMode); !ok || g.Len() != 1 {
		t.Errorf("IFLA_INET6_ADDR_GEN_MODE: %v len %d", ok, g.Len())
	}
	checkFullWalk(t, b, 32)
	reencode(t, b, tree, 32)
}

// ctrl (include/uapi/linux/genetlink.h)
const (
	ctrlAttrFamilyID     = 1
	ctrlAttrFamilyName   = 2
	ctrlAttrVersion      = 3
	ctrlAttrHdrsize      = 4
	ctrlAttrMaxattr      = 5
	ctrlAttrOps          = 6
	ctrlAttrMcastGroups  = 7
	ctrlAttrOpID         = 1
	ctrlAttrOpFlags      = 2
	ctrlCmdGetfamily     = 3
	ctrlCmdGetpolicy     = 10
	genlCmdCapDo         = 0x02
	genlCmdCapDump       = 0x04
	genlCmdCapHaspol     = 0x08
	genlAdminPerm        = 0x01
	ctrlAttrPolicyDoDump = genlCmdCapDo | genlCmdCapDump | genlCmdCapHaspol
)

func ctrlNest(path []uint16, raw uint16) bool {
	typ := raw & attr.TypeMask
	switch len(path) {
	case 0:
		return typ == ctrlAttrOps || typ == ctrlAttrMcastGroups || raw&attr.FlagNested != 0
	case 1:
		return true // array elements
	}
	return raw&attr.FlagNested != 0
}

func TestGoldenCtrl(t *testing.T) {
	b := readHex(t, "ctrl_newfamily_nlctrl.hex")
	d := attr.NewDecoder(b).WithOrder(nlwire.LittleEndian).WithBase(20)
	tree, err := decodeTree(d, nil, ctrlNest)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		dumpTree(t, tree, "")
	}
	var name string
	var id uint16
	var ops [][2]uint32
	for typ, a := range d.All() {
		switch typ {
		case ctrlAttrFamilyName:
			name = a.String()
		case ctrlAttrFamilyID:
			id = a.Uint16()
		case ctrlAttrOps:
			for idx, op := range a.Array() {
				var o [2]uint32
				for op.Next() {
					switch op.Type() {
					case ctrlAttrOpID:
						o[0] = op.Uint32()
					case ctrlAttrOpFlags:
						o[1] = op.Uint32()
					}
				}
				if op.Err() != nil || int(idx) != len(ops)+1 {
					t.Errorf("op %d: %v", idx, op.Err())
				}
				ops = append(ops, o)
			}
		}
	}
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	if name != "nlctrl" || id != 0x10 {
		t.Errorf("family %q id %#x, want nlctrl 0x10", name, id)
	}
	// nlctrl has GETFAMILY (do, dump, policy) and GETPOLICY (dump, policy).
	want := [][2]uint32{
		{ctrlCmdGetfamily, genlCmdCapDo | genlCmdCapDump | genlCmdCapHaspol},
		{ctrlCmdGetpolicy, genlCmdCapDump | genlCmdCapHaspol},
	}
	if diff := cmp.Diff(want, ops); diff != "" {
		t.Errorf("ops (-want +got):\n%s", diff)
	}
	checkFullWalk(t, b, 20)
	reencode(t, b, tree, 20)
}

// checkFullWalk walks b leniently and strictly, recursing into every
// attribute that parses cleanly as a nest, and checks that the walk
// consumes everything.
func checkFullWalk(t *testing.T, b []byte, base int) {
	t.Helper()
	d := attr.NewDecoder(b).WithOrder(nlwire.LittleEndian).WithBase(base).Lenient()
	n := 0
	for d.Next() {
		n++
	}
	if d.Leftover() != 0 || d.Err() != nil || n == 0 {
		t.Errorf("walk: %d attributes, leftover %d, err %v", n, d.Leftover(), d.Err())
	}
}

// reencode encodes the decoded tree and checks that it reproduces b.
func reencode(t *testing.T, b []byte, tree []node, base int) {
	t.Helper()
	e := attr.NewEncoder(make([]byte, base)).WithOrder(nlwire.LittleEndian)
	encodeTree(&e, tree)
	out, err := e.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out[base:], b) {
		t.Errorf("re-encoded bytes differ:\n got %x\nwant %x", out[base:], b)
	}
	// And the offsets agree with the encoder's positions.
	got, err := decodeTree(attr.NewDecoder(out[base:]).WithOrder(nlwire.LittleEndian).WithBase(base), nil, func(p []uint16, r uint16) bool {
		return containsNest(tree, p, r)
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tree, got); diff != "" {
		t.Errorf("tree after re-encoding (-want +got):\n%s", diff)
	}
}

// containsNest answers isNest from an already decoded tree.
func containsNest(tree []node, path []uint16, raw uint16) bool {
	nodes := tree
	for _, p := range path {
		var next []node
		for _, n := range nodes {
			if n.Type == p && n.Nest {
				next = append(next, n.Kids...)
			}
		}
		nodes = next
	}
	for _, n := range nodes {
		if n.Type == raw && n.Nest {
			return true
		}
	}
	return false
}
