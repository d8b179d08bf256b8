//go:build linux

package nlsock

import (
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// Generic netlink controller (nlctrl) numbers, include/uapi/linux/genetlink.h.
const (
	genlIDCtrl         = 0x10
	genlHeaderLen      = 4
	ctrlVersion        = 2
	ctrlCmdGetFamily   = 3
	ctrlCmdGetPolicy   = 10
	ctrlAttrFamilyID   = 1
	ctrlAttrFamilyName = 2
	ctrlAttrVersion    = 3
	ctrlAttrHdrSize    = 4
	ctrlAttrMaxAttr    = 5
	ctrlAttrOps        = 6
	ctrlAttrMcastGrps  = 7
	ctrlAttrOp         = 10
	ctrlAttrOpID       = 1
	ctrlAttrOpFlags    = 2
	ctrlAttrGrpName    = 1
	ctrlAttrGrpID      = 2
)

// ErrNotGeneric: a generic netlink helper was called on a Conn of another
// family.
var ErrNotGeneric = errors.New("nlsock: not a NETLINK_GENERIC socket")

// GenlFamily describes a generic netlink family as the controller reports
// it (CTRL_CMD_GETFAMILY).
type GenlFamily struct {
	ID         uint16      // CTRL_ATTR_FAMILY_ID: the nlmsg_type of its messages
	Name       string      // CTRL_ATTR_FAMILY_NAME
	Version    uint32      // CTRL_ATTR_VERSION
	HeaderSize uint32      // CTRL_ATTR_HDRSIZE: the user header after genlmsghdr
	MaxAttr    uint32      // CTRL_ATTR_MAXATTR
	Ops        []GenlOp    // CTRL_ATTR_OPS
	Groups     []GenlGroup // CTRL_ATTR_MCAST_GROUPS
}

// GenlOp is one command of a generic netlink family.
type GenlOp struct {
	Cmd   uint32 // CTRL_ATTR_OP_ID
	Flags uint32 // CTRL_ATTR_OP_FLAGS: GENL_ADMIN_PERM, GENL_CMD_CAP_DO, ...
}

// GenlGroup is a multicast group of a generic netlink family; pass its ID
// to JoinGroup.
type GenlGroup struct {
	ID   uint32 // CTRL_ATTR_MCAST_GRP_ID
	Name string // CTRL_ATTR_MCAST_GRP_NAME
}

// GenlFamily resolves the generic netlink family name: its id, version,
// operations and multicast groups. An unknown name fails with a
// *wire.Error matching nlwire.ENOENT.
func (c *Conn) GenlFamily(name string) (GenlFamily, error) {
	if c.family != Generic {
		return GenlFamily{}, ErrNotGeneric
	}
	req := c.ctrlRequest(ctrlCmdGetFamily, 0, func(e *attr.Encoder) { e.String(ctrlAttrFamilyName, name) })
	var f GenlFamily
	var perr error
	err := c.Execute(req, func(msg []byte) error {
		if perr == nil {
			f, perr = parseFamily(msg)
		}
		return nil
	})
	if err == nil {
		err = perr
	}
	return f, err
}

// GenlFamilies lists every generic netlink family the kernel has.
func (c *Conn) GenlFamilies() ([]GenlFamily, error) {
	if c.family != Generic {
		return nil, ErrNotGeneric
	}
	req := c.ctrlRequest(ctrlCmdGetFamily, wire.Dump, nil)
	var fs []GenlFamily
	err := c.Execute(req, func(msg []byte) error {
		f, err := parseFamily(msg)
		if err != nil {
			return err
		}
		fs = append(fs, f)
		return nil
	})
	return fs, err
}

// GenlPolicy fetches the attribute policies that the generic netlink
// family id exports (CTRL_CMD_GETPOLICY), for all of its operations.
// A family that exports none fails with a *wire.Error (ENODATA or
// EOPNOTSUPP, depending on the kernel).
func (c *Conn) GenlPolicy(id uint16) (*validate.PolicyDump, error) {
	if c.family != Generic {
		return nil, ErrNotGeneric
	}
	req := c.ctrlRequest(ctrlCmdGetPolicy, wire.Dump, func(e *attr.Encoder) { e.Uint16(ctrlAttrFamilyID, id) })
	var payloads [][]byte
	err := c.Execute(req, func(msg []byte) error {
		if len(msg) < wire.HeaderLen+genlHeaderLen {
			return &wire.FormatError{Offset: 0, Err: wire.ErrTruncated}
		}
		payloads = append(payloads, append([]byte(nil), msg[wire.HeaderLen+genlHeaderLen:]...))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return validate.ParsePolicyDump(payloads, nlwire.Native)
}

// ctrlRequest builds an nlctrl request in c.wbuf.
func (c *Conn) ctrlRequest(cmd uint8, flags wire.Flags, attrs func(*attr.Encoder)) []byte {
	b := wire.NewBuilder(c.wbuf[:0])
	m := b.Start(wire.Header{Type: genlIDCtrl, Flags: wire.Request | flags})
	h := b.FamilyHeader(genlHeaderLen)
	h[0], h[1] = cmd, ctrlVersion
	if attrs != nil {
		attrs(b.Attrs())
	}
	b.End(m)
	out, err := b.Finish()
	if err != nil {
		return nil
	}
	c.wbuf = out
	return out
}

func parseFamily(msg []byte) (GenlFamily, error) {
	var f GenlFamily
	if len(msg) < wire.HeaderLen+genlHeaderLen {
		return f, &wire.FormatError{Offset: 0, Err: wire.ErrTruncated}
	}
	d := attr.NewDecoder(msg[wire.HeaderLen+genlHeaderLen:]).WithBase(wire.HeaderLen + genlHeaderLen)
	for d.Next() {
		switch d.Type() {
		case ctrlAttrFamilyID:
			f.ID = d.Uint16()
		case ctrlAttrFamilyName:
			f.Name = d.String()
		case ctrlAttrVersion:
			f.Version = d.Uint32()
		case ctrlAttrHdrSize:
			f.HeaderSize = d.Uint32()
		case ctrlAttrMaxAttr:
			f.MaxAttr = d.Uint32()
		case ctrlAttrOps:
			ops := d.Nested()
			for ops.Next() {
				op := ops.Nested()
				var o GenlOp
				for op.Next() {
					switch op.Type() {
					case ctrlAttrOpID:
						o.Cmd = op.Uint32()
					case ctrlAttrOpFlags:
						o.Flags = op.Uint32()
					}
				}
				if err := op.Err(); err != nil {
					return f, err
				}
				f.Ops = append(f.Ops, o)
			}
			if err := ops.Err(); err != nil {
				return f, err
			}
		case ctrlAttrMcastGrps:
			gs := d.Nested()
			for gs.Next() {
				g := gs.Nested()
				var grp GenlGroup
				for g.Next() {
					switch g.Type() {
					case ctrlAttrGrpName:
						grp.Name = g.String()
					case ctrlAttrGrpID:
						grp.ID = g.Uint32()
					}
				}
				if err := g.Err(); err != nil {
					return f, err
				}
				f.Groups = append(f.Groups, grp)
			}
			if err := gs.Err(); err != nil {
				return f, err
			}
		}
	}
	return f, d.Err()
}

// Group returns the id of the family's multicast group name, and false
// if it has none of that name.
func (f *GenlFamily) Group(name string) (uint32, bool) {
	for _, g := range f.Groups {
		if g.Name == name {
			return g.ID, true
		}
	}
	return 0, false
}
