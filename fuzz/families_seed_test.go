package fuzz_test

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/capturetest"
	"github.com/nlwire/nlwire/wire"
)

var updateSeeds = flag.Bool("update-seeds", false, "rewrite testdata/fuzz/FuzzSpecFamilies from the captures")

// seed is one message of a capture and the spec'd family it belongs to.
type seed struct {
	family string
	msg    []byte
}

// seedCaptures are the captures of real traffic the seeds come from:
// rtnetlink and tc (ip, tc, bridge), netfilter (nft, conntrack) and
// generic netlink families (ethtool, mptcp_pm, tcp_metrics, ...).
var seedCaptures = []string{"../testdata/*.pcap*", "../cmd/nldump/testdata/*.pcap"}

// seedMessages returns the messages of the captures that a spec'd family
// describes, at most perOp of each family, message type and command.
func seedMessages(tb testing.TB) []seed {
	const perOp = 1
	fams := specFamilies()
	d := dissect.New()
	seen := map[string]int{}
	var out []seed
	for _, glob := range seedCaptures {
		for _, dg := range capturetest.Datagrams(tb, glob) {
			r := wire.NewReader(dg.Data).WithOrder(nlwire.LittleEndian)
			for r.Next() {
				h, p := r.Header(), r.Payload()
				var k dissect.Kind
				d.Classify(&k, dg.Protocol, nlwire.LittleEndian, h, p)
				if dg.Protocol == dissect.ProtoGeneric && h.Type == 0x10 {
					d.Genl.Learn(p, nlwire.LittleEndian)
				}
				f := seedFamily(fams, dg.Protocol, h, &k)
				if f == nil {
					continue
				}
				key := f.Name + " " + k.Cmd + " " + strconv.Itoa(int(h.Type)) + " " + strconv.Itoa(int(h.Flags&wire.Request))
				if seen[key] >= perOp {
					continue
				}
				seen[key]++
				out = append(out, seed{f.Name, slices.Clone(r.Message())})
			}
		}
	}
	return out
}

// seedFamily returns the spec'd family that describes a message of a
// capture, or nil.
func seedFamily(fams []*family.Family, proto uint16, h wire.Header, k *dissect.Kind) *family.Family {
	if proto == dissect.ProtoGeneric {
		for _, f := range fams {
			if isGeneric(f) && f.Name == k.Name && k.Learned {
				return f
			}
		}
		return nil
	}
	for _, f := range rawFamilies {
		if uint16(f.Protocol) == proto && rawOp(f, h.Type, h.Flags&wire.Request != 0) != nil {
			return f
		}
	}
	return nil
}

// corpusFile returns the seed as a file of Go's fuzzing corpus, and the
// name the fuzzing engine would give it.
func corpusFile(s seed) (name string, data []byte) {
	data = []byte("go test fuzz v1\nstring(" + strconv.Quote(s.family) + ")\n[]byte(" + strconv.Quote(string(s.msg)) + ")\n")
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:16], data
}

// readCorpusFile parses a file of FuzzSpecFamilies's corpus.
func readCorpusFile(data []byte) (seed, bool) {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 3 || lines[0] != "go test fuzz v1" ||
		!strings.HasPrefix(lines[1], "string(") || !strings.HasPrefix(lines[2], "[]byte(") {
		return seed{}, false
	}
	name, err1 := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")"))
	msg, err2 := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[2], "[]byte("), ")"))
	return seed{name, []byte(msg)}, err1 == nil && err2 == nil
}

// TestSpecFamiliesSeeds: the committed corpus of FuzzSpecFamilies holds
// real messages of the captures, of rtnetlink, netfilter and generic
// families, each under the name of a spec'd family whose operation it
// is. With -update-seeds it is first rewritten from the captures.
func TestSpecFamiliesSeeds(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzSpecFamilies")
	if *updateSeeds {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, s := range seedMessages(t) {
			name, data := corpusFile(s)
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	fams := specFamilies()
	seen := map[string]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s, ok := readCorpusFile(data)
		if !ok {
			t.Errorf("%s: not a corpus file of (string, []byte)", file)
			continue
		}
		f := pickFamily(fams, s.family)
		if f.Name != s.family {
			continue // a name the fuzzer made up
		}
		r := wire.NewReader(s.msg).WithOrder(nlwire.LittleEndian)
		var k dissect.Kind
		for r.Next() {
			specKind(&k, f, r.Header(), r.Payload())
			if k.Cmd != "" {
				seen[f.Name] = true
			}
		}
		if err := r.Err(); err != nil {
			t.Errorf("%s: %s message: %v", file, s.family, err)
		}
	}
	// The captures hold rtnetlink, netfilter and generic families (no tc
	// traffic yet: the tc tables are reached by the fuzzer alone).
	for _, want := range []string{"rt-link", "rt-addr", "rt-route", "rt-neigh", "rt-rule", "nftables", "conntrack", "nlctrl", "ethtool"} {
		if !seen[want] {
			t.Errorf("no seed of an operation of %s in %s", want, dir)
		}
	}
	t.Logf("%d corpus files, real messages of %d families", len(files), len(seen))
}

// TestSpecFamiliesWalk walks every seed, and the seeds of each family
// through every other family's tables, as FuzzSpecFamilies does: no
// panic, linear work, no allocation on the second walk. It also checks
// that the walk of a real message through its own family names its
// attributes (the fuzz target exercises the tables, not only the
// fallbacks).
func TestSpecFamiliesWalk(t *testing.T) {
	fams := specFamilies()
	d := dissect.New()
	var k dissect.Kind
	for _, s := range seedMessages(t) {
		for _, f := range fams {
			checkWalk(t, d, &k, f, s.msg)
		}
		own := pickFamily(fams, s.family)
		var names namesCounter
		r := wire.NewReader(s.msg).WithOrder(nlwire.LittleEndian)
		for r.Next() {
			specKind(&k, own, r.Header(), r.Payload())
			if k.Cmd == "" {
				t.Errorf("%s: no operation for message type %d", s.family, r.Header().Type)
			}
			d.Message(&names, r.Message(), &k)
		}
		if names.attrs > 0 && names.named == 0 {
			t.Errorf("%s %s: none of %d attributes named", s.family, k.Cmd, names.attrs)
		}
		if names.problems == 0 {
			if n := testing.AllocsPerRun(2, func() { dissectAll(d, dissect.Discard{}, &k, own, s.msg) }); n != 0 {
				t.Errorf("%s %s: %v allocations in a well-formed walk", s.family, k.Cmd, n)
			}
		}
	}
	t.Logf("%d seeds through %d families", len(seedMessages(t)), len(fams))
}

// namesCounter counts the attributes of a walk, those it names, and its
// problems.
type namesCounter struct {
	dissect.Discard
	attrs, named, problems int
}

func (c *namesCounter) Problem(*dissect.Problem) { c.problems++ }

func (c *namesCounter) Attr(a *dissect.Attr) { c.count(a) }
func (c *namesCounter) Nest(a *dissect.Attr) { c.count(a) }

func (c *namesCounter) count(a *dissect.Attr) {
	c.attrs++
	if a.Name != "" {
		c.named++
	}
}
