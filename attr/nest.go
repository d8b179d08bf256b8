package attr

import "github.com/nlwire/nlwire/internal/endian"

// Nest is an open nested attribute, returned by Begin and closed by End.
// It records its own position and its parent's, so the encoder detects
// misnesting without a stack.
type Nest struct {
	start  int    // offset+1 of the nest's header; 0 for no nest
	parent int    // the encoder's innermost open nest when this one began
	gen    uint32 // the encoder's generation (bumped by Reset) when it began
	next   uint16 // last element index handed out by Element
}

// Begin opens a nested attribute of type typ with NLA_F_NESTED set
// (nla_nest_start). Close it with End.
func (e *Encoder) Begin(typ uint16) Nest {
	return e.BeginNoFlag(typ | FlagNested)
}

// BeginNoFlag opens a nested attribute of type typ as given, without
// adding NLA_F_NESTED (nla_nest_start_noflag), as older families and
// nested arrays such as CTRL_ATTR_OPS are sent.
func (e *Encoder) BeginNoFlag(typ uint16) Nest {
	l := len(e.b)
	p := e.reserve(HeaderLen)
	if p == nil {
		p = e.growSlow(HeaderLen)
	}
	if p == nil {
		return Nest{}
	}
	e.header(p, HeaderLen, typ)
	n := Nest{start: l + 1, parent: e.open, gen: e.gen}
	e.open = l + 1
	return n
}

// End closes nest n, patching its nla_len (nla_nest_end). n must be the
// innermost open nest, else ErrMisnested latches; a nest longer than
// 65535 bytes latches ErrAttrTooLong.
func (e *Encoder) End(n Nest) {
	if e.err != nil {
		return
	}
	if n.start == 0 || n.start != e.open || n.gen != e.gen {
		e.misnested(n)
		return
	}
	off := n.start - 1
	l := len(e.b) - off
	if l > MaxLen {
		e.fail(off, endian.Uint16(e.b[off+2:], e.swap), ErrAttrTooLong)
		return
	}
	endian.PutUint16(e.b[off:off+2], uint16(l), e.swap)
	e.open = n.parent
}

// Element opens the next element of the nested array arr
// (NLA_NESTED_ARRAY): a nest with NLA_F_NESTED whose type is the index,
// counting from 1 as genetlink's CTRL_ATTR_OPS does (genetlink sends its
// elements without the flag: BeginNoFlag(index) reproduces that). arr
// must be the innermost open nest, else ErrMisnested latches. Close the
// element with End.
func (e *Encoder) Element(arr *Nest) Nest {
	if e.err != nil {
		return Nest{}
	}
	if arr.start == 0 || arr.start != e.open || arr.gen != e.gen {
		e.misnested(*arr)
		return Nest{}
	}
	arr.next++
	return e.Begin(arr.next)
}

func (e *Encoder) misnested(n Nest) {
	off := len(e.b)
	var typ uint16
	if n.start > 0 && n.start+3 <= len(e.b) {
		off = n.start - 1
		typ = endian.Uint16(e.b[off+2:], e.swap)
	}
	e.fail(off, typ, ErrMisnested)
}
