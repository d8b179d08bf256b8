package validate

import (
	"errors"
	"strconv"
	"unsafe"

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
// dump does not hold, or a dump too large for its size
// (ErrDumpTooLarge). The error is a *DumpError that says where.
var ErrBadDump = errors.New("validate: malformed policy dump")

// ErrDumpTooLarge reports a policy dump whose tables would take more
// memory than ParsePolicyDump allows for its size: rules for types, or
// tables for policy indexes, far above those the dump describes.
var ErrDumpTooLarge = errors.New("validate: policy dump too large for its size")

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
//     but which accepts any length a BE16 or BE32 would refuse (Restore
//     puts such an entry back where the caller knows it);
//   - some entries are described only in part (Replace puts the whole
//     rule back where the caller knows it): NLA_MSECS is dumped as
//     NL_ATTR_TYPE_UINT, and becomes UInt (which wants exactly 4 or 8
//     bytes where MSECS wants at least 8); validation functions
//     (NLA_POLICY_VALIDATE_FN) are not dumped, so such a rule keeps
//     only its kind; the lengths of a Binary, String or NulString are
//     dumped only for NLA_VALIDATE_RANGE and
//     NLA_VALIDATE_RANGE_WARN_TOO_LONG, so NLA_POLICY_MIN and
//     NLA_POLICY_MAX on them (NLA_POLICY_MIN_LEN, ethtool's
//     ETHTOOL_A_RSS_HKEY) and the full-range pointer form
//     (NLA_VALIDATE_RANGE_PTR) lose their bounds, and show the
//     plain .len, if any, as a maximum length;
//   - a Binary with only a maximum length becomes Rule.Len (the
//     kernel's plain .len), which fails with "Attribute failed policy
//     validation" where a NLA_POLICY_RANGE rule (NLA_POLICY_MAX_LEN)
//     would say "binary attribute size out of range";
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
	// Tables holds the dumped policies by policy index, up to the highest
	// index a description or an operation names (an index an operation
	// names and a repeated attribute of it then overrides still counts;
	// the kernel names each once).
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
// where there is none. In a dump of one operation's policies, where the
// kernel lists a dump-only operation under command 0, it finds that
// operation under any command.
func (d *PolicyDump) Op(cmd uint8) (do, dump *Policy) {
	for _, op := range d.Ops {
		if op.Cmd == cmd {
			return d.table(op.Do), d.table(op.Dump)
		}
	}
	// A dump of one operation's policies (CTRL_ATTR_OP given) lists a
	// dump-only operation under command 0: its do handler's, which it
	// has none of.
	if len(d.Ops) == 1 && d.Ops[0].Cmd == 0 && d.Ops[0].Do < 0 {
		return nil, d.table(d.Ops[0].Dump)
	}
	return nil, nil
}

func (d *PolicyDump) table(i int) *Policy {
	if i < 0 || i >= len(d.Tables) {
		return nil
	}
	return &d.Tables[i].Policy
}

// ErrRestore reports a PolicyDump.Restore that cannot be done: the
// error is a *RestoreError that says why.
var ErrRestore = errors.New("validate: cannot restore policy entry")

// RestoreError is the error of PolicyDump.Restore.
type RestoreError struct {
	// Table is the policy index of the table, or -1 when the policy
	// given is none of the dump's.
	Table int
	// Type is the attribute type to restore.
	Type uint16
	msg  string // what is wrong
}

// Error returns "validate: cannot restore policy entry: type 3 of policy
// 1: the dump describes it".
func (e *RestoreError) Error() string {
	s := ErrRestore.Error() + ": type " + strconv.Itoa(int(e.Type))
	if e.Table >= 0 {
		s += " of policy " + strconv.Itoa(e.Table)
	}
	return s + ": " + e.msg
}

// Unwrap returns ErrRestore.
func (e *RestoreError) Unwrap() error { return ErrRestore }

// Restore puts rule r back as the rule of attribute type typ in p, one
// of the dump's own policies (an operation's, from Op, or a nested one,
// from a Rule's Nested): an entry the kernel's policy has but a dump
// cannot carry (NLA_UNSPEC with a minimum length, NLA_REJECT, NLA_BE16,
// NLA_BE32; see PolicyDump), such as mptcp_pm's MPTCP_PM_ADDR_ATTR_ADDR4,
// an NLA_BE32. Every operation and nest that refers to p's table sees
// the rule. Restore before Compile: a compiled copy keeps the rules it
// was made from.
//
// Restore changes nothing and returns a *RestoreError (errors.Is
// ErrRestore) when p is none of the dump's policies, when typ is 0 or
// above the maximum type the dump gave p's table, or when the dump
// describes typ in that table: then nothing was lost there, and the
// dumped rule stands.
func (d *PolicyDump) Restore(p *Policy, typ uint16, r Rule) error {
	i := d.tableOf(p)
	switch {
	case i < 0:
		return &RestoreError{Table: -1, Type: typ, msg: "the policy is not one of the dump's"}
	case typ == 0 || typ > attr.TypeMask:
		return &RestoreError{Table: i, Type: typ, msg: "no attribute has that type"}
	case d.Tables[i].MaxTypeKnown && typ > p.MaxType:
		return &RestoreError{Table: i, Type: typ, msg: "above the policy's maximum type " + strconv.Itoa(int(p.MaxType))}
	}
	for _, a := range d.Tables[i].Attrs {
		if a.Type == typ {
			return &RestoreError{Table: i, Type: typ, msg: "the dump describes it"}
		}
	}
	if int(typ) >= len(p.Rules) {
		rules := make([]Rule, int(typ)+1)
		copy(rules, p.Rules)
		p.Rules = rules
	}
	p.Rules[typ] = r
	return nil
}

// Replace puts rule r in place of the rule the dump gave attribute type
// typ in p, one of the dump's own policies (as for Restore): for an
// entry the dump describes only in part, because
// net/netlink/policy.c writes no attribute for its check. Such are the
// length bounds of NLA_POLICY_MIN and NLA_POLICY_MAX on NLA_BINARY,
// NLA_STRING and NLA_NUL_STRING (the dump gives lengths only for
// NLA_VALIDATE_RANGE and NLA_VALIDATE_RANGE_WARN_TOO_LONG), the function
// of NLA_POLICY_VALIDATE_FN, and the length of NLA_MSECS. ethtool's
// ETHTOOL_A_RSS_HKEY, NLA_POLICY_MIN(NLA_BINARY, 1), is dumped as a bare
// "binary": its rule is Rule{Kind: Binary, Check: CheckMin, Min: 1}.
//
// Replace changes nothing and returns a *RestoreError (errors.Is
// ErrRestore) in the cases Restore does, when the dump does not describe
// typ in p's table (use Restore), or when it describes it otherwise than
// r.Describe would: the dump then says something r does not, such as a
// kernel that dumps the check r adds, and the dumped rule stands.
func (d *PolicyDump) Replace(p *Policy, typ uint16, r Rule) error {
	i := d.tableOf(p)
	if i < 0 {
		return &RestoreError{Table: -1, Type: typ, msg: "the policy is not one of the dump's"}
	}
	want, ok := r.Describe()
	for _, a := range d.Tables[i].Attrs {
		if a.Type != typ {
			continue
		}
		if !ok || a.AttrPolicy != want || int(typ) >= len(p.Rules) {
			return &RestoreError{Table: i, Type: typ, msg: "the dump describes it otherwise than the rule"}
		}
		p.Rules[typ] = r
		return nil
	}
	return &RestoreError{Table: i, Type: typ, msg: "the dump does not describe it"}
}

// tableOf returns the policy index of p, one of the dump's tables'
// policies, or -1.
func (d *PolicyDump) tableOf(p *Policy) int {
	for i := range d.Tables {
		if &d.Tables[i].Policy == p {
			return i
		}
	}
	return -1
}

// ParsePolicyDump rebuilds the policies of a CTRL_CMD_GETPOLICY dump.
// Each element of payloads is the attributes of one reply message,
// after its nlmsghdr and 4-byte genlmsghdr; order is the byte order of
// the kernel that wrote them (use nlwire.LittleEndian for a recording
// from amd64). It does no I/O.
//
// Memory: ParsePolicyDump allocates at most 32 bytes per byte of input
// (the sum of len(payloads)) plus 16 KiB, whether it accepts the dump
// or not. Rule tables are dense (Policy.Rules is indexed by type, and
// Tables by policy index), so 16 bytes naming type 0x3fff, or 12 naming
// policy index 0x3fff, would ask for a megabyte. A first pass counts
// the tables, descriptions and operations, a second sizes each table,
// checking as it goes that the dump needs at most 24 bytes per input
// byte plus 8 KiB (the rest of the bound is the allocator's rounding);
// then everything is allocated at once, and filled. A dump that needs
// more is refused with ErrDumpTooLarge, in a *DumpError naming the
// attribute that went over, before its tables are allocated. The
// kernel's dumps take 4 to 6 bytes per byte: ethtool's 11,008 bytes on
// Linux 6.18, 45,376; nlctrl's 284, 1,680.
func ParsePolicyDump(payloads [][]byte, order nlwire.Order) (*PolicyDump, error) {
	p := dumpParser{payloads: payloads, order: order}
	for _, b := range payloads {
		p.size += int64(len(b))
	}
	p.budget = dumpBudget(p.size)
	// Pass 1 checks the dump and counts what it holds. Every count costs
	// input bytes but the number of tables, which the highest policy
	// index decides.
	if err := p.walk(); err != nil {
		return nil, err
	}
	// Pass 2 sizes each table's descriptions and rules.
	p.stats = make([]tableStat, p.nTables)
	p.slots = int64(p.nTables)
	p.pass++
	if err := p.walk(); err != nil {
		return nil, err
	}
	// Allocate once, then fill (pass 3).
	d := &PolicyDump{FamilyID: p.familyID}
	if p.nTables > 0 {
		d.Tables = make([]DumpTable, p.nTables)
	}
	if p.nOps > 0 {
		d.Ops = make([]OpPolicy, p.nOps)
	}
	// Operations go in order of command, in the dump's order within one
	// (a stable counting sort).
	at := 0
	for cmd, n := range p.opAt {
		p.opAt[cmd] = at
		at += n
	}
	attrs := make([]DumpedAttr, p.nAttrs)
	rules := make([]Rule, p.slots)
	for i, s := range p.stats {
		t := &d.Tables[i]
		if s.n > 0 {
			t.Attrs, attrs = attrs[:0:s.n], attrs[s.n:]
		}
		n := int(s.maxType) + 1
		t.Policy.Rules, rules = rules[:n:n], rules[n:]
	}
	p.d = d
	p.pass++
	if err := p.walk(); err != nil {
		return nil, err
	}
	// Rebuild the rules once every table exists, so that nested rules
	// can point at their tables.
	for i := range d.Tables {
		t := &d.Tables[i]
		for _, a := range t.Attrs {
			r := ruleOf(a.AttrPolicy)
			if (a.Kind == Nested || a.Kind == NestedArray) && a.Present(PolicyAttrPolicyIdx) {
				nt := &d.Tables[a.PolicyIdx]
				if a.Present(PolicyAttrPolicyMaxType) {
					nt.Policy.MaxType = uint16(a.PolicyMaxType)
					nt.MaxTypeKnown = true
				}
				r.Nested = &nt.Policy
			}
			t.Policy.Rules[a.Type] = r
		}
	}
	return d, nil
}

// ParsePolicyDump's memory: the documented bound on the heap it
// allocates (dumpAlloc*, asserted by its tests), and the budget its first
// pass lets a dump ask for (dumpBudget*). The allocator rounds a request
// up by at most a quarter (to a size class, or to whole pages above 32
// KiB), and an error costs a few hundred bytes: 24 * 5/4 <= 32, and
// 8 KiB * 5/4 plus the errors <= 16 KiB.
const (
	dumpAllocPerByte  = 32
	dumpAllocFixed    = 16 << 10
	dumpBudgetPerByte = 24
	dumpBudgetFixed   = 8 << 10
)

// dumpBudget is the bytes a dump of size bytes may ask for.
func dumpBudget(size int64) int64 { return dumpBudgetPerByte*size + dumpBudgetFixed }

// Sizes of what ParsePolicyDump allocates, for its budget.
const (
	sizeofDump  = int(unsafe.Sizeof(PolicyDump{}))
	sizeofTable = int(unsafe.Sizeof(DumpTable{}))
	sizeofAttr  = int(unsafe.Sizeof(DumpedAttr{}))
	sizeofOp    = int(unsafe.Sizeof(OpPolicy{}))
	sizeofRule  = int(unsafe.Sizeof(Rule{}))
	sizeofStat  = int(unsafe.Sizeof(tableStat{}))
)

// dumpParser walks a policy dump three times: to check and count it
// (countPass), to size its tables (sizePass), to fill them (fillPass).
type dumpParser struct {
	payloads [][]byte
	order    nlwire.Order
	pass     int
	size     int64 // bytes of input
	budget   int64 // bytes the dump may ask for

	familyID              uint16
	nTables, nAttrs, nOps int
	slots                 int64       // rules in all tables: 1 per table, then the sizes found in sizePass
	stats                 []tableStat // by policy index, from sizePass on
	opAt                  [256]int    // operations by command in sizePass, then where the next goes
	d                     *PolicyDump // in fillPass
}

// The passes of dumpParser.
const (
	countPass = iota
	sizePass
	fillPass
)

// tableStat is one table's size, found in sizePass.
type tableStat struct {
	n       int    // descriptions
	maxType uint16 // highest type described
}

// need returns the bytes of what the dump holds as counted so far.
func (p *dumpParser) need() int64 {
	return int64(sizeofDump) +
		int64(p.nTables)*int64(sizeofTable+sizeofStat) +
		int64(p.nAttrs)*int64(sizeofAttr) +
		int64(p.nOps)*int64(sizeofOp) +
		p.slots*int64(sizeofRule)
}

// count checks the counts of countPass against the budget, after the
// attribute at offset off of message m added to them (what and n, for
// the error).
func (p *dumpParser) count(m, off int, what string, n int) error {
	p.slots = int64(p.nTables) // every table has at least Rules[0]
	if p.need() <= p.budget {
		return nil
	}
	return p.tooLarge(m, off, what+" "+strconv.Itoa(n))
}

// tooLarge is the error for a dump that asks for more than its budget at
// offset off of message m, with what.
func (p *dumpParser) tooLarge(m, off int, what string) error {
	return &DumpError{Message: m, Offset: off, Err: ErrDumpTooLarge,
		msg: what + ": the dump would take " + strconv.FormatInt(p.need(), 10) +
			" bytes; its " + strconv.FormatInt(p.size, 10) + " bytes allow " + strconv.FormatInt(p.budget, 10)}
}

// walk goes over every payload once, in the current pass.
func (p *dumpParser) walk() error {
	for m, b := range p.payloads {
		a := attr.NewDecoder(b).WithOrder(p.order)
		for a.Next() {
			var err error
			switch a.Type() {
			case ctrlAttrFamilyID:
				p.familyID = a.Uint16()
			case ctrlAttrPolicy:
				err = p.policies(m, a.Nested())
			case ctrlAttrOpPolicy:
				err = p.opPolicies(m, a.Nested())
			}
			if err != nil {
				return err
			}
		}
		if err := a.Err(); err != nil {
			return dumpErr(m, err)
		}
	}
	return nil
}

// policies walks the contents of a CTRL_ATTR_POLICY attribute of message
// m: nest{policy idx: nest{attr type: nest{NL_POLICY_TYPE_ATTR_*}}}.
func (p *dumpParser) policies(m int, idxs attr.Decoder) error {
	for idxs.Next() {
		idx := int(idxs.Type())
		types := idxs.Nested()
		for types.Next() {
			ap, err := parseAttrPolicy(types.Nested())
			if err != nil {
				return place(err, m, types.Offset())
			}
			if err := p.attr(m, types.Offset(), idx, types.Type(), &ap); err != nil {
				return err
			}
		}
		if err := types.Err(); err != nil {
			return dumpErr(m, err)
		}
	}
	if err := idxs.Err(); err != nil {
		return dumpErr(m, err)
	}
	return nil
}

// attr takes the description of type typ of policy idx, at offset off
// of message m.
func (p *dumpParser) attr(m, off, idx int, typ uint16, ap *AttrPolicy) error {
	nested := (ap.Kind == Nested || ap.Kind == NestedArray) && ap.Present(PolicyAttrPolicyIdx)
	switch p.pass {
	case countPass:
		p.nAttrs++
		p.nTables = max(p.nTables, idx+1)
		return p.count(m, off, "policy", idx)
	case sizePass:
		if nested && int64(ap.PolicyIdx) >= int64(p.nTables) {
			return &DumpError{Message: m, Offset: off,
				msg: "nested policy " + strconv.FormatUint(uint64(ap.PolicyIdx), 10) + " missing"}
		}
		s := &p.stats[idx]
		s.n++
		if typ > s.maxType {
			p.slots += int64(typ - s.maxType)
			s.maxType = typ
			if p.need() > p.budget {
				return p.tooLarge(m, off, "policy "+strconv.Itoa(idx)+" type "+strconv.Itoa(int(typ)))
			}
		}
	case fillPass:
		if nested && ap.Present(PolicyAttrPolicyMaxType) && uint16(ap.PolicyMaxType) < p.stats[ap.PolicyIdx].maxType {
			return &DumpError{Message: m, Offset: off,
				msg: "nested policy " + strconv.FormatUint(uint64(ap.PolicyIdx), 10) + " lists types above its maximum"}
		}
		t := &p.d.Tables[idx]
		t.Attrs = append(t.Attrs, DumpedAttr{Type: typ, AttrPolicy: *ap})
	}
	return nil
}

// opPolicies walks the contents of a CTRL_ATTR_OP_POLICY attribute of
// message m: nest{cmd: nest{DO, DUMP}}.
func (p *dumpParser) opPolicies(m int, cmds attr.Decoder) error {
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
			// Policy indexes are attribute types in CTRL_ATTR_POLICY.
			v := x.Uint32()
			if v > attr.TypeMask {
				return &DumpError{Message: m, Offset: x.Offset(),
					msg: "operation policy index " + strconv.FormatUint(uint64(v), 10) + " out of range"}
			}
			*idx = int(v)
			// A policy that has only undumpable entries (NLA_UNSPEC,
			// NLA_REJECT, ...) has no descriptions: it gets an empty
			// table.
			if p.pass == countPass && int(v) >= p.nTables {
				p.nTables = int(v) + 1
				if err := p.count(m, x.Offset(), "policy", int(v)); err != nil {
					return err
				}
			}
		}
		if err := x.Err(); err != nil {
			return dumpErr(m, err)
		}
		switch p.pass {
		case countPass:
			p.nOps++
			if err := p.count(m, cmds.Offset(), "operation", int(op.Cmd)); err != nil {
				return err
			}
		case sizePass:
			p.opAt[op.Cmd]++
		case fillPass:
			p.d.Ops[p.opAt[op.Cmd]] = op
			p.opAt[op.Cmd]++
		}
	}
	if err := cmds.Err(); err != nil {
		return dumpErr(m, err)
	}
	return nil
}

// DumpError is the error of ParsePolicyDump and ParseAttrPolicy: a dump
// that is malformed or too large, and where.
type DumpError struct {
	// Message is the index in ParsePolicyDump's payloads of the reply at
	// fault, or -1.
	Message int
	// Offset is the offset, within that reply (or ParseAttrPolicy's
	// bytes), of the attribute at fault, or -1.
	Offset int
	// Err is the cause when it is an error of its own: ErrDumpTooLarge,
	// or an *attr.Error for an attribute that cannot be decoded; nil
	// otherwise.
	Err error
	msg string // what is wrong, if Err does not say it all
}

// Error returns "validate: malformed policy dump: unknown NL_ATTR_TYPE 99
// (message 2, offset 12)".
func (e *DumpError) Error() string {
	s := ErrBadDump.Error() + ": "
	switch {
	case e.msg != "":
		s += e.msg
	case e.Err != nil:
		s += e.Err.Error()
	}
	var ae *attr.Error
	switch {
	case e.Message >= 0 && e.Offset >= 0 && !errors.As(e.Err, &ae):
		s += " (message " + strconv.Itoa(e.Message) + ", offset " + strconv.Itoa(e.Offset) + ")"
	case e.Message >= 0:
		s += " (message " + strconv.Itoa(e.Message) + ")"
	case e.Offset >= 0 && !errors.As(e.Err, &ae):
		s += " (offset " + strconv.Itoa(e.Offset) + ")"
	}
	return s
}

// Unwrap returns ErrBadDump and the cause, if any.
func (e *DumpError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrBadDump}
	}
	return []error{ErrBadDump, e.Err}
}

// dumpErr is ErrBadDump for a decoding error in message m.
func dumpErr(m int, err error) error {
	off := -1
	var ae *attr.Error
	if errors.As(err, &ae) {
		off = ae.Offset
	}
	return &DumpError{Message: m, Offset: off, Err: err}
}

// place puts an error of parseAttrPolicy in message m, at offset off if
// it has none (that of the description's nest).
func place(err error, m, off int) error {
	if e, ok := err.(*DumpError); ok {
		e.Message = m
		if e.Offset < 0 {
			e.Offset = off
		}
	}
	return err
}

// parseAttrPolicy decodes one nest of NL_POLICY_TYPE_ATTR_* attributes.
// Its errors are *DumpError with Message -1, and Offset -1 when the nest
// as a whole is at fault.
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
				if err := a.Err(); err != nil {
					break // a bad length, reported below
				}
				return p, &DumpError{Message: -1, Offset: a.Offset(),
					msg: "unknown NL_ATTR_TYPE " + strconv.FormatUint(uint64(v), 10)}
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
		return p, dumpErr(-1, err)
	}
	if !p.Present(PolicyAttrType) {
		return p, &DumpError{Message: -1, Offset: -1, msg: "attribute without NL_POLICY_TYPE_ATTR_TYPE"}
	}
	return p, nil
}

// ruleOf turns a dumped description back into a rule, but for the
// nested policy, which only the dump's tables give: the inverse of
// Rule.Describe wherever the description is unambiguous.
func ruleOf(a AttrPolicy) Rule {
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
	}
	return r
}
