package ynl

import (
	"io"
	"os"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits on untrusted input. The kernel's largest spec is about 200 KiB
// and 40,000 tokens.
const (
	// MaxSize is the largest spec Parse reads, in bytes.
	MaxSize = 16 << 20
	// MaxTokens is the most tokens (runs of characters between
	// blanks and flow indicators) a spec may have. It is checked before
	// the YAML is parsed, and bounds the nodes the YAML parser builds
	// (at most 3 per token), so the memory parsing takes.
	MaxTokens = 1 << 18
)

// Parse reads a YNL spec and returns the family it describes, resolved:
// see Spec. A malformed spec gives an *Error with the position of the
// problem.
func Parse(r io.Reader) (*Spec, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	return parse(data, "")
}

// ParseFile reads the YNL spec in the named file, as Parse does; errors
// name the file.
func ParseFile(name string) (*Spec, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	return parse(data, name)
}

func parse(data []byte, file string) (spec *Spec, err error) {
	fail := func(e *Error) (*Spec, error) {
		e.File = file
		return nil, e
	}
	if len(data) > MaxSize {
		return fail(&Error{Msg: "spec larger than " + itoa(MaxSize) + " bytes", Err: ErrLimit})
	}
	if n := countTokens(data, MaxTokens); n > MaxTokens {
		return fail(&Error{Msg: "spec has more than " + itoa(MaxTokens) + " tokens", Err: ErrLimit})
	}
	root, e := decodeYAML(data)
	if e != nil {
		return fail(e)
	}
	// Each node may be walked once directly and a few times more through
	// aliases; the budget keeps the walk (and the model it builds) in
	// proportion to the input whatever the aliases do.
	d := &decoder{budget: 4*countNodes(root) + 1024}
	spec = d.spec(root)
	if d.err == nil {
		d.resolve(spec)
	}
	if d.err != nil {
		return fail(d.err)
	}
	return spec, nil
}

// decodeYAML parses the YAML into a node tree. The YAML library reports
// most errors by panicking internally and recovering; anything that
// escapes it is turned into an error here too.
func decodeYAML(data []byte) (root *yaml.Node, e *Error) {
	defer func() {
		if r := recover(); r != nil {
			root, e = nil, &Error{Msg: "YAML parser failed", Err: ErrSyntax}
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &Error{Msg: "empty spec", Err: ErrInvalid}
	}
	return doc.Content[0], nil
}

// syntaxError turns the YAML library's "yaml: line N: problem" into an
// *Error at line N.
func syntaxError(err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var pos Pos
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, tail, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				pos.Line, msg = n, tail
			}
		}
	}
	if len(msg) > 200 {
		msg = msg[:200] + "..."
	}
	return &Error{Pos: pos, Msg: msg, Err: ErrSyntax}
}

// countTokens counts the runs of characters between blanks and flow
// indicators, stopping past limit. Every YAML node the parser builds
// starts at a token or is implied by one (a null value, a collection
// around a key or dash), at most three per token.
func countTokens(data []byte, limit int) int {
	n := 0
	in := false
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n':
			in = false
		case '[', ']', '{', '}', ',':
			in = false
			n++
		default:
			if !in {
				in = true
				n++
			}
		}
		if n > limit {
			break
		}
	}
	return n
}

// countNodes counts the nodes of the tree, not following aliases.
func countNodes(root *yaml.Node) int {
	n := 0
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n++
		stack = append(stack, x.Content...)
	}
	return n
}

// decoder walks the node tree. The first error latches in err and ends
// the walk; budget counts the nodes the walk may still visit.
type decoder struct {
	budget         int
	err            *Error
	pendingSubsets []rawSet // subsets to fill in once all sets are read
}

func posOf(n *yaml.Node) Pos {
	if n == nil {
		return Pos{}
	}
	return Pos{Line: n.Line, Column: n.Column}
}

func (d *decoder) failAt(p Pos, kind error, msg string) {
	if d.err == nil {
		d.err = &Error{Pos: p, Msg: msg, Err: kind}
	}
}

func (d *decoder) fail(n *yaml.Node, kind error, msg string) {
	d.failAt(posOf(n), kind, msg)
}

// node follows an alias to its anchored node and charges the visit; nil
// once the walk has failed.
func (d *decoder) node(n *yaml.Node) *yaml.Node {
	if d.err != nil || n == nil {
		return nil
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil || n.Alias.Kind == yaml.AliasNode {
			d.fail(n, ErrInvalid, "bad alias")
			return nil
		}
		n = n.Alias
	}
	d.budget--
	if d.budget < 0 {
		d.fail(n, ErrLimit, "aliases expand past the limit")
		return nil
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "a scalar"
	}
	return "a node"
}

// mapping calls f with each key of the mapping n and its value node
// (not yet visited). Duplicate keys and merge keys are errors.
func (d *decoder) mapping(n *yaml.Node, what string, f func(key string, k, v *yaml.Node)) {
	n = d.node(n)
	if n == nil {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.fail(n, ErrInvalid, what+" must be a mapping, not "+kindName(n))
		return
	}
	var seen map[string]bool
	if len(n.Content) > 16 {
		seen = make(map[string]bool, len(n.Content)/2)
	}
	for i := 0; i+1 < len(n.Content) && d.err == nil; i += 2 {
		k := d.node(n.Content[i])
		if k == nil {
			return
		}
		if k.Kind != yaml.ScalarNode {
			d.fail(k, ErrInvalid, "a key of "+what+" must be a string, not "+kindName(k))
			return
		}
		if k.Tag == "!!merge" {
			d.fail(k, ErrInvalid, "merge keys (<<) are not supported")
			return
		}
		dup := false
		if seen != nil {
			dup = seen[k.Value]
			seen[k.Value] = true
		} else {
			for j := 0; j < i; j += 2 {
				if n.Content[j].Kind == yaml.ScalarNode && n.Content[j].Value == k.Value {
					dup = true
					break
				}
			}
		}
		if dup {
			d.fail(k, ErrInvalid, "duplicate key "+quote(k.Value)+" in "+what)
			return
		}
		f(k.Value, k, n.Content[i+1])
	}
}

// seq calls f with each item of the list n (not yet visited).
func (d *decoder) seq(n *yaml.Node, what string, f func(item *yaml.Node)) {
	n = d.node(n)
	if n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, ErrInvalid, what+" must be a list, not "+kindName(n))
		return
	}
	for _, it := range n.Content {
		if d.err != nil {
			return
		}
		f(it)
	}
}

// scalar returns the scalar n, visited, or nil after an error.
func (d *decoder) scalar(n *yaml.Node, what string) *yaml.Node {
	n = d.node(n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		d.fail(n, ErrInvalid, what+" must be a scalar, not "+kindName(n))
		return nil
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Tag == "!!null" }

// str returns a non-empty string.
func (d *decoder) str(n *yaml.Node, what string) string {
	n = d.scalar(n, what)
	if n == nil {
		return ""
	}
	if isNull(n) || n.Value == "" {
		d.fail(n, ErrInvalid, what+" must not be empty")
		return ""
	}
	return n.Value
}

// optStr returns a string that may be null or empty ("").
func (d *decoder) optStr(n *yaml.Node, what string) string {
	n = d.scalar(n, what)
	if n == nil || isNull(n) {
		return ""
	}
	return n.Value
}

// isInt reports whether the scalar is a YAML integer (plain, not quoted).
func isInt(n *yaml.Node) bool { return n.Tag == "!!int" }

// parseInt reads a YAML integer: decimal, 0x hex, 0o or leading-0 octal,
// 0b binary, with an optional sign. Values past int64 are errors.
func (d *decoder) parseInt(n *yaml.Node, what string) int64 {
	v, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil {
		d.fail(n, ErrInvalid, what+" "+quote(n.Value)+" is not an integer in the int64 range")
		return 0
	}
	return v
}

// int returns an integer.
func (d *decoder) int(n *yaml.Node, what string) int64 {
	n = d.scalar(n, what)
	if n == nil {
		return 0
	}
	if !isInt(n) {
		d.fail(n, ErrInvalid, what+" must be an integer, not "+quote(n.Value))
		return 0
	}
	return d.parseInt(n, what)
}

// uint returns an integer that is not negative.
func (d *decoder) uint(n *yaml.Node, what string) int64 {
	v := d.int(n, what)
	if v < 0 {
		d.fail(n, ErrInvalid, what+" must not be negative")
	}
	return v
}

// boolean returns a YAML boolean; like the kernel's Python tools
// (YAML 1.1), yes/no and on/off count too.
func (d *decoder) boolean(n *yaml.Node, what string) bool {
	n = d.scalar(n, what)
	if n == nil {
		return false
	}
	if n.Tag == "!!bool" || n.Style == 0 {
		switch strings.ToLower(n.Value) {
		case "true", "yes", "on":
			return true
		case "false", "no", "off":
			return false
		}
	}
	d.fail(n, ErrInvalid, what+" must be true or false, not "+quote(n.Value))
	return false
}

// strList returns a list of non-empty strings.
func (d *decoder) strList(n *yaml.Node, what string) []string {
	var out []string
	d.seq(n, what, func(it *yaml.Node) {
		if s := d.str(it, "an item of "+what); d.err == nil {
			out = append(out, s)
		}
	})
	return out
}
