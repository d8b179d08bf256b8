package nltestsock_test

import (
	"errors"
	"testing"

	"github.com/mdlayher/genetlink"
	"github.com/mdlayher/netlink"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/nltest"
	"github.com/nlwire/nlwire/validate"
)

// The test family: its name, version and commands.
const (
	testName    = "nlwire-test"
	testVersion = 3
	cmdDouble   = 1 // do: answers attribute 1 (u16, 0..100) doubled
	cmdList     = 2 // dump: testDumpLen messages of attribute 1 = i and a 200-byte attribute 2
	testDumpLen = 100
)

// testGroups are the test family's multicast groups, with fixed IDs.
var testGroups = []nltest.Group{{Name: "events", ID: 40}, {Name: "alerts", ID: 41}}

// testKernel returns a Kernel with the test family registered, and its
// ID.
func testKernel(t *testing.T) (*nltest.Kernel, uint16) {
	t.Helper()
	k := nltest.NewKernel()
	policy := &validate.Policy{Rules: []validate.Rule{1: validate.Range(validate.U16, 0, 100)}}
	id, err := k.Register(&nltest.Family{
		Name:    testName,
		Version: testVersion,
		MaxAttr: 2,
		Groups:  testGroups,
		Ops: []nltest.Op{
			{Cmd: cmdDouble, Policy: policy, Do: func(req *nltest.Request, rep *nltest.Reply) error {
				v, ok := req.Attr(1)
				if !ok {
					return nlwire.EINVAL
				}
				rep.Start(cmdDouble).Uint16(1, 2*v.Uint16())
				rep.End()
				return nil
			}},
			{Cmd: cmdList, Flags: nltest.GENL_ADMIN_PERM, Dump: func(req *nltest.Request, rep *nltest.Reply) error {
				for ; req.Args[0] < testDumpLen; req.Args[0]++ {
					e := rep.Start(cmdList)
					e.Uint16(1, uint16(req.Args[0]))
					e.Put(2, make([]byte, 200))
					if !rep.End() {
						return nltest.ErrMore
					}
				}
				return nil
			}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return k, id
}

// famInfo is what a CTRL_CMD_GETFAMILY reply says of a family.
type famInfo struct {
	ID      uint16
	Name    string
	Version uint32
	HdrSize uint32
	MaxAttr uint32
	Ops     []opInfo
	Groups  []genetlink.MulticastGroup
}

// opInfo is one CTRL_ATTR_OPS entry.
type opInfo struct{ ID, Flags uint32 }

// parseFamily reads a CTRL_CMD_GETFAMILY reply's attributes with
// mdlayher/netlink's AttributeDecoder.
func parseFamily(b []byte) (famInfo, error) {
	var f famInfo
	ad, err := netlink.NewAttributeDecoder(b)
	if err != nil {
		return f, err
	}
	for ad.Next() {
		switch ad.Type() {
		case genl.CTRL_ATTR_FAMILY_ID:
			f.ID = ad.Uint16()
		case genl.CTRL_ATTR_FAMILY_NAME:
			f.Name = ad.String()
		case genl.CTRL_ATTR_VERSION:
			f.Version = ad.Uint32()
		case genl.CTRL_ATTR_HDRSIZE:
			f.HdrSize = ad.Uint32()
		case genl.CTRL_ATTR_MAXATTR:
			f.MaxAttr = ad.Uint32()
		case genl.CTRL_ATTR_OPS:
			ad.Nested(func(ops *netlink.AttributeDecoder) error {
				for ops.Next() {
					var op opInfo
					ops.Nested(func(a *netlink.AttributeDecoder) error {
						for a.Next() {
							switch a.Type() {
							case genl.CTRL_ATTR_OP_ID:
								op.ID = a.Uint32()
							case genl.CTRL_ATTR_OP_FLAGS:
								op.Flags = a.Uint32()
							}
						}
						return nil
					})
					f.Ops = append(f.Ops, op)
				}
				return nil
			})
		case genl.CTRL_ATTR_MCAST_GROUPS:
			ad.Nested(func(gs *netlink.AttributeDecoder) error {
				for gs.Next() {
					var g genetlink.MulticastGroup
					gs.Nested(func(a *netlink.AttributeDecoder) error {
						for a.Next() {
							switch a.Type() {
							case genl.CTRL_ATTR_MCAST_GRP_ID:
								g.ID = a.Uint32()
							case genl.CTRL_ATTR_MCAST_GRP_NAME:
								g.Name = a.String()
							}
						}
						return nil
					})
					f.Groups = append(f.Groups, g)
				}
				return nil
			})
		}
	}
	return f, ad.Err()
}

// opError returns err's *netlink.OpError, failing the test if there is
// none.
func opError(t *testing.T, err error) *netlink.OpError {
	t.Helper()
	var oe *netlink.OpError
	if !errors.As(err, &oe) {
		t.Fatalf("error %v (%T) is not a *netlink.OpError", err, err)
	}
	return oe
}
