package ynl

import "strings"

// resolve fills in what the spec leaves implicit and checks every
// reference, as the kernel's tools/net/ynl/lib/nlspec.py does.
func (d *decoder) resolve(s *Spec) {
	s.defs = make(map[string]*Definition, len(s.Definitions))
	for _, def := range s.Definitions {
		if s.defs[def.Name] != nil {
			d.failAt(def.Pos, ErrInvalid, "duplicate definition "+quote(def.Name))
			return
		}
		s.defs[def.Name] = def
	}
	// Constants by C name, for the limits and lengths that name one so
	// (the first of a C name wins, as the scan this replaces found it).
	s.constCNames = make(map[string]*Definition)
	for _, def := range s.Definitions {
		if def.Kind == DefConst && s.constCNames[def.CName] == nil {
			s.constCNames[def.CName] = def
		}
	}
	s.sets = make(map[string]*AttrSet, len(s.AttributeSets))
	for _, set := range s.AttributeSets {
		if s.sets[set.Name] != nil {
			d.failAt(set.Pos, ErrInvalid, "duplicate attribute set "+quote(set.Name))
			return
		}
		s.sets[set.Name] = set
	}
	s.subMsgs = make(map[string]*SubMessage, len(s.SubMessages))
	for _, m := range s.SubMessages {
		if s.subMsgs[m.Name] != nil {
			d.failAt(m.Pos, ErrInvalid, "duplicate sub-message "+quote(m.Name))
			return
		}
		s.subMsgs[m.Name] = m
	}
	s.mcgrps = make(map[string]*McastGroup, len(s.McastGroups))
	for _, g := range s.McastGroups {
		if s.mcgrps[g.Name] != nil {
			d.failAt(g.Pos, ErrInvalid, "duplicate multicast group "+quote(g.Name))
			return
		}
		s.mcgrps[g.Name] = g
	}
	s.ops = make(map[string]*Operation, len(s.Operations.List))
	for _, op := range s.Operations.List {
		if s.ops[op.Name] != nil {
			d.failAt(op.Pos, ErrInvalid, "duplicate operation "+quote(op.Name))
			return
		}
		s.ops[op.Name] = op
	}

	for _, def := range s.Definitions {
		for _, m := range def.Members {
			d.resolveMember(s, def, m)
		}
	}
	d.fillSubsets(s)
	for _, set := range s.AttributeSets {
		for _, a := range set.Attributes {
			d.resolveAttr(s, set, a)
		}
	}
	for _, m := range s.SubMessages {
		for _, f := range m.Formats {
			if f.FixedHeader != "" {
				f.FixedHeaderDef = d.structDef(s, f.FixedHeader, f.kp.get("fixed-header", f.Pos))
			}
			if f.AttributeSet != "" {
				f.Set = d.attrSetRef(s, f.AttributeSet, f.kp.get("attribute-set", f.Pos))
			}
		}
	}
	d.resolveOps(s)
}

// constant returns the definition a length or limit names: by its spec
// name, or else a constant by its C name (wireguard's "wg-key-len" is
// the constant key-len with name-prefix wg-).
func (s *Spec) constant(name string) *Definition {
	if def := s.defs[name]; def != nil {
		return def
	}
	return s.constCNames[cUpper(name)]
}

func (d *decoder) undefined(p Pos, what, name string) {
	d.failAt(p, ErrUndefined, what+" "+quote(name)+" is not defined")
}

func (d *decoder) structDef(s *Spec, name string, p Pos) *Definition {
	def := s.defs[name]
	if def == nil || def.Kind != DefStruct {
		d.undefined(p, "struct", name)
		return nil
	}
	return def
}

func (d *decoder) enumDef(s *Spec, name string, p Pos) *Definition {
	def := s.defs[name]
	if def == nil || (def.Kind != DefEnum && def.Kind != DefFlags) {
		d.undefined(p, "enum", name)
		return nil
	}
	return def
}

func (d *decoder) attrSetRef(s *Spec, name string, p Pos) *AttrSet {
	set := s.sets[name]
	if set == nil {
		d.undefined(p, "attribute set", name)
	}
	return set
}

func (d *decoder) resolveMember(s *Spec, def *Definition, m *Member) {
	if m.Enum != "" {
		m.EnumDef = d.enumDef(s, m.Enum, m.kp.get("enum", m.Pos))
	}
	if m.Struct != "" {
		m.StructDef = d.structDef(s, m.Struct, m.kp.get("struct", m.Pos))
		if m.StructDef == def {
			d.failAt(m.kp.get("struct", m.Pos), ErrInvalid, "struct "+quote(def.Name)+" contains itself")
		}
	}
	d.resolveLength(s, &m.Len, m.kp.get("len", m.Pos), "len")
	if (m.Type == TypePad || (m.Type == TypeBinary && m.Struct == "")) && !m.Len.Set {
		d.failAt(m.Pos, ErrInvalid, "member "+quote(m.Name)+" of "+quote(def.Name)+" needs a len")
	}
}

// resolveLength resolves a length given as the name of a constant,
// possibly followed by " - 1".
func (d *decoder) resolveLength(s *Spec, l *Length, p Pos, what string) {
	if !l.Set || l.Expr == "" {
		return
	}
	name, minus := strings.CutSuffix(l.Expr, " - 1")
	def := s.constant(name)
	if def == nil || def.Kind != DefConst || def.IsString {
		d.undefined(p, what+": constant", name)
		return
	}
	l.Value = def.Value
	if minus {
		l.Value--
	}
	if l.Value < 0 {
		d.failAt(p, ErrInvalid, what+" "+quote(l.Expr)+" is negative")
	}
}

// resolveLimit resolves a limit given as the name of a constant or of a
// type's limit (u8-min ... s64-max), as ynl-gen-c's get_limit does.
func (d *decoder) resolveLimit(s *Spec, l *Limit, p Pos, what string) {
	if !l.Set || l.Name == "" {
		return
	}
	if def := s.constant(l.Name); def != nil {
		if def.Kind != DefConst || def.IsString {
			d.failAt(p, ErrInvalid, what+" "+quote(l.Name)+" is not an integer constant")
			return
		}
		l.Neg, l.Abs = def.Value < 0, uint64(def.Value)
		if l.Neg {
			l.Abs = uint64(-(def.Value + 1)) + 1
		}
		return
	}
	neg, abs, ok := typeLimit(l.Name)
	if !ok {
		d.undefined(p, what+": constant", l.Name)
		return
	}
	l.Neg, l.Abs = neg, abs
}

// typeLimit returns the value of "u8-min", "s32-max" and the like.
func typeLimit(name string) (neg bool, abs uint64, ok bool) {
	base, isMax := strings.CutSuffix(name, "-max")
	if !isMax {
		var isMin bool
		if base, isMin = strings.CutSuffix(name, "-min"); !isMin {
			return false, 0, false
		}
	}
	if len(base) < 2 || (base[0] != 'u' && base[0] != 's') {
		return false, 0, false
	}
	var width int
	switch base[1:] {
	case "8":
		width = 8
	case "16":
		width = 16
	case "32":
		width = 32
	case "64":
		width = 64
	default:
		return false, 0, false
	}
	switch {
	case base[0] == 'u' && isMax:
		return false, 1<<(width-1)<<1 - 1, true
	case base[0] == 'u':
		return false, 0, true
	case isMax:
		return false, 1<<(width-1) - 1, true
	default:
		return true, 1 << (width - 1), true
	}
}

// fillSubsets gives each subset the attributes of its superset that it
// names, with their values, and the keys the subset overrides
// (nlspec.py: real_attr.yaml | elem).
func (d *decoder) fillSubsets(s *Spec) {
	state := make(map[*AttrSet]int, len(d.pendingSubsets)) // 1 filling, 2 filled
	byset := make(map[*AttrSet]rawSet, len(d.pendingSubsets))
	for _, r := range d.pendingSubsets {
		byset[r.set] = r
	}
	var fill func(r rawSet)
	fill = func(r rawSet) {
		set := r.set
		switch state[set] {
		case 1:
			d.failAt(set.Pos, ErrInvalid, "subset "+quote(set.Name)+" is its own superset")
			return
		case 2:
			return
		}
		state[set] = 1
		super := d.attrSetRef(s, set.SubsetOf, set.kp.get("subset-of", set.Pos))
		if super == nil {
			return
		}
		if super.SubsetOf != "" {
			fill(byset[super])
			if d.err != nil {
				return
			}
		}
		set.Superset = super
		set.NamePrefix, set.CMaxName, set.CCntName = super.NamePrefix, super.CMaxName, super.CCntName
		for _, it := range r.attrs {
			var probe Attr
			var hasValue bool
			d.attr(it, &probe, &hasValue)
			if d.err != nil {
				return
			}
			orig := super.byName[probe.Name]
			if orig == nil {
				d.failAt(probe.Pos, ErrUndefined, "attribute "+quote(probe.Name)+" is not in attribute set "+quote(super.Name))
				return
			}
			a := *orig
			a.kp = append(keyPos(nil), orig.kp...)
			d.attr(it, &a, &hasValue)
			a.Value = orig.Value
			if prev := set.byName[a.Name]; prev != nil {
				// Listed twice (devlink's dl-dpipe-table does): the later
				// listing wins, in the earlier one's place, as in nlspec.py.
				a.CName = prev.CName
				*prev = a
				continue
			}
			d.addAttr(set, &a, it)
		}
		state[set] = 2
	}
	for _, r := range d.pendingSubsets {
		if d.err != nil {
			return
		}
		fill(r)
	}
	d.pendingSubsets = nil
}

func (d *decoder) resolveAttr(s *Spec, set *AttrSet, a *Attr) {
	at := func(key string) Pos { return a.kp.get(key, a.Pos) }
	if a.NestedAttributes != "" {
		a.Nested = d.attrSetRef(s, a.NestedAttributes, at("nested-attributes"))
	}
	if a.Struct != "" {
		a.StructDef = d.structDef(s, a.Struct, at("struct"))
	}
	if a.Enum != "" {
		a.EnumDef = d.enumDef(s, a.Enum, at("enum"))
	}
	if a.SubMessage != "" {
		if a.SubMsg = s.subMsgs[a.SubMessage]; a.SubMsg == nil {
			d.undefined(at("sub-message"), "sub-message", a.SubMessage)
		}
	}
	d.resolveLength(s, &a.Len, at("len"), "len")
	c := &a.Checks
	d.resolveLimit(s, &c.Min, at("checks.min"), "min")
	d.resolveLimit(s, &c.Max, at("checks.max"), "max")
	d.resolveLength(s, &c.MinLen, at("checks.min-len"), "min-len")
	d.resolveLength(s, &c.MaxLen, at("checks.max-len"), "max-len")
	d.resolveLength(s, &c.ExactLen, at("checks.exact-len"), "exact-len")
	if c.FlagsMask != "" {
		c.FlagsMaskDef = d.enumDef(s, c.FlagsMask, at("checks.flags-mask"))
	}
	switch a.Type {
	case TypeSubMessage:
		if a.SubMessage == "" || a.Selector == "" {
			d.failAt(a.Pos, ErrInvalid, "sub-message attribute "+quote(a.Name)+" needs sub-message and selector")
		}
	case TypeIndexedArray:
		if a.SubType == TypeNone {
			d.failAt(a.Pos, ErrInvalid, "indexed-array attribute "+quote(a.Name)+" needs a sub-type")
		}
	}
}

// resolveOps numbers the operations and resolves their references.
func (d *decoder) resolveOps(s *Spec) {
	ops := &s.Operations
	if ops.FixedHeader != "" {
		ops.FixedHeaderDef = d.structDef(s, ops.FixedHeader, ops.kp.get("fixed-header", ops.Pos))
	}
	if ops.EnumModel == "directional" {
		d.numberDirectional(ops)
	} else {
		// Unified: values count from 1; an operation's own value restarts
		// the count (nlspec.py, _dictify_ops_unified).
		val := int64(1)
		for _, op := range ops.List {
			if op.hasValue {
				val = op.Value
			}
			op.Value, op.RequestValue, op.ReplyValue = val, val, val
			val++
		}
	}
	for _, op := range ops.List {
		if d.err != nil {
			return
		}
		d.resolveOp(s, op)
	}
}

// numberDirectional numbers requests and replies apart, as nlspec.py's
// _dictify_ops_directional does: requests and replies count from 1;
// a message's own value restarts its count; notifications and events
// take reply values only; an operation without reply takes none. Like
// the Python, it reads a message value of 0 as not given.
func (d *decoder) numberDirectional(ops *Operations) {
	req, rsp := int64(1), int64(1)
	for _, op := range ops.List {
		var reqNext, rspNext int64
		switch {
		case op.IsAsync():
			if op.hasValue {
				rsp = op.Value
			}
			reqNext, rspNext = req, rsp+1
			req = None
		case op.IsCall():
			m := op.Do
			if m == nil {
				m = op.Dump
			}
			if m.Request != nil && m.Request.Value > 0 {
				req = m.Request.Value
			}
			if m.Reply != nil && m.Reply.Value > 0 {
				rsp = m.Reply.Value
			}
			reqNext = req + 1
			rspNext = rsp
			if m.Reply != nil {
				rspNext++
			}
		default:
			d.failAt(op.Pos, ErrInvalid, "operation "+quote(op.Name)+" has no do, dump, notify or event, so no value under the directional enum model")
			return
		}
		if req == reqNext {
			req = None
		}
		if rsp == rspNext {
			rsp = None
		}
		op.RequestValue, op.ReplyValue = req, rsp
		op.Value = None
		if req == rsp {
			op.Value = req
		}
		req, rsp = reqNext, rspNext
	}
}

func (d *decoder) resolveOp(s *Spec, op *Operation) {
	at := func(key string) Pos { return op.kp.get(key, op.Pos) }
	if op.FixedHeader != "" {
		op.FixedHeaderDef = d.structDef(s, op.FixedHeader, at("fixed-header"))
	} else {
		op.FixedHeader, op.FixedHeaderDef = s.Operations.FixedHeader, s.Operations.FixedHeaderDef
	}
	if op.Notify != "" {
		if op.NotifyOp = s.ops[op.Notify]; op.NotifyOp == nil {
			d.undefined(at("notify"), "operation", op.Notify)
			return
		}
	}
	switch {
	case op.AttributeSet != "":
		op.Set = d.attrSetRef(s, op.AttributeSet, at("attribute-set"))
	case op.NotifyOp != nil:
		if op.NotifyOp.AttributeSet == "" {
			d.failAt(at("notify"), ErrInvalid, "operation "+quote(op.Notify)+" notified by "+quote(op.Name)+" has no attribute-set")
			return
		}
		op.AttributeSet = op.NotifyOp.AttributeSet
		op.Set = d.attrSetRef(s, op.AttributeSet, at("notify"))
	case op.IsReserved():
	default:
		d.failAt(op.Pos, ErrInvalid, "operation "+quote(op.Name)+" has no attribute-set")
		return
	}
	if op.Mcgrp != "" {
		if op.McastGroup = s.mcgrps[op.Mcgrp]; op.McastGroup == nil {
			d.undefined(at("mcgrp"), "multicast group", op.Mcgrp)
		}
	}
	for _, m := range []*Mode{op.Do, op.Dump} {
		if m != nil {
			d.resolveMessage(op, m.Request)
			d.resolveMessage(op, m.Reply)
		}
	}
	d.resolveMessage(op, op.Event)
}

func (d *decoder) resolveMessage(op *Operation, m *Message) {
	if m == nil || len(m.Attributes) == 0 || d.err != nil {
		return
	}
	if op.Set == nil {
		d.failAt(m.kp.get("attributes", m.Pos), ErrInvalid, "operation "+quote(op.Name)+" lists attributes but has no attribute-set")
		return
	}
	// Names that are not in the set are left out of Attrs: netlink-raw
	// specs list the fixed header's members too (rt-link's ifi-index),
	// and nlspec.py does not check the lists.
	for _, name := range m.Attributes {
		if a := op.Set.byName[name]; a != nil {
			m.Attrs = append(m.Attrs, a)
		}
	}
}
