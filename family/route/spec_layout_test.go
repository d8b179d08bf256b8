package route_test

import (
	"encoding/binary"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/family/route"
	"github.com/nlwire/nlwire/internal/linuxsrc"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/validate"
	"github.com/nlwire/nlwire/ynl"
)

// kernelSpecDir returns a directory of the kernel's YNL specs
// (testenv.LinuxSrc: the extracted sources NLWIRE_LINUX_SRC names, an
// extracted /usr/src/linux-source-6.12, or Debian's linux-source-6.12
// tarball, extracted once into the user's cache directory, the copy
// package ynl's tests use). It skips the test if there are none.
func kernelSpecDir(t *testing.T) string {
	t.Helper()
	return filepath.Join(testenv.LinuxSrc(t, linuxsrc.YNLPaths()...), "Documentation/netlink/specs")
}

// loadSpec parses the spec of one of names (the file's name changed from
// rt_link.yaml to rt-link.yaml) in dir, or returns nil if there is none.
func loadSpec(t *testing.T, dir string, names ...string) *ynl.Spec {
	t.Helper()
	for _, n := range names {
		s, err := ynl.ParseFile(filepath.Join(dir, n))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	return nil
}

// headerParsers are the fixed headers written here, by the name of the
// struct a spec defines for them, each with its parser.
var headerParsers = map[string]func([]byte) (any, error){
	"ifinfomsg":    func(b []byte) (any, error) { return route.ParseIfInfoMsg(b, nlwire.LittleEndian) },
	"ifaddrmsg":    func(b []byte) (any, error) { return route.ParseIfAddrMsg(b, nlwire.LittleEndian) },
	"rtmsg":        func(b []byte) (any, error) { return route.ParseRtMsg(b, nlwire.LittleEndian) },
	"ndmsg":        func(b []byte) (any, error) { return route.ParseNdMsg(b, nlwire.LittleEndian) },
	"tcmsg":        func(b []byte) (any, error) { return route.ParseTcMsg(b, nlwire.LittleEndian) },
	"rtgenmsg":     func(b []byte) (any, error) { return route.ParseRtGenMsg(b, nlwire.LittleEndian) },
	"if_stats_msg": func(b []byte) (any, error) { return route.ParseIfStatsMsg(b, nlwire.LittleEndian) },
	"if-stats-msg": func(b []byte) (any, error) { return route.ParseIfStatsMsg(b, nlwire.LittleEndian) },
	"fib-rule-hdr": func(b []byte) (any, error) { return route.ParseFibRuleHdr(b, nlwire.LittleEndian) },
	"ndtmsg":       func(b []byte) (any, error) { return route.ParseNdtMsg(b, nlwire.LittleEndian) },
	"rtnexthop":    func(b []byte) (any, error) { return route.ParseRtNexthop(b, nlwire.LittleEndian) },
}

// compareLayout compares the struct the spec defines with the one
// written here: its size, and each member's offset, size and name (the
// Go field's name ends the spec's, prefix and dashes dropped: "Index"
// for "ifi-index"). It fills the spec's members with distinct values,
// little-endian, at the offsets the spec gives, parses the bytes, and
// finds each value in the field of the same rank.
func compareLayout(a *agreement, def *ynl.Definition, parse func([]byte) (any, error)) {
	key := "struct " + def.Name + " "
	type member struct {
		name      string
		off, size int
	}
	var ms []member
	off := 0
	for _, m := range def.Members {
		n := m.Type.Size()
		if m.Type == ynl.TypePad || m.Type == ynl.TypeBinary || m.Type == ynl.TypeString {
			n = int(m.Len.Value)
		}
		if m.Type != ynl.TypePad {
			ms = append(ms, member{m.Name, off, n})
		}
		off += n
	}
	b := make([]byte, off)
	for i, m := range ms {
		for j := range m.size {
			b[m.off+j] = byte(i + 1)
		}
	}
	v, err := parse(b)
	a.check(key+"size", err == nil, "the parser rejects the spec's "+strconv.Itoa(off)+" bytes: "+errString(err))
	if err != nil {
		return
	}
	_, err = parse(b[:off-1])
	a.check(key+"size", err != nil, "the parser takes fewer bytes than the spec's "+strconv.Itoa(off))
	rv := reflect.ValueOf(v)
	a.check(key+"members", rv.NumField() == len(ms), strconv.Itoa(rv.NumField())+" fields, spec "+strconv.Itoa(len(ms))+" members")
	for i := range min(rv.NumField(), len(ms)) {
		f, m := rv.Field(i), ms[i]
		mk := key + m.name + " "
		a.check(mk+"size", int(f.Type().Size()) == m.size, f.Type().String()+", spec "+strconv.Itoa(m.size)+" bytes")
		var got uint64
		switch f.Kind() {
		case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			got = f.Uint()
		case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			got = uint64(f.Int())
		}
		want := make([]byte, 8)
		copy(want, b[m.off:m.off+m.size])
		w := binary.LittleEndian.Uint64(want)
		if f.Kind() >= reflect.Int8 && f.Kind() <= reflect.Int64 {
			w = uint64(int64(w<<(64-8*m.size)) >> (64 - 8*m.size)) // sign-extended
		}
		a.check(mk+"offset", got == w, rv.Type().Field(i).Name+" reads another member's bytes")
		norm := strings.ToLower(strings.NewReplacer("-", "", "_", "").Replace(m.name))
		field := strings.ToLower(rv.Type().Field(i).Name)
		a.check(mk+"name", strings.HasSuffix(norm, field), rv.Type().Field(i).Name+", spec "+m.name)
	}
}

// compareChecks compares the checks the spec gives attribute at (its
// min, max, min-len, max-len, exact-len) with the kernel policy rules
// written here for the attribute of the same name, and returns how many
// rules it compared.
func compareChecks(a *agreement, at *ynl.Attr, rules []*validate.Rule) int {
	c := at.Checks
	for _, r := range rules {
		key := "check " + at.CName + " "
		if c.MaxLen.Set {
			if r.Check == validate.CheckRange || r.Check == validate.CheckRangeWarnTooLong {
				a.check(key+"max-len", r.Max == c.MaxLen.Value, "range max "+strconv.FormatInt(r.Max, 10)+", spec "+strconv.FormatInt(c.MaxLen.Value, 10))
			} else {
				a.check(key+"max-len", int64(r.Len) == c.MaxLen.Value, "len "+strconv.Itoa(int(r.Len))+", spec "+strconv.FormatInt(c.MaxLen.Value, 10))
			}
		}
		if c.MinLen.Set {
			a.check(key+"min-len", (r.Check == validate.CheckRange || r.Check == validate.CheckMin) && r.Min == c.MinLen.Value, "min "+strconv.FormatInt(r.Min, 10)+", spec "+strconv.FormatInt(c.MinLen.Value, 10))
		}
		if c.ExactLen.Set {
			same := r.Check == validate.CheckRange || r.Check == validate.CheckRangeWarnTooLong
			a.check(key+"exact-len", same && r.Min == c.ExactLen.Value && r.Max == c.ExactLen.Value, "range "+strconv.FormatInt(r.Min, 10)+".."+strconv.FormatInt(r.Max, 10)+", spec "+strconv.FormatInt(c.ExactLen.Value, 10))
		}
		if v, ok := c.Min.Int64(); ok && c.Min.Set {
			a.check(key+"min", (r.Check == validate.CheckRange || r.Check == validate.CheckMin) && r.Min == v, "min "+strconv.FormatInt(r.Min, 10)+", spec "+strconv.FormatInt(v, 10))
		}
		if v, ok := c.Max.Int64(); ok && c.Max.Set {
			a.check(key+"max", (r.Check == validate.CheckRange || r.Check == validate.CheckMax) && r.Max == v, "max "+strconv.FormatInt(r.Max, 10)+", spec "+strconv.FormatInt(v, 10))
		}
	}
	return len(rules)
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// layoutDiffs lists the known differences between the headers and
// policies written here and the structs and checks of the kernel's
// specs, with the specs they occur with: Linux 6.12's (CI's), or the
// newer ones (which add rt-neigh.yaml). A difference not listed fails
// TestAgreesWithSpecStructs, and so does a listed one that no longer
// occurs with the specs it names.
var layoutDiffs = map[string]struct {
	newer bool // occurs with specs newer than 6.12, not with 6.12's
	why   string
}{
	"check IFLA_TXQLEN max: max 0, spec 32767": {false, "Linux 6.12's ifla_policy limited IFLA_TXQLEN to S16_MAX (txqlen_range) and its rt_link.yaml says so; " +
		"Linux 6.18 takes 40000 (ip link set lo txqueuelen 40000 in a netns: accepted, read back), as LinkPolicy, written from 6.18, does; the newer spec has no check"},
	"struct rtgenmsg size: the parser takes fewer bytes than the spec's 4": {true, "spec wrong: rt-rule.yaml pads struct rtgenmsg to 4 bytes; the UAPI struct has one u8 member, sizeof 1, as rt-link.yaml says"},
}

// TestAgreesWithSpecStructs: the fixed headers written here (IfInfoMsg,
// IfAddrMsg, RtMsg, TcMsg, RtGenMsg, IfStatsMsg, and those the newer
// specs define) have the layout of the structs the kernel's specs define
// for them, member by member; and the kernel policies written here
// agree with the checks those specs state. The specs are the kernel
// sources' (6.12's in CI), which the generated packages' facts omit.
func TestAgreesWithSpecStructs(t *testing.T) {
	dir := kernelSpecDir(t)
	a := &agreement{byKind: map[string]int{}, diffs: map[string]string{}}
	rules := comparePolicies(&agreement{byKind: map[string]int{}, diffs: map[string]string{}})
	structs, checks, shared := 0, 0, 0
	for _, names := range [][]string{
		{"rt-link.yaml", "rt_link.yaml"}, {"rt-addr.yaml", "rt_addr.yaml"}, {"rt-route.yaml", "rt_route.yaml"},
		{"rt-neigh.yaml", "rt_neigh.yaml"}, {"rt-rule.yaml", "rt_rule.yaml"}, {"tc.yaml"},
	} {
		s := loadSpec(t, dir, names...)
		if s == nil {
			continue
		}
		for _, d := range s.Definitions {
			if parse := headerParsers[d.Name]; parse != nil && d.Kind == ynl.DefStruct {
				structs++
				compareLayout(a, d, parse)
			}
		}
		for _, set := range s.AttributeSets {
			for _, at := range set.Attributes {
				if c := at.Checks; c.Min.Set || c.Max.Set || c.MinLen.Set || c.MaxLen.Set || c.ExactLen.Set {
					checks++
					shared += compareChecks(a, at, rules[at.CName])
				}
			}
		}
	}
	if structs < 5 {
		t.Errorf("only %d fixed headers found in the specs of %s", structs, dir)
	}
	newer := loadSpec(t, dir, "rt-neigh.yaml") != nil
	for _, k := range slices.Sorted(maps.Keys(a.diffs)) {
		if w, ok := layoutDiffs[k]; !ok || w.newer != newer {
			t.Error(k)
		}
	}
	for k, w := range layoutDiffs {
		if _, ok := a.diffs[k]; !ok && w.newer == newer {
			t.Errorf("%s: the known difference (%s) is gone", k, w.why)
		}
	}
	t.Logf("%s: %d structs; %d attributes with checks, %d of them under a policy written here; %d facts compared, %d agree",
		dir, structs, checks, shared, a.facts, a.facts-len(a.diffs))
}
