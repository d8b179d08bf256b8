package attr_test

import (
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
)

// node is a decoded attribute tree, for round trips.
type node struct {
	Type   uint16 // nla_type, flags included
	Offset int
	Data   []byte // payload of a leaf
	Kids   []node // attributes of a nest
	Nest   bool
}

// nestFunc says whether the attribute at path (the raw types from the
// top) is a nest.
type nestFunc func(path []uint16, raw uint16) bool

// byFlag treats exactly the attributes flagged NLA_F_NESTED as nests.
func byFlag(_ []uint16, raw uint16) bool { return raw&attr.FlagNested != 0 }

// decodeTree decodes every attribute of d, recursing where isNest says.
func decodeTree(d attr.Decoder, path []uint16, isNest nestFunc) ([]node, error) {
	var out []node
	for d.Next() {
		n := node{Type: d.RawType(), Offset: d.Offset()}
		if isNest(path, d.RawType()) {
			n.Nest = true
			kids, err := decodeTree(d.Nested(), append(path, d.RawType()), isNest)
			if err != nil {
				return nil, err
			}
			n.Kids = kids
		} else {
			n.Data = d.Bytes()
		}
		out = append(out, n)
	}
	return out, d.Err()
}

// encodeTree encodes the tree with e, types as given.
func encodeTree(e *attr.Encoder, nodes []node) {
	for _, n := range nodes {
		if n.Nest {
			nest := e.BeginNoFlag(n.Type)
			encodeTree(e, n.Kids)
			e.End(nest)
		} else {
			e.Put(n.Type, n.Data)
		}
	}
}

// stripOffsets zeroes offsets, for comparing trees encoded at different
// positions.
func stripOffsets(nodes []node) []node {
	out := make([]node, len(nodes))
	for i, n := range nodes {
		n.Offset = 0
		n.Kids = stripOffsets(n.Kids)
		if n.Data == nil && !n.Nest {
			n.Data = []byte{}
		}
		out[i] = n
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// readHex reads a testdata hex file: '#' lines are comments.
func readHex(t testing.TB, name string) []byte {
	t.Helper()
	text, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, line := range strings.Split(string(text), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			sb.WriteString(line)
		}
	}
	b, err := hex.DecodeString(sb.String())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var orders = []nlwire.Order{nlwire.LittleEndian, nlwire.BigEndian}
