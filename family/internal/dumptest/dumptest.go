// Package dumptest prints netlink dumps by the names in the family
// tables, for the golden tests of the family packages. It is test
// support: it reports every attribute the tables do not name and every
// nest that does not decode.
package dumptest

import (
	"encoding/hex"
	"net/netip"
	"strconv"
	"strings"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/attr"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/internal/endian"
	"github.com/nlwire/nlwire/wire"
)

// Dumper prints messages of one family.
type Dumper struct {
	Msgs  *family.Msgs
	Order nlwire.Order
	// Header prints a message's family header; nil prints it in hex.
	Header func(typ uint16, b []byte) string
	// Problems lists unnamed attributes, nests that failed to decode and
	// payloads whose length does not fit their format.
	Problems []string

	sb strings.Builder
}

// Dump prints every message of the datagrams and returns the text.
func (d *Dumper) Dump(dgrams [][]byte) string {
	for i, dg := range dgrams {
		d.sb.WriteString("datagram " + strconv.Itoa(i) + "\n")
		r := wire.NewReader(dg).WithOrder(d.Order)
		for r.Next() {
			h := r.Header()
			name := wire.TypeName(h.Type)
			if name == "" {
				name = d.Msgs.Name(h.Type)
			}
			if name == "" {
				name = "type " + strconv.Itoa(int(h.Type))
				d.problem("unknown message type " + strconv.Itoa(int(h.Type)))
			}
			d.sb.WriteString(name + " len=" + strconv.Itoa(int(h.Len)) + " flags=" + h.Flags.String() + "\n")
			if h.Type < wire.MinType {
				if p := r.Payload(); len(p) >= 4 {
					d.sb.WriteString("  error=" + strconv.Itoa(int(int32(endian.Uint32(p, d.Order.Swap())))) + "\n")
				}
				continue
			}
			m := d.Msgs.Msg(h.Type)
			if m == nil {
				continue
			}
			p := r.Payload()
			hb := p[:min(m.HeaderLen, len(p))]
			if d.Header != nil {
				d.sb.WriteString("  " + d.Header(h.Type, hb) + "\n")
			} else {
				d.sb.WriteString("  header " + hex.EncodeToString(hb) + "\n")
			}
			dec := r.Attrs(m.HeaderLen)
			d.walk(dec, m.Attrs, 2, "")
		}
		if err := r.Err(); err != nil {
			d.problem("datagram " + strconv.Itoa(i) + ": " + err.Error())
		}
	}
	return d.sb.String()
}

func (d *Dumper) problem(s string) { d.Problems = append(d.Problems, s) }

func space(s *family.Set) string {
	if s == nil {
		return "?"
	}
	return s.Space
}

// walk prints a run of attributes of set s.
func (d *Dumper) walk(dec attr.Decoder, s *family.Set, depth int, path string) {
	// Values of string siblings, for attributes whose child set depends
	// on one (IFLA_INFO_DATA on IFLA_INFO_KIND).
	keys := map[uint16]string{}
	scan := dec
	for scan.Next() {
		if a := s.Attr(scan.Type()); a != nil && a.Format == family.String {
			keys[scan.Type()] = strings.TrimRight(string(scan.Bytes()), "\x00")
		}
	}
	ind := strings.Repeat(" ", depth)
	for dec.Next() {
		t := dec.Type()
		a := s.Attr(t)
		p := dec.Bytes()
		name := s.Name(t)
		if name == "" {
			name = strconv.Itoa(int(t))
		}
		if a == nil {
			d.problem("unnamed attribute " + strconv.Itoa(int(t)) + " in " + space(s) + " at " + path)
			d.sb.WriteString(ind + name + " ? " + hex.EncodeToString(p) + "\n")
			continue
		}
		here := path + "/" + name
		switch a.Format {
		case family.Nested:
			child := a.ChildSet(keys[a.Key])
			d.sb.WriteString(ind + name + " {\n")
			hdr := min(int(a.Header), len(p))
			if hdr > 0 {
				d.sb.WriteString(ind + "  header " + hex.EncodeToString(p[:hdr]) + "\n")
			}
			d.nested(p[hdr:], child, depth+2, here)
			d.sb.WriteString(ind + "}\n")
		case family.NestedArray:
			d.sb.WriteString(ind + name + " [\n")
			el := attr.NewDecoder(p).WithOrder(d.Order)
			for el.Next() {
				d.sb.WriteString(ind + "  [" + strconv.Itoa(int(el.Type())) + "] {\n")
				d.nested(el.Bytes(), a.ChildSet(""), depth+4, here+"/"+strconv.Itoa(int(el.Type())))
				d.sb.WriteString(ind + "  }\n")
			}
			if err := el.Err(); err != nil {
				d.problem("array " + here + ": " + err.Error())
			}
			d.sb.WriteString(ind + "]\n")
		case family.Multipath:
			d.sb.WriteString(ind + name + " [\n")
			hl := int(a.Header)
			for rest := p; len(rest) > 0; {
				if len(rest) < hl {
					d.problem("short record in " + here)
					break
				}
				l := int(endian.Uint16(rest, d.Order.Swap()))
				if l < hl || l > len(rest) {
					d.problem("bad record length in " + here)
					break
				}
				d.sb.WriteString(ind + "  header " + hex.EncodeToString(rest[:hl]) + " {\n")
				d.nested(rest[hl:l], a.ChildSet(""), depth+4, here)
				d.sb.WriteString(ind + "  }\n")
				rest = rest[min((l+3)&^3, len(rest)):]
			}
			d.sb.WriteString(ind + "]\n")
		default:
			v, ok := value(a.Format, p, d.Order.Swap())
			if !ok {
				d.problem(here + ": " + strconv.Itoa(len(p)) + " bytes do not fit " + a.Format.String())
			}
			d.sb.WriteString(ind + name + " " + a.Format.String() + " " + v + "\n")
		}
	}
	if err := dec.Err(); err != nil {
		d.problem("walk " + path + ": " + err.Error())
	}
}

// nested prints a nest's payload: by the set's names if there is a set,
// else by number (a nest the tables knowingly leave undescribed).
func (d *Dumper) nested(p []byte, s *family.Set, depth int, path string) {
	dec := attr.NewDecoder(p).WithOrder(d.Order)
	if s != nil {
		d.walk(dec, s, depth, path)
		return
	}
	ind := strings.Repeat(" ", depth)
	for dec.Next() {
		d.sb.WriteString(ind + "#" + strconv.Itoa(int(dec.Type())) + " " + hex.EncodeToString(dec.Bytes()) + "\n")
	}
	if err := dec.Err(); err != nil {
		d.problem("undescribed nest " + path + ": " + err.Error())
	}
}

func value(f family.Format, p []byte, swap bool) (string, bool) {
	if n := f.Size(); n != 0 && len(p) != n {
		return hex.EncodeToString(p), false
	}
	switch f {
	case family.U8:
		return strconv.Itoa(int(p[0])), true
	case family.S8:
		return strconv.Itoa(int(int8(p[0]))), true
	case family.U16:
		return strconv.Itoa(int(endian.Uint16(p, swap))), true
	case family.S16:
		return strconv.Itoa(int(int16(endian.Uint16(p, swap)))), true
	case family.U32:
		return strconv.FormatUint(uint64(endian.Uint32(p, swap)), 10), true
	case family.S32:
		return strconv.Itoa(int(int32(endian.Uint32(p, swap)))), true
	case family.U64:
		return strconv.FormatUint(endian.Uint64(p, swap), 10), true
	case family.S64:
		return strconv.FormatInt(int64(endian.Uint64(p, swap)), 10), true
	case family.UInt:
		switch len(p) {
		case 4:
			return strconv.FormatUint(uint64(endian.Uint32(p, swap)), 10), true
		case 8:
			return strconv.FormatUint(endian.Uint64(p, swap), 10), true
		}
	case family.BE16:
		return strconv.Itoa(int(p[0])<<8 | int(p[1])), true
	case family.BE32:
		return strconv.FormatUint(uint64(p[0])<<24|uint64(p[1])<<16|uint64(p[2])<<8|uint64(p[3]), 10), true
	case family.BE64:
		return strconv.FormatUint(endian.Uint64(p, nlwire.BigEndian.Swap()), 10), true
	case family.SBE32:
		return strconv.Itoa(int(int32(endian.Uint32(p, nlwire.BigEndian.Swap())))), true
	case family.String:
		return strconv.Quote(strings.TrimSuffix(string(p), "\x00")), true
	case family.Flag:
		return "", len(p) == 0
	case family.IPAddr:
		if a, ok := netip.AddrFromSlice(p); ok {
			return a.String(), true
		}
	case family.HWAddr:
		var sb strings.Builder
		for i, c := range p {
			if i > 0 {
				sb.WriteByte(':')
			}
			sb.WriteString(hex.EncodeToString([]byte{c}))
		}
		return sb.String(), true
	case family.Bitfield32:
		return strconv.FormatUint(uint64(endian.Uint32(p, swap)), 16) + "/" + strconv.FormatUint(uint64(endian.Uint32(p[4:], swap)), 16), true
	case family.Binary:
		return hex.EncodeToString(p), true
	}
	return hex.EncodeToString(p), false
}
