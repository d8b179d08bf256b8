package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/internal/linuxsrc"
	"github.com/nlwire/nlwire/internal/testenv"
	"github.com/nlwire/nlwire/ynl"
	"github.com/nlwire/nlwire/ynl/tables"
)

// TestPythonYNL is a differential against the kernel's own Python YNL
// library (tools/net/ynl/lib of Linux 6.12), driven offline on the same
// bytes by testdata/ynl_decode.py. Every message of the captures whose
// family a 6.12 spec describes (generic families by name; netlink-raw
// specs by protocol and message type: rt_link, rt_addr and rt_route for
// NETLINK_ROUTE, nftables for NETLINK_NETFILTER once nldump decodes it)
// is decoded by both:
// nldump -json, and the library. nldump's output is reshaped into the
// library's (a dictionary of attributes by spec name, nests as
// dictionaries, multi-attr as lists) and the two are compared attribute
// by attribute.
//
// Normalizations, each a difference of representation, not of decoding:
//   - Attribute names: nldump prints the kernel's C name, the library the
//     spec's; the spec model (package ynl) maps the type number to both,
//     and a C name that is not the spec's is a failure for a generic
//     family, and listed for a netlink-raw one (no uAPI header is made
//     from the 6.12 rt_* specs: their C names, RT_ADDR_A_ADDR_ATTRS_*,
//     are made up; nldump prints the uAPI's, IFA_*). A generic family's
//     command name is checked the same way (but for the replies of a
//     directional family, which the uAPI names apart).
//   - Enum and flags values: {"enum": number, "name": the library's name,
//     or its sorted list of names for flags}; the reshaping names
//     nldump's number from the 6.12 spec model (package ynl), and checks
//     the name nldump prints against the spec's C names (a difference is
//     listed, not a failure: some 6.12 specs make up C names their uAPI
//     header does not use). A value the spec does not name fails the
//     message in the library (KeyError), listed with the others.
//   - Display hints: not applied (compared as numbers and bytes).
//   - Bytes (binary attributes, hwaddr, ipaddr) compare as hex; be32 as
//     the number; a binary attribute the spec gives a struct or sub-type
//     to, which nldump shows as hex, is cut into the struct's members or
//     the array's elements as the spec says.
//   - An attribute that is not multi-attr but repeats: the library keeps
//     the last (its _rsp_add), so the reshaped nldump output does too.
//   - Attributes the 6.12 spec does not know (nldump's tables come from
//     newer specs): the library's UnknownAttr(N) with the raw bytes, which
//     the reshaping takes from the message at nldump's offset.
//   - nest-type-value (nlctrl's policy): the library reads only the first
//     entry at each level; the reshaping follows it, and counts it.
//   - Fixed headers compare as the list of member values in order, pad
//     members left out (both leave them out).
//   - Where the spec and nldump's tables (which follow the kernel's
//     policy) disagree on the shape of the same bytes, listed each time:
//     a nest the spec calls binary (rt_link's devlink-port, stats
//     af-spec and link-xstats) compares as the payload's bytes; an
//     indexed array whose indexes nldump names as attributes (hw-s-info)
//     compares as the same nests; an integer with display-hint ipv4
//     that nldump shows as an address (tcp_metrics) as the number;
//     rta-multipath, binary in the spec, which nldump shows as next hops,
//     as the bytes nldump's next hops make (struct rtnexthop from their
//     fields, then their attributes' bytes at nldump's offsets): the
//     split is compared, the next hops' attribute values are not.
//
// Messages the library cannot decode are listed by reason with counts;
// messages neither side is asked about (no 6.12 spec, NLMSG_ERROR and
// NLMSG_DONE, a sub-message format the 6.12 spec lacks) are listed by
// kind, and a message neither compared nor listed is a failure.
// NLWIRE_PYDIFF_CAPTURES (a list, separated as PATH is) replaces the
// captures read. Only messages that nlwire's strict
// attribute walk accepts everywhere the spec nests go to the library,
// whose walk never ends on an nla_len below 4, and the script runs under
// a timeout.
func TestPythonYNL(t *testing.T) {
	specDir, ynlDir := pydiffSources(t)
	python := pydiffPython(t)
	specs := map[string]*ynl.Spec{}
	files, err := filepath.Glob(filepath.Join(specDir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no specs in %s: %v", specDir, err)
	}
	for _, f := range files {
		s, err := ynl.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		specs[strings.TrimSuffix(filepath.Base(f), ".yaml")] = s
	}

	r := &pydiffRun{specs: specs, skipped: map[string]int{}}
	for _, file := range pydiffCaptures(t) {
		r.addCapture(t, file)
	}
	if len(r.jobs) == 0 {
		t.Fatal("no message to compare")
	}
	replies := r.python(t, python, ynlDir, specDir)
	sum := r.compare(replies)
	for _, l := range sum.log {
		t.Log(l)
	}
	for _, d := range sum.diffs {
		t.Error(d)
	}
	if sum.compared == 0 || sum.attrs == 0 {
		t.Errorf("nothing compared: %d messages, %d attributes", sum.compared, sum.attrs)
	}
}

// pydiffCaptures returns the captures the differential reads: those
// NLWIRE_PYDIFF_CAPTURES lists (separated as PATH is), if it is set,
// else the repository's.
func pydiffCaptures(t *testing.T) []string {
	if list := os.Getenv("NLWIRE_PYDIFF_CAPTURES"); list != "" {
		return filepath.SplitList(list)
	}
	files, err := filepath.Glob("../../testdata/*.pcap*")
	if err != nil || len(files) == 0 {
		t.Fatalf("captures in ../../testdata: %v %v", files, err)
	}
	return append(files, "testdata/genl-ynl.pcap", "testdata/tools-genl.pcap", "testdata/tools-netfilter.pcap", toolsTcCapture)
}

// pydiffRun holds the messages of one differential run.
type pydiffRun struct {
	specs   map[string]*ynl.Spec
	jobs    []*pydiffJob
	skipped map[string]int // why messages were not compared, with counts
	// messages counts the messages add was given: each is compared,
	// listed as skipped, or listed as a failure.
	messages int
}

// pydiffJob is one message sent to the library, with nldump's view of it
// reshaped into the library's.
type pydiffJob struct {
	ID      int    `json:"id"`
	Spec    string `json:"spec"`
	Request bool   `json:"request"`
	Hex     string `json:"hex"`

	where  string // file and record, for messages
	op     *ynl.Operation
	header []any          // nldump's fixed header values, in order
	attrs  map[string]any // nldump's attributes, reshaped
	notes  map[string]int // normalizations that applied
	names  []string       // C names nldump prints that are not the spec's
	// enumsNamed counts the enum and flags values nldump names with the
	// spec's C names.
	enumsNamed int
}

// pydMsg is the part of an nldump -json message the differential reads.
type pydMsg struct {
	File    string          `json:"file"`
	Record  int             `json:"record"`
	Family  string          `json:"family"`
	Order   string          `json:"order"`
	Offset  int             `json:"offset"`
	Len     int             `json:"len"`
	Type    string          `json:"type"`
	TypeNum int             `json:"type_num"`
	Flags   int             `json:"flags_num"`
	Header  json.RawMessage `json:"header"`
	Attrs   []pydAttr       `json:"attrs"`
}

// pydAttr is an attribute of nldump -json output.
type pydAttr struct {
	Type   int             `json:"type"`
	Name   string          `json:"name"`
	Offset int             `json:"offset"`
	Len    int             `json:"len"`
	Nested bool            `json:"nested"`
	Format string          `json:"format"`
	Value  json.RawMessage `json:"value"`
	// ValueName is the name of an enum value, or the names of a flags
	// value's bits joined by "|".
	ValueName string    `json:"value_name"`
	Header    string    `json:"header"`
	Attrs     []pydAttr `json:"attrs"`
	Elems     []pydElem `json:"elems"`
	// Nexthops are RTA_MULTIPATH's struct rtnexthop entries.
	Nexthops []pydNexthop `json:"nexthops"`
}

// pydNexthop is a next hop of nldump -json's RTA_MULTIPATH.
type pydNexthop struct {
	Flags   uint8     `json:"flags"`
	Hops    uint8     `json:"hops"`
	IfIndex int32     `json:"ifindex"`
	Attrs   []pydAttr `json:"attrs"`
}

// pydElem is an element of an nldump -json nested array.
type pydElem struct {
	Index  int             `json:"index"`
	Offset int             `json:"offset"`
	Len    int             `json:"len"`
	Format string          `json:"format"`
	Value  json.RawMessage `json:"value"`
	Attrs  []pydAttr       `json:"attrs"`
}

// addCapture runs nldump -json on a capture and queues its messages.
func (r *pydiffRun) addCapture(t *testing.T, file string) {
	raw := pydiffRecords(t, file)
	out, errs, status := runNldump(t, "-json", file)
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("nldump %s: status %d, stderr:\n%s", file, status, errs)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	for {
		var m pydMsg
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		where := fmt.Sprintf("%s record %d offset %d", filepath.Base(file), m.Record, m.Offset)
		dg, ok := raw[m.Record]
		if !ok || m.Offset+m.Len > len(dg) {
			t.Fatalf("%s: no such bytes in the capture", where)
		}
		r.add(m, dg[m.Offset:m.Offset+m.Len], where)
	}
}

// pydiffRecords reads a capture's datagrams by record number.
func pydiffRecords(t *testing.T, file string) map[int][]byte {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr, err := capture.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	recs := map[int][]byte{}
	for cr.Next() {
		if err := cr.RecordErr(); err != nil {
			t.Fatal(err)
		}
		rec := cr.Record()
		recs[rec.Index] = bytes.Clone(rec.Data)
	}
	if err := cr.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

// specNames returns the names of the specs, as a set.
func (r *pydiffRun) specNames() map[string]int {
	m := map[string]int{}
	for name := range r.specs {
		m[name] = 1
	}
	return m
}

// add queues one message, or counts why it is not compared.
func (r *pydiffRun) add(m pydMsg, msg []byte, where string) {
	r.messages++
	const nlmFRequest = 1
	request := m.Flags&nlmFRequest != 0
	var spec string
	var cmd int64
	var op *ynl.Operation
	switch {
	case m.TypeNum == 2 || m.TypeNum == 3:
		r.skipped["not a family's message: "+m.Type]++
		return
	case m.Family == "route" || m.Family == "netfilter" || m.Family == "netlink-12":
		proto := 0 // NETLINK_ROUTE
		if m.Family != "route" {
			proto = 12 // NETLINK_NETFILTER
		}
		if m.Header == nil && m.Attrs == nil {
			r.skipped[fmt.Sprintf("%s: nldump shows the payload as bytes", m.Family)]++
			return
		}
		cmd = int64(m.TypeNum)
		for _, name := range pydSorted(r.specNames()) {
			if s := r.specs[name]; !s.Protocol.IsGenetlink() && s.Protonum == proto && op == nil {
				spec, op = name, pydiffOp(s, cmd, request)
			}
		}
		if op == nil {
			r.skipped[fmt.Sprintf("%s message without a 6.12 spec: %s", m.Family, m.Type)]++
			return
		}
	case m.Family == "generic":
		name, _, _ := strings.Cut(m.Type, " ") // "netdev NETDEV_CMD_DEV_GET", or "netdev"
		s := r.specs[name]
		if s == nil {
			r.skipped["generic family without a 6.12 spec: "+name]++
			return
		}
		var h struct {
			Cmd int64 `json:"cmd"`
		}
		if err := json.Unmarshal(m.Header, &h); err != nil {
			r.skipped["generic message without a header"]++
			return
		}
		spec, cmd = name, h.Cmd
		if op = pydiffOp(s, cmd, request); op == nil {
			// The library fails on these too: compared as failures.
			r.jobs = append(r.jobs, &pydiffJob{ID: len(r.jobs), Spec: spec, Request: request, Hex: hex.EncodeToString(msg), where: where})
			return
		}
	default:
		r.skipped["family without a 6.12 spec: "+m.Family]++
		return
	}
	j := &pydiffJob{ID: len(r.jobs), Spec: spec, Request: request, Hex: hex.EncodeToString(msg),
		where: where, op: op, notes: map[string]int{}}
	hdrLen := 16
	if r.specs[spec].Protocol.IsGenetlink() {
		hdrLen += 4
	}
	// The command's C name is the operation's, but for a reply of a
	// directional family, which the uAPI names apart
	// (CTRL_CMD_NEWFAMILY answers CTRL_CMD_GETFAMILY).
	sp := r.specs[spec]
	if _, name, _ := strings.Cut(m.Type, " "); sp.Protocol.IsGenetlink() && (request || sp.Operations.EnumModel != "directional") && name != op.CName {
		j.names = append(j.names, fmt.Sprintf("nldump names the command %s, the spec's C name is %s", name, op.CName))
	}
	c := &pydConv{spec: r.specs[spec], msg: msg, job: j, bigEndian: m.Order == "big-endian"}
	var err error
	if op.FixedHeaderDef != nil {
		j.header, err = pydHeaderValues(m.Header)
		if err == nil {
			hdrLen += pydStructSize(op.FixedHeaderDef)
		}
	}
	if err == nil {
		// The library's walk of the top level, checked first.
		err = c.wellFormed(msg[min(hdrLen, len(msg)):])
	}
	if err == nil {
		j.attrs, err = c.attrs(op.Set, m.Attrs, nil)
	}
	if err != nil {
		r.skipped[fmt.Sprintf("not well-formed, not sent to the library: %s: %v", m.Type, err)]++
		return
	}
	r.jobs = append(r.jobs, j)
}

// pydiffOp returns the operation the library picks for a message: the
// last one in the spec's list with the message's value in its direction
// (nlspec.py's req_by_value and rsp_by_value).
func pydiffOp(s *ynl.Spec, cmd int64, request bool) *ynl.Operation {
	var found *ynl.Operation
	for _, o := range s.Operations.List {
		v := o.ReplyValue
		if request {
			v = o.RequestValue
		}
		if v == cmd && v != ynl.None {
			found = o
		}
	}
	return found
}

// pydConv reshapes nldump's attributes into the library's dictionary.
type pydConv struct {
	spec      *ynl.Spec
	msg       []byte
	job       *pydiffJob
	bigEndian bool // the messages' (native) byte order, as nldump guessed it
}

// pydScope is one level of nesting: the set and the values decoded so
// far, where the library looks a sub-message's selector up.
type pydScope struct {
	set   *ynl.AttrSet
	vals  map[string]any
	outer *pydScope
}

func (c *pydConv) note(what string) { c.job.notes[what]++ }

// payload returns an attribute's payload from the message.
func (c *pydConv) payload(offset, length int) ([]byte, error) {
	if offset < 0 || length < attr.HeaderLen || offset+length > len(c.msg) {
		return nil, fmt.Errorf("attribute at offset %d of length %d is outside the message", offset, length)
	}
	return c.msg[offset+attr.HeaderLen : offset+length], nil
}

// attrs reshapes a run of attributes of set (nil: a space the spec does
// not know).
func (c *pydConv) attrs(set *ynl.AttrSet, as []pydAttr, outer *pydScope) (map[string]any, error) {
	out := map[string]any{}
	sc := &pydScope{set: set, vals: out, outer: outer}
	for i := range as {
		a := &as[i]
		var sa *ynl.Attr
		if set != nil {
			for _, x := range set.Attributes {
				if x.Value == int64(a.Type) {
					sa = x
				}
			}
		}
		if sa == nil {
			v, err := c.unknown(a)
			if err != nil {
				return nil, err
			}
			pydAdd(out, fmt.Sprintf("UnknownAttr(%d)", a.Type), false, true, v)
			if a.Name != "" {
				c.note("attribute newer than the 6.12 spec")
			}
			continue
		}
		if a.Name != sa.CName {
			what := fmt.Sprintf("nldump names %s/%s %s, the spec's C name is %s", set.Name, sa.Name, a.Name, sa.CName)
			if c.spec.Protocol.IsGenetlink() {
				c.job.names = append(c.job.names, what)
			} else {
				// No uAPI header is generated from the netlink-raw
				// specs: their C names are made up, nldump prints the
				// uAPI's.
				c.note(c.spec.Name + ", whose C names are not the uAPI's: " + what)
			}
		}
		v, err := c.value(sa, a, sc)
		if err != nil {
			return nil, fmt.Errorf("%s/%s at offset %d: %w", set.Name, sa.Name, a.Offset, err)
		}
		if _, dup := out[sa.Name]; dup && !sa.MultiAttr {
			c.note("a repeated attribute that is not multi-attr: the library keeps the last")
		}
		pydAdd(out, sa.Name, sa.MultiAttr, false, v)
	}
	return out, nil
}

// pydAdd adds a value as the library's _rsp_add does: a list for a
// multi-attr attribute, the last value for another, and for an unknown
// attribute (multi unknown) a list once it repeats.
func pydAdd(out map[string]any, name string, multi, unknown bool, v any) {
	prev, ok := out[name]
	switch {
	case multi:
		l, _ := prev.([]any)
		out[name] = append(l, v)
	case unknown && ok:
		if l, isList := prev.([]any); isList {
			out[name] = append(l, v)
		} else {
			out[name] = []any{prev, v}
		}
	default:
		out[name] = v
	}
}

// unknown reshapes an attribute the spec does not know: its raw bytes,
// or for a nest (NLA_F_NESTED) its attributes, all unknown.
func (c *pydConv) unknown(a *pydAttr) (any, error) {
	p, err := c.payload(a.Offset, a.Len)
	if err != nil {
		return nil, err
	}
	if !a.Nested {
		return hex.EncodeToString(p), nil
	}
	if err := c.wellFormed(p); err != nil {
		return nil, err
	}
	out := map[string]any{}
	d := attr.NewDecoder(p).WithOrder(c.order()).WithBase(a.Offset + attr.HeaderLen)
	for d.Next() {
		sub := pydAttr{Type: int(d.Type()), Offset: d.Offset(), Len: d.Len() + attr.HeaderLen, Nested: d.Flags()&attr.FlagNested != 0}
		v, err := c.unknown(&sub)
		if err != nil {
			return nil, err
		}
		pydAdd(out, fmt.Sprintf("UnknownAttr(%d)", sub.Type), false, true, v)
	}
	return out, d.Err()
}

// value reshapes one attribute the spec knows.
func (c *pydConv) value(sa *ynl.Attr, a *pydAttr, sc *pydScope) (any, error) {
	p, err := c.payload(a.Offset, a.Len)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(a.Value, []byte(`{"bad_length"`)) {
		// Malformed: the library would read past it or fail.
		return nil, fmt.Errorf("a payload of %d bytes, the wrong length for its type", len(p))
	}
	switch sa.Type {
	case ynl.TypeNest:
		if err := c.wellFormed(p); err != nil {
			return nil, err
		}
		if a.Format == "nested-array" && sa.Nested != nil && len(sa.Nested.Attributes) == 1 && sa.Nested.Attributes[0].MultiAttr {
			// A nest of repeated attributes in the 6.12 spec (nftables'
			// set elements) that ynl/tables' corrections make an array,
			// as the kernel takes it: an element of the spec's type is
			// one of the library's list, another the library's unknown
			// attribute (it reads only the spec's type).
			c.note(fmt.Sprintf("%s/%s: repeated attributes in the spec, any attribute an element in nldump (and the kernel)", sc.set.Name, sa.Name))
			el := sa.Nested.Attributes[0]
			out := map[string]any{}
			for _, e := range a.Elems {
				if e.Index == int(el.Value) && el.Nested != nil {
					m, err := c.attrs(el.Nested, e.Attrs, nil)
					if err != nil {
						return nil, err
					}
					pydAdd(out, el.Name, true, false, m)
					continue
				}
				v, err := c.unknown(&pydAttr{Type: e.Index, Offset: e.Offset, Len: e.Len, Nested: true})
				if err != nil {
					return nil, err
				}
				pydAdd(out, fmt.Sprintf("UnknownAttr(%d)", e.Index), false, true, v)
			}
			return out, nil
		}
		if a.Format != "nested" {
			return pydMismatch(a), nil
		}
		return c.attrs(sa.Nested, a.Attrs, sc)
	case ynl.TypeFlag:
		return true, nil
	case ynl.TypeString:
		var s string
		if err := json.Unmarshal(a.Value, &s); err != nil {
			return pydMismatch(a), nil
		}
		if len(p) > 0 && p[len(p)-1] != 0 && s != "" {
			// The library's as_strz drops a string's last byte, taking it
			// for the NUL, which iproute2 leaves out of IFLA_INFO_KIND
			// (and the kernel does not need): a bug of the library.
			c.note(fmt.Sprintf("%s/%s: a string without its NUL, whose last character the library drops", sc.set.Name, sa.Name))
			return s[:len(s)-1], nil
		}
		return s, nil
	case ynl.TypeBinary:
		if a.Format == "nested" {
			// The spec says binary where the kernel nests (nldump's
			// route tables follow the kernel's policy): the bytes.
			c.note(fmt.Sprintf("%s/%s: binary in the spec, a nest in nldump (and the kernel): compared as bytes", sc.set.Name, sa.Name))
			return hex.EncodeToString(p), nil
		}
		if sa.StructDef != nil && bytes.HasPrefix(a.Value, []byte(`{"struct"`)) {
			return c.members(sa, a, p, sc)
		}
		if a.Format == "multipath" {
			// rta-multipath, binary in the spec: the bytes nldump's
			// next hops stand for.
			c.note(fmt.Sprintf("%s/%s: binary in the spec, next hops in nldump: compared as the bytes they make", sc.set.Name, sa.Name))
			return c.multipath(a)
		}
		b, ok := pydBytes(a.Format, a.Value)
		if !ok {
			return pydMismatch(a), nil
		}
		switch {
		case sa.StructDef != nil:
			return c.structure(sa.StructDef, b)
		case sa.SubType != 0:
			return c.array(sa.SubType, sa.ByteOrder, b)
		}
		return hex.EncodeToString(b), nil
	case ynl.TypeBitfield32:
		var v map[string]json.Number
		if err := json.Unmarshal(a.Value, &v); err != nil {
			return pydMismatch(a), nil
		}
		if sa.EnumDef != nil {
			return map[string]any{"value": c.enum(sa.EnumDef, sa.EnumAsFlags, v["value"]),
				"selector": c.enum(sa.EnumDef, sa.EnumAsFlags, v["selector"])}, nil
		}
		return map[string]any{"value": v["value"], "selector": v["selector"]}, nil
	case ynl.TypeIndexedArray:
		if err := c.wellFormed(p); err != nil {
			return nil, err
		}
		if a.Format == "nested" && sa.SubType == ynl.TypeNest {
			// An indexed array in the spec whose indexes nldump's
			// tables name as attributes: the same nests.
			c.note(fmt.Sprintf("%s/%s: an indexed array in the spec, attributes in nldump", sc.set.Name, sa.Name))
			out := []any{}
			for i := range a.Attrs {
				m, err := c.attrs(sa.Nested, a.Attrs[i].Attrs, nil)
				if err != nil {
					return nil, err
				}
				out = append(out, map[string]any{strconv.Itoa(a.Attrs[i].Type): m})
			}
			return out, nil
		}
		if a.Format != "nested-array" {
			return pydMismatch(a), nil
		}
		var out []any
		for _, e := range a.Elems {
			switch {
			case sa.SubType == ynl.TypeNest:
				ep, err := c.payload(e.Offset, e.Len)
				if err != nil {
					return nil, err
				}
				if err := c.wellFormed(ep); err != nil {
					return nil, err
				}
				m, err := c.attrs(sa.Nested, e.Attrs, nil)
				if err != nil {
					return nil, err
				}
				out = append(out, map[string]any{strconv.Itoa(e.Index): m})
			case sa.SubType == ynl.TypeBinary:
				b, ok := pydBytes(e.Format, e.Value)
				if !ok {
					return pydMismatch(a), nil
				}
				out = append(out, hex.EncodeToString(b))
			default:
				out = append(out, json.Number(e.Value))
			}
		}
		if out == nil {
			out = []any{}
		}
		return out, nil
	case ynl.TypeSubMessage:
		return c.subMessage(sa, a, p, sc)
	case ynl.TypeNestTypeValue:
		return c.nestTypeValue(sa, a, p)
	}
	// An integer: u8...s64, uint, sint.
	if b, ok := pydBytes(a.Format, a.Value); ok && a.Format == "ipaddr" && pydIntSize[sa.Type] == len(b) {
		// An address the spec keeps as an integer (display-hint ipv4).
		c.note(fmt.Sprintf("%s/%s: an integer in the spec, an address in nldump", sc.set.Name, sa.Name))
		return c.integer(sa.Type, sa.ByteOrder, b), nil
	}
	if len(a.Value) == 0 || a.Value[0] == '{' || a.Value[0] == '"' {
		return pydMismatch(a), nil
	}
	v := json.Number(a.Value)
	if sa.EnumDef == nil {
		return v, nil
	}
	if sa.Type == ynl.TypeUint || sa.Type == ynl.TypeSint {
		// The library names the values of fixed-size integers only.
		c.note("the library does not name the enum values of uint and sint attributes")
		return v, nil
	}
	c.checkName(sa, a, v)
	return c.enum(sa.EnumDef, sa.EnumAsFlags, v), nil
}

// enumBits returns the entries of d that name the value v: the entry
// whose value it is, or for flags (or an enum used as flags) the entries
// of its bits in order; nil and false if one is missing.
func enumBits(d *ynl.Definition, asFlags bool, v json.Number) ([]*ynl.EnumEntry, bool) {
	entry := func(val int64) *ynl.EnumEntry {
		for _, e := range d.Entries {
			if e.Value == val {
				return e
			}
		}
		return nil
	}
	u, err := strconv.ParseUint(v.String(), 10, 64)
	if d.Kind != ynl.DefFlags && !asFlags {
		n, err := v.Int64()
		if e := entry(n); err == nil && e != nil {
			return []*ynl.EnumEntry{e}, true
		}
		return nil, false
	}
	if err != nil {
		return nil, false
	}
	var out []*ynl.EnumEntry
	for bit := int64(0); u != 0; bit, u = bit+1, u>>1 {
		if u&1 != 0 {
			e := entry(bit)
			if e == nil {
				return nil, false
			}
			out = append(out, e)
		}
	}
	return out, true
}

// enum gives an enum or flags value as the script does: the number and
// the names the spec model gives it (as the library's _decode_enum:
// a sorted list for flags).
func (c *pydConv) enum(d *ynl.Definition, asFlags bool, v json.Number) any {
	es, ok := enumBits(d, asFlags, v)
	if !ok {
		// The library fails the message: never compared.
		return map[string]any{"enum": v, "name": "(no entry in the spec model)"}
	}
	if d.Kind != ynl.DefFlags && !asFlags {
		return map[string]any{"enum": v, "name": es[0].Name}
	}
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.Name
	}
	sort.Strings(names)
	list := []any{}
	for _, n := range names {
		list = append(list, n)
	}
	return map[string]any{"enum": v, "name": list}
}

// checkName compares the name nldump gives an enum or flags value with
// the spec's C names of its entries.
func (c *pydConv) checkName(sa *ynl.Attr, a *pydAttr, v json.Number) {
	es, ok := enumBits(sa.EnumDef, sa.EnumAsFlags, v)
	if !ok || len(es) == 0 {
		return // unnamed by the library, or 0 (nldump prints no name)
	}
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.CName
	}
	want := strings.Join(names, "|")
	switch a.ValueName {
	case want:
		c.job.enumsNamed++
	case "":
		c.note(fmt.Sprintf("%s: nldump's tables do not name the values of %s (enum %s)", c.spec.Name, sa.Name, sa.Enum))
	default:
		// Not a failure: the C names of a 6.12 spec whose uAPI header
		// is not generated from it are made up (ethtool's header flags
		// are ETHTOOL_FLAG_*); nldump prints the newest spec's.
		c.note(fmt.Sprintf("%s: nldump names the value %s of %s %s, the 6.12 spec's C names are %s", c.spec.Name, v, sa.Name, a.ValueName, want))
	}
}

// subMessage reshapes a sub-message as the library's _decode_sub_msg:
// the format its selector's value chooses, its fixed header's members
// and its attributes in one dictionary.
func (c *pydConv) subMessage(sa *ynl.Attr, a *pydAttr, p []byte, sc *pydScope) (any, error) {
	var sel any
	for s := sc; s != nil; s = s.outer {
		if s.set != nil && s.set.Attr(sa.Selector) != nil {
			sel = s.vals[sa.Selector]
			break
		}
	}
	key, _ := sel.(string)
	switch v := sel.(type) {
	case json.Number:
		key = v.String()
	case map[string]any: // an enum, as enum gives it: the library selects by the entry's name
		key, _ = v["name"].(string)
	}
	var f *ynl.Format
	for _, x := range sa.SubMsg.Formats {
		if x.Value == key {
			f = x
		}
	}
	if f == nil {
		return nil, fmt.Errorf("no format %q of sub-message %s", key, sa.SubMessage)
	}
	out := map[string]any{}
	hdr := 0
	if f.FixedHeaderDef != nil {
		hdr = pydStructSize(f.FixedHeaderDef)
		b := p
		if h, err := hex.DecodeString(a.Header); err == nil && a.Header != "" {
			b = h // the header as nldump shows it
		} else {
			c.note(fmt.Sprintf("sub-message %s: nldump does not show the fixed header %s: taken from the message", sa.SubMessage, f.FixedHeader))
		}
		m, err := c.structure(f.FixedHeaderDef, b)
		if err != nil {
			return nil, err
		}
		for k, v := range m.(map[string]any) {
			out[k] = v
		}
	}
	if f.Set != nil {
		if err := c.wellFormed(p[min(hdr, len(p)):]); err != nil {
			return nil, err
		}
		if a.Format != "nested" {
			return pydMismatch(a), nil
		}
		m, err := c.attrs(f.Set, a.Attrs, sc)
		if err != nil {
			return nil, err
		}
		for k, v := range m {
			out[k] = v
		}
	}
	return out, nil
}

// multipath rebuilds the payload of RTA_MULTIPATH, as hex, from
// nldump's view of it: each next hop's struct rtnexthop from its fields
// (rtnh_len from the attributes nldump puts in it), then those
// attributes' bytes, padded, from the message at nldump's offsets. It
// differs from the payload if nldump splits the next hops or their
// attributes otherwise than the bytes do; the attributes' values are not
// compared (the library does not decode them).
func (c *pydConv) multipath(a *pydAttr) (any, error) {
	var b []byte
	for _, nh := range a.Nexthops {
		var body []byte
		for _, na := range nh.Attrs {
			end := min(na.Offset+(na.Len+3)&^3, len(c.msg))
			if na.Offset < 0 || na.Offset+na.Len > end {
				return nil, fmt.Errorf("next hop attribute at offset %d of length %d is outside the message", na.Offset, na.Len)
			}
			body = append(body, c.msg[na.Offset:end]...)
		}
		var bo binary.ByteOrder = binary.LittleEndian
		if c.bigEndian {
			bo = binary.BigEndian
		}
		h := make([]byte, 8)
		bo.PutUint16(h[0:], uint16(len(h)+len(body)))
		h[2], h[3] = nh.Flags, nh.Hops
		bo.PutUint32(h[4:], uint32(nh.IfIndex))
		b = append(append(b, h...), body...)
	}
	return hex.EncodeToString(b), nil
}

// nestTypeValue reshapes a nest-type-value attribute as the library's
// _decode_nest_type_value does: following the first entry at each level.
func (c *pydConv) nestTypeValue(sa *ynl.Attr, a *pydAttr, p []byte) (any, error) {
	out := map[string]any{}
	for _, name := range sa.TypeValue {
		if err := c.wellFormed(p); err != nil {
			return nil, err
		}
		d := attr.NewDecoder(p).WithOrder(c.order())
		n := 0
		var first []byte
		var typ uint16
		for d.Next() {
			if n == 0 {
				first, typ = d.Bytes(), d.Type()
			}
			n++
		}
		if n == 0 {
			return nil, errors.New("an empty nest-type-value level")
		}
		if n > 1 {
			c.note("nest-type-value: the library reads the first of several entries")
		}
		out[name] = json.Number(strconv.Itoa(int(typ)))
		p = first
	}
	if err := c.wellFormed(p); err != nil {
		return nil, err
	}
	// nldump's view of the innermost attributes, found by offset.
	inner := pydFindAttrs(a, len(c.msg)-len(p))
	if inner == nil && len(p) > 0 {
		return pydMismatch(a), nil
	}
	m, err := c.attrs(sa.Nested, inner, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range m {
		out[k] = v
	}
	return out, nil
}

// pydFindAttrs returns nldump's attributes that begin at offset off of
// the message, searching a's nests and arrays.
func pydFindAttrs(a *pydAttr, off int) []pydAttr {
	for i := range a.Attrs {
		if a.Attrs[i].Offset == off && i == 0 {
			return a.Attrs
		}
		if r := pydFindAttrs(&a.Attrs[i], off); r != nil {
			return r
		}
	}
	for _, e := range a.Elems {
		if len(e.Attrs) > 0 && e.Attrs[0].Offset == off {
			return e.Attrs
		}
		for i := range e.Attrs {
			if r := pydFindAttrs(&e.Attrs[i], off); r != nil {
				return r
			}
		}
	}
	return nil
}

// pydMismatch stands for an attribute nldump shows in a format the spec
// does not give it: it compares unequal to anything the library says.
func pydMismatch(a *pydAttr) any {
	return map[string]any{"nldump format": a.Format, "nldump value": string(a.Value)}
}

// pydBytes returns the bytes of a binary, hwaddr or ipaddr value.
func pydBytes(format string, v json.RawMessage) ([]byte, bool) {
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return nil, false
	}
	switch format {
	case "hwaddr":
		s = strings.ReplaceAll(s, ":", "")
	case "ipaddr":
		ip, err := netip.ParseAddr(s)
		if err != nil {
			return nil, false
		}
		return ip.AsSlice(), true
	}
	b, err := hex.DecodeString(s)
	return b, err == nil
}

// order is the messages' byte order.
func (c *pydConv) order() nlwire.Order {
	if c.bigEndian {
		return nlwire.BigEndian
	}
	return nlwire.LittleEndian
}

// wellFormed reports whether p is a run of attributes in the messages'
// byte order that the strict walk accepts.
func (c *pydConv) wellFormed(p []byte) error { return pydWellFormed(p, c.order()) }

// pydWellFormed reports whether p is a run of attributes that the strict
// walk accepts (no nla_len below 4, nothing left over), which the
// library's walk can go through.
func pydWellFormed(p []byte, o nlwire.Order) error {
	d := attr.NewDecoder(p).WithOrder(o)
	for d.Next() {
	}
	return d.Err()
}

// pydIntSize is the size of a struct member's or array element's type.
var pydIntSize = map[ynl.Type]int{
	ynl.TypeU8: 1, ynl.TypeS8: 1, ynl.TypeU16: 2, ynl.TypeS16: 2,
	ynl.TypeU32: 4, ynl.TypeS32: 4, ynl.TypeU64: 8, ynl.TypeS64: 8,
}

// integer decodes an integer of type t and byte order o from b.
func (c *pydConv) integer(t ynl.Type, o ynl.ByteOrder, b []byte) json.Number {
	var bo binary.ByteOrder = binary.LittleEndian
	if o == ynl.BigEndian || o == ynl.Native && c.bigEndian {
		bo = binary.BigEndian
	}
	var u uint64
	switch len(b) {
	case 1:
		u = uint64(b[0])
	case 2:
		u = uint64(bo.Uint16(b))
	case 4:
		u = uint64(bo.Uint32(b))
	case 8:
		u = bo.Uint64(b)
	}
	signed := t == ynl.TypeS8 || t == ynl.TypeS16 || t == ynl.TypeS32 || t == ynl.TypeS64
	if signed {
		shift := 64 - 8*uint(len(b))
		return json.Number(strconv.FormatInt(int64(u<<shift)>>shift, 10))
	}
	return json.Number(strconv.FormatUint(u, 10))
}

// pydStructSize is a struct's size as the library's _struct_size counts.
func pydStructSize(d *ynl.Definition) int {
	n := 0
	for _, m := range d.Members {
		switch {
		case m.StructDef != nil:
			n += pydStructSize(m.StructDef)
		case m.Type == ynl.TypePad || m.Type == ynl.TypeBinary:
			n += int(m.Len.Value)
		default:
			n += pydIntSize[m.Type]
		}
	}
	return n
}

// structure cuts b into a struct's members, as the library's
// _decode_struct does (pad members left out).
func (c *pydConv) structure(d *ynl.Definition, b []byte) (any, error) {
	out := map[string]any{}
	off := 0
	for _, m := range d.Members {
		n := pydIntSize[m.Type]
		if m.StructDef != nil {
			n = pydStructSize(m.StructDef)
		} else if m.Type == ynl.TypePad || m.Type == ynl.TypeBinary {
			n = int(m.Len.Value)
		}
		if off+n > len(b) {
			return nil, fmt.Errorf("%d bytes, shorter than struct %s", len(b), d.Name)
		}
		f := b[off : off+n]
		off += n
		switch {
		case m.Type == ynl.TypePad:
		case m.StructDef != nil:
			v, err := c.structure(m.StructDef, f)
			if err != nil {
				return nil, err
			}
			out[m.Name] = v
		case m.Type == ynl.TypeBinary:
			out[m.Name] = hex.EncodeToString(f)
		case m.EnumDef != nil:
			out[m.Name] = c.enum(m.EnumDef, m.EnumAsFlags, c.integer(m.Type, m.ByteOrder, f))
		default:
			out[m.Name] = c.integer(m.Type, m.ByteOrder, f)
		}
	}
	return out, nil
}

// members gives the struct nldump shows by its members as the library
// does: members of an inner struct as a map of their own, enum members
// by their names, bytes past the struct left out (the library ignores
// them). Where the library's layout (members packed one after another)
// is not the C struct's (tables.Struct, with the compiler's padding),
// the library reads members from the wrong offsets, a bug of the
// library: the payload is then compared as the library cuts it.
func (c *pydConv) members(sa *ynl.Attr, a *pydAttr, p []byte, sc *pydScope) (any, error) {
	d := sa.StructDef
	if !pydSameLayout(d) {
		c.note(fmt.Sprintf("%s/%s: struct %s, which the library lays out packed, not as C pads it: compared as the library cuts the bytes", sc.set.Name, sa.Name, d.Name))
		return c.structure(d, p)
	}
	dec := json.NewDecoder(bytes.NewReader(a.Value))
	dec.UseNumber()
	var v map[string]any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	out := map[string]any{}
	for k, x := range v {
		if k == "struct" {
			continue
		}
		if k == "trailing" {
			c.note(fmt.Sprintf("%s/%s: bytes past struct %s, which the library ignores", sc.set.Name, sa.Name, d.Name))
			continue
		}
		path := strings.Split(k, ".")
		m, def, dst := pydMember(d, path), d, out
		for _, name := range path[:len(path)-1] {
			inner, _ := dst[name].(map[string]any)
			if inner == nil {
				inner = map[string]any{}
				dst[name] = inner
			}
			dst = inner
			if mm := pydMember(def, []string{name}); mm != nil && mm.StructDef != nil {
				def = mm.StructDef
			}
		}
		if n, ok := x.(json.Number); ok && m != nil && m.EnumDef != nil {
			x = c.enum(m.EnumDef, m.EnumAsFlags, n)
		}
		dst[path[len(path)-1]] = x
	}
	return out, nil
}

// pydMember returns the member of d at path (an inner struct's member
// by the inner struct's name first), nil if there is none.
func pydMember(d *ynl.Definition, path []string) *ynl.Member {
	for i, name := range path {
		var found *ynl.Member
		for _, m := range d.Members {
			if m.Name == name {
				found = m
			}
		}
		if found == nil || i == len(path)-1 {
			return found
		}
		if d = found.StructDef; d == nil {
			return nil
		}
	}
	return nil
}

// pydSameLayout reports whether the library's layout of struct d
// (members packed) gives every member the offset the C struct does
// (tables.Struct), and the same size.
func pydSameLayout(d *ynl.Definition) bool {
	st, err := tables.Struct(d)
	if err != nil || st.Size != pydStructSize(d) {
		return false
	}
	packed := map[string]int{}
	pydOffsets(d, "", 0, packed)
	for _, m := range st.Members {
		if off, ok := packed[m.Name]; !ok || off != m.Offset {
			return false
		}
	}
	return true
}

// pydOffsets records the offsets of d's members at base as the library
// packs them, by nldump's names ("rate.rate"), and returns d's size.
func pydOffsets(d *ynl.Definition, prefix string, base int, out map[string]int) int {
	off := base
	for _, m := range d.Members {
		switch {
		case m.StructDef != nil:
			off = pydOffsets(m.StructDef, prefix+m.Name+".", off, out)
		case m.Type == ynl.TypePad:
			off += int(m.Len.Value)
		case m.Type == ynl.TypeBinary:
			out[prefix+m.Name] = off
			off += int(m.Len.Value)
		default:
			out[prefix+m.Name] = off
			off += pydIntSize[m.Type]
		}
	}
	return off
}

// array cuts b into elements of type t (a binary attribute's sub-type),
// as the library's as_c_array does.
func (c *pydConv) array(t ynl.Type, o ynl.ByteOrder, b []byte) (any, error) {
	n := pydIntSize[t]
	if n == 0 || len(b)%n != 0 {
		return nil, fmt.Errorf("%d bytes are not an array of %v", len(b), t)
	}
	out := []any{}
	for i := 0; i < len(b); i += n {
		out = append(out, c.integer(t, o, b[i:i+n]))
	}
	return out, nil
}

// pydHeaderValues returns the values of nldump's fixed header, in order,
// without its "struct" key.
func pydHeaderValues(raw json.RawMessage) ([]any, error) {
	if len(raw) == 0 {
		return nil, errors.New("nldump shows no fixed header")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var out []any
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if k != "struct" {
			out = append(out, v)
		}
	}
	return out, nil
}

// pydReply is one line of ynl_decode.py's output.
type pydReply struct {
	ID     int            `json:"id"`
	Op     string         `json:"op"`
	Header map[string]any `json:"header"`
	Attrs  map[string]any `json:"attrs"`
	Error  string         `json:"error"`
	order  []any          // the header's values in order
}

// python runs the script on every queued message, in one process under a
// timeout.
func (r *pydiffRun) python(t *testing.T, python, ynlDir, specDir string) map[int]*pydReply {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, j := range r.jobs {
		if err := enc.Encode(j); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, "testdata/ynl_decode.py", ynlDir, specDir)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	out, err := cmd.Output()
	replies := map[int]*pydReply{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		rep := &pydReply{}
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.UseNumber()
		if err := dec.Decode(rep); err != nil {
			t.Fatalf("ynl_decode.py: %v: %s", err, sc.Bytes())
		}
		rep.order = pydOrderedHeader(sc.Bytes())
		replies[rep.ID] = rep
	}
	if err != nil {
		last := "none"
		if n := len(replies); n < len(r.jobs) {
			last = r.jobs[n].where
		}
		t.Fatalf("ynl_decode.py: %v after %v, %d of %d messages decoded (stuck at: %s)\n%s",
			err, time.Since(start), len(replies), len(r.jobs), last, stderr.Bytes())
	}
	t.Logf("the Python library decoded %d messages in %v", len(replies), time.Since(start).Round(time.Millisecond))
	return replies
}

// pydOrderedHeader returns the values of a reply's header, in order.
func pydOrderedHeader(line []byte) []any {
	var top map[string]json.RawMessage
	if json.Unmarshal(line, &top) != nil || len(top["header"]) == 0 || string(top["header"]) == "null" {
		return nil
	}
	v, err := pydHeaderValues(top["header"])
	if err != nil {
		return nil
	}
	return v
}

// pydSummary is the outcome of a comparison.
type pydSummary struct {
	compared, attrs, agreed, msgsAgreed int
	diffs                               []string // differences, each a test failure
	log                                 []string // counts by category
}

// compare compares each message's two views.
func (r *pydiffRun) compare(replies map[int]*pydReply) pydSummary {
	var sum pydSummary
	failures := map[string]int{}
	where := map[string]string{} // the first message of each failure
	notes := map[string]int{}
	perSpec := map[string]int{}
	enumsNamed := 0
	unmatched := 0 // jobs without a reply or an operation, each a difference
	diff := func(format string, args ...any) { sum.diffs = append(sum.diffs, fmt.Sprintf(format, args...)) }
	for _, j := range r.jobs {
		rep := replies[j.ID]
		if rep == nil {
			diff("%s: no reply from the library", j.where)
			unmatched++
			continue
		}
		if rep.Error != "" {
			k := j.Spec + ": " + rep.Error
			if failures[k] == 0 {
				where[k] = j.where
			}
			failures[k]++
			continue
		}
		if j.op == nil {
			diff("%s: the library decodes it as %s, the spec model finds no operation", j.where, rep.Op)
			unmatched++
			continue
		}
		sum.compared++
		perSpec[j.Spec]++
		enumsNamed += j.enumsNamed
		for k, n := range j.notes {
			notes[k] += n
		}
		ok := len(j.names) == 0
		for _, n := range j.names {
			diff("%s: %s", j.where, n)
		}
		if rep.Op != j.op.Name {
			diff("%s: operation %s, the library's %s", j.where, j.op.Name, rep.Op)
			ok = false
		}
		if d := cmp.Diff(rep.order, j.header); d != "" {
			diff("%s: fixed header (-library +nldump):\n%s", j.where, d)
			ok = false
		}
		n, same := pydCount(rep.Attrs, j.attrs)
		sum.attrs += n
		sum.agreed += same
		if d := cmp.Diff(rep.Attrs, j.attrs); d != "" {
			diff("%s: %s attributes (-library +nldump):\n%s", j.where, j.op.Name, d)
			ok = false
		}
		if ok {
			sum.msgsAgreed++
		}
	}
	listed := sum.compared + unmatched
	for _, n := range failures {
		listed += n
	}
	for _, n := range r.skipped {
		listed += n
	}
	if listed != r.messages {
		diff("%d messages read, but %d compared or listed: some were skipped silently", r.messages, listed)
	}
	logf := func(format string, args ...any) { sum.log = append(sum.log, fmt.Sprintf(format, args...)) }
	logf("compared %d messages (%s), %d attributes: %d messages and %d attributes agree",
		sum.compared, pydCounts(perSpec), sum.attrs, sum.msgsAgreed, sum.agreed)
	logf("nldump names %d enum and flags values with the spec's C names", enumsNamed)
	for _, k := range pydSorted(failures) {
		logf("the library cannot decode %d message(s) (first: %s): %s", failures[k], where[k], k)
	}
	for _, k := range pydSorted(r.skipped) {
		logf("not compared, %d message(s): %s", r.skipped[k], k)
	}
	for _, k := range pydSorted(notes) {
		logf("normalized %d time(s): %s", notes[k], k)
	}
	return sum
}

// pydCount counts the attributes of the library's dictionary (at every
// level) and those whose values equal nldump's.
func pydCount(py, nl any) (n, same int) {
	switch p := py.(type) {
	case map[string]any:
		q, _ := nl.(map[string]any)
		for k, v := range p {
			n++
			w, ok := q[k]
			if ok && cmp.Equal(v, w) {
				same++
			}
			if ok {
				dn, ds := pydCount(v, w)
				n += dn
				same += ds
			}
		}
	case []any:
		q, _ := nl.([]any)
		for i, v := range p {
			if i < len(q) {
				dn, ds := pydCount(v, q[i])
				n += dn
				same += ds
			}
		}
	}
	return n, same
}

func pydSorted(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func pydCounts(m map[string]int) string {
	var parts []string
	for _, k := range pydSorted(m) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// pydiffSources returns the 6.12 kernel's spec directory and its
// tools/net/ynl, found as the ynl package's tests find them
// (testenv.LinuxSrc: NLWIRE_LINUX_SRC, an extracted
// /usr/src/linux-source-6.12*, or the Debian package's tarball,
// extracted once into the user's cache directory), or skips the test.
func pydiffSources(t *testing.T) (specs, ynlDir string) {
	t.Helper()
	root := testenv.LinuxSrc(t, linuxsrc.YNLPaths()...)
	return filepath.Join(root, "Documentation/netlink/specs"), filepath.Join(root, "tools/net/ynl")
}

// pydiffPython returns a Python 3 that can import yaml, or skips.
func pydiffPython(t *testing.T) string {
	t.Helper()
	var tried []string
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		p, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		out, err := exec.Command(p, "-c", "import yaml").CombinedOutput()
		if err == nil {
			return p
		}
		tried = append(tried, p+": "+strings.TrimSpace(string(out)))
	}
	testenv.Skip(t, "no python3 that can import yaml (apt-get install python3-yaml): "+strings.Join(tried, "; "))
	return ""
}

// TestPythonYNLCompare checks the reshaping and the comparison without
// the library: nldump's view of a netdev message against replies that
// agree, that differ in a value, that lack an attribute, and that report
// a failure; and that only well-formed attribute runs pass the check
// made before the library sees a message.
func TestPythonYNLCompare(t *testing.T) {
	const spec = `
name: netdev
protocol: genetlink
attribute-sets:
  - name: dev
    attributes:
      - {name: ifindex, type: u32}
      - {name: pad, type: pad}
      - {name: xdp-features, type: u64}
operations:
  list:
    - name: dev-get
      attribute-set: dev
      do:
        request: {attributes: [ifindex]}
        reply: {attributes: [ifindex, xdp-features]}
`
	s, err := ynl.Parse(strings.NewReader(spec))
	if err != nil {
		t.Fatal(err)
	}
	// NETDEV_CMD_DEV_GET reply: ifindex 1, xdp-features 3, type 60
	// (known to no spec), xsk-features (6, newer than this spec).
	msg := "3c000000" + "2a00" + "0200" + "01000000" + "00000000" + "01010000" +
		"0800" + "0100" + "01000000" +
		"0c00" + "0300" + "0300000000000000" +
		"0800" + "3c00" + "05000000" +
		"0c00" + "0600" + "0f00000000000000"
	raw, err := hex.DecodeString(msg)
	if err != nil {
		t.Fatal(err)
	}
	out, errs, status := runNldump(t, "-json", "-family", "generic", "-order", "little", "-genl", "0x2a=netdev", writeHex(t, t.TempDir(), msg))
	if status != 0 {
		t.Fatalf("nldump: status %d: %s", status, errs)
	}
	var m pydMsg
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	r := &pydiffRun{specs: map[string]*ynl.Spec{"netdev": s}, skipped: map[string]int{}}
	r.add(m, raw, "m")
	if len(r.jobs) != 1 || r.jobs[0].op == nil {
		t.Fatalf("jobs %+v, skipped %v", r.jobs, r.skipped)
	}
	want := map[string]any{"ifindex": json.Number("1"), "xdp-features": json.Number("3"),
		"UnknownAttr(60)": "05000000", "UnknownAttr(6)": "0f00000000000000"}
	if diff := cmp.Diff(want, r.jobs[0].attrs); diff != "" {
		t.Errorf("reshaped (-want +got):\n%s", diff)
	}
	if n := r.jobs[0].notes["attribute newer than the 6.12 spec"]; n != 1 {
		t.Errorf("%d attributes newer than the spec, want 1: %v", n, r.jobs[0].notes)
	}

	reply := func(change func(map[string]any)) map[int]*pydReply {
		attrs := map[string]any{}
		for k, v := range want {
			attrs[k] = v
		}
		change(attrs)
		return map[int]*pydReply{0: {ID: 0, Op: "dev-get", Attrs: attrs}}
	}
	for _, tc := range []struct {
		name          string
		replies       map[int]*pydReply
		diffs, agreed int
	}{
		{"same", reply(func(map[string]any) {}), 0, 4},
		{"value", reply(func(a map[string]any) { a["ifindex"] = json.Number("2") }), 1, 3},
		{"missing", reply(func(a map[string]any) { delete(a, "xdp-features") }), 1, 3},
		{"failure", map[int]*pydReply{0: {ID: 0, Error: "error: unpack"}}, 0, 0},
		{"none", map[int]*pydReply{}, 1, 0},
	} {
		sum := r.compare(tc.replies)
		if len(sum.diffs) != tc.diffs || sum.agreed != tc.agreed {
			t.Errorf("%s: %d differences, %d attributes agree; want %d, %d\n%s", tc.name, len(sum.diffs), sum.agreed, tc.diffs, tc.agreed, strings.Join(sum.diffs, "\n"))
		}
		if tc.name == "failure" && !strings.Contains(strings.Join(sum.log, "\n"), "cannot decode 1 message(s) (first: m): netdev: error: unpack") {
			t.Errorf("failure not listed:\n%s", strings.Join(sum.log, "\n"))
		}
	}

	for _, tc := range []struct {
		hex string
		ok  bool
	}{
		{"", true},
		{"0800010001000000", true},
		{"0500010001000000", true},      // unpadded last attribute
		{"0000010001000000", false},     // nla_len 0: the library's walk never ends
		{"0300010001000000", false},     // nla_len 3
		{"08000100010000000000", false}, // 2 bytes left over
	} {
		b, _ := hex.DecodeString(tc.hex)
		if err := pydWellFormed(b, nlwire.LittleEndian); (err == nil) != tc.ok {
			t.Errorf("%s: %v, want ok %v", tc.hex, err, tc.ok)
		}
	}
}

// TestPythonYNLLimits runs the library on messages made to show how the
// differential lists what it cannot decode and what it decodes its own
// way: a flags value with a bit the 6.12 spec does not name (the library
// fails the message), a command the spec does not have, and an
// attribute that is not multi-attr given twice (the library keeps the
// last, and so does the reshaping).
func TestPythonYNLLimits(t *testing.T) {
	specDir, ynlDir := pydiffSources(t)
	python := pydiffPython(t)
	s, err := ynl.ParseFile(filepath.Join(specDir, "netdev.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r := &pydiffRun{specs: map[string]*ynl.Spec{"netdev": s}, skipped: map[string]int{}}
	const hdr = "2a00" + "0200" + "01000000" + "00000000"
	for _, msg := range []string{
		// NETDEV_CMD_DEV_GET reply, xdp-features bit 7.
		"28000000" + hdr + "01010000" + "0800" + "0100" + "01000000" + "0c00" + "0300" + "8000000000000000",
		// Command 99.
		"1c000000" + hdr + "63010000" + "0800" + "0100" + "01000000",
		// ifindex 1, then 2.
		"24000000" + hdr + "01010000" + "0800" + "0100" + "01000000" + "0800" + "0100" + "02000000",
	} {
		raw, err := hex.DecodeString(msg)
		if err != nil {
			t.Fatal(err)
		}
		out, errs, status := runNldump(t, "-json", "-family", "generic", "-order", "little", "-genl", "0x2a=netdev", writeHex(t, t.TempDir(), msg))
		if status != 0 {
			t.Fatalf("nldump: status %d: %s", status, errs)
		}
		var m pydMsg
		dec := json.NewDecoder(strings.NewReader(out))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		r.add(m, raw, fmt.Sprintf("message %d", len(r.jobs)))
	}
	if len(r.jobs) != 3 {
		t.Fatalf("%d messages queued, skipped %v", len(r.jobs), r.skipped)
	}
	sum := r.compare(r.python(t, python, ynlDir, specDir))
	log := strings.Join(sum.log, "\n")
	for _, want := range []string{
		"compared 1 messages (netdev 1), 1 attributes: 1 messages and 1 attributes agree",
		"cannot decode 1 message(s) (first: message 0): netdev: Exception: enum xdp-act has no entry 7 (value 128)",
		"cannot decode 1 message(s) (first: message 1): netdev: no operation with reply value 99",
		"normalized 1 time(s): a repeated attribute that is not multi-attr: the library keeps the last",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if len(sum.diffs) != 0 {
		t.Errorf("differences:\n%s", strings.Join(sum.diffs, "\n"))
	}
}

// TestPydMultipath: RTA_MULTIPATH, binary in the 6.12 spec, compares as
// the bytes nldump's next hops make: equal to the payload when nldump
// splits it as the bytes say, unequal when it puts an attribute in the
// wrong next hop.
func TestPydMultipath(t *testing.T) {
	payload, _ := hex.DecodeString("1000000000000000080005000a0900021000000100000000080005000a090003")
	msg := append(make([]byte, 28), 36, 0, 9, 0) // nlmsghdr, rtmsg, the attribute's header
	msg = append(msg, payload...)
	gw := func(off int) pydAttr {
		return pydAttr{Type: 5, Name: "RTA_GATEWAY", Offset: off, Len: 8, Format: "ipaddr"}
	}
	a := pydAttr{Type: 9, Offset: 28, Len: 36, Format: "multipath", Nexthops: []pydNexthop{
		{Attrs: []pydAttr{gw(40)}},
		{Hops: 1, Attrs: []pydAttr{gw(56)}},
	}}
	c := &pydConv{msg: msg, job: &pydiffJob{notes: map[string]int{}}}
	got, err := c.multipath(&a)
	if err != nil {
		t.Fatal(err)
	}
	if want := hex.EncodeToString(payload); got != want {
		t.Errorf("multipath = %v, want %s", got, want)
	}
	a.Nexthops = []pydNexthop{{Attrs: []pydAttr{gw(40), gw(56)}}, {Hops: 1}}
	if got, _ := c.multipath(&a); got == hex.EncodeToString(payload) {
		t.Error("a wrong split of the next hops compares equal")
	}
	a.Nexthops[0].Attrs[1].Offset = len(msg)
	if _, err := c.multipath(&a); err == nil {
		t.Error("an attribute outside the message: no error")
	}
}
