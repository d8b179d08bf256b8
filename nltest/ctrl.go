package nltest

import (
	"bytes"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/wire"
)

// The controller, nlctrl (net/netlink/genetlink.c): its handlers answer
// from the families registered with the Kernel, whose lock the caller
// (Send, Receive) holds.

// ctrlGetFamily is ctrl_getfamily: one family by ID or, taking
// precedence, by name.
func (k *Kernel) ctrlGetFamily(req *Request, rep *Reply) error {
	var f *family
	err := nlwire.EINVAL
	if d, ok := req.Attr(genl.CTRL_ATTR_FAMILY_ID); ok {
		f = k.byID(d.Uint16())
		err = nlwire.ENOENT
	}
	if d, ok := req.Attr(genl.CTRL_ATTR_FAMILY_NAME); ok {
		f = k.byName(cString(d.Bytes()))
		err = nlwire.ENOENT
	}
	if f == nil {
		return err
	}
	fillInfo(rep, f, genl.CTRL_CMD_NEWFAMILY)
	rep.End()
	return nil
}

// cString returns b up to its first NUL, as the kernel reads a string
// attribute's payload with strcmp.
func cString(b []byte) []byte {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

// ctrlDumpFamily is ctrl_dumpfamily: every family in ID order, one
// message each; Args[0] counts those sent.
func (k *Kernel) ctrlDumpFamily(req *Request, rep *Reply) error {
	n := 0
	for _, f := range k.fams {
		n++
		if n <= int(req.Args[0]) {
			continue
		}
		fillInfo(rep, f, genl.CTRL_CMD_NEWFAMILY)
		if !rep.End() {
			n--
			req.Args[0] = int64(n)
			return nlwire.EMSGSIZE
		}
	}
	req.Args[0] = int64(n)
	return nil
}

// fillInfo is ctrl_fill_info: the message describing f, left open.
func fillInfo(rep *Reply, f *family, cmd uint8) {
	e := rep.Start(cmd)
	e.String(genl.CTRL_ATTR_FAMILY_NAME, f.Name)
	e.Uint16(genl.CTRL_ATTR_FAMILY_ID, f.ID)
	e.Uint32(genl.CTRL_ATTR_VERSION, f.Version)
	e.Uint32(genl.CTRL_ATTR_HDRSIZE, f.HdrSize)
	e.Uint32(genl.CTRL_ATTR_MAXATTR, f.MaxAttr)
	if len(f.ops) > 0 {
		ops := e.BeginNoFlag(genl.CTRL_ATTR_OPS)
		for i := range f.ops {
			o := &f.ops[i]
			n := e.BeginNoFlag(uint16(i + 1))
			e.Uint32(genl.CTRL_ATTR_OP_ID, uint32(o.cmd))
			e.Uint32(genl.CTRL_ATTR_OP_FLAGS, o.flags)
			e.End(n)
		}
		e.End(ops)
	}
	if len(f.Groups) > 0 {
		grps := e.BeginNoFlag(genl.CTRL_ATTR_MCAST_GROUPS)
		for i, g := range f.Groups {
			n := e.BeginNoFlag(uint16(i + 1))
			e.Uint32(genl.CTRL_ATTR_MCAST_GRP_ID, g.ID)
			e.String(genl.CTRL_ATTR_MCAST_GRP_NAME, g.Name)
			e.End(n)
		}
		e.End(grps)
	}
}

// policyDump is the state of a CTRL_CMD_GETPOLICY dump
// (struct ctrl_dump_policy_ctx with its netlink_policy_dump_state).
type policyDump struct {
	fam      *family
	singleOp bool
	op       *op
	dumpMap  bool
	next     int // the next operation to list (op iterator)
	state    policyState
}

// reset empties pd for a dump of f, keeping its storage.
func (pd *policyDump) reset(f *family) {
	clear(pd.state.list)
	*pd = policyDump{fam: f, state: policyState{list: pd.state.list[:0], attrBuf: pd.state.attrBuf[:0]}}
}

// ctrlDumpPolicyStart is ctrl_dumppolicy_start: the family by ID or name,
// optionally one operation, and the policies to dump. It fills the
// *policyDump req.State holds (the Conn's, reused by every GETPOLICY
// dump of the socket: see startDump), or a new one if it holds none.
func (k *Kernel) ctrlDumpPolicyStart(req *Request) error {
	idAttr, hasID := req.Attr(genl.CTRL_ATTR_FAMILY_ID)
	nameAttr, hasName := req.Attr(genl.CTRL_ATTR_FAMILY_NAME)
	if !hasID && !hasName {
		return nlwire.EINVAL
	}
	var id uint16
	if hasID {
		id = idAttr.Uint16()
	} else {
		f := k.byName(cString(nameAttr.Bytes()))
		if f == nil {
			return nlwire.ENOENT
		}
		id = f.ID
	}
	f := k.byID(id)
	if f == nil {
		return nlwire.ENOENT
	}
	pd, _ := req.State.(*policyDump)
	if pd == nil {
		pd = new(policyDump)
	}
	pd.reset(f)
	if opAttr, ok := req.Attr(genl.CTRL_ATTR_OP); ok {
		pd.singleOp = true
		cmd := opAttr.Uint32()
		var o *op
		if cmd <= 0xff {
			o = f.op(uint8(cmd))
		}
		if o == nil {
			return &wire.Error{Errno: nlwire.ENOENT, Offset: uint32(opAttr.Offset())}
		}
		pd.op = o
		// genl_get_cmd_both looks the operation up as a request would:
		// a split operation's form without a policy has none here,
		// though the op iterator shows it with the reject-all policy.
		pd.state.add(o.do.policy, o.do.maxattr)
		pd.state.add(o.dump.policy, o.dump.maxattr)
		if len(pd.state.list) == 0 {
			return enodata
		}
		pd.dumpMap = true
		req.State = pd
		return nil
	}
	pd.dumpMap = len(f.ops) > 0
	for i := range f.ops {
		o := &f.ops[i]
		pd.state.add(o.do.adv, o.do.advMax)
		pd.state.add(o.dump.adv, o.dump.advMax)
	}
	if len(pd.state.list) == 0 {
		return enodata
	}
	req.State = pd
	return nil
}

// ctrlDumpPolicy is ctrl_dumppolicy: the operations' policy indexes, one
// message per operation, then one message per attribute of every policy.
func (k *Kernel) ctrlDumpPolicy(req *Request, rep *Reply) error {
	pd := req.State.(*policyDump)
	if pd.dumpMap {
		if pd.singleOp {
			if !pd.putOp(rep, pd.op, true) {
				return ErrMore
			}
			pd.dumpMap = false
		}
		for pd.dumpMap {
			if !pd.putOp(rep, &pd.fam.ops[pd.next], false) {
				return ErrMore
			}
			pd.next++
			pd.dumpMap = pd.next < len(pd.fam.ops)
		}
	}
	for !pd.state.finished() {
		e := pd.prep(rep)
		n := e.Begin(genl.CTRL_ATTR_POLICY)
		if !pd.state.write(e) {
			rep.Cancel()
			return ErrMore
		}
		e.End(n)
		if !rep.End() {
			pd.state.undo()
			return ErrMore
		}
	}
	return ErrMore
}

// prep is ctrl_dumppolicy_prep: a GETPOLICY message with the family ID.
func (pd *policyDump) prep(rep *Reply) *attr.Encoder {
	e := rep.Start(genl.CTRL_CMD_GETPOLICY)
	e.Uint16(genl.CTRL_ATTR_FAMILY_ID, pd.fam.ID)
	return e
}

// putOp is ctrl_dumppolicy_put_op: the policy indexes of one operation,
// nothing for an operation without policies: those a request meets
// (lookup) or those the op iterator shows. It reports false when the
// message did not fit.
func (pd *policyDump) putOp(rep *Reply, o *op, lookup bool) bool {
	do, doMax, dump, dumpMax := o.do.adv, o.do.advMax, o.dump.adv, o.dump.advMax
	if lookup {
		do, doMax, dump, dumpMax = o.do.policy, o.do.maxattr, o.dump.policy, o.dump.maxattr
	}
	if do == nil && dump == nil {
		return true
	}
	e := pd.prep(rep)
	pol := e.Begin(genl.CTRL_ATTR_OP_POLICY)
	// Linux 6.18 numbers the nest with the do form's command, which is
	// 0 for an operation without one (seen on this kernel: a dump-only
	// operation is listed under command 0).
	var cmd uint16
	if o.do.present {
		cmd = uint16(o.cmd)
	}
	n := e.Begin(cmd)
	if do != nil {
		e.Uint32(genl.CTRL_ATTR_POLICY_DO, uint32(pd.state.index(do, doMax)))
	}
	if dump != nil {
		e.Uint32(genl.CTRL_ATTR_POLICY_DUMP, uint32(pd.state.index(dump, dumpMax)))
	}
	e.End(n)
	e.End(pol)
	return rep.End()
}

// policyRef is one policy of a dump: the kernel tells them apart by
// pointer and maximum type.
type policyRef struct {
	p   *validate.Policy
	max int
}

// policyState is struct netlink_policy_dump_state (net/netlink/policy.c).
type policyState struct {
	list              []policyRef
	policyIdx, attrIx int
	// prevPolicy and prevAttr undo the last write.
	prevPolicy, prevAttr int
	// attrBuf holds the attribute description being written.
	attrBuf []byte
}

// add is netlink_policy_dump_add_policy: p and then, walking every
// policy listed so far, the policies their nests refer to.
func (s *policyState) add(p *validate.Policy, maxType int) {
	s.addOne(p, maxType)
	for i := 0; i < len(s.list); i++ {
		ref := s.list[i]
		for t := 0; t <= ref.max; t++ {
			r := ruleAt(ref.p, t)
			if r.Kind == validate.Nested || r.Kind == validate.NestedArray {
				if r.Nested != nil {
					s.addOne(r.Nested, policyMax(r.Nested))
				}
			}
		}
	}
}

// addOne is add_policy.
func (s *policyState) addOne(p *validate.Policy, maxType int) {
	if p == nil || maxType == 0 {
		return
	}
	if s.index(p, maxType) >= 0 {
		return
	}
	s.list = append(s.list, policyRef{p, maxType})
}

// index is netlink_policy_dump_get_policy_idx, -1 if p is not listed.
func (s *policyState) index(p *validate.Policy, maxType int) int {
	for i, r := range s.list {
		if r.p == p && r.max == maxType {
			return i
		}
	}
	return -1
}

// ruleAt returns policy[t], the zero rule beyond the table.
func ruleAt(p *validate.Policy, t int) *validate.Rule {
	if t < len(p.Rules) {
		return &p.Rules[t]
	}
	return &zeroRule
}

// zeroRule is the rule of types beyond a policy's table. It is never
// written.
var zeroRule validate.Rule

func (s *policyState) finished() bool { return s.policyIdx >= len(s.list) }

// write is netlink_policy_dump_write: the next attribute's description
// that can be written (NLA_UNSPEC, NLA_REJECT, NLA_BE16 and NLA_BE32 are
// skipped) as a nest policy_idx { attr { ... } }, and the state moved
// past it. It reports false if nothing was left to write.
func (s *policyState) write(e *attr.Encoder) bool {
	s.prevPolicy, s.prevAttr = s.policyIdx, s.attrIx
	for !s.finished() {
		ref := s.list[s.policyIdx]
		t := s.attrIx
		r := ruleAt(ref.p, t)
		s.attrIx++
		if s.attrIx > ref.max {
			s.attrIx = 0
			s.policyIdx++
		}
		a, ok := r.Describe()
		if !ok {
			continue
		}
		if (r.Kind == validate.Nested || r.Kind == validate.NestedArray) && r.Nested != nil {
			if m := policyMax(r.Nested); m != 0 {
				a.PolicyIdx = uint32(s.index(r.Nested, m))
				a.PolicyMaxType = uint32(m)
				a.Has |= 1<<validate.PolicyAttrPolicyIdx | 1<<validate.PolicyAttrPolicyMaxType
			}
		}
		pn := e.Begin(uint16(s.prevPolicyIndex(ref)))
		an := e.Begin(uint16(t))
		s.attrBuf = a.Append(s.attrBuf[:0], nlwire.Native)
		e.Raw(s.attrBuf)
		e.End(an)
		e.End(pn)
		return true
	}
	return false
}

// prevPolicyIndex returns the index of ref in the list.
func (s *policyState) prevPolicyIndex(ref policyRef) int { return s.index(ref.p, ref.max) }

// undo moves the state back before the last write, whose message did not
// fit.
func (s *policyState) undo() { s.policyIdx, s.attrIx = s.prevPolicy, s.prevAttr }
