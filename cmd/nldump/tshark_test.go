package main

import (
	"encoding/json"
	"encoding/xml"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nlwire/nlwire/internal/testenv"
)

// pdmlField is a field of tshark's PDML output.
type pdmlField struct {
	Name   string      `xml:"name,attr"`
	Show   string      `xml:"show,attr"`
	Pos    int         `xml:"pos,attr"`
	Size   int         `xml:"size,attr"`
	Fields []pdmlField `xml:"field"`
}

type pdmlProto struct {
	Name   string      `xml:"name,attr"`
	Fields []pdmlField `xml:"field"`
}

type pdmlPacket struct {
	Protos []pdmlProto `xml:"proto"`
}

// hdrKey and attrKey are what both decoders must agree on, at offsets
// from the start of the datagram.
type hdrKey struct {
	Off, Len, Type, Flags, Seq, PID uint64
}

type attrKey struct {
	Off, Len, Type uint64 // Type with its flag bits
}

func parseUint(s string) uint64 {
	v, _ := strconv.ParseUint(s, 0, 64)
	return v
}

// tsharkView collects the message headers and attributes tshark decoded
// in each packet.
func tsharkView(t *testing.T, tshark, file string) (hdrs []map[hdrKey]bool, attrs []map[attrKey]bool) {
	out, err := exec.Command(tshark, "-r", file, "-T", "pdml").Output()
	if err != nil {
		t.Fatalf("tshark -T pdml %s: %v", file, err)
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "packet" {
			continue
		}
		var p pdmlPacket
		if err := dec.DecodeElement(&p, &se); err != nil {
			t.Fatal(err)
		}
		h, a := map[hdrKey]bool{}, map[attrKey]bool{}
		var walk func(fs []pdmlField)
		walk = func(fs []pdmlField) {
			for _, f := range fs {
				byName := map[string]pdmlField{}
				for _, c := range f.Fields {
					byName[c.Name] = c
				}
				if l, ok := byName["netlink.hdr_len"]; ok {
					k := hdrKey{Off: uint64(l.Pos - 16), Len: parseUint(l.Show)}
					// The type field's name depends on the family
					// (netlink.hdr_type, netlink-route.nltype,
					// genl.family_id): find the fields by position.
					for _, c := range f.Fields {
						switch c.Pos - l.Pos {
						case 4:
							k.Type = parseUint(c.Show)
						case 6:
							k.Flags = parseUint(c.Show)
						case 8:
							k.Seq = parseUint(c.Show)
						case 12:
							k.PID = parseUint(c.Show)
						}
					}
					// tshark shows the zeros iproute2 pads a request
					// with as a message of length 0; the kernel, and
					// nldump, read no message there.
					if k.Len != 0 || k.Type != 0 {
						h[k] = true
					}
				}
				if l, ok := byName["netlink.attr_len"]; ok {
					typ := parseUint(byName["netlink.attr_type"].Show)
					if idx, ok := byName["netlink.attr_index"]; ok {
						typ = parseUint(idx.Show) // an array element: its type is its index
					}
					a[attrKey{Off: uint64(l.Pos - 16), Len: parseUint(l.Show), Type: typ}] = true
				}
				walk(f.Fields)
			}
		}
		for _, pr := range p.Protos {
			walk(pr.Fields)
		}
		hdrs, attrs = append(hdrs, h), append(attrs, a)
	}
	return hdrs, attrs
}

// jsonAttr is an attribute of nldump's JSON output.
type jsonAttr struct {
	Type     uint64     `json:"type"`
	Offset   uint64     `json:"offset"`
	Len      uint64     `json:"len"`
	Nested   bool       `json:"nested"`
	NetOrder bool       `json:"net_byteorder"`
	Attrs    []jsonAttr `json:"attrs"`
	Elems    []jsonAttr `json:"elems"`
	Index    uint64     `json:"index"`
	Nexthops []jsonAttr `json:"nexthops"`
}

type jsonHdr struct {
	Offset   uint64     `json:"offset"`
	Len      uint64     `json:"len"`
	TypeNum  uint64     `json:"type_num"`
	FlagsNum uint64     `json:"flags_num"`
	Seq      uint64     `json:"seq"`
	PID      uint64     `json:"pid"`
	Attrs    []jsonAttr `json:"attrs"`
}

type jsonMsg struct {
	Record int `json:"record"`
	jsonHdr
	Error *struct {
		Request *jsonHdr `json:"request"`
	} `json:"error"`
	Ack  *struct{ Request *jsonHdr } `json:"ack"`
	Done *struct{ Request *jsonHdr } `json:"done"`
}

func (a jsonAttr) typ() uint64 {
	t := a.Type
	if a.Nested {
		t |= 0x8000
	}
	if a.NetOrder {
		t |= 0x4000
	}
	return t
}

func addAttrs(m map[attrKey]bool, base uint64, as []jsonAttr) {
	for _, a := range as {
		m[attrKey{Off: base + a.Offset, Len: a.Len, Type: a.typ()}] = true
		addAttrs(m, base, a.Attrs)
		for _, e := range a.Elems {
			m[attrKey{Off: base + e.Offset, Len: e.Len, Type: e.Index}] = true
			addAttrs(m, base, e.Attrs)
		}
		for _, nh := range a.Nexthops {
			addAttrs(m, base, nh.Attrs)
		}
	}
}

// nldumpView collects the same from nldump's JSON output.
func nldumpView(t *testing.T, file string, packets int) (hdrs []map[hdrKey]bool, attrs []map[attrKey]bool) {
	out, errs, status := runNldump(t, "-json", file)
	if status != 0 {
		t.Fatalf("nldump -json %s: status %d\n%s", file, status, errs)
	}
	hdrs, attrs = make([]map[hdrKey]bool, packets), make([]map[attrKey]bool, packets)
	for i := range hdrs {
		hdrs[i], attrs[i] = map[hdrKey]bool{}, map[attrKey]bool{}
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var m jsonMsg
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		if m.Record >= packets {
			t.Fatalf("record %d of %d packets", m.Record, packets)
		}
		hdrs[m.Record][hdrKey{m.Offset, m.Len, m.TypeNum, m.FlagsNum, m.Seq, m.PID}] = true
		addAttrs(attrs[m.Record], m.Offset, m.Attrs)
		var req *jsonHdr
		switch {
		case m.Error != nil:
			req = m.Error.Request
		case m.Ack != nil:
			req = m.Ack.Request
		}
		if req != nil {
			base := m.Offset + 20 // the echoed request follows the errno
			hdrs[m.Record][hdrKey{base, req.Len, req.TypeNum, req.FlagsNum, req.Seq, req.PID}] = true
			addAttrs(attrs[m.Record], base, req.Attrs)
		}
	}
	return hdrs, attrs
}

// TestTshark compares nldump with Wireshark's dissector on every shipped
// capture: the same messages (offset, length, type, flags, seq, port ID),
// echoed requests included, and every attribute tshark decodes (offset,
// length, type with flags) also found by nldump.
func TestTshark(t *testing.T) {
	tshark := testenv.LookPath(t, "tshark")
	var msgs, attrsCompared, extra int
	for _, file := range captures(t) {
		th, ta := tsharkView(t, tshark, file)
		nh, na := nldumpView(t, file, len(th))
		for i := range th {
			if diff := cmp.Diff(sortedHdrs(th[i]), sortedHdrs(nh[i])); diff != "" {
				t.Errorf("%s packet %d: message headers differ (-tshark +nldump):\n%s", filepath.Base(file), i, diff)
			}
			msgs += len(th[i])
			for k := range ta[i] {
				if !na[i][k] {
					t.Errorf("%s packet %d: tshark's attribute %+v not found by nldump", filepath.Base(file), i, k)
				}
				attrsCompared++
			}
			for k := range na[i] {
				if !ta[i][k] {
					extra++
				}
			}
		}
	}
	if msgs == 0 || attrsCompared == 0 {
		t.Fatalf("compared %d messages and %d attributes", msgs, attrsCompared)
	}
	t.Logf("agreed with tshark on %d message headers and %d attributes; nldump decoded %d attributes tshark did not", msgs, attrsCompared, extra)
}

func sortedHdrs(m map[hdrKey]bool) []hdrKey {
	var out []hdrKey
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Off < out[j].Off })
	return out
}
