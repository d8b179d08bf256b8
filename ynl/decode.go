package ynl

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// keyPos remembers where the spec gave some keys (references, values),
// for errors found after the walk.
type keyPos []struct {
	key string
	pos Pos
}

func (k *keyPos) set(key string, n *yaml.Node) {
	*k = append(*k, struct {
		key string
		pos Pos
	}{key, posOf(n)})
}

func (k keyPos) get(key string, def Pos) Pos {
	for i := len(k) - 1; i >= 0; i-- {
		if k[i].key == key {
			return k[i].pos
		}
	}
	return def
}

// cUpper and cLower make C names as the kernel's ynl-gen-c does.
func cUpper(s string) string { return strings.ToUpper(strings.ReplaceAll(s, "-", "_")) }
func cLower(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "_")) }

// sections holds the nodes of the top level's sections, decoded once
// the family's name and protocol are known.
type sections struct {
	definitions, attributeSets, subMessages, operations, mcastGroups *yaml.Node
	cFamilyName, cVersionName, cmdMaxName, cmdCntName, uapiHeader    string
	protonum                                                         *yaml.Node
}

func (d *decoder) spec(root *yaml.Node) *Spec {
	s := &Spec{Pos: posOf(root), Protocol: Genetlink, Version: 1, KernelPolicy: "split"}
	var sec sections
	d.mapping(root, "the spec", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			s.Name = d.str(v, "name")
		case "protocol":
			p := Protocol(d.str(v, "protocol"))
			switch p {
			case Genetlink, GenetlinkC, GenetlinkLegacy, NetlinkRaw:
				s.Protocol = p
			default:
				d.fail(v, ErrInvalid, "unknown protocol "+quote(string(p)))
			}
		case "protonum":
			sec.protonum = v
		case "uapi-header":
			sec.uapiHeader = d.str(v, key)
		case "c-family-name":
			sec.cFamilyName = d.str(v, key)
		case "c-version-name":
			sec.cVersionName = d.str(v, key)
		case "cmd-max-name":
			sec.cmdMaxName = d.str(v, key)
		case "cmd-cnt-name":
			sec.cmdCntName = d.str(v, key)
		case "max-by-define":
			s.MaxByDefine = d.boolean(v, key)
		case "kernel-policy":
			s.KernelPolicy = d.str(v, key)
		case "version":
			s.Version = int(d.int(v, key))
			if s.Version < 1 || s.Version > 255 {
				d.fail(v, ErrInvalid, "version must be 1 to 255")
			}
		case "definitions":
			sec.definitions = v
		case "attribute-sets":
			sec.attributeSets = v
		case "sub-messages":
			sec.subMessages = v
		case "operations":
			sec.operations = v
		case "mcast-groups":
			sec.mcastGroups = v
		case "kernel-family":
			d.kernelFamily(v, &s.KernelFamily)
		}
	})
	if d.err != nil {
		return nil
	}
	if s.Name == "" {
		d.fail(root, ErrInvalid, "the spec has no name")
		return nil
	}

	s.CName = cLower(s.Name)
	s.Protonum = 16 // NETLINK_GENERIC
	if s.Protocol == NetlinkRaw {
		if sec.protonum == nil {
			d.fail(root, ErrInvalid, "a netlink-raw spec needs protonum")
			return nil
		}
		p := d.uint(sec.protonum, "protonum")
		if p > 255 {
			d.fail(sec.protonum, ErrInvalid, "protonum must be 0 to 255")
		}
		s.Protonum = int(p)
	}
	s.UAPIHeader = sec.uapiHeader
	if s.UAPIHeader == "" {
		s.UAPIHeader = "linux/" + s.CName + ".h"
	}
	s.CFamilyName = cUpper(orDefault(sec.cFamilyName, s.Name+"_FAMILY_NAME"))
	s.CVersionName = cUpper(orDefault(sec.cVersionName, s.Name+"_FAMILY_VERSION"))

	if sec.definitions != nil {
		d.seq(sec.definitions, "definitions", func(n *yaml.Node) {
			if def := d.definition(s, n); def != nil {
				s.Definitions = append(s.Definitions, def)
			}
		})
	}
	if sec.attributeSets != nil {
		d.seq(sec.attributeSets, "attribute-sets", func(n *yaml.Node) {
			if set := d.attrSet(s, n); set != nil {
				s.AttributeSets = append(s.AttributeSets, set)
			}
		})
	}
	if sec.subMessages != nil {
		d.seq(sec.subMessages, "sub-messages", func(n *yaml.Node) {
			if m := d.subMessage(n); m != nil {
				s.SubMessages = append(s.SubMessages, m)
			}
		})
	}
	if sec.operations != nil {
		d.operations(s, sec.operations)
	}
	s.CmdMaxName = cUpper(orDefault(sec.cmdMaxName, s.Operations.NamePrefix+"MAX"))
	s.CmdCntName = cUpper(orDefault(sec.cmdCntName, "__"+s.Operations.NamePrefix+"MAX"))
	if sec.mcastGroups != nil {
		d.mcastGroups(s, sec.mcastGroups)
	}
	switch {
	case d.err != nil:
	case sec.attributeSets == nil:
		d.fail(root, ErrInvalid, "the spec has no attribute-sets")
	case sec.operations == nil:
		d.fail(root, ErrInvalid, "the spec has no operations")
	}
	if d.err != nil {
		return nil
	}
	return s
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func (d *decoder) kernelFamily(n *yaml.Node, kf *KernelFamily) {
	d.mapping(n, "kernel-family", func(key string, k, v *yaml.Node) {
		switch key {
		case "headers":
			kf.Headers = d.strList(v, "kernel-family headers")
		case "sock-priv":
			kf.SockPriv = d.str(v, "sock-priv")
		}
	})
}

func (d *decoder) definition(s *Spec, n *yaml.Node) *Definition {
	def := &Definition{Scope: "uapi"}
	var entries, members, value, enumName *yaml.Node
	var namePrefix string
	hasEnumName := false
	d.mapping(n, "a definition", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			def.Name = d.str(v, "a definition's name")
		case "type":
			switch t := d.str(v, "a definition's type"); t {
			case "const":
				def.Kind = DefConst
			case "enum":
				def.Kind = DefEnum
			case "flags":
				def.Kind = DefFlags
			case "struct":
				def.Kind = DefStruct
			default:
				if d.err == nil {
					d.fail(v, ErrInvalid, "unknown definition type "+quote(t))
				}
			}
		case "header":
			def.Header = d.str(v, key)
		case "scope":
			def.Scope = d.str(v, key)
		case "value":
			value = v
		case "value-start":
			def.ValueStart = d.int(v, key)
		case "entries":
			entries = v
		case "members":
			members = v
		case "render-max":
			def.RenderMax = d.boolean(v, key)
		case "enum-name":
			enumName, hasEnumName = v, true
		case "name-prefix":
			namePrefix = d.str(v, key)
		}
	})
	if d.err != nil {
		return nil
	}
	def.Pos = posOf(d.nodePos(n))
	if def.Name == "" {
		d.fail(n, ErrInvalid, "a definition has no name")
		return nil
	}
	if def.Kind == 0 {
		d.fail(n, ErrInvalid, "definition "+quote(def.Name)+" has no type")
		return nil
	}
	switch def.Kind {
	case DefConst:
		if value == nil {
			d.fail(n, ErrInvalid, "constant "+quote(def.Name)+" has no value")
			return nil
		}
		v := d.scalar(value, "a constant's value")
		if v == nil {
			return nil
		}
		if isInt(v) {
			def.Value = d.parseInt(v, "a constant's value")
		} else {
			def.StringValue, def.IsString = v.Value, true
		}
		switch {
		case namePrefix != "":
			def.CName = cUpper(namePrefix + def.Name)
		case def.Header != "":
			def.CName = cUpper(def.Name)
		default:
			def.CName = cUpper(s.CName + "-" + def.Name)
		}
	case DefEnum, DefFlags:
		if hasEnumName {
			def.EnumName = cLower(d.optStr(enumName, "enum-name"))
		} else {
			def.EnumName = s.CName + "_" + cLower(def.Name)
		}
		prefix := namePrefix
		if prefix == "" {
			prefix = s.CName + "-" + def.Name + "-"
		}
		def.NamePrefix = cUpper(prefix)
		if entries == nil {
			d.fail(n, ErrInvalid, def.Kind.String()+" "+quote(def.Name)+" has no entries")
			return nil
		}
		d.entries(def, entries)
	case DefStruct:
		if members != nil {
			d.seq(members, "members", func(m *yaml.Node) {
				if mb := d.member(m); mb != nil {
					def.Members = append(def.Members, mb)
				}
			})
		}
	}
	return def
}

// nodePos returns the node an alias stands for, for its position.
func (d *decoder) nodePos(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// entries numbers an enum's or flags' entries as the kernel's nlspec
// does: an entry's own value, else the previous entry's plus one, else
// value-start.
func (d *decoder) entries(def *Definition, n *yaml.Node) {
	d.seq(n, "entries", func(it *yaml.Node) {
		e := &EnumEntry{}
		hasValue := false
		x := d.node(it)
		if x == nil {
			return
		}
		e.Pos = posOf(x)
		if x.Kind == yaml.ScalarNode {
			e.Name = d.str(x, "an entry's name")
			d.budget++ // x was visited twice
		} else {
			d.mapping(x, "an entry", func(key string, k, v *yaml.Node) {
				switch key {
				case "name":
					e.Name = d.str(v, "an entry's name")
				case "value":
					e.Value, hasValue = d.int(v, "an entry's value"), true
				}
			})
			d.budget++
		}
		if d.err != nil {
			return
		}
		if e.Name == "" {
			d.fail(x, ErrInvalid, "an entry of "+quote(def.Name)+" has no name")
			return
		}
		if !hasValue {
			if len(def.Entries) > 0 {
				prev := def.Entries[len(def.Entries)-1].Value
				if prev == 1<<63-1 {
					d.fail(x, ErrInvalid, "entry "+quote(e.Name)+" overflows")
					return
				}
				e.Value = prev + 1
			} else {
				e.Value = def.ValueStart
			}
		}
		if e.Value >= 0 && e.Value < 64 {
			e.Mask = 1 << e.Value
		} else if def.Kind == DefFlags {
			d.fail(x, ErrInvalid, "flag "+quote(e.Name)+" is bit "+itoa(e.Value)+", not 0 to 63")
			return
		}
		if def.Entry(e.Name) != nil {
			d.fail(x, ErrInvalid, "duplicate entry "+quote(e.Name)+" in "+quote(def.Name))
			return
		}
		e.CName = def.NamePrefix + cUpper(e.Name)
		def.Entries = append(def.Entries, e)
	})
}

func (d *decoder) member(n *yaml.Node) *Member {
	m := &Member{}
	d.mapping(n, "a struct member", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			m.Name = d.str(v, "a member's name")
		case "type":
			tn := d.str(v, "a member's type")
			t, ok := ParseType(tn)
			if d.err == nil && (!ok || !memberType(t)) {
				d.fail(v, ErrInvalid, "unknown struct member type "+quote(tn))
			}
			m.Type = t
		case "len":
			m.Len = d.length(v, "len")
			m.kp.set(key, v)
		case "byte-order":
			m.ByteOrder = d.byteOrder(v)
		case "display-hint":
			m.DisplayHint = DisplayHint(d.str(v, key))
		case "enum":
			m.Enum = d.str(v, key)
			m.kp.set(key, v)
		case "enum-as-flags":
			m.EnumAsFlags = d.boolean(v, key)
		case "struct":
			m.Struct = d.str(v, key)
			m.kp.set(key, v)
		}
	})
	if d.err != nil {
		return nil
	}
	m.Pos = posOf(d.nodePos(n))
	if m.Name == "" || m.Type == TypeNone {
		d.fail(n, ErrInvalid, "a struct member needs a name and a type")
		return nil
	}
	return m
}

func (d *decoder) byteOrder(n *yaml.Node) ByteOrder {
	switch s := d.str(n, "byte-order"); s {
	case "little-endian":
		return LittleEndian
	case "big-endian":
		return BigEndian
	default:
		if d.err == nil {
			d.fail(n, ErrInvalid, "unknown byte-order "+quote(s))
		}
	}
	return Native
}

// length reads a length: a number, or a name (resolved later) possibly
// followed by " - 1".
func (d *decoder) length(n *yaml.Node, what string) Length {
	x := d.scalar(n, what)
	if x == nil {
		return Length{}
	}
	if isInt(x) {
		v := d.parseInt(x, what)
		if v < 0 {
			d.fail(x, ErrInvalid, what+" must not be negative")
		}
		return Length{Set: true, Value: v}
	}
	if isNull(x) || x.Value == "" {
		d.fail(x, ErrInvalid, what+" must not be empty")
		return Length{}
	}
	return Length{Set: true, Expr: x.Value}
}

// limit reads an integer check: a number or a name, resolved later.
func (d *decoder) limit(n *yaml.Node, what string) Limit {
	x := d.scalar(n, what)
	if x == nil {
		return Limit{}
	}
	if isInt(x) {
		v := d.parseInt(x, what)
		if v < 0 {
			return Limit{Set: true, Neg: true, Abs: uint64(-(v + 1)) + 1}
		}
		return Limit{Set: true, Abs: uint64(v)}
	}
	if isNull(x) || x.Value == "" {
		d.fail(x, ErrInvalid, what+" must not be empty")
		return Limit{}
	}
	return Limit{Set: true, Name: x.Value}
}

// rawSet is an attribute set as the walk finds it; subsets are filled
// in from their supersets when those are done.
type rawSet struct {
	set   *AttrSet
	attrs []*yaml.Node
}

func (d *decoder) attrSet(s *Spec, n *yaml.Node) *AttrSet {
	set := &AttrSet{}
	var attrs, enumName *yaml.Node
	var namePrefix, maxName, cntName string
	d.mapping(n, "an attribute set", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			set.Name = d.str(v, "an attribute set's name")
		case "name-prefix":
			namePrefix = d.str(v, key)
		case "enum-name":
			enumName = v
		case "subset-of":
			set.SubsetOf = d.str(v, key)
			set.kp.set(key, v)
		case "attr-max-name":
			maxName = d.str(v, key)
		case "attr-cnt-name":
			cntName = d.str(v, key)
		case "header":
			set.Header = d.str(v, key)
		case "attributes":
			attrs = v
		}
	})
	if d.err != nil {
		return nil
	}
	set.Pos = posOf(d.nodePos(n))
	if set.Name == "" {
		d.fail(n, ErrInvalid, "an attribute set has no name")
		return nil
	}
	if attrs == nil {
		d.fail(n, ErrInvalid, "attribute set "+quote(set.Name)+" has no attributes")
		return nil
	}
	if enumName != nil {
		set.EnumName = cLower(d.optStr(enumName, "enum-name"))
	}
	set.byName = make(map[string]*Attr)
	if set.SubsetOf != "" {
		if namePrefix != "" {
			d.fail(n, ErrInvalid, "subset "+quote(set.Name)+" must not have a name-prefix")
			return nil
		}
		// Filled in by resolve, from the superset.
		var items []*yaml.Node
		d.seq(attrs, "attributes", func(it *yaml.Node) { items = append(items, it) })
		d.pendingSubsets = append(d.pendingSubsets, rawSet{set, items})
		return set
	}
	prefix := namePrefix
	if prefix == "" {
		if set.Name == s.Name {
			prefix = s.CName + "-a-"
		} else {
			prefix = s.CName + "-a-" + set.Name + "-"
		}
	}
	set.NamePrefix = cUpper(prefix)
	set.CMaxName = cUpper(orDefault(maxName, set.NamePrefix+"max"))
	set.CCntName = cUpper(orDefault(cntName, "__"+set.NamePrefix+"max"))

	// Values count from 1; an attribute's own value restarts the count
	// (nlspec.py, SpecAttrSet).
	val := int64(1)
	d.seq(attrs, "attributes", func(it *yaml.Node) {
		a := &Attr{}
		hasValue := false
		d.attr(it, a, &hasValue)
		if d.err != nil {
			return
		}
		if a.Type == TypeNone {
			d.fail(it, ErrInvalid, "attribute "+quote(a.Name)+" has no type")
			return
		}
		if hasValue {
			val = a.Value
		}
		a.Value = val
		val++
		d.addAttr(set, a, it)
	})
	return set
}

func (d *decoder) addAttr(set *AttrSet, a *Attr, n *yaml.Node) {
	if prev := set.byName[a.Name]; prev != nil {
		// An unused attribute listed twice at the same value (the
		// newer ethtool's "strings" lists unspec twice, value 0) is
		// one attribute, as nlspec.py's dict by name makes it; any
		// other reuse of a name is an error.
		if prev.Value == a.Value && prev.Type == a.Type && prev.Type == TypeUnused {
			return
		}
		d.fail(n, ErrInvalid, "duplicate attribute "+quote(a.Name)+" in "+quote(set.Name))
		return
	}
	prefix := set.NamePrefix
	if a.NamePrefix != "" {
		prefix = cUpper(a.NamePrefix)
	}
	a.CName = prefix + cUpper(a.Name)
	set.byName[a.Name] = a
	set.Attributes = append(set.Attributes, a)
}

// attr applies the keys of the attribute's mapping to a: to a new
// attribute, or to a copy of a superset's attribute for a subset.
func (d *decoder) attr(n *yaml.Node, a *Attr, hasValue *bool) {
	d.mapping(n, "an attribute", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			a.Name = d.str(v, "an attribute's name")
		case "type":
			tn := d.str(v, "an attribute's type")
			t, ok := ParseType(tn)
			if d.err == nil && !ok {
				d.fail(v, ErrInvalid, "unknown attribute type "+quote(tn))
			}
			a.Type = t
		case "value":
			a.Value, *hasValue = d.uint(v, "an attribute's value"), true
			if a.Value > 1<<16-1 {
				d.fail(v, ErrInvalid, "an attribute's value must be below 65536")
			}
		case "multi-attr":
			a.MultiAttr = d.boolean(v, key)
		case "nested-attributes":
			a.NestedAttributes = d.str(v, key)
			a.kp.set(key, v)
		case "sub-type":
			tn := d.str(v, key)
			t, ok := ParseType(tn)
			if d.err == nil && !ok {
				d.fail(v, ErrInvalid, "unknown sub-type "+quote(tn))
			}
			a.SubType = t
		case "type-value":
			a.TypeValue = d.strList(v, key)
		case "struct":
			a.Struct = d.str(v, key)
			a.kp.set(key, v)
		case "enum":
			a.Enum = d.str(v, key)
			a.kp.set(key, v)
		case "enum-as-flags":
			a.EnumAsFlags = d.boolean(v, key)
		case "byte-order":
			a.ByteOrder = d.byteOrder(v)
		case "display-hint":
			a.DisplayHint = DisplayHint(d.str(v, key))
		case "len":
			a.Len = d.length(v, key)
			a.kp.set(key, v)
		case "sub-message":
			a.SubMessage = d.str(v, key)
			a.kp.set(key, v)
		case "selector":
			a.Selector = d.str(v, key)
		case "name-prefix":
			a.NamePrefix = d.str(v, key)
		case "checks":
			d.checks(v, a)
		}
	})
	if d.err == nil {
		a.Pos = posOf(d.nodePos(n))
		if a.Name == "" {
			d.fail(n, ErrInvalid, "an attribute has no name")
		}
	}
}

func (d *decoder) checks(n *yaml.Node, a *Attr) {
	c := &a.Checks
	d.mapping(n, "checks", func(key string, k, v *yaml.Node) {
		switch key {
		case "min":
			c.Min = d.limit(v, key)
		case "max":
			c.Max = d.limit(v, key)
		case "min-len":
			c.MinLen = d.length(v, key)
		case "max-len":
			c.MaxLen = d.length(v, key)
		case "exact-len":
			c.ExactLen = d.length(v, key)
		case "unterminated-ok":
			c.UnterminatedOK = d.boolean(v, key)
		case "flags-mask":
			c.FlagsMask = d.str(v, key)
		default:
			return
		}
		a.kp.set("checks."+key, v)
	})
}

func (d *decoder) subMessage(n *yaml.Node) *SubMessage {
	m := &SubMessage{}
	var formats *yaml.Node
	d.mapping(n, "a sub-message", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			m.Name = d.str(v, "a sub-message's name")
		case "formats":
			formats = v
		}
	})
	if d.err != nil {
		return nil
	}
	m.Pos = posOf(d.nodePos(n))
	if m.Name == "" || formats == nil {
		d.fail(n, ErrInvalid, "a sub-message needs a name and formats")
		return nil
	}
	d.seq(formats, "formats", func(it *yaml.Node) {
		f := &Format{}
		hasValue := false
		d.mapping(it, "a format", func(key string, k, v *yaml.Node) {
			switch key {
			case "value":
				f.Value, hasValue = d.str(v, "a format's value"), true
			case "fixed-header":
				f.FixedHeader = d.str(v, key)
				f.kp.set(key, v)
			case "attribute-set":
				f.AttributeSet = d.str(v, key)
				f.kp.set(key, v)
			}
		})
		if d.err != nil {
			return
		}
		f.Pos = posOf(d.nodePos(it))
		if !hasValue {
			d.fail(it, ErrInvalid, "a format of "+quote(m.Name)+" has no value")
			return
		}
		if m.Format(f.Value) != nil {
			d.fail(it, ErrInvalid, "duplicate format "+quote(f.Value)+" in "+quote(m.Name))
			return
		}
		m.Formats = append(m.Formats, f)
	})
	return m
}

func (d *decoder) operations(s *Spec, n *yaml.Node) {
	ops := &s.Operations
	ops.Pos = posOf(d.nodePos(n))
	ops.EnumModel = "unified"
	var list *yaml.Node
	var namePrefix, asyncPrefix string
	d.mapping(n, "operations", func(key string, k, v *yaml.Node) {
		switch key {
		case "enum-model":
			ops.EnumModel = d.str(v, key)
			if d.err == nil && ops.EnumModel != "unified" && ops.EnumModel != "directional" {
				d.fail(v, ErrInvalid, "unknown enum-model "+quote(ops.EnumModel))
			}
		case "name-prefix":
			namePrefix = d.str(v, key)
		case "async-prefix":
			asyncPrefix = d.str(v, key)
		case "enum-name":
			ops.EnumName = cLower(d.optStr(v, key))
		case "async-enum":
			ops.AsyncEnum = cLower(d.optStr(v, key))
		case "fixed-header":
			ops.FixedHeader = d.str(v, key)
			ops.kp.set(key, v)
		case "list":
			list = v
		}
	})
	if d.err != nil {
		return
	}
	ops.NamePrefix = cUpper(orDefault(namePrefix, s.Name+"-cmd-"))
	ops.AsyncPrefix = ops.NamePrefix
	if asyncPrefix != "" {
		ops.AsyncPrefix = cUpper(asyncPrefix)
	}
	if list == nil {
		d.fail(n, ErrInvalid, "operations have no list")
		return
	}
	d.seq(list, "the operations' list", func(it *yaml.Node) {
		if op := d.operation(it); op != nil {
			prefix := ops.NamePrefix
			if op.IsAsync() {
				prefix = ops.AsyncPrefix
			}
			op.CName = prefix + cUpper(op.Name)
			ops.List = append(ops.List, op)
		}
	})
}

func (d *decoder) operation(n *yaml.Node) *Operation {
	op := &Operation{Value: None, RequestValue: None, ReplyValue: None}
	hasValue := false
	var value int64
	d.mapping(n, "an operation", func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			op.Name = d.str(v, "an operation's name")
		case "value":
			value, hasValue = d.uint(v, "an operation's value"), true
			op.kp.set(key, v)
		case "attribute-set":
			op.AttributeSet = d.str(v, key)
			op.kp.set(key, v)
		case "fixed-header":
			op.FixedHeader = d.str(v, key)
			op.kp.set(key, v)
		case "flags":
			op.Flags = d.strList(v, key)
		case "dont-validate":
			op.DontValidate = d.strList(v, key)
		case "config-cond":
			op.ConfigCond = d.str(v, key)
		case "do":
			op.Do = d.mode(v, "do")
		case "dump":
			op.Dump = d.mode(v, "dump")
		case "notify":
			op.Notify = d.str(v, key)
			op.kp.set(key, v)
		case "event":
			op.Event = d.message(v, "event")
		case "mcgrp":
			op.Mcgrp = d.str(v, key)
			op.kp.set(key, v)
		}
	})
	if d.err != nil {
		return nil
	}
	op.Pos = posOf(d.nodePos(n))
	if op.Name == "" {
		d.fail(n, ErrInvalid, "an operation has no name")
		return nil
	}
	if hasValue {
		op.Value = value
	} else {
		op.Value = None
	}
	// Remember whether the spec gave the value; numbering happens in
	// resolve, where the enum model is known.
	op.hasValue = hasValue
	return op
}

func (d *decoder) mode(n *yaml.Node, what string) *Mode {
	m := &Mode{}
	d.mapping(n, what, func(key string, k, v *yaml.Node) {
		switch key {
		case "request":
			m.Request = d.message(v, what+" request")
		case "reply":
			m.Reply = d.message(v, what+" reply")
		case "pre":
			m.Pre = d.str(v, key)
		case "post":
			m.Post = d.str(v, key)
		}
	})
	if d.err != nil {
		return nil
	}
	m.Pos = posOf(d.nodePos(n))
	return m
}

func (d *decoder) message(n *yaml.Node, what string) *Message {
	m := &Message{Value: None}
	x := d.node(n)
	if x == nil {
		return nil
	}
	d.budget++
	m.Pos = posOf(x)
	if x.Kind == yaml.ScalarNode && isNull(x) {
		return m // "reply:" with nothing under it
	}
	d.mapping(x, what, func(key string, k, v *yaml.Node) {
		switch key {
		case "attributes":
			m.Attributes = d.strList(v, what+" attributes")
			m.kp.set(key, v)
		case "value":
			m.Value = d.uint(v, what+" value")
		}
	})
	if d.err != nil {
		return nil
	}
	return m
}

func (d *decoder) mcastGroups(s *Spec, n *yaml.Node) {
	var list *yaml.Node
	d.mapping(n, "mcast-groups", func(key string, k, v *yaml.Node) {
		if key == "list" {
			list = v
		}
	})
	if list == nil {
		if d.err == nil {
			d.fail(n, ErrInvalid, "mcast-groups have no list")
		}
		return
	}
	d.seq(list, "the mcast-groups' list", func(it *yaml.Node) {
		g := &McastGroup{Value: None}
		var cname string
		d.mapping(it, "a multicast group", func(key string, k, v *yaml.Node) {
			switch key {
			case "name":
				g.Name = d.str(v, "a multicast group's name")
			case "value":
				g.Value = d.uint(v, "a multicast group's value")
			case "c-define-name":
				cname = d.str(v, key)
			case "flags":
				g.Flags = d.strList(v, key)
			}
		})
		if d.err != nil {
			return
		}
		g.Pos = posOf(d.nodePos(it))
		if g.Name == "" {
			d.fail(it, ErrInvalid, "a multicast group has no name")
			return
		}
		g.CName = cUpper(orDefault(cname, s.CName+"-mcgrp-"+g.Name))
		s.McastGroups = append(s.McastGroups, g)
	})
}
