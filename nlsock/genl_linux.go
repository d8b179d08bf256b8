//go:build linux

package nlsock

import (
	"errors"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// ctrlVersion is the nlctrl interface version requests carry.
const ctrlVersion = 2

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
	req := c.ctrlRequest(genl.CTRL_CMD_GETFAMILY, 0, func(e *attr.Encoder) { e.String(genl.CTRL_ATTR_FAMILY_NAME, name) })
	var f GenlFamily
	var perr error
	err := c.Execute(req, func(msg wire.Message) error {
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
	req := c.ctrlRequest(genl.CTRL_CMD_GETFAMILY, wire.Dump, nil)
	var fs []GenlFamily
	err := c.Execute(req, func(msg wire.Message) error {
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
	return c.genlPolicy(func(e *attr.Encoder) { e.Uint16(genl.CTRL_ATTR_FAMILY_ID, id) })
}

// GenlOpPolicy is GenlPolicy for one operation: the policies of command
// cmd of family id only (CTRL_CMD_GETPOLICY with CTRL_ATTR_OP). The
// kernel lists a dump-only operation under command 0 there;
// PolicyDump.Op finds it under cmd.
func (c *Conn) GenlOpPolicy(id uint16, cmd uint8) (*validate.PolicyDump, error) {
	return c.genlPolicy(func(e *attr.Encoder) {
		e.Uint16(genl.CTRL_ATTR_FAMILY_ID, id)
		e.Uint32(genl.CTRL_ATTR_OP, uint32(cmd))
	})
}

// genlPolicy runs a CTRL_CMD_GETPOLICY dump with the attributes attrs
// writes and parses what it returns.
func (c *Conn) genlPolicy(attrs func(*attr.Encoder)) (*validate.PolicyDump, error) {
	if c.family != Generic {
		return nil, ErrNotGeneric
	}
	req := c.ctrlRequest(genl.CTRL_CMD_GETPOLICY, wire.Dump, attrs)
	var payloads [][]byte
	err := c.Execute(req, func(msg wire.Message) error {
		p := msg.Payload()
		if len(p) < genl.HeaderLen {
			return &wire.FormatError{Offset: 0, Err: wire.ErrTruncated}
		}
		payloads = append(payloads, append([]byte(nil), p[genl.HeaderLen:]...))
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
	m := b.Start(wire.Header{Type: genl.GENL_ID_CTRL, Flags: wire.Request | flags})
	h := b.FamilyHeader(genl.HeaderLen)
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

func parseFamily(msg wire.Message) (GenlFamily, error) {
	var f GenlFamily
	d := msg.Attrs(genl.HeaderLen)
	for d.Next() {
		switch d.Type() {
		case genl.CTRL_ATTR_FAMILY_ID:
			f.ID = d.Uint16()
		case genl.CTRL_ATTR_FAMILY_NAME:
			f.Name = d.String()
		case genl.CTRL_ATTR_VERSION:
			f.Version = d.Uint32()
		case genl.CTRL_ATTR_HDRSIZE:
			f.HeaderSize = d.Uint32()
		case genl.CTRL_ATTR_MAXATTR:
			f.MaxAttr = d.Uint32()
		case genl.CTRL_ATTR_OPS:
			for _, op := range d.Array() {
				var o GenlOp
				for op.Next() {
					switch op.Type() {
					case genl.CTRL_ATTR_OP_ID:
						o.Cmd = op.Uint32()
					case genl.CTRL_ATTR_OP_FLAGS:
						o.Flags = op.Uint32()
					}
				}
				if err := op.Err(); err != nil {
					return f, err
				}
				f.Ops = append(f.Ops, o)
			}
		case genl.CTRL_ATTR_MCAST_GROUPS:
			for _, g := range d.Array() {
				var grp GenlGroup
				for g.Next() {
					switch g.Type() {
					case genl.CTRL_ATTR_MCAST_GRP_NAME:
						grp.Name = g.String()
					case genl.CTRL_ATTR_MCAST_GRP_ID:
						grp.ID = g.Uint32()
					}
				}
				if err := g.Err(); err != nil {
					return f, err
				}
				f.Groups = append(f.Groups, grp)
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
