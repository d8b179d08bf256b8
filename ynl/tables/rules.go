package tables

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/ynl"
)

// The rules below are the one statement of how a spec becomes tables:
// the generator (internal/cmd/ynlgen) writes their results as Go
// literals, Build makes values of them.

// Sanitize makes every C name of s a Go identifier, in place: a
// character that cannot be in one (a space in nftables' "set id")
// becomes '_', as a C header would have to spell it.
func Sanitize(s *ynl.Spec) {
	fix := func(p *string) {
		if strings.IndexFunc(*p, notIdent) < 0 {
			return
		}
		*p = strings.Map(func(r rune) rune {
			if notIdent(r) {
				return '_'
			}
			return r
		}, *p)
	}
	for _, d := range s.Definitions {
		fix(&d.CName)
		for _, e := range d.Entries {
			fix(&e.CName)
		}
	}
	for _, as := range s.AttributeSets {
		for _, a := range as.Attributes {
			fix(&a.CName)
		}
	}
	for _, o := range s.Operations.List {
		fix(&o.CName)
	}
	for _, m := range s.McastGroups {
		fix(&m.CName)
	}
}

func notIdent(r rune) bool {
	return !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
}

// Format returns the display format of a value of spec type t in byte
// order order with display hint hint.
func Format(t ynl.Type, order ynl.ByteOrder, hint ynl.DisplayHint) family.Format {
	ip := hint == ynl.HintIPv4 || hint == ynl.HintIPv6 || hint == ynl.HintIPv4OrV6
	be := order == ynl.BigEndian
	switch t {
	case ynl.TypeU8:
		return family.U8
	case ynl.TypeU16:
		if be {
			return family.BE16
		}
		return family.U16
	case ynl.TypeU32:
		switch {
		case be && ip:
			return family.IPAddr
		case be:
			return family.BE32
		}
		return family.U32
	case ynl.TypeU64, ynl.TypeS8, ynl.TypeS16, ynl.TypeS32, ynl.TypeS64:
		switch {
		case be && t == ynl.TypeU64:
			return family.BE64
		case be && t == ynl.TypeS32:
			return family.SBE32
		}
		if be {
			return family.Binary // no big-endian Format for these
		}
		switch t {
		case ynl.TypeU64:
			return family.U64
		case ynl.TypeS8:
			return family.S8
		case ynl.TypeS16:
			return family.S16
		case ynl.TypeS32:
			return family.S32
		}
		return family.S64
	case ynl.TypeUint:
		return family.UInt
	case ynl.TypeSint:
		return family.SInt
	case ynl.TypeFlag:
		return family.Flag
	case ynl.TypeString:
		return family.String
	case ynl.TypeBinary:
		switch {
		case ip:
			return family.IPAddr
		case hint == ynl.HintMAC:
			return family.HWAddr
		}
		return family.Binary
	case ynl.TypeBitfield32:
		return family.Bitfield32
	case ynl.TypeNest, ynl.TypeSubMessage:
		return family.Nested
	case ynl.TypeIndexedArray, ynl.TypeNestTypeValue:
		return family.NestedArray
	}
	return family.Binary // pad, unused
}

// StructSize returns the size of a struct definition (members are
// packed, as the specs list padding explicitly); 0 for nil.
func StructSize(d *ynl.Definition) int {
	if d == nil {
		return 0
	}
	n := 0
	for _, m := range d.Members {
		switch {
		case m.Type.Size() > 0:
			n += m.Type.Size()
		case m.StructDef != nil && m.StructDef != d && !m.Len.Set:
			n += StructSize(m.StructDef) // a struct member (tc_sfq_qopt_v1's v0)
		default:
			n += int(m.Len.Value)
		}
	}
	return n
}

// OpFlags returns the flags of an operation: its forms, permissions and
// validation opt-outs.
func OpFlags(o *ynl.Operation) family.OpFlags {
	var f family.OpFlags
	if o.Do != nil {
		f |= family.OpDo
	}
	if o.Dump != nil {
		f |= family.OpDump
	}
	if o.Notify != "" {
		f |= family.OpNotify
	}
	if o.Event != nil {
		f |= family.OpEvent
	}
	for _, fl := range o.Flags {
		switch fl {
		case "admin-perm":
			f |= family.OpAdminPerm
		case "uns-admin-perm":
			f |= family.OpUnsAdminPerm
		}
	}
	for _, dv := range o.DontValidate {
		switch dv {
		case "strict":
			f |= family.OpDontValidateStrict
		case "dump":
			f |= family.OpDontValidateDump
		case "dump-strict":
			f |= family.OpDontValidateDumpStrict
		}
	}
	return f
}

// KernelPolicy returns the family.KernelPolicy of a generic spec's
// kernel-policy.
func KernelPolicy(s *ynl.Spec) (family.KernelPolicy, error) {
	switch s.KernelPolicy {
	case "split":
		return family.KernelPolicySplit, nil
	case "per-op":
		return family.KernelPolicyPerOp, nil
	case "global":
		return family.KernelPolicyGlobal, nil
	}
	return 0, fmt.Errorf("%s: unknown kernel-policy %q", s.Name, s.KernelPolicy)
}

// Cycles finds the references between attribute sets that would close a
// cycle of tables: two sets refer to each other, directly or not,
// exactly when they are in the same strongly connected component of the
// graph of nests and sub-message formats. Its cost is linear in the
// spec's attributes.
type Cycles struct {
	comp map[*ynl.AttrSet]int
}

// children calls fn for every set an attribute of s refers to.
func children(s *ynl.AttrSet, fn func(*ynl.AttrSet)) {
	for _, a := range s.Attributes {
		if a.Nested != nil {
			fn(a.Nested)
		}
		if a.SubMsg != nil {
			for _, f := range a.SubMsg.Formats {
				if f.Set != nil {
					fn(f.Set)
				}
			}
		}
	}
}

// NewCycles computes the components of the sets of s (Tarjan's
// algorithm, without recursion).
func NewCycles(s *ynl.Spec) *Cycles {
	c := &Cycles{comp: make(map[*ynl.AttrSet]int, len(s.AttributeSets))}
	index := map[*ynl.AttrSet]int{}
	low := map[*ynl.AttrSet]int{}
	onStack := map[*ynl.AttrSet]bool{}
	var stack []*ynl.AttrSet
	type frame struct {
		s    *ynl.AttrSet
		kids []*ynl.AttrSet
		i    int
	}
	next, ncomp := 0, 0
	for _, root := range s.AttributeSets {
		if _, seen := index[root]; seen {
			continue
		}
		var call []frame
		push := func(v *ynl.AttrSet) {
			index[v], low[v] = next, next
			next++
			stack = append(stack, v)
			onStack[v] = true
			var kids []*ynl.AttrSet
			children(v, func(k *ynl.AttrSet) { kids = append(kids, k) })
			call = append(call, frame{s: v, kids: kids})
		}
		push(root)
		for len(call) > 0 {
			f := &call[len(call)-1]
			if f.i < len(f.kids) {
				k := f.kids[f.i]
				f.i++
				if _, seen := index[k]; !seen {
					push(k)
				} else if onStack[k] {
					low[f.s] = min(low[f.s], index[k])
				}
				continue
			}
			v := f.s
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].s
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					c.comp[w] = ncomp
					if w == v {
						break
					}
				}
				ncomp++
			}
		}
	}
	return c
}

// Closes reports whether a reference from set from to set to closes a
// cycle: whether to's table refers, directly or not, back to from's.
func (c *Cycles) Closes(from, to *ynl.AttrSet) bool {
	if from == to {
		return true
	}
	a, ok1 := c.comp[from]
	b, ok2 := c.comp[to]
	return ok1 && ok2 && a == b
}

// Policies, as ynl-gen-c (tools/net/ynl/ynl-gen-c.py) makes the
// kernel's: a policy for every attribute set nested in a request, with
// all of its attributes ("Common nested types"), and one for each
// operation's request (kernel-policy split or per-op) or one for the
// family (global), with the attributes the request lists.

// Plan says which policies a generic family's spec makes, and of which
// attributes.
type Plan struct {
	// Nests are the sets nested, directly or further down, in an
	// attribute some request lists, in the spec's order: each has a
	// policy of all its attributes.
	Nests []*ynl.AttrSet
	// Cut marks the nests whose policy would contain itself (back edges
	// of a walk of Nests in order): they get no nested policy.
	Cut map[*ynl.Attr]bool
	// Global is the family's policy under kernel-policy global, over
	// GlobalSet; nil otherwise.
	Global    *PolicyAttrs
	GlobalSet *ynl.AttrSet
	// Ops are the operations with a policy for their do or dump
	// request, in the spec's order. Under per-op and global, Do and Dump
	// are the same policy.
	Ops []OpPlan
	// Notes say where the policies differ from ynl-gen-c's output.
	Notes []string
}

// PolicyAttrs is the list of attributes one policy has rules for.
type PolicyAttrs struct {
	Attrs []*ynl.Attr
}

// OpPlan is an operation's request policies; nil where it has none.
type OpPlan struct {
	Op       *ynl.Operation
	Do, Dump *PolicyAttrs
}

// ErrGlobalSets: a kernel-policy global family whose operations use
// more than one attribute set.
var ErrGlobalSets = errors.New("global policy over more than one set")

// NewPlan works out the policies of a generic family's spec.
func NewPlan(s *ynl.Spec) (*Plan, error) {
	p := &Plan{Cut: map[*ynl.Attr]bool{}}
	marked := map[*ynl.AttrSet]bool{}
	var stack []*ynl.AttrSet
	mark := func(as *ynl.AttrSet) {
		if as != nil && !marked[as] {
			marked[as] = true
			stack = append(stack, as)
		}
	}
	for _, o := range s.Operations.List {
		for _, m := range []*ynl.Mode{o.Do, o.Dump} {
			if m == nil || m.Request == nil {
				continue
			}
			for _, a := range m.Request.Attrs {
				mark(a.Nested)
			}
		}
	}
	for len(stack) > 0 {
		as := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, a := range as.Attributes {
			mark(a.Nested)
		}
	}
	for _, as := range s.AttributeSets {
		if marked[as] {
			p.Nests = append(p.Nests, as)
		}
	}
	p.cut()
	return p, p.ops(s)
}

// cut marks the back edges of a depth-first walk of the nests.
func (p *Plan) cut() {
	const onWalk, done = 1, 2
	state := map[*ynl.AttrSet]int{}
	type frame struct {
		s *ynl.AttrSet
		i int
	}
	for _, root := range p.Nests {
		if state[root] != 0 {
			continue
		}
		state[root] = onWalk
		call := []frame{{s: root}}
		for len(call) > 0 {
			f := &call[len(call)-1]
			if f.i == len(f.s.Attributes) {
				state[f.s] = done
				call = call[:len(call)-1]
				continue
			}
			a := f.s.Attributes[f.i]
			f.i++
			if a.Nested == nil || (a.Type != ynl.TypeNest && a.Type != ynl.TypeIndexedArray) {
				continue
			}
			switch state[a.Nested] {
			case onWalk:
				p.Cut[a] = true
				p.Notes = append(p.Notes, fmt.Sprintf("%s: its nest contains itself (%s), which a validate.Policy table cannot point to without an initialization cycle: only the nest's length is checked", a.CName, a.Nested.Name))
			case 0:
				state[a.Nested] = onWalk
				call = append(call, frame{s: a.Nested})
			}
		}
	}
}

// ops assigns the operations their request policies.
func (p *Plan) ops(s *ynl.Spec) error {
	hasReq := func(m *ynl.Mode) bool { return m != nil && m.Request != nil }
	switch s.KernelPolicy {
	case "global":
		var set *ynl.AttrSet
		listed := map[*ynl.Attr]bool{}
		for _, o := range s.Operations.List {
			if o.IsAsync() || o.Set == nil {
				continue
			}
			if set == nil {
				set = o.Set
			}
			if set != o.Set {
				return ErrGlobalSets
			}
			for _, m := range []*ynl.Mode{o.Do, o.Dump} {
				if hasReq(m) {
					for _, a := range m.Request.Attrs {
						listed[a] = true
					}
				}
			}
		}
		if set == nil {
			return nil
		}
		g := &PolicyAttrs{}
		for _, a := range set.Attributes {
			if listed[a] {
				g.Attrs = append(g.Attrs, a)
			}
		}
		p.Global, p.GlobalSet = g, set
		for _, o := range s.Operations.List {
			if !o.IsCall() {
				continue
			}
			op := OpPlan{Op: o}
			if o.Do != nil {
				op.Do = g
			}
			if o.Dump != nil {
				op.Dump = g
			}
			p.Ops = append(p.Ops, op)
		}
	default: // split, per-op
		for _, o := range s.Operations.List {
			if o.IsAsync() || !o.IsCall() {
				continue
			}
			op := OpPlan{Op: o}
			if s.KernelPolicy == "per-op" {
				m := o.Do
				if !hasReq(m) {
					m = o.Dump
				}
				if !hasReq(m) {
					continue
				}
				pa := &PolicyAttrs{Attrs: m.Request.Attrs}
				if o.Do != nil {
					op.Do = pa
				}
				if o.Dump != nil {
					op.Dump = pa
				}
			} else {
				if hasReq(o.Do) {
					op.Do = &PolicyAttrs{Attrs: o.Do.Request.Attrs}
				}
				if hasReq(o.Dump) {
					op.Dump = &PolicyAttrs{Attrs: o.Dump.Request.Attrs}
				}
			}
			p.Ops = append(p.Ops, op)
		}
	}
	return nil
}

// AttrRule is the rule of one attribute in a policy.
type AttrRule struct {
	// Rule is the rule, without Nested.
	Rule validate.Rule
	// Nest is the set whose policy Rule.Nested points to; nil for none.
	Nest *ynl.AttrSet
	// Note says where the rule differs from ynl-gen-c's output, if it
	// does.
	Note string
}

// RuleError reports an attribute whose checks make no kernel rule.
type RuleError struct {
	Attr   string // the attribute's C name
	Reason string
}

// Error returns "ATTR: reason".
func (e *RuleError) Error() string { return e.Attr + ": " + e.Reason }

// Rule returns the rule ynl-gen-c makes of attribute a; false for none
// (an unused or pad attribute, which it leaves out). cut marks a nest
// whose policy would contain itself. enums caches enum ranges and may
// be shared between calls on one spec.
func Rule(a *ynl.Attr, cut bool, enums *Enums) (AttrRule, bool, error) {
	t := a.Type
	c := a.Checks
	switch {
	case t.IsScalar():
		r, err := scalarRule(a, enums)
		return AttrRule{Rule: r}, err == nil, err
	case t == ynl.TypeFlag:
		return AttrRule{Rule: validate.Rule{Kind: validate.Flag}}, true, nil
	case t == ynl.TypeString:
		if c.ExactLen.Set {
			return exact(c.ExactLen.Value), true, nil
		}
		k := validate.NulString
		if c.UnterminatedOK {
			k = validate.String
		}
		r := validate.Rule{Kind: k}
		if c.MaxLen.Set {
			r.Len = uint16(c.MaxLen.Value)
		}
		return AttrRule{Rule: r}, true, nil
	case t == ynl.TypeBinary:
		n := countChecks(c)
		switch {
		case c.ExactLen.Set:
			return exact(c.ExactLen.Value), true, nil
		case n == 1 && c.MinLen.Set:
			// { .len = N }: NLA_UNSPEC with a minimum length.
			return AttrRule{Rule: validate.Rule{Kind: validate.Unspec, Len: uint16(c.MinLen.Value)}}, true, nil
		case n == 0:
			return AttrRule{Rule: validate.Rule{Kind: validate.Binary}}, true, nil
		case n == 1 && c.MaxLen.Set:
			// ynl-gen-c 6.12 raises here; the kernel's own spelling of
			// the check is NLA_BINARY with .len.
			return AttrRule{Rule: validate.Rule{Kind: validate.Binary, Len: uint16(c.MaxLen.Value)},
				Note: a.CName + ": binary max-len, which ynl-gen-c 6.12 does not implement: NLA_BINARY with len"}, true, nil
		}
		return AttrRule{}, false, &RuleError{a.CName, "binary checks ynl-gen-c does not implement"}
	case t == ynl.TypeBitfield32:
		if a.EnumDef == nil {
			return AttrRule{}, false, &RuleError{a.CName, "bitfield32 without enum"}
		}
		return AttrRule{Rule: validate.Rule{Kind: validate.Bitfield32, Mask: enums.get(a.EnumDef).mask}}, true, nil
	case t == ynl.TypeNest:
		r := AttrRule{Rule: validate.Rule{Kind: validate.Nested}}
		if a.Nested != nil && !cut {
			r.Nest = a.Nested
		}
		return r, true, nil
	case t == ynl.TypeIndexedArray:
		// ynl-gen-c 6.12 writes NLA_INDEXED_ARRAY, which the kernel does
		// not have; NLA_NESTED_ARRAY is its array of nests.
		r := AttrRule{Rule: validate.Rule{Kind: validate.NestedArray},
			Note: a.CName + ": indexed-array, which ynl-gen-c 6.12 renders as a type the kernel lacks: NLA_NESTED_ARRAY"}
		if a.Nested != nil && a.SubType == ynl.TypeNest && !cut {
			r.Nest = a.Nested
		}
		return r, true, nil
	case t == ynl.TypeNestTypeValue:
		return AttrRule{Rule: validate.Rule{Kind: validate.Nested},
			Note: a.CName + ": nest-type-value, which ynl-gen-c 6.12 renders as a type the kernel lacks: NLA_NESTED without a policy"}, true, nil
	case t == ynl.TypeSubMessage:
		return AttrRule{}, false, &RuleError{a.CName, "sub-message in a request policy"}
	}
	return AttrRule{}, false, nil // unused, pad
}

func exact(n int64) AttrRule {
	return AttrRule{Rule: validate.Rule{Kind: validate.Binary, Check: validate.CheckRange, Min: n, Max: n}}
}

func countChecks(c ynl.Checks) int {
	n := 0
	for _, ok := range []bool{c.Min.Set, c.Max.Set, c.MinLen.Set, c.MaxLen.Set, c.ExactLen.Set, c.UnterminatedOK, c.FlagsMask != ""} {
		if ok {
			n++
		}
	}
	return n
}

var scalarKinds = map[ynl.Type]validate.Kind{
	ynl.TypeU8: validate.U8, ynl.TypeU16: validate.U16, ynl.TypeU32: validate.U32, ynl.TypeU64: validate.U64,
	ynl.TypeS8: validate.S8, ynl.TypeS16: validate.S16, ynl.TypeS32: validate.S32, ynl.TypeS64: validate.S64,
	ynl.TypeUint: validate.UInt, ynl.TypeSint: validate.SInt,
}

// Enums caches what rules need of enum and flags definitions (their
// range and mask), so that a spec's rules cost one pass over each
// definition. The zero value is ready; a nil *Enums caches nothing.
type Enums struct {
	m map[*ynl.Definition]enumFacts
}

type enumFacts struct {
	lo, hi int64
	n      int
	mask   uint64
}

func (c *Enums) get(d *ynl.Definition) enumFacts {
	if f, ok := c.lookup(d); ok {
		return f
	}
	f := enumFacts{n: len(d.Entries), mask: d.Mask()}
	if len(d.Entries) > 0 {
		f.lo, f.hi = d.Entries[0].Value, d.Entries[0].Value
		for _, e := range d.Entries {
			f.lo, f.hi = min(f.lo, e.Value), max(f.hi, e.Value)
		}
	}
	if c != nil {
		if c.m == nil {
			c.m = map[*ynl.Definition]enumFacts{}
		}
		c.m[d] = f
	}
	return f
}

func (c *Enums) lookup(d *ynl.Definition) (enumFacts, bool) {
	if c == nil {
		return enumFacts{}, false
	}
	f, ok := c.m[d]
	return f, ok
}

// scalarRule follows ynl-gen-c's TypeScalar: an enum gives the range of
// its values unless checks do; flags (or enum-as-flags) give a mask,
// flags-mask a mask of as many low bits as the flags have entries;
// limits beyond s16 make a full range (whose missing bound is 0); a
// big-endian u16 or u32 is NLA_BE16 or NLA_BE32 (as the generator in
// the newest kernel tree writes it, and the running 6.18 kernel's
// mptcp_pm has it; 6.12's wrote NLA_U16 and NLA_U32).
func scalarRule(a *ynl.Attr, enums *Enums) (validate.Rule, error) {
	k := scalarKinds[a.Type]
	if a.ByteOrder == ynl.BigEndian {
		switch a.Type {
		case ynl.TypeU16:
			k = validate.BE16
		case ynl.TypeU32:
			k = validate.BE32
		}
	}
	signed := a.Type.IsSigned()
	type lim struct {
		set bool
		v   int64 // the bound as Rule.Min and Max hold it
		u   uint64
		neg bool
	}
	conv := func(l ynl.Limit) lim {
		if !l.Set {
			return lim{}
		}
		v, _ := l.Int64()
		if !signed && !l.Neg {
			v = int64(l.Abs) // the bits of a uint64
		}
		return lim{set: true, v: v, u: l.Abs, neg: l.Neg}
	}
	of := func(v int64) lim {
		u := uint64(v)
		if v < 0 {
			u = uint64(-v)
		}
		return lim{set: true, v: v, u: u, neg: v < 0}
	}
	lo, hi := conv(a.Checks.Min), conv(a.Checks.Max)
	bitfield := false
	if d := a.EnumDef; d != nil {
		bitfield = a.EnumAsFlags || d.Kind == ynl.DefFlags
		if f := enums.get(d); f.n > 0 {
			if f.hi-f.lo+1 != int64(f.n) {
				if !bitfield {
					return validate.Rule{}, &RuleError{a.CName, "enum " + d.Name + " is not contiguous (ynl-gen-c cannot make its range)"}
				}
			} else {
				if !lo.set && (f.lo != 0 || signed) {
					lo = of(f.lo)
				}
				if !hi.set {
					hi = of(f.hi)
				}
			}
		}
	}
	if bitfield || a.Checks.FlagsMask != "" {
		var mask uint64
		if bitfield {
			mask = enums.get(a.EnumDef).mask
		} else {
			mask = 1<<uint(len(a.Checks.FlagsMaskDef.Entries)) - 1
		}
		return validate.Rule{Kind: k, Check: validate.CheckMask, Mask: mask}, nil
	}
	// full-range: low < -32768 or high > 32767, over min and max (absent ones 0).
	big := func(l lim) bool {
		if !l.set {
			return false
		}
		if l.neg {
			return l.u > 32768
		}
		return l.u > 32767
	}
	switch {
	case !lo.set && !hi.set:
		return validate.Rule{Kind: k}, nil
	case big(lo) || big(hi) || (lo.set && hi.set):
		return validate.Rule{Kind: k, Check: validate.CheckRange, Min: lo.v, Max: hi.v}, nil
	case lo.set:
		return validate.Rule{Kind: k, Check: validate.CheckMin, Min: lo.v}, nil
	}
	return validate.Rule{Kind: k, Check: validate.CheckMax, Max: hi.v}, nil
}

// MaxType returns the maximum type of a policy of attrs, as the policy
// must record it beside its rules: the highest listed attribute, when
// it has no rule (the table's length says it otherwise); 0 if the
// rules' length says it.
func MaxType(attrs []*ynl.Attr, hasRule func(*ynl.Attr) bool) uint16 {
	var maxV int64
	for _, a := range attrs {
		maxV = max(maxV, a.Value)
	}
	for _, a := range attrs {
		if a.Value == maxV && hasRule(a) {
			return 0
		}
	}
	return uint16(maxV)
}
