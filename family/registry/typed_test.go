package registry_test

// Property tests, fuzz targets and allocation tests of the typed code
// ynlgen generates (family/<name>/ztyped.go), over every set type of
// every family (issue #13).
//
// The generator of canonical attribute bytes works from each family's
// family.Set tables (Format, Child, Variants, Multi, Struct) and from
// the generated source itself, read at test time: the order in which a
// set's Encode writes its attributes (the spec's order, and the
// attributes it writes at all: pads are not), and which attributes
// carry a spec check (an ErrRange, ErrString or binary ErrLength
// failure in Decode), the only failures a canonical input may meet.

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"pgregory.net/rapid"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/family/binder"
	"github.com/nlwire/nlwire/family/conntrack"
	"github.com/nlwire/nlwire/family/devenergymodel"
	"github.com/nlwire/nlwire/family/devlink"
	"github.com/nlwire/nlwire/family/dpll"
	"github.com/nlwire/nlwire/family/drmras"
	"github.com/nlwire/nlwire/family/ethtool"
	"github.com/nlwire/nlwire/family/fou"
	"github.com/nlwire/nlwire/family/handshake"
	"github.com/nlwire/nlwire/family/lockd"
	"github.com/nlwire/nlwire/family/mptcppm"
	"github.com/nlwire/nlwire/family/netdev"
	"github.com/nlwire/nlwire/family/netshaper"
	"github.com/nlwire/nlwire/family/nfsd"
	"github.com/nlwire/nlwire/family/nftables"
	"github.com/nlwire/nlwire/family/nl80211"
	"github.com/nlwire/nlwire/family/nlctrl"
	"github.com/nlwire/nlwire/family/ovpn"
	"github.com/nlwire/nlwire/family/ovsdatapath"
	"github.com/nlwire/nlwire/family/ovsflow"
	"github.com/nlwire/nlwire/family/ovspacket"
	"github.com/nlwire/nlwire/family/ovsvport"
	"github.com/nlwire/nlwire/family/psp"
	"github.com/nlwire/nlwire/family/rtaddr"
	"github.com/nlwire/nlwire/family/rtlink"
	"github.com/nlwire/nlwire/family/rtneigh"
	"github.com/nlwire/nlwire/family/rtroute"
	"github.com/nlwire/nlwire/family/rtrule"
	"github.com/nlwire/nlwire/family/sunrpc"
	"github.com/nlwire/nlwire/family/tc"
	"github.com/nlwire/nlwire/family/tcpmetrics"
	"github.com/nlwire/nlwire/family/team"
	"github.com/nlwire/nlwire/family/typed"
	"github.com/nlwire/nlwire/family/wireguard"
	"github.com/nlwire/nlwire/wire"
)

// typedFam is one family with generated typed code.
type typedFam struct {
	pkg  string
	f    *family.Family
	sets []typed.SetType
}

var typedFams = []typedFam{
	{"binder", &binder.Family, binder.TypedSets},
	{"conntrack", &conntrack.Family, conntrack.TypedSets},
	{"devenergymodel", &devenergymodel.Family, devenergymodel.TypedSets},
	{"devlink", &devlink.Family, devlink.TypedSets},
	{"dpll", &dpll.Family, dpll.TypedSets},
	{"drmras", &drmras.Family, drmras.TypedSets},
	{"ethtool", &ethtool.Family, ethtool.TypedSets},
	{"fou", &fou.Family, fou.TypedSets},
	{"handshake", &handshake.Family, handshake.TypedSets},
	{"lockd", &lockd.Family, lockd.TypedSets},
	{"mptcppm", &mptcppm.Family, mptcppm.TypedSets},
	{"netdev", &netdev.Family, netdev.TypedSets},
	{"netshaper", &netshaper.Family, netshaper.TypedSets},
	{"nfsd", &nfsd.Family, nfsd.TypedSets},
	{"nftables", &nftables.Family, nftables.TypedSets},
	{"nl80211", &nl80211.Family, nl80211.TypedSets},
	{"nlctrl", &nlctrl.Family, nlctrl.TypedSets},
	{"ovpn", &ovpn.Family, ovpn.TypedSets},
	{"ovsdatapath", &ovsdatapath.Family, ovsdatapath.TypedSets},
	{"ovsflow", &ovsflow.Family, ovsflow.TypedSets},
	{"ovspacket", &ovspacket.Family, ovspacket.TypedSets},
	{"ovsvport", &ovsvport.Family, ovsvport.TypedSets},
	{"psp", &psp.Family, psp.TypedSets},
	{"rtaddr", &rtaddr.Family, rtaddr.TypedSets},
	{"rtlink", &rtlink.Family, rtlink.TypedSets},
	{"rtneigh", &rtneigh.Family, rtneigh.TypedSets},
	{"rtroute", &rtroute.Family, rtroute.TypedSets},
	{"rtrule", &rtrule.Family, rtrule.TypedSets},
	{"sunrpc", &sunrpc.Family, sunrpc.TypedSets},
	{"tc", &tc.Family, tc.TypedSets},
	{"tcpmetrics", &tcpmetrics.Family, tcpmetrics.TypedSets},
	{"team", &team.Family, team.TypedSets},
	{"wireguard", &wireguard.Family, wireguard.TypedSets},
}

// model is what the tests know of a family: its tables and what they
// read in its generated source.
type model struct {
	typedFam
	order  map[*family.Set][]uint16 // attribute types Encode writes, in its order
	goType map[*family.Set]string   // the set's Go type name
	checks map[string]bool          // set + "\x00" + attr + "\x00" + sentinel: a failure the source has
}

var (
	modelsOnce sync.Once
	models     map[string]*model
	modelsErr  error
)

var (
	buildFuncRE = regexp.MustCompile(`(?m)^func \(x \*(\w+)\) build\(e \*attr\.Encoder\) \{\n\tb := (\w+)\{e: e\}$`)
	methodRE    = regexp.MustCompile(`(?m)^func \(b (\w+)\) (\w+)\([^)]*\)[^{\n]*\{$`)
	callRE      = regexp.MustCompile(`\bb\.(\w+)\(|[(,]\s*([A-Z][A-Z0-9_]+)[,)]`)
	constRE     = regexp.MustCompile(`[(,]\s*([A-Z][A-Z0-9_]+)[,)]`)
	failRE      = regexp.MustCompile(`o\.Fail\([^,]+, "([^"]*)", "([A-Z0-9_]+)", [^,]+, typed\.(Err\w+)\)`)
)

func loadModels() (map[string]*model, error) {
	modelsOnce.Do(func() {
		models = map[string]*model{}
		for _, tf := range typedFams {
			m, err := loadModel(tf)
			if err != nil {
				modelsErr = err
				return
			}
			models[tf.pkg] = m
		}
	})
	return models, modelsErr
}

func loadModel(tf typedFam) (*model, error) {
	src, err := os.ReadFile(filepath.Join("..", tf.pkg, "ztyped.go"))
	if err != nil {
		return nil, err
	}
	if len(tf.sets) != len(tf.f.Sets) {
		return nil, fmt.Errorf("%s: %d TypedSets, %d Family.Sets", tf.pkg, len(tf.sets), len(tf.f.Sets))
	}
	m := &model{typedFam: tf, order: map[*family.Set][]uint16{}, goType: map[*family.Set]string{}, checks: map[string]bool{}}
	// The attribute constant each builder method writes, by builder
	// type and method: the first constant of its body.
	s := string(src)
	body := func(at int) string {
		b := s[at:]
		if end := strings.Index(b, "\n}\n"); end >= 0 {
			b = b[:end]
		}
		return b
	}
	methodConst := map[string]string{}
	for _, l := range methodRE.FindAllStringSubmatchIndex(s, -1) {
		if c := constRE.FindStringSubmatch(body(l[1])); c != nil {
			methodConst[s[l[2]:l[3]]+"."+s[l[4]:l[5]]] = c[1]
		}
	}
	// The Encode functions' bodies (build, with the builder's methods):
	// attribute constants in order, a method call standing for the
	// constant it writes.
	encOrder := map[string][]string{}
	for _, l := range buildFuncRE.FindAllStringSubmatchIndex(s, -1) {
		name, bt := s[l[2]:l[3]], s[l[4]:l[5]]
		seen := map[string]bool{}
		var names []string
		for _, c := range callRE.FindAllStringSubmatch(body(l[1]), -1) {
			n := c[2]
			if c[1] != "" {
				n = methodConst[bt+"."+c[1]]
			}
			if n != "" && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
		encOrder[name] = names
	}
	for _, f := range failRE.FindAllStringSubmatch(s, -1) {
		m.checks[f[1]+"\x00"+f[2]+"\x00"+f[3]] = true
	}
	for i, st := range tf.sets {
		set := tf.f.Sets[i]
		gt := fmt.Sprintf("%T", st.New())
		gt = gt[strings.LastIndexByte(gt, '.')+1:]
		m.goType[set] = gt
		names, ok := encOrder[gt]
		if !ok {
			return nil, fmt.Errorf("%s: no Encode for %s (set %s)", tf.pkg, gt, st.Name)
		}
		var types []uint16
		for _, n := range names {
			if typ, ok := set.Lookup(n); ok {
				types = append(types, typ)
			}
		}
		m.order[set] = types
	}
	return m, nil
}

// allowed reports whether a decoding failure of canonical bytes is one
// of the spec's checks on the value the generator drew.
func (m *model) allowed(err error) bool {
	var te *typed.Error
	if !errors.As(err, &te) || te.Attr == "" {
		return false
	}
	var name string
	switch te.Err {
	case typed.ErrRange:
		name = "ErrRange"
	case typed.ErrString:
		name = "ErrString"
	case typed.ErrLength:
		name = "ErrLength"
	default:
		return false
	}
	if !m.checks[te.Set+"\x00"+te.Attr+"\x00"+name] {
		return false
	}
	if name == "ErrLength" {
		// Integers are drawn at their length: only the checks of
		// binary and string payloads may refuse theirs.
		for _, set := range m.f.Sets {
			if typ, ok := set.Lookup(te.Attr); ok && typ == te.Type {
				switch set.Attrs[typ].Format {
				case family.Binary, family.IPAddr, family.HWAddr, family.String, family.NestedArray:
					return true
				}
			}
		}
		return false
	}
	return true
}

// source draws the generator's choices.
type source interface {
	n(max int) int // in [0, max)
}

type rapidSource struct{ t *rapid.T }

func (s rapidSource) n(max int) int {
	if max <= 1 {
		return 0
	}
	return rapid.IntRange(0, max-1).Draw(s.t, "n")
}

type randSource struct{ r *rand.Rand }

func (s randSource) n(max int) int {
	if max <= 1 {
		return 0
	}
	return s.r.IntN(max)
}

const maxDepth = 3

// gen writes canonical attributes: in Encode's order, each of the
// length its format has, strings NUL-terminated and not empty, nests
// flagged NLA_F_NESTED, integers in the order swap says.
type gen struct {
	src  source
	m    *model
	swap bool
}

func (g *gen) put16(b []byte, v uint16) []byte {
	var p [2]byte
	typed.PutUint16(p[:], v, g.swap)
	return append(b, p[:]...)
}

func (g *gen) open(b []byte, typ uint16) ([]byte, int) {
	at := len(b)
	b = g.put16(b, 0)
	return g.put16(b, typ), at
}

func (g *gen) close(b []byte, at int) []byte {
	typed.PutUint16(b[at:], uint16(len(b)-at), g.swap)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func (g *gen) random(b []byte, n int) []byte {
	for range n {
		b = append(b, byte(g.src.n(256)))
	}
	return b
}

func (g *gen) uint(b []byte, v uint64, size int) []byte {
	var p [8]byte
	switch size {
	case 4:
		typed.PutUint32(p[:], uint32(v), g.swap)
	case 8:
		typed.PutUint64(p[:], v, g.swap)
	}
	return append(b, p[:size]...)
}

func (g *gen) string(b []byte) []byte {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	n := 1 + g.src.n(8)
	for range n {
		b = append(b, letters[g.src.n(len(letters))])
	}
	return append(b, 0)
}

// generable reports whether the generator writes attribute a.
func generable(a *family.Attr) bool {
	switch a.Format {
	case family.Multipath:
		return false
	case family.Nested:
		if len(a.Variants) > 0 {
			return true
		}
		return a.ChildSet("") != nil || a.Header > 0
	case family.NestedArray:
		return a.Child != nil || a.ChildRef != nil || a.ElemFormat != family.Binary || true
	}
	return true
}

// set appends a canonical payload of set s.
func (g *gen) set(b []byte, s *family.Set, depth int) []byte {
	types := g.m.order[s]
	chosen := make([]bool, len(types))
	keyVal := map[uint16]string{}
	variant := map[uint16]*family.Variant{}
	for i, typ := range types {
		a := &s.Attrs[typ]
		chosen[i] = generable(a) && g.src.n(2) == 0
	}
	for i, typ := range types {
		a := &s.Attrs[typ]
		if !chosen[i] || len(a.Variants) == 0 {
			continue
		}
		if _, taken := keyVal[a.Key]; taken || depth >= maxDepth || !containsType(types, a.Key) {
			chosen[i] = false
			continue
		}
		v := &a.Variants[g.src.n(len(a.Variants))]
		keyVal[a.Key] = v.Value
		variant[typ] = v
	}
	for i, typ := range types {
		if _, ok := keyVal[typ]; ok {
			chosen[i] = true
		}
	}
	for i, typ := range types {
		if !chosen[i] {
			continue
		}
		a := &s.Attrs[typ]
		n := 1
		if a.Multi {
			n = 1 + g.src.n(3)
		}
		for range n {
			b = g.attr(b, typ, a, depth, keyVal, variant[typ])
		}
	}
	return b
}

func containsType(types []uint16, t uint16) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

func (g *gen) attr(b []byte, typ uint16, a *family.Attr, depth int, keyVal map[uint16]string, v *family.Variant) []byte {
	switch {
	case a.Format == family.NestedArray:
		typ |= attr.FlagNested
	case a.Format == family.Nested && (v == nil || v.Set != nil || v.Ref != nil):
		// A nest of attributes; a sub-message format that is only a
		// struct is not one.
		typ |= attr.FlagNested
	}
	b, at := g.open(b, typ)
	switch a.Format {
	case family.Nested:
		if v != nil {
			b = append(b, make([]byte, v.Header)...)
			cs := v.Set
			if cs == nil && v.Ref != nil {
				cs = v.Ref.Set()
			}
			if cs != nil && depth < maxDepth {
				b = g.set(b, cs, depth+1)
			}
			break
		}
		b = append(b, make([]byte, a.Header)...)
		if cs := a.ChildSet(""); cs != nil && depth < maxDepth {
			b = g.set(b, cs, depth+1)
		}
	case family.NestedArray:
		if depth >= maxDepth {
			break
		}
		cs := a.ChildSet("")
		for i := range g.src.n(3) {
			et := uint16(i + 1)
			if cs != nil {
				var eat int
				b, eat = g.open(b, et|attr.FlagNested)
				b = g.set(b, cs, depth+1)
				b = g.close(b, eat)
				continue
			}
			var eat int
			b, eat = g.open(b, et)
			if a.ElemFormat == family.IPAddr {
				// The arrays of addresses are of IPv4 addresses (u32 with
				// display-hint ipv4): IFLA_BOND_ARP_IP_TARGET.
				b = g.random(b, 4)
			} else {
				b = g.scalar(b, a.ElemFormat, nil)
			}
			b = g.close(b, eat)
		}
	case family.String:
		if k, ok := keyVal[typ&attr.TypeMask]; ok {
			b = append(append(b, k...), 0)
			break
		}
		b = g.string(b)
	default:
		b = g.scalar(b, a.Format, a.Struct)
	}
	return g.close(b, at)
}

func (g *gen) scalar(b []byte, f family.Format, st *family.Struct) []byte {
	switch f {
	case family.Flag:
	case family.UInt:
		if g.src.n(2) == 0 {
			return g.uint(b, uint64(g.src.n(1<<16))<<16|uint64(g.src.n(1<<16)), 4)
		}
		return g.uint(b, uint64(1+g.src.n(1<<16))<<32|uint64(g.src.n(1<<16)), 8)
	case family.SInt:
		if g.src.n(2) == 0 {
			return g.uint(b, uint64(uint32(int32(g.src.n(1<<16)-1<<15))), 4)
		}
		hi := int64(1 + g.src.n(1<<15))
		if g.src.n(2) == 0 {
			hi = -hi - 1
		}
		return g.uint(b, uint64(hi<<32|int64(g.src.n(1<<16))), 8)
	case family.String:
		return g.string(b)
	case family.Bitfield32:
		sel := uint32(g.src.n(1 << 16))
		val := sel & uint32(g.src.n(1<<16))
		if g.src.n(2) == 0 {
			sel, val = 0, 0
		}
		b = g.uint(b, uint64(val), 4)
		return g.uint(b, uint64(sel), 4)
	case family.IPAddr:
		if g.src.n(2) == 0 {
			return g.random(b, 4)
		}
		return g.random(b, 16)
	case family.HWAddr:
		return g.random(b, 6)
	case family.Binary:
		if st != nil {
			n := 1
			if st.Array {
				n += g.src.n(2)
			}
			return g.random(b, n*st.Size)
		}
		return g.random(b, g.src.n(13))
	}
	return g.random(b, f.Size())
}

// canonical draws canonical attributes of set index si.
func (m *model) canonical(src source, si int, swap bool) []byte {
	g := gen{src: src, m: m, swap: swap}
	return g.set(nil, m.f.Sets[si], 0)
}

var (
	hostOrder    = nlwire.Host()
	swappedOrder = func() nlwire.Order {
		if nlwire.Host() == nlwire.LittleEndian {
			return nlwire.BigEndian
		}
		return nlwire.LittleEndian
	}()
)

func encode(v typed.Attrs, ord nlwire.Order, buf []byte) ([]byte, error) {
	e := attr.NewEncoder(buf[:0]).WithOrder(ord)
	v.Encode(&e)
	return e.Bytes(), e.Err()
}

// roundTrip checks that y, an Encode's output, decodes strictly and
// encodes to itself.
func roundTrip(st typed.SetType, y []byte, ord nlwire.Order, lenient bool) error {
	v := st.New()
	// What a lenient decode accepted inside repeated nests is written
	// back as it came (their elements are views): the result decodes in
	// the mode the input did.
	o := typed.Options{Order: ord, Lenient: lenient}
	if err := v.Decode(y, &o); err != nil {
		return fmt.Errorf("decoding the encoded bytes: %v\n%s", err, hex.Dump(y))
	}
	z, err := encode(v, ord, nil)
	if err != nil {
		return fmt.Errorf("encoding again: %v", err)
	}
	if !bytes.Equal(y, z) {
		return fmt.Errorf("encode(decode(y)) != y\ny:\n%sz:\n%s", hex.Dump(y), hex.Dump(z))
	}
	return nil
}

// forEachSet runs fn for every set type of every family, as subtests.
func forEachSet(t *testing.T, fn func(t *testing.T, m *model, si int)) {
	ms, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	for _, tf := range typedFams {
		m := ms[tf.pkg]
		t.Run(tf.pkg, func(t *testing.T) {
			for si, st := range tf.sets {
				t.Run(st.Name, func(t *testing.T) { fn(t, m, si) })
			}
		})
	}
}

var canonStats struct {
	sync.Mutex
	cases, checked, exact int
}

// TestTypedCanonical: canonical bytes of every set decode strictly
// (unless a spec check refuses a drawn value) and encode back to the
// same bytes, in both byte orders.
func TestTypedCanonical(t *testing.T) {
	forEachSet(t, func(t *testing.T, m *model, si int) {
		st := m.sets[si]
		rapid.Check(t, func(rt *rapid.T) {
			swap := rapid.Bool().Draw(rt, "swap")
			ord := hostOrder
			if swap {
				ord = swappedOrder
			}
			x := m.canonical(rapidSource{rt}, si, swap)
			canonStats.Lock()
			canonStats.cases++
			canonStats.Unlock()
			v := st.New()
			o := typed.Options{Order: ord}
			if err := v.Decode(x, &o); err != nil {
				if m.allowed(err) {
					return
				}
				rt.Fatalf("%s %s: decoding canonical bytes: %v\n%s", m.pkg, st.Name, err, hex.Dump(x))
			}
			y, err := encode(v, ord, nil)
			if err != nil {
				rt.Fatalf("encode: %v", err)
			}
			canonStats.Lock()
			canonStats.checked++
			canonStats.Unlock()
			if !bytes.Equal(x, y) {
				rt.Fatalf("%s %s (%v): encode(decode(x)) != x\nx:\n%sy:\n%s", m.pkg, st.Name, ord, hex.Dump(x), hex.Dump(y))
			}
			if err := roundTrip(st, y, ord, false); err != nil {
				rt.Fatalf("%s %s: %v", m.pkg, st.Name, err)
			}
		})
	})
	t.Logf("canonical: %d cases, %d decoded and compared (the rest refused by a spec check on a drawn value)", canonStats.cases, canonStats.checked)
}

// TestTypedArbitrary: any bytes through every set's Decode, strict and
// lenient, both byte orders: no panic, and what decodes encodes to
// bytes that decode and encode to themselves.
func TestTypedArbitrary(t *testing.T) {
	forEachSet(t, func(t *testing.T, m *model, si int) {
		st := m.sets[si]
		rapid.Check(t, func(rt *rapid.T) {
			var x []byte
			if rapid.Bool().Draw(rt, "mutate") {
				// Start from canonical bytes and flip some: deeper than
				// random bytes reach.
				x = m.canonical(rapidSource{rt}, si, false)
				for range rapid.IntRange(0, 4).Draw(rt, "flips") {
					if len(x) == 0 {
						break
					}
					i := rapid.IntRange(0, len(x)-1).Draw(rt, "at")
					x[i] = rapid.Byte().Draw(rt, "b")
				}
				x = x[:rapid.IntRange(0, len(x)).Draw(rt, "cut")]
			} else {
				x = rapid.SliceOfN(rapid.Byte(), 0, 64).Draw(rt, "x")
			}
			if err := arbitrary(st, x); err != nil {
				rt.Fatalf("%s %s: %v", m.pkg, st.Name, err)
			}
		})
	})
}

// arbitrary decodes x in the four modes and checks what decodes.
func arbitrary(st typed.SetType, x []byte) error {
	for _, ord := range []nlwire.Order{hostOrder, swappedOrder} {
		for _, lenient := range []bool{false, true} {
			v := st.New()
			o := typed.Options{Order: ord, Lenient: lenient}
			err := v.Decode(x, &o)
			if err != nil {
				var te *typed.Error
				if !errors.As(err, &te) {
					return fmt.Errorf("Decode returned %T %v, not *typed.Error", err, err)
				}
				if te.Offset < 0 || te.Offset > len(x) {
					return fmt.Errorf("error offset %d outside the %d input bytes: %v", te.Offset, len(x), err)
				}
				continue
			}
			y, err := encode(v, ord, nil)
			if err != nil {
				return fmt.Errorf("encode after a decode (lenient %v): %v", lenient, err)
			}
			if len(y) > 4*len(x)+64 {
				return fmt.Errorf("encode(decode(x)) has %d bytes for %d input bytes", len(y), len(x))
			}
			if err := roundTrip(st, y, ord, lenient); err != nil {
				return fmt.Errorf("lenient %v, input:\n%s%v", lenient, hex.Dump(x), err)
			}
		}
	}
	return nil
}

// fuzzTyped is the work of FuzzTyped<Pkg>: the input through every set
// type of the family, strict and lenient, both byte orders (arbitrary).
// Its cost is linear in the input, checked by proxy: no operation
// counter is exposed and time is not a measure, so arbitrary bounds the
// re-encoded bytes by 4 times the input plus 64 (Decode itself walks
// each nest once; repeated attributes are views, walked on demand).
// Allocations are counted on the committed seeds by
// TestTypedSeedAllocs: testing.AllocsPerRun is not usable here.
//
// One call runs every set's Decode four times, so the fuzzer's default
// minimization of each new input stalls for many seconds: fuzz with
// -fuzzminimizetime=100x, e.g.
//
//	go test -run '^$' -fuzz '^FuzzTypedNl80211$' -fuzztime=30s -fuzzminimizetime=100x ./family/registry
func fuzzTyped(f *testing.F, pkg string) {
	ms, err := loadModels()
	if err != nil {
		f.Fatal(err)
	}
	m := ms[pkg]
	r := rand.New(rand.NewPCG(1, uint64(len(pkg))))
	for si := range m.sets {
		if si >= 8 {
			break
		}
		f.Add(m.canonical(randSource{r}, si, false))
	}
	f.Fuzz(func(t *testing.T, x []byte) {
		for _, st := range m.sets {
			if err := arbitrary(st, x); err != nil {
				t.Fatalf("%s: %v", st.Name, err)
			}
		}
	})
}

func FuzzTypedBinder(f *testing.F)         { fuzzTyped(f, "binder") }
func FuzzTypedConntrack(f *testing.F)      { fuzzTyped(f, "conntrack") }
func FuzzTypedDevenergymodel(f *testing.F) { fuzzTyped(f, "devenergymodel") }
func FuzzTypedDevlink(f *testing.F)        { fuzzTyped(f, "devlink") }
func FuzzTypedDpll(f *testing.F)           { fuzzTyped(f, "dpll") }
func FuzzTypedDrmras(f *testing.F)         { fuzzTyped(f, "drmras") }
func FuzzTypedEthtool(f *testing.F)        { fuzzTyped(f, "ethtool") }
func FuzzTypedFou(f *testing.F)            { fuzzTyped(f, "fou") }
func FuzzTypedHandshake(f *testing.F)      { fuzzTyped(f, "handshake") }
func FuzzTypedLockd(f *testing.F)          { fuzzTyped(f, "lockd") }
func FuzzTypedMptcppm(f *testing.F)        { fuzzTyped(f, "mptcppm") }
func FuzzTypedNetdev(f *testing.F)         { fuzzTyped(f, "netdev") }
func FuzzTypedNetshaper(f *testing.F)      { fuzzTyped(f, "netshaper") }
func FuzzTypedNfsd(f *testing.F)           { fuzzTyped(f, "nfsd") }
func FuzzTypedNftables(f *testing.F)       { fuzzTyped(f, "nftables") }
func FuzzTypedNl80211(f *testing.F)        { fuzzTyped(f, "nl80211") }
func FuzzTypedNlctrl(f *testing.F)         { fuzzTyped(f, "nlctrl") }
func FuzzTypedOvpn(f *testing.F)           { fuzzTyped(f, "ovpn") }
func FuzzTypedOvsdatapath(f *testing.F)    { fuzzTyped(f, "ovsdatapath") }
func FuzzTypedOvsflow(f *testing.F)        { fuzzTyped(f, "ovsflow") }
func FuzzTypedOvspacket(f *testing.F)      { fuzzTyped(f, "ovspacket") }
func FuzzTypedOvsvport(f *testing.F)       { fuzzTyped(f, "ovsvport") }
func FuzzTypedPsp(f *testing.F)            { fuzzTyped(f, "psp") }
func FuzzTypedRtaddr(f *testing.F)         { fuzzTyped(f, "rtaddr") }
func FuzzTypedRtlink(f *testing.F)         { fuzzTyped(f, "rtlink") }
func FuzzTypedRtneigh(f *testing.F)        { fuzzTyped(f, "rtneigh") }
func FuzzTypedRtroute(f *testing.F)        { fuzzTyped(f, "rtroute") }
func FuzzTypedRtrule(f *testing.F)         { fuzzTyped(f, "rtrule") }
func FuzzTypedSunrpc(f *testing.F)         { fuzzTyped(f, "sunrpc") }
func FuzzTypedTc(f *testing.F)             { fuzzTyped(f, "tc") }
func FuzzTypedTcpmetrics(f *testing.F)     { fuzzTyped(f, "tcpmetrics") }
func FuzzTypedTeam(f *testing.F)           { fuzzTyped(f, "team") }
func FuzzTypedWireguard(f *testing.F)      { fuzzTyped(f, "wireguard") }

// typedOp is an operation's request, reply or notification type of the
// families whose operations the allocation test covers: the set its
// attributes are of, and for a type that decodes messages the length of
// the header before them (genlmsghdr, or the fixed header). Listed by
// hand (generated once from the ztyped.go doc comments): the op types
// are in no table.
type typedOp struct {
	pkg, set string
	hdr      int
	new      func() typed.Attrs
}

var typedOps = []typedOp{
	{"rtlink", "link-attrs", 0, func() typed.Attrs { return new(rtlink.NewlinkRequest) }},
	{"rtlink", "link-attrs", 16, func() typed.Attrs { return new(rtlink.NewlinkNtfMsg) }},
	{"rtlink", "link-attrs", 0, func() typed.Attrs { return new(rtlink.DellinkRequest) }},
	{"rtlink", "link-attrs", 0, func() typed.Attrs { return new(rtlink.GetlinkRequest) }},
	{"rtlink", "link-attrs", 0, func() typed.Attrs { return new(rtlink.GetlinkDumpRequest) }},
	{"rtlink", "link-attrs", 16, func() typed.Attrs { return new(rtlink.GetlinkReply) }},
	{"rtlink", "link-attrs", 0, func() typed.Attrs { return new(rtlink.SetlinkRequest) }},
	{"rtlink", "stats-attrs", 0, func() typed.Attrs { return new(rtlink.GetstatsRequest) }},
	{"rtlink", "stats-attrs", 0, func() typed.Attrs { return new(rtlink.GetstatsDumpRequest) }},
	{"rtlink", "stats-attrs", 12, func() typed.Attrs { return new(rtlink.GetstatsReply) }},
	{"ethtool", "strset", 0, func() typed.Attrs { return new(ethtool.StrsetGetRequest) }},
	{"ethtool", "strset", 0, func() typed.Attrs { return new(ethtool.StrsetGetDumpRequest) }},
	{"ethtool", "strset", 4, func() typed.Attrs { return new(ethtool.StrsetGetReply) }},
	{"ethtool", "linkinfo", 0, func() typed.Attrs { return new(ethtool.LinkinfoGetRequest) }},
	{"ethtool", "linkinfo", 0, func() typed.Attrs { return new(ethtool.LinkinfoGetDumpRequest) }},
	{"ethtool", "linkinfo", 4, func() typed.Attrs { return new(ethtool.LinkinfoGetReply) }},
	{"ethtool", "linkinfo", 0, func() typed.Attrs { return new(ethtool.LinkinfoSetRequest) }},
	{"ethtool", "linkinfo", 4, func() typed.Attrs { return new(ethtool.LinkinfoNtfMsg) }},
	{"ethtool", "linkmodes", 0, func() typed.Attrs { return new(ethtool.LinkmodesGetRequest) }},
	{"ethtool", "linkmodes", 0, func() typed.Attrs { return new(ethtool.LinkmodesGetDumpRequest) }},
	{"ethtool", "linkmodes", 4, func() typed.Attrs { return new(ethtool.LinkmodesGetReply) }},
	{"ethtool", "linkmodes", 0, func() typed.Attrs { return new(ethtool.LinkmodesSetRequest) }},
	{"ethtool", "linkmodes", 4, func() typed.Attrs { return new(ethtool.LinkmodesNtfMsg) }},
	{"ethtool", "linkstate", 0, func() typed.Attrs { return new(ethtool.LinkstateGetRequest) }},
	{"ethtool", "linkstate", 0, func() typed.Attrs { return new(ethtool.LinkstateGetDumpRequest) }},
	{"ethtool", "linkstate", 4, func() typed.Attrs { return new(ethtool.LinkstateGetReply) }},
	{"ethtool", "debug", 0, func() typed.Attrs { return new(ethtool.DebugGetRequest) }},
	{"ethtool", "debug", 0, func() typed.Attrs { return new(ethtool.DebugGetDumpRequest) }},
	{"ethtool", "debug", 4, func() typed.Attrs { return new(ethtool.DebugGetReply) }},
	{"ethtool", "debug", 0, func() typed.Attrs { return new(ethtool.DebugSetRequest) }},
	{"ethtool", "debug", 4, func() typed.Attrs { return new(ethtool.DebugNtfMsg) }},
	{"ethtool", "wol", 0, func() typed.Attrs { return new(ethtool.WolGetRequest) }},
	{"ethtool", "wol", 0, func() typed.Attrs { return new(ethtool.WolGetDumpRequest) }},
	{"ethtool", "wol", 4, func() typed.Attrs { return new(ethtool.WolGetReply) }},
	{"ethtool", "wol", 0, func() typed.Attrs { return new(ethtool.WolSetRequest) }},
	{"ethtool", "wol", 4, func() typed.Attrs { return new(ethtool.WolNtfMsg) }},
	{"ethtool", "features", 0, func() typed.Attrs { return new(ethtool.FeaturesGetRequest) }},
	{"ethtool", "features", 0, func() typed.Attrs { return new(ethtool.FeaturesGetDumpRequest) }},
	{"ethtool", "features", 4, func() typed.Attrs { return new(ethtool.FeaturesGetReply) }},
	{"ethtool", "features", 0, func() typed.Attrs { return new(ethtool.FeaturesSetRequest) }},
	{"ethtool", "features", 4, func() typed.Attrs { return new(ethtool.FeaturesSetReply) }},
	{"ethtool", "features", 4, func() typed.Attrs { return new(ethtool.FeaturesNtfMsg) }},
	{"ethtool", "privflags", 0, func() typed.Attrs { return new(ethtool.PrivflagsGetRequest) }},
	{"ethtool", "privflags", 0, func() typed.Attrs { return new(ethtool.PrivflagsGetDumpRequest) }},
	{"ethtool", "privflags", 4, func() typed.Attrs { return new(ethtool.PrivflagsGetReply) }},
	{"ethtool", "privflags", 0, func() typed.Attrs { return new(ethtool.PrivflagsSetRequest) }},
	{"ethtool", "privflags", 4, func() typed.Attrs { return new(ethtool.PrivflagsNtfMsg) }},
	{"ethtool", "rings", 0, func() typed.Attrs { return new(ethtool.RingsGetRequest) }},
	{"ethtool", "rings", 0, func() typed.Attrs { return new(ethtool.RingsGetDumpRequest) }},
	{"ethtool", "rings", 4, func() typed.Attrs { return new(ethtool.RingsGetReply) }},
	{"ethtool", "rings", 0, func() typed.Attrs { return new(ethtool.RingsSetRequest) }},
	{"ethtool", "rings", 4, func() typed.Attrs { return new(ethtool.RingsNtfMsg) }},
	{"ethtool", "channels", 0, func() typed.Attrs { return new(ethtool.ChannelsGetRequest) }},
	{"ethtool", "channels", 0, func() typed.Attrs { return new(ethtool.ChannelsGetDumpRequest) }},
	{"ethtool", "channels", 4, func() typed.Attrs { return new(ethtool.ChannelsGetReply) }},
	{"ethtool", "channels", 0, func() typed.Attrs { return new(ethtool.ChannelsSetRequest) }},
	{"ethtool", "channels", 4, func() typed.Attrs { return new(ethtool.ChannelsNtfMsg) }},
	{"ethtool", "coalesce", 0, func() typed.Attrs { return new(ethtool.CoalesceGetRequest) }},
	{"ethtool", "coalesce", 0, func() typed.Attrs { return new(ethtool.CoalesceGetDumpRequest) }},
	{"ethtool", "coalesce", 4, func() typed.Attrs { return new(ethtool.CoalesceGetReply) }},
	{"ethtool", "coalesce", 0, func() typed.Attrs { return new(ethtool.CoalesceSetRequest) }},
	{"ethtool", "coalesce", 4, func() typed.Attrs { return new(ethtool.CoalesceNtfMsg) }},
	{"ethtool", "pause", 0, func() typed.Attrs { return new(ethtool.PauseGetRequest) }},
	{"ethtool", "pause", 0, func() typed.Attrs { return new(ethtool.PauseGetDumpRequest) }},
	{"ethtool", "pause", 4, func() typed.Attrs { return new(ethtool.PauseGetReply) }},
	{"ethtool", "pause", 0, func() typed.Attrs { return new(ethtool.PauseSetRequest) }},
	{"ethtool", "pause", 4, func() typed.Attrs { return new(ethtool.PauseNtfMsg) }},
	{"ethtool", "eee", 0, func() typed.Attrs { return new(ethtool.EeeGetRequest) }},
	{"ethtool", "eee", 0, func() typed.Attrs { return new(ethtool.EeeGetDumpRequest) }},
	{"ethtool", "eee", 4, func() typed.Attrs { return new(ethtool.EeeGetReply) }},
	{"ethtool", "eee", 0, func() typed.Attrs { return new(ethtool.EeeSetRequest) }},
	{"ethtool", "eee", 4, func() typed.Attrs { return new(ethtool.EeeNtfMsg) }},
	{"ethtool", "tsinfo", 0, func() typed.Attrs { return new(ethtool.TsinfoGetRequest) }},
	{"ethtool", "tsinfo", 0, func() typed.Attrs { return new(ethtool.TsinfoGetDumpRequest) }},
	{"ethtool", "tsinfo", 4, func() typed.Attrs { return new(ethtool.TsinfoGetReply) }},
	{"ethtool", "cable-test", 0, func() typed.Attrs { return new(ethtool.CableTestActRequest) }},
	{"ethtool", "cable-test-ntf", 4, func() typed.Attrs { return new(ethtool.CableTestNtfMsg) }},
	{"ethtool", "cable-test-tdr", 0, func() typed.Attrs { return new(ethtool.CableTestTdrActRequest) }},
	{"ethtool", "cable-test-tdr-ntf", 4, func() typed.Attrs { return new(ethtool.CableTestTdrNtfMsg) }},
	{"ethtool", "tunnel-info", 0, func() typed.Attrs { return new(ethtool.TunnelInfoGetRequest) }},
	{"ethtool", "tunnel-info", 0, func() typed.Attrs { return new(ethtool.TunnelInfoGetDumpRequest) }},
	{"ethtool", "tunnel-info", 4, func() typed.Attrs { return new(ethtool.TunnelInfoGetReply) }},
	{"ethtool", "fec", 0, func() typed.Attrs { return new(ethtool.FecGetRequest) }},
	{"ethtool", "fec", 0, func() typed.Attrs { return new(ethtool.FecGetDumpRequest) }},
	{"ethtool", "fec", 4, func() typed.Attrs { return new(ethtool.FecGetReply) }},
	{"ethtool", "fec", 0, func() typed.Attrs { return new(ethtool.FecSetRequest) }},
	{"ethtool", "fec", 4, func() typed.Attrs { return new(ethtool.FecNtfMsg) }},
	{"ethtool", "module-eeprom", 0, func() typed.Attrs { return new(ethtool.ModuleEepromGetRequest) }},
	{"ethtool", "module-eeprom", 0, func() typed.Attrs { return new(ethtool.ModuleEepromGetDumpRequest) }},
	{"ethtool", "module-eeprom", 4, func() typed.Attrs { return new(ethtool.ModuleEepromGetReply) }},
	{"ethtool", "stats", 0, func() typed.Attrs { return new(ethtool.StatsGetRequest) }},
	{"ethtool", "stats", 0, func() typed.Attrs { return new(ethtool.StatsGetDumpRequest) }},
	{"ethtool", "stats", 4, func() typed.Attrs { return new(ethtool.StatsGetReply) }},
	{"ethtool", "phc-vclocks", 0, func() typed.Attrs { return new(ethtool.PhcVclocksGetRequest) }},
	{"ethtool", "phc-vclocks", 0, func() typed.Attrs { return new(ethtool.PhcVclocksGetDumpRequest) }},
	{"ethtool", "phc-vclocks", 4, func() typed.Attrs { return new(ethtool.PhcVclocksGetReply) }},
	{"ethtool", "module", 0, func() typed.Attrs { return new(ethtool.ModuleGetRequest) }},
	{"ethtool", "module", 0, func() typed.Attrs { return new(ethtool.ModuleGetDumpRequest) }},
	{"ethtool", "module", 4, func() typed.Attrs { return new(ethtool.ModuleGetReply) }},
	{"ethtool", "module", 0, func() typed.Attrs { return new(ethtool.ModuleSetRequest) }},
	{"ethtool", "module", 4, func() typed.Attrs { return new(ethtool.ModuleNtfMsg) }},
	{"ethtool", "pse", 0, func() typed.Attrs { return new(ethtool.PseGetRequest) }},
	{"ethtool", "pse", 0, func() typed.Attrs { return new(ethtool.PseGetDumpRequest) }},
	{"ethtool", "pse", 4, func() typed.Attrs { return new(ethtool.PseGetReply) }},
	{"ethtool", "pse", 0, func() typed.Attrs { return new(ethtool.PseSetRequest) }},
	{"ethtool", "rss", 0, func() typed.Attrs { return new(ethtool.RssGetRequest) }},
	{"ethtool", "rss", 0, func() typed.Attrs { return new(ethtool.RssGetDumpRequest) }},
	{"ethtool", "rss", 4, func() typed.Attrs { return new(ethtool.RssGetReply) }},
	{"ethtool", "plca", 0, func() typed.Attrs { return new(ethtool.PlcaGetCfgRequest) }},
	{"ethtool", "plca", 0, func() typed.Attrs { return new(ethtool.PlcaGetCfgDumpRequest) }},
	{"ethtool", "plca", 4, func() typed.Attrs { return new(ethtool.PlcaGetCfgReply) }},
	{"ethtool", "plca", 0, func() typed.Attrs { return new(ethtool.PlcaSetCfgRequest) }},
	{"ethtool", "plca", 0, func() typed.Attrs { return new(ethtool.PlcaGetStatusRequest) }},
	{"ethtool", "plca", 0, func() typed.Attrs { return new(ethtool.PlcaGetStatusDumpRequest) }},
	{"ethtool", "plca", 4, func() typed.Attrs { return new(ethtool.PlcaGetStatusReply) }},
	{"ethtool", "plca", 4, func() typed.Attrs { return new(ethtool.PlcaNtfMsg) }},
	{"ethtool", "mm", 0, func() typed.Attrs { return new(ethtool.MmGetRequest) }},
	{"ethtool", "mm", 0, func() typed.Attrs { return new(ethtool.MmGetDumpRequest) }},
	{"ethtool", "mm", 4, func() typed.Attrs { return new(ethtool.MmGetReply) }},
	{"ethtool", "mm", 0, func() typed.Attrs { return new(ethtool.MmSetRequest) }},
	{"ethtool", "mm", 4, func() typed.Attrs { return new(ethtool.MmNtfMsg) }},
	{"ethtool", "module-fw-flash", 0, func() typed.Attrs { return new(ethtool.ModuleFwFlashActRequest) }},
	{"ethtool", "module-fw-flash", 4, func() typed.Attrs { return new(ethtool.ModuleFwFlashNtfMsg) }},
	{"ethtool", "phy", 0, func() typed.Attrs { return new(ethtool.PhyGetRequest) }},
	{"ethtool", "phy", 0, func() typed.Attrs { return new(ethtool.PhyGetDumpRequest) }},
	{"ethtool", "phy", 4, func() typed.Attrs { return new(ethtool.PhyGetReply) }},
	{"ethtool", "phy", 4, func() typed.Attrs { return new(ethtool.PhyNtfMsg) }},
	{"ethtool", "tsconfig", 0, func() typed.Attrs { return new(ethtool.TsconfigGetRequest) }},
	{"ethtool", "tsconfig", 0, func() typed.Attrs { return new(ethtool.TsconfigGetDumpRequest) }},
	{"ethtool", "tsconfig", 4, func() typed.Attrs { return new(ethtool.TsconfigGetReply) }},
	{"ethtool", "tsconfig", 0, func() typed.Attrs { return new(ethtool.TsconfigSetRequest) }},
	{"ethtool", "tsconfig", 4, func() typed.Attrs { return new(ethtool.TsconfigSetReply) }},
	{"nftables", "batch-attrs", 0, func() typed.Attrs { return new(nftables.BatchBeginRequest) }},
	{"nftables", "batch-attrs", 4, func() typed.Attrs { return new(nftables.BatchBeginReply) }},
	{"nftables", "batch-attrs", 0, func() typed.Attrs { return new(nftables.BatchEndRequest) }},
	{"nftables", "table-attrs", 0, func() typed.Attrs { return new(nftables.NewtableRequest) }},
	{"nftables", "table-attrs", 0, func() typed.Attrs { return new(nftables.GettableRequest) }},
	{"nftables", "table-attrs", 4, func() typed.Attrs { return new(nftables.GettableReply) }},
	{"nftables", "table-attrs", 0, func() typed.Attrs { return new(nftables.DeltableRequest) }},
	{"nftables", "table-attrs", 0, func() typed.Attrs { return new(nftables.DestroytableRequest) }},
	{"nftables", "chain-attrs", 0, func() typed.Attrs { return new(nftables.NewchainRequest) }},
	{"nftables", "chain-attrs", 0, func() typed.Attrs { return new(nftables.GetchainRequest) }},
	{"nftables", "chain-attrs", 4, func() typed.Attrs { return new(nftables.GetchainReply) }},
	{"nftables", "chain-attrs", 0, func() typed.Attrs { return new(nftables.DelchainRequest) }},
	{"nftables", "chain-attrs", 0, func() typed.Attrs { return new(nftables.DestroychainRequest) }},
	{"nftables", "rule-attrs", 0, func() typed.Attrs { return new(nftables.NewruleRequest) }},
	{"nftables", "rule-attrs", 0, func() typed.Attrs { return new(nftables.GetruleRequest) }},
	{"nftables", "rule-attrs", 4, func() typed.Attrs { return new(nftables.GetruleReply) }},
	{"nftables", "rule-attrs", 0, func() typed.Attrs { return new(nftables.GetruleResetRequest) }},
	{"nftables", "rule-attrs", 4, func() typed.Attrs { return new(nftables.GetruleResetReply) }},
	{"nftables", "rule-attrs", 0, func() typed.Attrs { return new(nftables.DelruleRequest) }},
	{"nftables", "rule-attrs", 0, func() typed.Attrs { return new(nftables.DestroyruleRequest) }},
	{"nftables", "set-attrs", 0, func() typed.Attrs { return new(nftables.NewsetRequest) }},
	{"nftables", "set-attrs", 0, func() typed.Attrs { return new(nftables.GetsetRequest) }},
	{"nftables", "set-attrs", 4, func() typed.Attrs { return new(nftables.GetsetReply) }},
	{"nftables", "set-attrs", 0, func() typed.Attrs { return new(nftables.DelsetRequest) }},
	{"nftables", "set-attrs", 0, func() typed.Attrs { return new(nftables.DestroysetRequest) }},
	{"nftables", "setelem-list-attrs", 0, func() typed.Attrs { return new(nftables.NewsetelemRequest) }},
	{"nftables", "setelem-list-attrs", 0, func() typed.Attrs { return new(nftables.GetsetelemRequest) }},
	{"nftables", "setelem-list-attrs", 4, func() typed.Attrs { return new(nftables.GetsetelemReply) }},
	{"nftables", "setelem-list-attrs", 0, func() typed.Attrs { return new(nftables.GetsetelemResetRequest) }},
	{"nftables", "setelem-list-attrs", 4, func() typed.Attrs { return new(nftables.GetsetelemResetReply) }},
	{"nftables", "setelem-list-attrs", 0, func() typed.Attrs { return new(nftables.DelsetelemRequest) }},
	{"nftables", "setelem-list-attrs", 0, func() typed.Attrs { return new(nftables.DestroysetelemRequest) }},
	{"nftables", "gen-attrs", 0, func() typed.Attrs { return new(nftables.GetgenRequest) }},
	{"nftables", "gen-attrs", 4, func() typed.Attrs { return new(nftables.GetgenReply) }},
	{"nftables", "obj-attrs", 0, func() typed.Attrs { return new(nftables.NewobjRequest) }},
	{"nftables", "obj-attrs", 0, func() typed.Attrs { return new(nftables.GetobjRequest) }},
	{"nftables", "obj-attrs", 4, func() typed.Attrs { return new(nftables.GetobjReply) }},
	{"nftables", "obj-attrs", 0, func() typed.Attrs { return new(nftables.DelobjRequest) }},
	{"nftables", "obj-attrs", 0, func() typed.Attrs { return new(nftables.DestroyobjRequest) }},
	{"nftables", "flowtable-attrs", 0, func() typed.Attrs { return new(nftables.NewflowtableRequest) }},
	{"nftables", "flowtable-attrs", 0, func() typed.Attrs { return new(nftables.GetflowtableRequest) }},
	{"nftables", "flowtable-attrs", 4, func() typed.Attrs { return new(nftables.GetflowtableReply) }},
	{"nftables", "flowtable-attrs", 0, func() typed.Attrs { return new(nftables.DelflowtableRequest) }},
	{"nftables", "flowtable-attrs", 0, func() typed.Attrs { return new(nftables.DestroyflowtableRequest) }},
	{"nl80211", "nl80211-attrs", 0, func() typed.Attrs { return new(nl80211.GetWiphyRequest) }},
	{"nl80211", "nl80211-attrs", 0, func() typed.Attrs { return new(nl80211.GetWiphyDumpRequest) }},
	{"nl80211", "nl80211-attrs", 4, func() typed.Attrs { return new(nl80211.GetWiphyReply) }},
	{"nl80211", "nl80211-attrs", 0, func() typed.Attrs { return new(nl80211.GetInterfaceRequest) }},
	{"nl80211", "nl80211-attrs", 0, func() typed.Attrs { return new(nl80211.GetInterfaceDumpRequest) }},
	{"nl80211", "nl80211-attrs", 4, func() typed.Attrs { return new(nl80211.GetInterfaceReply) }},
	{"nl80211", "nl80211-attrs", 0, func() typed.Attrs { return new(nl80211.GetProtocolFeaturesRequest) }},
	{"nl80211", "nl80211-attrs", 4, func() typed.Attrs { return new(nl80211.GetProtocolFeaturesReply) }},
}

type requestType interface {
	Append(b *wire.Builder, h wire.Header) error
}

type replyType interface {
	DecodeMessage(m wire.Message, o *typed.Options) error
}

// allocFams are the families whose every set type, and operation
// types, must not allocate to decode or encode.
var allocFams = []string{"rtlink", "ethtool", "nftables", "nl80211"}

// samples returns up to n canonical inputs for set index si that
// decode.
func (m *model) samples(si, n int) [][]byte {
	r := rand.New(rand.NewPCG(uint64(si), 7))
	var out [][]byte
	st := m.sets[si]
	var o typed.Options
	for range 4 * n {
		x := m.canonical(randSource{r}, si, false)
		if st.New().Decode(x, &o) != nil {
			continue
		}
		out = append(out, x)
		if len(out) == n {
			break
		}
	}
	return out
}

// TestTypedAllocs: Decode with a reused *typed.Options and Encode into
// a grown buffer make no allocation, for every set type of rtlink,
// ethtool, nftables and nl80211, on canonical inputs and on inputs that
// fail.
func TestTypedAllocs(t *testing.T) {
	ms, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range allocFams {
		m := ms[pkg]
		for si, st := range m.sets {
			xs := m.samples(si, 3)
			v := st.New()
			var o typed.Options
			buf := make([]byte, 0, 1<<16)
			for _, x := range xs {
				if n := testing.AllocsPerRun(20, func() {
					if err := v.Decode(x, &o); err != nil {
						panic(err)
					}
				}); n != 0 {
					t.Errorf("%s %s: Decode: %v allocs\n%s", pkg, st.Name, n, hex.Dump(x))
				}
				// e outlives the loop: passed to an interface method, it
				// escapes, once.
				e := new(attr.Encoder)
				if n := testing.AllocsPerRun(20, func() {
					*e = attr.NewEncoder(buf[:0])
					v.Encode(e)
				}); n != 0 {
					t.Errorf("%s %s: Encode: %v allocs", pkg, st.Name, n)
				}
				// A failing decode: the input cut inside its last attribute.
				if len(x) >= 8 {
					bad := x[:len(x)-1]
					if n := testing.AllocsPerRun(20, func() { _ = v.Decode(bad, &o) }); n != 0 {
						t.Errorf("%s %s: failing Decode: %v allocs", pkg, st.Name, n)
					}
				}
			}
		}
	}
}

// TestTypedOpAllocs: requests Append into a reused buffer, replies and
// notifications DecodeMessage with a reused *typed.Options, without
// allocating.
// replyTypeOf returns the message type of a reply or notification of
// an operation on set si (DecodeMessage refuses other types in
// netlink-raw families), or 0x20 if no operation has one.
func replyTypeOf(m *model, si int) uint16 {
	for _, op := range m.f.Ops {
		if op.Attrs == m.f.Sets[si] && op.Reply != family.None {
			return uint16(op.Reply)
		}
	}
	return 0x20
}

func TestTypedOpAllocs(t *testing.T) {
	ms, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	var nreq, nrep int
	for _, op := range typedOps {
		m := ms[op.pkg]
		si := -1
		for i, st := range m.sets {
			if st.Name == op.set {
				si = i
			}
		}
		if si < 0 {
			t.Errorf("%s: no set %q", op.pkg, op.set)
			continue
		}
		v := op.new()
		name := fmt.Sprintf("%T", v)
		var o typed.Options
		for _, x := range m.samples(si, 2) {
			switch r := v.(type) {
			case requestType:
				nreq++
				if err := v.Decode(x, &o); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				buf := make([]byte, 0, 1<<16)
				h := wire.Header{Type: 0x20, Seq: 1}
				b := wire.NewBuilder(buf)
				if err := r.Append(&b, h); err != nil {
					if !errors.Is(err, typed.ErrNotInRequest) {
						t.Errorf("%s: Append: %v", name, err)
					}
					v.Reset()
				}
				bp := new(wire.Builder)
				if n := testing.AllocsPerRun(20, func() {
					*bp = wire.NewBuilder(buf)
					if err := r.Append(bp, h); err != nil {
						panic(err)
					}
				}); n != 0 {
					t.Errorf("%s: Append: %v allocs", name, n)
				}
			case replyType:
				nrep++
				b := wire.NewBuilder(nil)
				mh := b.Start(wire.Header{Type: replyTypeOf(m, si), Seq: 1})
				b.Attrs().Raw(make([]byte, op.hdr))
				b.Attrs().Raw(x)
				b.End(mh)
				dg, err := b.Finish()
				if err != nil {
					t.Fatal(err)
				}
				msg, err := wire.ParseMessage(dg, nlwire.Native)
				if err != nil {
					t.Fatal(err)
				}
				if err := r.DecodeMessage(msg, &o); err != nil {
					t.Errorf("%s: DecodeMessage: %v\n%s", name, err, hex.Dump(dg))
					continue
				}
				if n := testing.AllocsPerRun(20, func() {
					if err := r.DecodeMessage(msg, &o); err != nil {
						panic(err)
					}
				}); n != 0 {
					t.Errorf("%s: DecodeMessage: %v allocs", name, n)
				}
			default:
				t.Errorf("%s: neither a request nor a reply", name)
			}
		}
	}
	t.Logf("%d request and %d reply cases", nreq, nrep)
}

// TestTypedSeedAllocs: the committed fuzz seeds through every set type
// of their family, strict and lenient, succeeding or failing: no
// allocation with a reused *typed.Options (the fuzz targets cannot
// count allocations themselves).
func TestTypedSeedAllocs(t *testing.T) {
	ms, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	for _, tf := range typedFams {
		seeds, err := readSeeds(tf.pkg)
		if err != nil {
			t.Fatal(err)
		}
		if len(seeds) == 0 {
			t.Errorf("%s: no seeds in testdata/fuzz/%s", tf.pkg, fuzzName(tf.pkg))
		}
		m := ms[tf.pkg]
		vs := make([]typed.Attrs, len(m.sets))
		for i, st := range m.sets {
			vs[i] = st.New()
		}
		for _, x := range seeds {
			for _, lenient := range []bool{false, true} {
				o := typed.Options{Lenient: lenient}
				if n := testing.AllocsPerRun(5, func() {
					for _, v := range vs {
						_ = v.Decode(x, &o)
					}
				}); n != 0 {
					t.Errorf("%s: decoding a seed: %v allocs\n%s", tf.pkg, n, hex.Dump(x))
				}
			}
		}
	}
}

func fuzzName(pkg string) string { return "FuzzTyped" + strings.ToUpper(pkg[:1]) + pkg[1:] }

// readSeeds reads the []byte inputs of the committed corpus of
// FuzzTyped<pkg>.
func readSeeds(pkg string) ([][]byte, error) {
	dir := filepath.Join("testdata", "fuzz", fuzzName(pkg))
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	var out [][]byte
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 2 || lines[0] != "go test fuzz v1" {
			return nil, fmt.Errorf("%s: not a corpus file", e.Name())
		}
		q, ok := strings.CutPrefix(lines[1], "[]byte(")
		q, ok2 := strings.CutSuffix(q, ")")
		if !ok || !ok2 {
			return nil, fmt.Errorf("%s: not a []byte input", e.Name())
		}
		s, err := strconv.Unquote(q)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", e.Name(), err)
		}
		out = append(out, []byte(s))
	}
	return out, nil
}

// TestTypedWriteSeeds writes the seed corpus of the fuzz targets, with
// NLWIRE_WRITE_SEEDS=1: canonical attributes of each family's first
// sets (its message sets come first in most specs), alternating byte
// orders, from a fixed seed.
func TestTypedWriteSeeds(t *testing.T) {
	if os.Getenv("NLWIRE_WRITE_SEEDS") != "1" {
		t.Skip("set NLWIRE_WRITE_SEEDS=1 to rewrite testdata/fuzz/FuzzTyped*")
	}
	ms, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	real, err := captureSeeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, tf := range typedFams {
		m := ms[tf.pkg]
		dir := filepath.Join("testdata", "fuzz", fuzzName(tf.pkg))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, x := range real[tf.pkg] {
			name := fmt.Sprintf("capture-%d", i)
			data := "go test fuzz v1\n[]byte(" + strconv.Quote(string(x)) + ")\n"
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		r := rand.New(rand.NewPCG(42, uint64(len(tf.pkg))))
		n := 0
		for si := range m.sets {
			if n == 6 {
				break
			}
			x := m.canonical(randSource{r}, si, n%2 == 1)
			if len(x) == 0 {
				continue
			}
			name := fmt.Sprintf("seed-%s-%d", m.sets[si].Name, n%2)
			data := "go test fuzz v1\n[]byte(" + strconv.Quote(string(x)) + ")\n"
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
}

// captureSeeds returns the attributes (after the fixed header) of a few
// real messages per family, from the repository's captures: rtnetlink
// (rtlink, rtaddr, rtroute, rtneigh, rtrule, tc), netfilter (nftables,
// conntrack) and the generic netlink controller (nlctrl).
func captureSeeds() (map[string][][]byte, error) {
	files := []string{
		"../../testdata/route-dumps.pcap",
		"../../testdata/route-notify.pcap",
		"../../testdata/tools-route.pcap",
		"../../testdata/genl-ctrl.pcapng",
		"../../cmd/nldump/testdata/tools-tc.pcap",
		"../../cmd/nldump/testdata/tools-netfilter.pcap",
	}
	// which returns the family and fixed header length of a message.
	which := func(proto, typ uint16) (string, int) {
		switch proto {
		case 0:
			switch {
			case typ >= 16 && typ < 20:
				return "rtlink", 16
			case typ >= 20 && typ < 24:
				return "rtaddr", 8
			case typ >= 24 && typ < 28:
				return "rtroute", 12
			case typ >= 28 && typ < 32:
				return "rtneigh", 12
			case typ >= 32 && typ < 36:
				return "rtrule", 12
			case typ >= 36 && typ < 48:
				return "tc", 20
			}
		case 12:
			switch typ >> 8 {
			case 10:
				return "nftables", 4
			case 1:
				return "conntrack", 4
			}
		case 16:
			if typ == 16 {
				return "nlctrl", 4
			}
		}
		return "", 0
	}
	out := map[string][][]byte{}
	seen := map[string]bool{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		r, err := capture.NewReader(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		for r.Next() {
			rec := r.Record()
			d := rec.Data
			ord := r.Order(d)
			for len(d) >= wire.HeaderLen {
				msg, err := wire.ParseMessage(d, ord)
				if err != nil {
					break
				}
				h := msg.Header()
				d = d[min(len(d), int(h.Len+3)&^3):]
				pkg, hdr := which(rec.Protocol, h.Type)
				p := msg.Payload()
				if pkg == "" || len(p) <= hdr || len(out[pkg]) >= 6 {
					continue
				}
				key := pkg + fmt.Sprint(h.Type)
				if seen[key] && len(out[pkg]) >= 3 {
					continue
				}
				seen[key] = true
				out[pkg] = append(out[pkg], bytes.Clone(p[hdr:]))
			}
		}
		f.Close()
	}
	return out, nil
}

// TestTypedModel checks what the tests read in the generated source:
// every set's Encode found, and the attributes it writes covering the
// tables' (all but the unspec, pad and unused types).
func TestTypedModel(t *testing.T) {
	ms, err := loadModels()
	if err != nil {
		t.Fatal(err)
	}
	missing, total := 0, 0
	for _, tf := range typedFams {
		m := ms[tf.pkg]
		for si, set := range tf.f.Sets {
			in := map[uint16]bool{}
			for _, x := range m.order[set] {
				in[x] = true
			}
			for typ, a := range set.Attrs {
				if a.Name == "" {
					continue
				}
				total++
				if !in[uint16(typ)] {
					missing++
					if a.Format != family.Binary && !strings.HasPrefix(a.Name, "__") {
						t.Errorf("%s %s: %s (%v) not written by Encode", tf.pkg, tf.sets[si].Name, a.Name, a.Format)
					}
				}
			}
		}
	}
	t.Logf("%d of %d named attributes not written by Encode (unspec, pad, unused)", missing, total)
}
