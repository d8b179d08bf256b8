package validate

import (
	"errors"
	"slices"
	"strconv"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// Attributes of generic netlink's controller (include/uapi/linux/genetlink.h)
// that a CTRL_CMD_GETPOLICY reply carries.
const (
	ctrlAttrFamilyID   = 1 // CTRL_ATTR_FAMILY_ID (u16)
	ctrlAttrPolicy     = 8 // CTRL_ATTR_POLICY: nest{policy idx: nest{attr type: nest{NL_POLICY_TYPE_ATTR_*}}}
	ctrlAttrOpPolicy   = 9 // CTRL_ATTR_OP_POLICY: nest{cmd: nest{DO, DUMP}}
	ctrlAttrPolicyDo   = 1 // CTRL_ATTR_POLICY_DO (u32 policy index)
	ctrlAttrPolicyDump = 2 // CTRL_ATTR_POLICY_DUMP (u32 policy index)
)

// ErrBadDump reports a policy dump that cannot be decoded: a malformed
// nest, an unknown NL_ATTR_TYPE_* or a reference to a policy index the
// dump does not hold.
var ErrBadDump = errors.New("validate: malformed policy dump")

// PolicyDump is a generic netlink family's policies as the kernel
// advertises them in reply to CTRL_CMD_GETPOLICY (net/netlink/genetlink.c,
// ctrl_dumppolicy; net/netlink/policy.c), turned into Policy values.
//
// A dump cannot carry everything a kernel policy holds, so a policy
// built from one can accept what the kernel rejects, or reject with
// another message:
//   - NLA_UNSPEC, NLA_REJECT, NLA_BE16 and NLA_BE32 entries are not
//     dumped: their types get the zero Rule (Unspec), which ModeUnspec
//     rejects as the kernel rejects NLA_UNSPEC and NLA_REJECT entries,
//     but which accepts any length a BE16 or BE32 would refuse;
//   - NLA_MSECS is dumped as NL_ATTR_TYPE_UINT, and becomes UInt (which
//     wants exactly 4 or 8 bytes where MSECS wants at least 8);
//   - validation functions (NLA_POLICY_VALIDATE_FN) are not dumped: such
//     a rule keeps only its kind;
//   - NLA_POLICY_MIN_LEN and NLA_POLICY_MAX_LEN (and the full-range
//     pointer forms) on Binary are not dumped; a Binary with only a
//     maximum length becomes Rule.Len (the kernel's plain .len), which
//     fails with "Attribute failed policy validation" where a
//     NLA_POLICY_RANGE rule would say "binary attribute size out of
//     range";
//   - NLA_POLICY_EXACT_LEN_WARN(n) (NLA_VALIDATE_RANGE_WARN_TOO_LONG) is
//     dumped as NLA_POLICY_EXACT_LEN(n) is, min and max length n: it
//     becomes ExactLen(n), which rejects a longer payload with ERANGE
//     "binary attribute size out of range" where the kernel only warns
//     (liberal) or fails with EINVAL "invalid attribute length"
//     (ModeStrictAttrs);
//   - a plain NLA_NESTED without a nested policy is dumped without a
//     policy index, and its contents are not checked, although the
//     operation's handler may parse them itself with its own policy and
//     answer with the same messages (ethtool's STRSET_STRINGSETS and
//     STATS_GROUPS, seen on Linux 6.18);
//   - strict_start_type is not dumped, nor the strictness (Mode) of each
//     operation: generic netlink validates strictly unless an operation
//     opts out (GENL_DONT_VALIDATE_STRICT), so ModeStrict is the usual
//     choice, and ModeLiberal for the old operations that opt out;
//   - the maximum type of an operation's top-level policy is not dumped:
//     DumpTable.MaxTypeKnown is false, and MaxType is the highest type the
//     dump lists. Types above it may be known to the kernel (as
//     NLA_UNSPEC or NLA_REJECT entries, rejected as "Unsupported
//     attribute" rather than "Unknown attribute type"). Nested policies'
//     maximum types are dumped (NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE) and
//     exact;
//   - in a dump of all operations (no CTRL_ATTR_OP in the request), the
//     kernel lists every dump-only operation under command 0, so Op(cmd)
//     finds no policy for such a command: ask for that one operation
//     (CTRL_ATTR_OP = cmd) to learn its policy.
type PolicyDump struct {
	// FamilyID is the family's id (CTRL_ATTR_FAMILY_ID).
	FamilyID uint16
	// Tables holds the dumped policies by policy index.
	Tables []DumpTable
	// Ops maps operations to policy indexes, ordered by command.
	Ops []OpPolicy
}

// DumpTable is one policy of a dump.
type DumpTable struct {
	// Policy is the policy rebuilt from the dump.
	Policy Policy
	// MaxTypeKnown reports whether Policy.MaxType came from the dump (a
	// nested policy's NL_POLICY_TYPE_ATTR_POLICY_MAXTYPE) rather than
	// from the highest type listed.
	MaxTypeKnown bool
	// Attrs holds the descriptions as dumped, by attribute type.
	Attrs []DumpedAttr
}

// DumpedAttr is one attribute's description in a dump.
type DumpedAttr struct {
	Type       uint16 // the attribute type the description is for
	AttrPolicy        // the description itself
}

// OpPolicy gives the policy indexes of one operation
// (CTRL_ATTR_OP_POLICY), -1 where the operation has no such handler or
// policy.
type OpPolicy struct {
	Cmd  uint8
	Do   int // CTRL_ATTR_POLICY_DO
	Dump int // CTRL_ATTR_POLICY_DUMP
}

// Op returns the policies of command cmd's do and dump handlers, nil
// where there is none.
func (d *PolicyDump) Op(cmd uint8) (do, dump *Policy) {
	for _, op := range d.Ops {
		if op.Cmd == cmd {
			return d.table(op.Do), d.table(op.Dump)
		}
	}
	return nil, nil
}

func (d *PolicyDump) table(i int) *Policy {
	if i < 0 || i >= len(d.Tables) {
		return nil
	}
	return &d.Tables[i].Policy
}

// ParsePolicyDump rebuilds the policies of a CTRL_CMD_GETPOLICY dump.
// Each element of payloads is the attributes of one reply message,
// after its nlmsghdr and 4-byte genlmsghdr; order is the byte order of
// the kernel that wrote them (use nlwire.LittleEndian for a recording
// from amd64). It does no I/O.
func ParsePolicyDump(payloads [][]byte, order nlwire.Order) (*PolicyDump, error) {
	d := &PolicyDump{}
	type opIdx struct {
		cmd      uint8
		do, dump int
	}
	for _, b := range payloads {
		a := attr.NewDecoder(b).WithOrder(order)
		for a.Next() {
			switch a.Type() {
			case ctrlAttrFamilyID:
				d.FamilyID = a.Uint16()
			case ctrlAttrPolicy:
				idxs := a.Nested()
				for idxs.Next() {
					idx := int(idxs.Type())
					types := idxs.Nested()
					for types.Next() {
						ap, err := parseAttrPolicy(types.Nested())
						if err != nil {
							return nil, err
						}
						for len(d.Tables) <= idx {
							d.Tables = append(d.Tables, DumpTable{})
						}
						d.Tables[idx].Attrs = append(d.Tables[idx].Attrs, DumpedAttr{Type: types.Type(), AttrPolicy: ap})
					}
					if err := types.Err(); err != nil {
						return nil, dumpErr(err)
					}
				}
				if err := idxs.Err(); err != nil {
					return nil, dumpErr(err)
				}
			case ctrlAttrOpPolicy:
				cmds := a.Nested()
				for cmds.Next() {
					op := OpPolicy{Cmd: uint8(cmds.Type()), Do: -1, Dump: -1}
					x := cmds.Nested()
					for x.Next() {
						var idx *int
						switch x.Type() {
						case ctrlAttrPolicyDo:
							idx = &op.Do
						case ctrlAttrPolicyDump:
							idx = &op.Dump
						default:
							continue
						}
						// Policy indexes are attribute types in
						// CTRL_ATTR_POLICY: bound them before sizing tables.
						v := x.Uint32()
						if v > attr.TypeMask {
							return nil, badDump("operation policy index " + strconv.FormatUint(uint64(v), 10) + " out of range")
						}
						*idx = int(v)
					}
					if err := x.Err(); err != nil {
						return nil, dumpErr(err)
					}
					d.Ops = append(d.Ops, op)
				}
				if err := cmds.Err(); err != nil {
					return nil, dumpErr(err)
				}
			}
		}
		if err := a.Err(); err != nil {
			return nil, dumpErr(err)
		}
	}
	slices.SortStableFunc(d.Ops, func(x, y OpPolicy) int { return int(x.Cmd) - int(y.Cmd) })
	// A policy whose entries are all undumpable (NLA_UNSPEC, NLA_REJECT,
	// ...) has no attribute messages: give it an empty table.
	for _, op := range d.Ops {
		for len(d.Tables) <= max(op.Do, op.Dump) {
			d.Tables = append(d.Tables, DumpTable{})
		}
	}
	// Rebuild the rules once every table exists, so that nested rules
	// can point at their tables. A table is indexed by type: bound the
	// rules to the input's size, so that a few bytes naming type 0x3fff in
	// many tables cannot ask for gigabytes.
	size := 0
	for _, b := range payloads {
		size += len(b)
	}
	budget := 1024 + 16*size
	for i := range d.Tables {
		t := &d.Tables[i]
		maxType := 0
		for _, a := range t.Attrs {
			maxType = max(maxType, int(a.Type))
		}
		if budget -= maxType + 1; budget < 0 {
			return nil, badDump("attribute types too sparse for the dump's size")
		}
		t.Policy.Rules = make([]Rule, maxType+1)
	}
	for i := range d.Tables {
		t := &d.Tables[i]
		for _, a := range t.Attrs {
			r, err := d.rule(a.AttrPolicy)
			if err != nil {
				return nil, err
			}
			t.Policy.Rules[a.Type] = r
		}
	}
	return d, nil
}

// dumpError is ErrBadDump with details.
type dumpError struct {
	msg string
	err error
}

func (e *dumpError) Error() string {
	if e.err != nil {
		return ErrBadDump.Error() + ": " + e.err.Error()
	}
	return ErrBadDump.Error() + ": " + e.msg
}

func (e *dumpError) Unwrap() []error { return []error{ErrBadDump, e.err} }

func badDump(msg string) error { return &dumpError{msg: msg} }

func dumpErr(err error) error { return &dumpError{err: err} }

// parseAttrPolicy decodes one nest of NL_POLICY_TYPE_ATTR_* attributes.
func parseAttrPolicy(a attr.Decoder) (AttrPolicy, error) {
	var p AttrPolicy
	for a.Next() {
		t := a.Type()
		if t < 16 {
			p.Has |= 1 << t
		}
		switch t {
		case PolicyAttrType:
			v := a.Uint32()
			if v == 0 || v >= uint32(len(nlTypes)) {
				return p, badDump("unknown NL_ATTR_TYPE " + strconv.Itoa(int(v)))
			}
			p.Kind = nlTypes[v]
		case PolicyAttrMinValueS:
			p.MinValueS = a.Int64()
		case PolicyAttrMaxValueS:
			p.MaxValueS = a.Int64()
		case PolicyAttrMinValueU:
			p.MinValueU = a.Uint64()
		case PolicyAttrMaxValueU:
			p.MaxValueU = a.Uint64()
		case PolicyAttrMinLength:
			p.MinLength = a.Uint32()
		case PolicyAttrMaxLength:
			p.MaxLength = a.Uint32()
		case PolicyAttrPolicyIdx:
			p.PolicyIdx = a.Uint32()
		case PolicyAttrPolicyMaxType:
			p.PolicyMaxType = a.Uint32()
		case PolicyAttrBitfield32Mask:
			p.Bitfield32Mask = a.Uint32()
		case PolicyAttrMask:
			p.Mask = a.Uint64()
		}
	}
	if err := a.Err(); err != nil {
		return p, dumpErr(err)
	}
	if !p.Present(PolicyAttrType) {
		return p, badDump("attribute without NL_POLICY_TYPE_ATTR_TYPE")
	}
	return p, nil
}

// rule turns a dumped description back into a rule: the inverse of
// Rule.Describe wherever the description is unambiguous.
func (d *PolicyDump) rule(a AttrPolicy) (Rule, error) {
	r := Rule{Kind: a.Kind}
	switch a.Kind {
	case U8, U16, U32, U64, UInt:
		if a.Present(PolicyAttrMask) {
			r.Check, r.Mask = CheckMask, a.Mask
		} else if a.Present(PolicyAttrMinValueU) && a.Present(PolicyAttrMaxValueU) {
			if lo, hi := r.unsignedRange(); lo != a.MinValueU || hi != a.MaxValueU {
				r.Check, r.Min, r.Max = CheckRange, int64(a.MinValueU), int64(a.MaxValueU)
			}
		}
	case S8, S16, S32, S64, SInt:
		if a.Present(PolicyAttrMinValueS) && a.Present(PolicyAttrMaxValueS) {
			if lo, hi := r.signedRange(); lo != a.MinValueS || hi != a.MaxValueS {
				r.Check, r.Min, r.Max = CheckRange, a.MinValueS, a.MaxValueS
			}
		}
	case Bitfield32:
		r.Mask = uint64(a.Bitfield32Mask)
	case Binary:
		switch {
		case a.Present(PolicyAttrMinLength):
			r.Check, r.Min, r.Max = CheckRange, int64(a.MinLength), 0xffff
			if a.Present(PolicyAttrMaxLength) {
				r.Max = int64(a.MaxLength)
			}
		case a.Present(PolicyAttrMaxLength):
			r.Len = uint16(a.MaxLength)
		}
	case String, NulString:
		if a.Present(PolicyAttrMaxLength) {
			r.Len = uint16(a.MaxLength)
		}
	case Nested, NestedArray:
		if a.Present(PolicyAttrPolicyIdx) {
			i := int(a.PolicyIdx)
			if i >= len(d.Tables) {
				return r, badDump("nested policy " + strconv.Itoa(i) + " missing")
			}
			t := &d.Tables[i]
			if a.Present(PolicyAttrPolicyMaxType) {
				t.Policy.MaxType = uint16(a.PolicyMaxType)
				t.MaxTypeKnown = true
				if int(t.Policy.MaxType) < len(t.Policy.Rules)-1 {
					return r, badDump("nested policy " + strconv.Itoa(i) +
						" lists types above its maximum")
				}
			}
			r.Nested = &t.Policy
		}
	}
	return r, nil
}
