package dissect_test

import (
	"encoding/hex"
	"os"
	"strconv"
	"testing"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/wire"
)

// event is one call of a Writer, as recorder keeps it.
type event struct {
	What   string // the method: "begin", "attr", "nest", ...
	Depth  int
	Name   string // the attribute's, struct's, message's name; an ack's what; a problem's text
	Type   uint16 // the attribute's type or element's index
	Offset int
	Len    int
	Value  string // a leaf's value: "u:1500", "s:eth0", "x:dc05", "bad:dc05", ...
}

// recorder is a Writer that keeps every event.
type recorder struct {
	events   []event
	problems int
}

func (r *recorder) add(e event) { r.events = append(r.events, e) }

func (r *recorder) Begin(k *dissect.Kind) {
	what := "begin"
	if k.Echo {
		what = "begin-echo"
	}
	r.add(event{What: what, Name: k.Name, Len: int(k.Header.Len)})
}
func (r *recorder) End(k *dissect.Kind) { r.add(event{What: "end", Name: k.Name}) }
func (r *recorder) Header(h *dissect.Header) {
	v := ""
	for _, f := range h.Fields {
		v += " " + f.Name + "=" + fieldText(&f)
	}
	r.add(event{What: "header", Depth: h.Depth, Name: h.Struct, Offset: h.Offset, Len: h.Len, Value: v})
}
func (r *recorder) Payload(p []byte, depth int) {
	r.add(event{What: "payload", Depth: depth, Len: len(p), Value: hex.EncodeToString(p)})
}
func (r *recorder) Attrs(depth int)    { r.add(event{What: "attrs", Depth: depth}) }
func (r *recorder) EndAttrs(depth int) { r.add(event{What: "endattrs", Depth: depth}) }
func (r *recorder) Attr(a *dissect.Attr) {
	r.add(event{What: "attr", Depth: a.Depth, Name: a.Name, Type: a.Type, Offset: a.Offset, Len: a.Len, Value: valueText(&a.Value)})
}
func (r *recorder) Nest(a *dissect.Attr) {
	what := "nest"
	switch a.Role {
	case dissect.RoleElem:
		what = "elem"
	case dissect.RoleNexthop:
		what = "nexthop"
	}
	r.add(event{What: what, Depth: a.Depth, Name: a.Name, Type: a.Type, Offset: a.Offset, Len: a.Len, Value: hex.EncodeToString(a.NestHeader)})
}
func (r *recorder) EndNest(depth int) { r.add(event{What: "endnest", Depth: depth}) }
func (r *recorder) Ack(a *dissect.Ack) {
	r.add(event{What: "ack", Name: a.What, Value: string(a.Path)})
}
func (r *recorder) EndAck() { r.add(event{What: "endack"}) }
func (r *recorder) Verdict(v *dissect.Verdict) {
	if v.Unchecked != dissect.Checked {
		r.add(event{What: "unchecked", Name: v.Unchecked.String()})
		return
	}
	r.add(event{What: "verdict", Name: v.Mode.String(), Value: v.Msg})
}
func (r *recorder) Problem(p *dissect.Problem) {
	r.problems++
	r.add(event{What: "problem", Name: p.Error(), Offset: p.Offset})
}

// valueText gives a value as the recorder keeps it.
func valueText(v *dissect.Value) string {
	if v.BadLength {
		return "bad:" + hex.EncodeToString(v.Bytes)
	}
	s := ""
	switch v.Kind {
	case dissect.Uint:
		s = "u:" + strconv.FormatUint(v.Uint, 10)
	case dissect.Int:
		s = "i:" + strconv.FormatInt(v.Int(), 10)
	case dissect.String:
		s = "s:" + string(v.Bytes)
	case dissect.Flag:
		s = "flag"
	case dissect.Addr:
		s = "ip:" + v.Addr.String()
	case dissect.HWAddr:
		s = "hw:" + hex.EncodeToString(v.Bytes)
	case dissect.Struct:
		s = "st:" + v.Struct.Struct
		for _, f := range v.Struct.Fields {
			s += " " + f.Name + "=" + fieldText(&f)
		}
		for _, a := range v.Struct.Addrs {
			s += " " + a.Name + "=" + addrText(&a)
		}
	case dissect.Bitfield32:
		s = "bf:" + strconv.FormatUint(v.Uint, 16) + "/" + strconv.FormatUint(uint64(v.Selector), 16)
	default:
		s = "x:" + hex.EncodeToString(v.Bytes)
	}
	if b, ok := v.AppendNames(nil); ok {
		s += " (" + string(b) + ")"
	}
	return s
}

// datagram is one datagram of a capture, copied.
type datagram struct {
	proto uint16
	order nlwire.Order
	data  []byte
}

// readCapture returns the datagrams of a capture in ../testdata.
func readCapture(tb testing.TB, name string) []datagram {
	tb.Helper()
	f, err := os.Open("../testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	cr, err := capture.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var out []datagram
	for cr.Next() {
		rec := cr.Record()
		if rec.Index < 0 {
			continue
		}
		out = append(out, datagram{rec.Protocol, cr.Order(rec.Data), append([]byte(nil), rec.Data...)})
	}
	if err := cr.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// captures are the testdata captures.
var captures = []string{"route-dumps.pcap", "route-errors.pcap", "route-notify.pcap", "tools-route.pcap", "genl-ctrl.pcapng"}

// message is one message of a capture, with its kind.
type message struct {
	msg  []byte
	kind dissect.Kind
}

// messagesOf classifies every message of the datagrams, learning generic
// family names as it goes.
func messagesOf(d *dissect.Dissector, dgs []datagram) []message {
	var out []message
	for _, dg := range dgs {
		r := wire.NewReader(dg.data).WithOrder(dg.order)
		for r.Next() {
			h := r.Header()
			var k dissect.Kind
			d.Classify(&k, dg.proto, dg.order, h, r.Payload())
			if dg.proto == dissect.ProtoGeneric && h.Type == 0x10 {
				d.Genl.Learn(r.Payload(), dg.order)
			}
			out = append(out, message{r.Message(), k})
		}
	}
	return out
}
