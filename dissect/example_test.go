package dissect_test

import (
	"fmt"
	"strings"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/wire"
)

// pathWriter keeps each attribute with a value as "PATH=VALUE", its
// path the names of the nests around it: a generic decoding of any
// family the tables know, in a few lines.
type pathWriter struct {
	dissect.Discard // the events it does not need
	path            []string
	lines           []string
}

func (w *pathWriter) Nest(a *dissect.Attr) { w.path = append(w.path, a.Name) }

func (w *pathWriter) EndNest(int) { w.path = w.path[:len(w.path)-1] }

func (w *pathWriter) Attr(a *dissect.Attr) {
	line := strings.Join(append(w.path[:len(w.path):len(w.path)], a.Name), "/") + "="
	switch v := &a.Value; v.Kind {
	case dissect.Uint:
		line += fmt.Sprint(v.Uint)
	case dissect.String:
		line += fmt.Sprintf("%q", v.Bytes)
	case dissect.Addr:
		line += v.Addr.String()
	default:
		line += fmt.Sprintf("%x", v.Bytes)
	}
	if names, ok := a.Value.AppendNames(nil); ok {
		line += " (" + string(names) + ")"
	}
	w.lines = append(w.lines, line)
}

// A program decodes a message generically, by the tables, into its own
// Writer: here an RTM_NEWLINK that creates a veth pair.
func Example() {
	b := wire.NewBuilder(nil)
	m := b.Start(wire.Header{Type: route.RTM_NEWLINK, Flags: wire.Request | wire.Create})
	wire.PutFixedHeader(&b, route.IfInfoMsg{})
	e := b.Attrs()
	e.String(route.IFLA_IFNAME, "veth0")
	e.Uint32(route.IFLA_MTU, 1500)
	info := e.Begin(route.IFLA_LINKINFO)
	e.String(route.IFLA_INFO_KIND, "veth")
	e.End(info)
	b.End(m)
	msgs, err := b.Finish()
	if err != nil {
		panic(err)
	}

	d := dissect.New()
	var w pathWriter
	if err := d.Datagram(&w, dissect.ProtoRoute, nlwire.Native, msgs); err != nil {
		panic(err)
	}
	fmt.Println(strings.Join(w.lines, "\n"))
	// Output:
	// IFLA_IFNAME="veth0"
	// IFLA_MTU=1500
	// IFLA_LINKINFO/IFLA_INFO_KIND="veth"
}
