package fuzz_test

import (
	"hash/fnv"
	"slices"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/conntrack"
	"github.com/nlwire/nlwire/family/genl"
	"github.com/nlwire/nlwire/family/nftables"
	"github.com/nlwire/nlwire/family/registry"
	"github.com/nlwire/nlwire/family/rtaddr"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/rtneigh"
	"github.com/nlwire/nlwire/family/rtroute"
	"github.com/nlwire/nlwire/family/rtrule"
	"github.com/nlwire/nlwire/family/tc"
	"github.com/nlwire/nlwire/wire"
)

// rawFamilies are the generated netlink-raw families (rtnetlink and
// netfilter), which family/registry does not list.
var rawFamilies = []*family.Family{
	&rtlink.Family, &rtaddr.Family, &rtroute.Family, &rtneigh.Family, &rtrule.Family,
	&tc.Family, &nftables.Family, &conntrack.Family,
}

// specFamilies returns every family generated from a YNL spec, the
// generic ones first, in a fixed order.
func specFamilies() []*family.Family {
	return append(registry.GenericFamilies(), rawFamilies...)
}

// pickFamily returns the family named name, or, for a name no family
// has (the fuzzer's mutations of one), a family chosen by its hash, so
// that every input exercises some table.
func pickFamily(fams []*family.Family, name string) *family.Family {
	for _, f := range fams {
		if f.Name == name {
			return f
		}
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return fams[h.Sum32()%uint32(len(fams))]
}

// isGeneric reports whether f is a generic netlink family.
func isGeneric(f *family.Family) bool { return !slices.Contains(rawFamilies, f) }

// specKind fills k with what f's tables say about the message of header
// h and payload p, as a dumper would classify it: the operation named by
// the message type (netlink-raw) or by genlmsghdr's command (generic
// netlink), request or reply as the header's flags say. A message no
// operation describes is walked as a run of attributes of one of f's
// sets, chosen by its type, so that every set of the family is reached,
// not only those its operations name.
func specKind(k *dissect.Kind, f *family.Family, h wire.Header, p []byte) {
	*k = dissect.Kind{Header: h, Order: nlwire.LittleEndian, Family: f.Name, Name: f.Name, Known: true, Op: wire.OpOf(h.Type)}
	req := h.Flags&wire.Request != 0
	var op *family.Op
	if isGeneric(f) {
		k.Protocol, k.Struct = dissect.ProtoGeneric, "genlmsghdr"
		k.HeaderLen = genl.HeaderLen + f.HeaderLen
		if len(p) > 0 {
			op = registry.Op(f, p[0], req)
		}
		if op != nil && op.HeaderLen > 0 {
			k.HeaderLen = genl.HeaderLen + op.HeaderLen
		}
	} else {
		k.Protocol = uint16(f.Protocol)
		op = rawOp(f, h.Type, req)
		if op != nil {
			k.HeaderLen = op.HeaderLen
		}
	}
	if op != nil && op.Attrs != nil {
		k.Cmd, k.Attrs = op.Name, op.Attrs
		return
	}
	// A bare run of attributes, after genlmsghdr for a generic family.
	k.HeaderLen = 0
	if isGeneric(f) {
		k.HeaderLen = genl.HeaderLen
	}
	if len(f.Sets) > 0 {
		k.Attrs = f.Sets[int(h.Type)%len(f.Sets)]
	}
}

// rawOp returns the operation of netlink-raw family f whose request (or
// reply, if req is false) has message type typ, or nil.
func rawOp(f *family.Family, typ uint16, req bool) *family.Op {
	for i := range f.Ops {
		o := &f.Ops[i]
		if req && o.Request == int32(typ) || !req && o.Reply == int32(typ) {
			return o
		}
	}
	return nil
}

// dissectAll walks every message of data through f's tables with d,
// reporting the events to w.
func dissectAll(d *dissect.Dissector, w dissect.Writer, k *dissect.Kind, f *family.Family, data []byte) {
	r := wire.NewReader(data).WithOrder(nlwire.LittleEndian)
	for r.Next() {
		specKind(k, f, r.Header(), r.Payload())
		d.Message(w, r.Message(), k)
	}
}

// problems is a Writer that counts the problems a walk reports and
// discards the rest.
type problems struct {
	dissect.Discard
	n int
}

func (p *problems) Problem(*dissect.Problem) { p.n++ }

// maxWork is the most attributes a walk of n bytes may look at: each
// attribute (4 bytes at least) a bounded number of times, as dissect's
// own fuzz target allows.
func maxWork(n int) int { return 8*(n/4+1) + 16 }

// checkWalk walks data through fam's tables twice and fails t if the
// first walk looked at more attributes than linear in len(data), or if
// the second allocated: nothing for well-formed bytes, at most the
// error value of each malformed run (package attr builds its typed
// error, with the offset, only when the input is malformed).
func checkWalk(t *testing.T, d *dissect.Dissector, k *dissect.Kind, fam *family.Family, data []byte) {
	t.Helper()
	d.Work = 0
	var w problems
	dissectAll(d, &w, k, fam, data)
	if d.Work > maxWork(len(data)) {
		t.Fatalf("%s: looked at %d attributes in %d bytes", fam.Name, d.Work, len(data))
	}
	if n := testing.AllocsPerRun(1, func() { dissectAll(d, dissect.Discard{}, k, fam, data) }); n > float64(w.n) {
		t.Fatalf("%s: %v allocations in a walk of %d bytes with %d problems", fam.Name, n, len(data), w.n)
	}
}

// FuzzSpecFamilies decodes arbitrary bytes, as netlink messages, through
// the tables of every family generated from a YNL spec (the generic
// families of family/registry and the netlink-raw rtnetlink, tc,
// nftables and conntrack packages) with dissect's generic walk: it must
// not panic, must look at a number of attributes linear in the input,
// and once its storage has grown (a second walk of the same bytes) must
// allocate nothing but the error of a malformed run.
func FuzzSpecFamilies(f *testing.F) {
	fams := specFamilies()
	d := dissect.New()
	var k dissect.Kind
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		checkWalk(t, d, &k, pickFamily(fams, name), data)
	})
}
