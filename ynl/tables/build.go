package tables

import (
	"fmt"
	"strings"

	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/ynl"
)

// Tables are the values a spec makes at run time: what the generator
// writes into a family package (its Family and OpPolicy).
type Tables struct {
	// Family is the family's description, as the generated package's
	// Family variable holds it.
	Family *family.Family
	// Policies are the policies of the sets requests nest, by set name,
	// for a generic family (the generated package's <Set>Policy).
	Policies map[string]*validate.Policy
	// Global is the family's policy under kernel-policy global.
	Global *validate.Policy
	ops    map[uint8]opPolicy
}

type opPolicy struct{ do, dump *validate.Policy }

// OpPolicy returns the policies of command cmd's do and dump handlers,
// nil where there is no handler or the handler takes no attributes, as
// the generated package's OpPolicy does. It has the type
// registry.Policies returns.
func (t *Tables) OpPolicy(cmd uint8) (do, dump *validate.Policy) {
	p := t.ops[cmd]
	return p.do, p.dump
}

// BudgetError reports a spec whose attribute tables would be much
// larger than the spec: tables indexed by attribute type, for sets
// whose types are sparse.
type BudgetError struct {
	Set   string // the set whose table passed the budget
	Slots int    // the table entries the spec's sets need, counted so far
	Limit int
}

// Error returns a description naming the set.
func (e *BudgetError) Error() string {
	return fmt.Sprintf("attribute set %q: the spec's tables need %d entries, more than %d for its attributes", e.Set, e.Slots, e.Limit)
}

// The most entries an enum or flags definition, and formats a
// sub-message, may have: a decoder looks a value's name, and a
// sub-message's format, up among them for every attribute, so that
// their number bounds the cost of an attribute whatever the spec
// (the kernel's largest have 156 and 43).
const (
	MaxEnumEntries = 1024
	MaxFormats     = 256
)

// LimitError reports a definition or sub-message with more entries
// than MaxEnumEntries or MaxFormats.
type LimitError struct {
	What  string // "definition" or "sub-message"
	Name  string
	N     int
	Limit int
}

// Error returns a description naming the definition or sub-message.
func (e *LimitError) Error() string {
	return fmt.Sprintf("%s %q has %d entries, more than %d", e.What, e.Name, e.N, e.Limit)
}

// tableBudget returns the most table entries (attribute types up to each
// set's highest) a spec with n attributes may need: generous for the
// kernel's specs, whose types are dense, and linear in the spec.
func tableBudget(n int) int { return 8*n + 4096 }

// Build makes the tables of a spec, with the generator's rules. It
// rewrites the spec's C names to Go identifiers first, as the generator
// does (Sanitize). Its cost is linear in the spec's size: a spec whose
// sets number their attributes so sparsely that the tables would not be
// is refused with a *BudgetError. So that decoding with the tables costs
// a bounded amount per attribute whatever the spec, a definition of more
// than MaxEnumEntries entries or a sub-message of more than MaxFormats
// formats is refused with a *LimitError.
func Build(s *ynl.Spec) (*Tables, error) {
	Sanitize(s)
	Correct(s)
	b := &builder{
		spec:    s,
		cyc:     NewCycles(s),
		enums:   map[*ynl.Definition]*family.EnumDef{},
		structs: map[*ynl.Definition]*family.Struct{},
		sets:    make(map[*ynl.AttrSet]*family.Set, len(s.AttributeSets)),
	}
	if err := b.budget(); err != nil {
		return nil, err
	}
	for _, d := range s.Definitions {
		if len(d.Entries) > MaxEnumEntries {
			return nil, &LimitError{What: "definition", Name: d.Name, N: len(d.Entries), Limit: MaxEnumEntries}
		}
	}
	for _, m := range s.SubMessages {
		if len(m.Formats) > MaxFormats {
			return nil, &LimitError{What: "sub-message", Name: m.Name, N: len(m.Formats), Limit: MaxFormats}
		}
	}
	f := &family.Family{Name: s.Name, Protocol: s.Protonum}
	if s.Protocol.IsGenetlink() {
		f.Version = s.Version
		kp, err := KernelPolicy(s)
		if err != nil {
			return nil, err
		}
		f.KernelPolicy = kp
	}
	f.HeaderLen = StructSize(s.Operations.FixedHeaderDef)
	for _, d := range s.Definitions {
		if d.Kind != ynl.DefEnum && d.Kind != ynl.DefFlags {
			continue
		}
		e := &family.EnumDef{Space: strings.TrimSuffix(d.NamePrefix, "_"), Flags: d.Kind == ynl.DefFlags,
			Entries: make([]family.EnumEntry, len(d.Entries))}
		for i, en := range d.Entries {
			v := uint64(en.Value)
			if e.Flags {
				v = en.Mask
			}
			e.Entries[i] = family.EnumEntry{Name: en.CName, Value: v}
		}
		b.enums[d] = e
		f.Enums = append(f.Enums, e)
	}
	for _, as := range s.AttributeSets {
		b.sets[as] = &family.Set{Space: strings.TrimSuffix(as.NamePrefix, "_")}
		f.Sets = append(f.Sets, b.sets[as])
	}
	for _, as := range s.AttributeSets {
		if err := b.fillSet(as); err != nil {
			return nil, err
		}
	}
	for _, o := range s.Operations.List {
		f.Ops = append(f.Ops, b.op(o))
	}
	for _, m := range s.McastGroups {
		id := int32(family.None)
		if m.Value != ynl.None {
			id = int32(m.Value)
		}
		f.Groups = append(f.Groups, family.Group{Name: m.Name, CName: m.CName, ID: id})
	}
	t := &Tables{Family: f}
	if s.Protocol.IsGenetlink() {
		if err := b.policies(t); err != nil {
			return nil, err
		}
	}
	return t, nil
}

type builder struct {
	spec  *ynl.Spec
	cyc   *Cycles
	enums map[*ynl.Definition]*family.EnumDef
	sets  map[*ynl.AttrSet]*family.Set
	// structs are the layouts of the struct definitions attributes hold.
	structs map[*ynl.Definition]*family.Struct
	facts   Enums
	// slots counts the table entries made, limit is their budget.
	slots, limit int
}

// budget refuses sparse tables before they are made.
func (b *builder) budget() error {
	n := 0
	for _, as := range b.spec.AttributeSets {
		n += len(as.Attributes)
	}
	for _, o := range b.spec.Operations.List {
		for _, m := range []*ynl.Mode{o.Do, o.Dump} {
			if m != nil && m.Request != nil {
				n += len(m.Request.Attrs)
			}
		}
	}
	b.limit = tableBudget(n)
	for _, as := range b.spec.AttributeSets {
		if err := b.spend(as.Name, as.MaxValue()+1); err != nil {
			return err
		}
	}
	return nil
}

// spend counts n more table entries, made for set.
func (b *builder) spend(set string, n int64) error {
	b.slots += int(n)
	if b.slots > b.limit {
		return &BudgetError{Set: set, Slots: b.slots, Limit: b.limit}
	}
	return nil
}

// ref is a reference to a set that contains, further down, the set that
// refers to it (family.SetRef), as the generated tables make it.
type ref struct{ s *family.Set }

// Set returns the set.
func (r ref) Set() *family.Set { return r.s }

// child returns a reference from set from to set to: a pointer, or a
// SetRef where the generated tables need one.
func (b *builder) child(from, to *ynl.AttrSet) (*family.Set, family.SetRef) {
	if b.cyc.Closes(from, to) {
		return nil, ref{b.sets[to]}
	}
	return b.sets[to], nil
}

func (b *builder) fillSet(as *ynl.AttrSet) error {
	s := b.sets[as]
	n := 0
	if len(as.Attributes) > 0 {
		n = int(as.MaxValue()) + 1
	}
	s.Attrs = make([]family.Attr, n)
	for _, a := range as.Attributes {
		at, err := b.attr(as, a)
		if err != nil {
			return err
		}
		s.Attrs[a.Value] = at
	}
	return nil
}

func (b *builder) attr(as *ynl.AttrSet, a *ynl.Attr) (family.Attr, error) {
	at := family.Attr{Name: a.CName, Format: Format(a.Type, a.ByteOrder, a.DisplayHint), Multi: a.MultiAttr}
	switch a.Type {
	case ynl.TypeNest, ynl.TypeIndexedArray:
		switch {
		case a.Nested != nil:
			at.Child, at.ChildRef = b.child(as, a.Nested)
		case a.Type == ynl.TypeIndexedArray && a.SubType != ynl.TypeNest:
			at.ElemFormat = Format(a.SubType, a.ByteOrder, a.DisplayHint)
		}
	case ynl.TypeNestTypeValue:
		if a.Nested == nil {
			break
		}
		// One level of nests per type-value, then the nested set.
		c, r := b.child(as, a.Nested)
		if len(a.TypeValue) <= 1 {
			at.Child, at.ChildRef = c, r
			break
		}
		inner := &family.Attr{Format: family.Nested, Child: c, ChildRef: r}
		var level *family.Set
		for l := len(a.TypeValue) - 1; l >= 1; l-- {
			level = &family.Set{Space: a.TypeValue[l], Elem: inner}
			inner = &family.Attr{Format: family.NestedArray, Child: level}
		}
		at.Child = level
	case ynl.TypeSubMessage:
		if sel := as.Attr(a.Selector); sel != nil {
			at.Key = uint16(sel.Value)
		}
		at.Variants = make([]family.Variant, 0, len(a.SubMsg.Formats))
		for _, fm := range a.SubMsg.Formats {
			v := family.Variant{Value: fm.Value}
			if fm.Set != nil {
				v.Set, v.Ref = b.child(as, fm.Set)
			}
			if n := StructSize(fm.FixedHeaderDef); n > 0 {
				if n > 255 {
					return family.Attr{}, fmt.Errorf("%s: fixed header %s of %d bytes", b.spec.Name, fm.FixedHeader, n)
				}
				v.Header = uint8(n)
			}
			at.Variants = append(at.Variants, v)
		}
	}
	if a.Type == ynl.TypeBinary && a.StructDef != nil && a.StructDef.Kind == ynl.DefStruct {
		st, ok := b.structs[a.StructDef]
		if !ok {
			var err error
			if st, err = Struct(a.StructDef); err != nil {
				return family.Attr{}, fmt.Errorf("%s: %s: %w", b.spec.Name, a.CName, err)
			}
			b.structs[a.StructDef] = st
		}
		at.Struct = st
	}
	if a.EnumDef != nil {
		if e, ok := b.enums[a.EnumDef]; ok {
			at.Enum = e
			at.EnumBits = a.EnumAsFlags && a.EnumDef.Kind == ynl.DefEnum
		}
	}
	return at, nil
}

func (b *builder) op(o *ynl.Operation) family.Op {
	op := family.Op{Name: o.CName, Request: int32(o.RequestValue), Reply: int32(o.ReplyValue),
		Flags: OpFlags(o), HeaderLen: StructSize(o.FixedHeaderDef)}
	if o.Set != nil {
		op.Attrs = b.sets[o.Set]
	}
	list := func(m *ynl.Message) []uint16 {
		if m == nil || len(m.Attrs) == 0 {
			return nil
		}
		l := make([]uint16, len(m.Attrs))
		for i, a := range m.Attrs {
			l[i] = uint16(a.Value)
		}
		return l
	}
	if o.Do != nil {
		op.DoRequest, op.DoReply = list(o.Do.Request), list(o.Do.Reply)
	}
	if o.Dump != nil {
		op.DumpRequest, op.DumpReply = list(o.Dump.Request), list(o.Dump.Reply)
	}
	op.Event = list(o.Event)
	if o.NotifyOp != nil {
		op.Notify = o.NotifyOp.CName
	}
	if o.McastGroup != nil {
		op.Group = o.McastGroup.Name
	}
	return op
}

// policies makes a generic family's policies from its plan.
func (b *builder) policies(t *Tables) error {
	plan, err := NewPlan(b.spec)
	if err != nil {
		return fmt.Errorf("%s: %w", b.spec.Name, err)
	}
	t.Policies = make(map[string]*validate.Policy, len(plan.Nests))
	nests := make(map[*ynl.AttrSet]*validate.Policy, len(plan.Nests))
	for _, as := range plan.Nests {
		nests[as] = &validate.Policy{}
		t.Policies[as.Name] = nests[as]
	}
	for _, as := range plan.Nests {
		if err := b.policy(nests[as], as.Attributes, plan, nests); err != nil {
			return err
		}
	}
	made := map[*PolicyAttrs]*validate.Policy{}
	get := func(pa *PolicyAttrs) (*validate.Policy, error) {
		if pa == nil {
			return nil, nil
		}
		if p, ok := made[pa]; ok {
			return p, nil
		}
		p := &validate.Policy{}
		made[pa] = p
		return p, b.policy(p, pa.Attrs, plan, nests)
	}
	if t.Global, err = get(plan.Global); err != nil {
		return err
	}
	t.ops = make(map[uint8]opPolicy, len(plan.Ops))
	for _, op := range plan.Ops {
		do, err := get(op.Do)
		if err != nil {
			return err
		}
		dump, err := get(op.Dump)
		if err != nil {
			return err
		}
		v := op.Op.RequestValue
		if (do == nil && dump == nil) || v < 0 || v > 0xff {
			continue
		}
		if _, dup := t.ops[uint8(v)]; !dup {
			t.ops[uint8(v)] = opPolicy{do, dump}
		}
	}
	return nil
}

// policy fills p with the rules of attrs.
func (b *builder) policy(p *validate.Policy, attrs []*ynl.Attr, plan *Plan, nests map[*ynl.AttrSet]*validate.Policy) error {
	var maxV int64
	for _, a := range attrs {
		maxV = max(maxV, a.Value)
	}
	if len(attrs) > 0 {
		if err := b.spend(attrs[0].Name, maxV+1); err != nil {
			return err
		}
	}
	has := make(map[*ynl.Attr]bool, len(attrs))
	n := 0
	for _, a := range attrs {
		r, ok, err := Rule(a, plan.Cut[a], &b.facts)
		if err != nil {
			return fmt.Errorf("%s: %w", b.spec.Name, err)
		}
		if !ok {
			continue
		}
		has[a] = true
		n = max(n, int(a.Value)+1)
		if n > len(p.Rules) {
			p.Rules = append(p.Rules, make([]validate.Rule, n-len(p.Rules))...)
		}
		if r.Nest != nil {
			r.Rule.Nested = nests[r.Nest]
		}
		p.Rules[a.Value] = r.Rule
	}
	p.MaxType = MaxType(attrs, func(a *ynl.Attr) bool { return has[a] })
	return nil
}
