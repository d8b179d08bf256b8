package ynl

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mustParse(t *testing.T, src string) *Spec {
	t.Helper()
	s, err := Parse(strings.NewReader(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

const genlSpec = `# SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
name: test-fam
protocol: genetlink-c
doc: A family for the tests.
c-family-name: test-genl-name
uapi-header: linux/test_genl.h
unknown-top-level-key: tolerated

definitions:
  - name: max-len
    type: const
    value: 0x10
  - name: grp-name
    type: const
    value: events
  - name: errno-max
    type: const
    value: 4095
    header: linux/err.h
  - name: colour
    type: enum
    value-start: 3
    entries: [ red, { name: green, value: 7 }, blue ]
  - name: opts
    type: flags
    render-max: true
    entries:
      - a
      - name: b
        value: 4
      - c
  - name: anon
    type: enum
    enum-name:
    name-prefix: anon-pfx-
    entries: [ x ]
  - name: hdr
    type: struct
    members:
      - name: kind
        type: u8
        enum: colour
      - name: pad
        type: pad
        len: 3
      - name: port
        type: u16
        byte-order: big-endian
      - name: addr
        type: binary
        len: max-len - 1
        display-hint: ipv6

attribute-sets:
  - name: test-fam
    attributes:
      - name: unspec
        type: unused
        value: 0
      - name: ifindex
        type: u32
        checks:
          min: 1
          max: u16-max
      - name: name
        type: string
        checks:
          max-len: max-len
          unterminated-ok: true
      - name: opts
        type: uint
        enum: opts
        enum-as-flags: true
        checks:
          flags-mask: opts
      - name: status
        type: s32
        value: 10
        checks:
          min: s8-min
          max: errno-max
      - name: nest
        type: nest
        nested-attributes: inner
        multi-attr: true
      - name: arr
        type: indexed-array
        sub-type: nest
        nested-attributes: inner
      - name: hdr
        type: binary
        struct: hdr
      - name: pad
        type: pad
      - name: bf
        type: bitfield32
      - name: kind
        type: string
      - name: data
        type: sub-message
        sub-message: data-msg
        selector: kind
  - name: inner
    name-prefix: test-inner-
    enum-name: test-inner-attrs
    attr-max-name: test-inner-last
    attributes:
      - name: id
        type: u64
        display-hint: hex
      - name: mac
        type: binary
        display-hint: mac
        checks:
          exact-len: 6
      - name: own
        type: flag
        name-prefix: test-own-
  - name: inner-sub
    subset-of: inner
    attributes:
      - name: mac
      - name: id
        multi-attr: true

sub-messages:
  - name: data-msg
    formats:
      - value: inner
        attribute-set: inner
      - value: hdr
        fixed-header: hdr

operations:
  list:
    - name: get
      attribute-set: test-fam
      flags: [ admin-perm ]
      dont-validate: [ strict ]
      do:
        pre: test-pre
        request:
          attributes: [ ifindex ]
        reply: &get-reply
          attributes: [ ifindex, name, nest ]
      dump:
        reply: *get-reply
    - name: set
      value: 5
      attribute-set: test-fam
      config-cond: test-config
      do:
        request:
          attributes: [ ifindex, opts ]
    - name: get-ntf
      notify: get
      mcgrp: events
    - name: ev
      attribute-set: inner
      event:
        attributes: [ id ]
      mcgrp: events
    - name: reserved

mcast-groups:
  list:
    - name: events
    - name: mgmt
      c-define-name: test-mcgrp-management
`

func TestParseGenetlink(t *testing.T) {
	s := mustParse(t, genlSpec)
	if s.Name != "test-fam" || s.Protocol != GenetlinkC || s.Protonum != 16 || !s.Protocol.IsGenetlink() {
		t.Errorf("family: %q %q %d", s.Name, s.Protocol, s.Protonum)
	}
	if s.CName != "test_fam" || s.CFamilyName != "TEST_GENL_NAME" || s.CVersionName != "TEST_FAM_FAMILY_VERSION" ||
		s.UAPIHeader != "linux/test_genl.h" || s.Version != 1 || s.KernelPolicy != "split" {
		t.Errorf("family names: %q %q %q %q %d %q", s.CName, s.CFamilyName, s.CVersionName, s.UAPIHeader, s.Version, s.KernelPolicy)
	}
	if s.CmdMaxName != "TEST_FAM_CMD_MAX" || s.CmdCntName != "__TEST_FAM_CMD_MAX" {
		t.Errorf("cmd max: %q %q", s.CmdMaxName, s.CmdCntName)
	}

	// Definitions.
	c := s.Definition("max-len")
	if c.Kind != DefConst || c.Value != 16 || c.IsString || c.CName != "TEST_FAM_MAX_LEN" {
		t.Errorf("max-len: %+v", c)
	}
	if c := s.Definition("grp-name"); !c.IsString || c.StringValue != "events" {
		t.Errorf("grp-name: %+v", c)
	}
	if c := s.Definition("errno-max"); c.CName != "ERRNO_MAX" || c.Header != "linux/err.h" {
		t.Errorf("errno-max: %+v", c)
	}
	type entry struct {
		Name  string
		Value int64
		Mask  uint64
		CName string
	}
	entries := func(d *Definition) []entry {
		var out []entry
		for _, e := range d.Entries {
			out = append(out, entry{e.Name, e.Value, e.Mask, e.CName})
		}
		return out
	}
	colour := s.Definition("colour")
	if diff := cmp.Diff([]entry{
		{"red", 3, 8, "TEST_FAM_COLOUR_RED"},
		{"green", 7, 128, "TEST_FAM_COLOUR_GREEN"},
		{"blue", 8, 256, "TEST_FAM_COLOUR_BLUE"},
	}, entries(colour)); diff != "" {
		t.Errorf("colour (-want +got):\n%s", diff)
	}
	if colour.EnumName != "test_fam_colour" || colour.Entry("blue").UserValue(colour) != 8 {
		t.Errorf("colour: %q", colour.EnumName)
	}
	opts := s.Definition("opts")
	if diff := cmp.Diff([]entry{
		{"a", 0, 1, "TEST_FAM_OPTS_A"},
		{"b", 4, 16, "TEST_FAM_OPTS_B"},
		{"c", 5, 32, "TEST_FAM_OPTS_C"},
	}, entries(opts)); diff != "" {
		t.Errorf("opts (-want +got):\n%s", diff)
	}
	if opts.Kind != DefFlags || !opts.RenderMax || opts.Mask() != 0x31 || opts.Entry("b").UserValue(opts) != 16 {
		t.Errorf("opts: %+v mask %#x", opts, opts.Mask())
	}
	if anon := s.Definition("anon"); anon.EnumName != "" || anon.Entries[0].CName != "ANON_PFX_X" || anon.NamePrefix != "ANON_PFX_" {
		t.Errorf("anon: %q %q", anon.EnumName, anon.Entries[0].CName)
	}
	hdr := s.Definition("hdr")
	if len(hdr.Members) != 4 {
		t.Fatalf("hdr members: %d", len(hdr.Members))
	}
	if m := hdr.Members[0]; m.Type != TypeU8 || m.EnumDef != colour {
		t.Errorf("hdr.kind: %+v", m)
	}
	if m := hdr.Members[1]; m.Type != TypePad || m.Len != (Length{Set: true, Value: 3}) {
		t.Errorf("hdr.pad: %+v", m)
	}
	if m := hdr.Members[2]; m.ByteOrder != BigEndian {
		t.Errorf("hdr.port: %+v", m)
	}
	if m := hdr.Members[3]; m.Len != (Length{Set: true, Expr: "max-len - 1", Value: 15}) || m.DisplayHint != HintIPv6 {
		t.Errorf("hdr.addr: %+v", m)
	}

	// Attribute sets.
	top := s.AttrSet("test-fam")
	type attr struct {
		Name  string
		Value int64
		Type  Type
		CName string
	}
	attrs := func(set *AttrSet) []attr {
		var out []attr
		for _, a := range set.Attributes {
			out = append(out, attr{a.Name, a.Value, a.Type, a.CName})
		}
		return out
	}
	if diff := cmp.Diff([]attr{
		{"unspec", 0, TypeUnused, "TEST_FAM_A_UNSPEC"},
		{"ifindex", 1, TypeU32, "TEST_FAM_A_IFINDEX"},
		{"name", 2, TypeString, "TEST_FAM_A_NAME"},
		{"opts", 3, TypeUint, "TEST_FAM_A_OPTS"},
		{"status", 10, TypeS32, "TEST_FAM_A_STATUS"},
		{"nest", 11, TypeNest, "TEST_FAM_A_NEST"},
		{"arr", 12, TypeIndexedArray, "TEST_FAM_A_ARR"},
		{"hdr", 13, TypeBinary, "TEST_FAM_A_HDR"},
		{"pad", 14, TypePad, "TEST_FAM_A_PAD"},
		{"bf", 15, TypeBitfield32, "TEST_FAM_A_BF"},
		{"kind", 16, TypeString, "TEST_FAM_A_KIND"},
		{"data", 17, TypeSubMessage, "TEST_FAM_A_DATA"},
	}, attrs(top)); diff != "" {
		t.Errorf("test-fam (-want +got):\n%s", diff)
	}
	if top.NamePrefix != "TEST_FAM_A_" || top.CMaxName != "TEST_FAM_A_MAX" || top.CCntName != "__TEST_FAM_A_MAX" || top.EnumName != "" || top.MaxValue() != 17 {
		t.Errorf("test-fam names: %q %q %q %q", top.NamePrefix, top.CMaxName, top.CCntName, top.EnumName)
	}
	inner := s.AttrSet("inner")
	if a := top.Attr("ifindex"); a.Checks.Min != (Limit{Set: true, Abs: 1}) || a.Checks.Max != (Limit{Set: true, Name: "u16-max", Abs: 65535}) {
		t.Errorf("ifindex checks: %+v", a.Checks)
	}
	if a := top.Attr("name"); a.Checks.MaxLen != (Length{Set: true, Expr: "max-len", Value: 16}) || !a.Checks.UnterminatedOK {
		t.Errorf("name checks: %+v", a.Checks)
	}
	if a := top.Attr("opts"); a.EnumDef != opts || !a.EnumAsFlags || a.Checks.FlagsMaskDef != opts {
		t.Errorf("opts attr: %+v", a)
	}
	if a := top.Attr("status"); a.Checks.Min != (Limit{Set: true, Name: "s8-min", Neg: true, Abs: 128}) || a.Checks.Max != (Limit{Set: true, Name: "errno-max", Abs: 4095}) {
		t.Errorf("status checks: %+v", a.Checks)
	} else if v, ok := a.Checks.Min.Int64(); !ok || v != -128 {
		t.Errorf("s8-min: %d %v", v, ok)
	}
	if a := top.Attr("nest"); a.Nested != inner || !a.MultiAttr {
		t.Errorf("nest: %+v", a)
	}
	if a := top.Attr("arr"); a.Nested != inner || a.SubType != TypeNest {
		t.Errorf("arr: %+v", a)
	}
	if a := top.Attr("hdr"); a.StructDef != hdr {
		t.Errorf("hdr attr: %+v", a)
	}
	if a := top.Attr("data"); a.SubMsg != s.SubMessage("data-msg") || a.Selector != "kind" {
		t.Errorf("data: %+v", a)
	}
	if diff := cmp.Diff([]attr{
		{"id", 1, TypeU64, "TEST_INNER_ID"},
		{"mac", 2, TypeBinary, "TEST_INNER_MAC"},
		{"own", 3, TypeFlag, "TEST_OWN_OWN"},
	}, attrs(inner)); diff != "" {
		t.Errorf("inner (-want +got):\n%s", diff)
	}
	if inner.EnumName != "test_inner_attrs" || inner.CMaxName != "TEST_INNER_LAST" || inner.CCntName != "__TEST_INNER_MAX" {
		t.Errorf("inner names: %q %q %q", inner.EnumName, inner.CMaxName, inner.CCntName)
	}
	if a := inner.Attr("id"); a.DisplayHint != HintHex || a.MultiAttr {
		t.Errorf("inner.id: %+v", a)
	}
	if a := inner.Attr("mac"); a.Checks.ExactLen != (Length{Set: true, Value: 6}) {
		t.Errorf("inner.mac: %+v", a.Checks)
	}

	// A subset: the superset's attributes, values and types, in the
	// subset's order, with its overrides.
	sub := s.AttrSet("inner-sub")
	if diff := cmp.Diff([]attr{
		{"mac", 2, TypeBinary, "TEST_INNER_MAC"},
		{"id", 1, TypeU64, "TEST_INNER_ID"},
	}, attrs(sub)); diff != "" {
		t.Errorf("inner-sub (-want +got):\n%s", diff)
	}
	if sub.Superset != inner || sub.NamePrefix != "TEST_INNER_" || !sub.Attr("id").MultiAttr || inner.Attr("id").MultiAttr {
		t.Errorf("inner-sub: %+v", sub)
	}

	// Sub-messages.
	dm := s.SubMessage("data-msg")
	if f := dm.Format("inner"); f.Set != inner || f.FixedHeaderDef != nil {
		t.Errorf("format inner: %+v", f)
	}
	if f := dm.Format("hdr"); f.Set != nil || f.FixedHeaderDef != hdr {
		t.Errorf("format hdr: %+v", f)
	}
	if dm.Format("none") != nil {
		t.Errorf("format none found")
	}

	// Operations: unified numbering from 1.
	type op struct {
		Name                  string
		Value, Request, Reply int64
		Set, CName            string
	}
	var ops []op
	for _, o := range s.Operations.List {
		ops = append(ops, op{o.Name, o.Value, o.RequestValue, o.ReplyValue, o.AttributeSet, o.CName})
	}
	if diff := cmp.Diff([]op{
		{"get", 1, 1, 1, "test-fam", "TEST_FAM_CMD_GET"},
		{"set", 5, 5, 5, "test-fam", "TEST_FAM_CMD_SET"},
		{"get-ntf", 6, 6, 6, "test-fam", "TEST_FAM_CMD_GET_NTF"},
		{"ev", 7, 7, 7, "inner", "TEST_FAM_CMD_EV"},
		{"reserved", 8, 8, 8, "", "TEST_FAM_CMD_RESERVED"},
	}, ops); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	get := s.Operation("get")
	if !get.IsCall() || get.IsAsync() || get.Do.Pre != "test-pre" || get.Flags[0] != "admin-perm" || get.DontValidate[0] != "strict" {
		t.Errorf("get: %+v", get)
	}
	if len(get.Do.Request.Attrs) != 1 || get.Do.Request.Attrs[0] != top.Attr("ifindex") {
		t.Errorf("get do request: %+v", get.Do.Request)
	}
	if diff := cmp.Diff([]string{"ifindex", "name", "nest"}, get.Dump.Reply.Attributes); diff != "" {
		t.Errorf("get dump reply (an alias) (-want +got):\n%s", diff)
	}
	if s.Operation("set").ConfigCond != "test-config" {
		t.Errorf("set config-cond")
	}
	ntf := s.Operation("get-ntf")
	if !ntf.IsAsync() || ntf.NotifyOp != get || ntf.Set != top || ntf.McastGroup != s.McastGroup("events") {
		t.Errorf("get-ntf: %+v", ntf)
	}
	if ev := s.Operation("ev"); ev.Event == nil || ev.Event.Attrs[0] != inner.Attr("id") {
		t.Errorf("ev: %+v", ev)
	}
	if r := s.Operation("reserved"); !r.IsReserved() || r.Set != nil {
		t.Errorf("reserved: %+v", r)
	}

	// Multicast groups.
	if g := s.McastGroup("events"); g.CName != "TEST_FAM_MCGRP_EVENTS" || g.Value != None {
		t.Errorf("events: %+v", g)
	}
	if g := s.McastGroup("mgmt"); g.CName != "TEST_MCGRP_MANAGEMENT" {
		t.Errorf("mgmt: %+v", g)
	}
}

const rawSpec = `name: test-raw
protocol: netlink-raw
protonum: 0
definitions:
  - name: msg
    type: struct
    members:
      - name: family
        type: u8
      - name: pad
        type: pad
        len: 3
attribute-sets:
  - name: attrs
    name-prefix: tra-
    attributes:
      - name: a
        type: u32
      - name: b
        type: string
operations:
  enum-model: directional
  name-prefix: rtm-
  fixed-header: msg
  list:
    - name: new
      attribute-set: attrs
      do:
        request:
          value: 16
          attributes: [ family, a ]
    - name: del
      attribute-set: attrs
      do:
        request:
          attributes: [ a ]
    - name: get
      attribute-set: attrs
      do:
        request:
          value: 18
          attributes: [ a ]
        reply:
          value: 16
          attributes: [ a, b ]
      dump:
        request:
          attributes: [ a ]
    - name: new-ntf
      notify: get
      value: 16
    - name: other
      attribute-set: attrs
      fixed-header: msg
      do:
        request:
          value: 30
        reply:
          value: 30
mcast-groups:
  list:
    - name: link
      value: 1
`

func TestParseNetlinkRaw(t *testing.T) {
	s := mustParse(t, rawSpec)
	if s.Protocol != NetlinkRaw || s.Protonum != 0 || s.Protocol.IsGenetlink() {
		t.Errorf("family: %q %d", s.Protocol, s.Protonum)
	}
	type op struct {
		Name                  string
		Value, Request, Reply int64
		CName, FixedHeader    string
	}
	var ops []op
	for _, o := range s.Operations.List {
		ops = append(ops, op{o.Name, o.Value, o.RequestValue, o.ReplyValue, o.CName, o.FixedHeader})
		if o.FixedHeaderDef != s.Definition("msg") {
			t.Errorf("%s: fixed header %v", o.Name, o.FixedHeaderDef)
		}
	}
	// Directional: requests and replies counted apart; an operation
	// without reply has no reply value; a notification no request value.
	if diff := cmp.Diff([]op{
		{"new", None, 16, None, "RTM_NEW", "msg"},
		{"del", None, 17, None, "RTM_DEL", "msg"},
		{"get", None, 18, 16, "RTM_GET", "msg"},
		{"new-ntf", None, None, 16, "RTM_NEW_NTF", "msg"},
		{"other", 30, 30, 30, "RTM_OTHER", "msg"},
	}, ops); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	// The fixed header's members listed among the attributes are not
	// attributes.
	if m := s.Operation("new").Do.Request; len(m.Attributes) != 2 || len(m.Attrs) != 1 || m.Attrs[0].Name != "a" {
		t.Errorf("new request: %+v", m)
	}
	if a := s.AttrSet("attrs").Attr("b"); a.CName != "TRA_B" || a.Value != 2 {
		t.Errorf("b: %+v", a)
	}
	if g := s.McastGroup("link"); g.Value != 1 {
		t.Errorf("link group: %+v", g)
	}
}

func TestAsyncPrefix(t *testing.T) {
	s := mustParse(t, `name: f
attribute-sets: [ { name: f, attributes: [ { name: x, type: u8 } ] } ]
operations:
  name-prefix: f-cmd-
  async-prefix: f-ntf-
  enum-name: f-cmds
  async-enum: f-ntfs
  list:
    - { name: get, attribute-set: f, do: { request: { attributes: [ x ] } } }
    - { name: changed, notify: get }
`)
	ops := s.Operations
	if ops.NamePrefix != "F_CMD_" || ops.AsyncPrefix != "F_NTF_" || ops.EnumName != "f_cmds" || ops.AsyncEnum != "f_ntfs" {
		t.Errorf("operations: %+v", ops)
	}
	if s.Operation("get").CName != "F_CMD_GET" || s.Operation("changed").CName != "F_NTF_CHANGED" {
		t.Errorf("C names: %q %q", s.Operation("get").CName, s.Operation("changed").CName)
	}
	if a := s.AttrSet("f").Attr("x"); a.CName != "F_A_X" {
		t.Errorf("set named as the family: %q", a.CName)
	}
}

func TestLimit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		neg   bool
		abs   uint64
		i64   int64
		i64ok bool
		u64   uint64
		u64ok bool
	}{
		{"u8-max", false, 255, 255, true, 255, true},
		{"u64-max", false, 1<<64 - 1, 0, false, 1<<64 - 1, true},
		{"s64-min", true, 1 << 63, -1 << 63, true, 0, false},
		{"s64-max", false, 1<<63 - 1, 1<<63 - 1, true, 1<<63 - 1, true},
		{"u32-min", false, 0, 0, true, 0, true},
		{"s16-min", true, 32768, -32768, true, 0, false},
	} {
		neg, abs, ok := typeLimit(tc.name)
		if !ok || neg != tc.neg || abs != tc.abs {
			t.Errorf("%s: %v %d %v", tc.name, neg, abs, ok)
			continue
		}
		l := Limit{Set: true, Name: tc.name, Neg: neg, Abs: abs}
		if v, ok := l.Int64(); v != tc.i64 || ok != tc.i64ok {
			t.Errorf("%s: Int64 %d %v", tc.name, v, ok)
		}
		if v, ok := l.Uint64(); v != tc.u64 || ok != tc.u64ok {
			t.Errorf("%s: Uint64 %d %v", tc.name, v, ok)
		}
	}
	for _, bad := range []string{"u7-max", "x8-max", "u8-mid", "u-max", "u8", "s8-maxx", "u+8-max"} {
		if _, _, ok := typeLimit(bad); ok {
			t.Errorf("%s: accepted", bad)
		}
	}
}

func TestTypeNames(t *testing.T) {
	for ty := TypeUnused; ty < numTypes; ty++ {
		got, ok := ParseType(ty.String())
		if !ok || got != ty {
			t.Errorf("%v: ParseType gives %v %v", ty, got, ok)
		}
	}
	if _, ok := ParseType("array-nest"); ok {
		t.Errorf("array-nest accepted")
	}
	if !TypeU16.IsScalar() || TypeString.IsScalar() || !TypeSint.IsSigned() || TypeU64.IsSigned() || TypeU16.Size() != 2 || TypeUint.Size() != 0 {
		t.Errorf("type properties")
	}
	if Type(200).String() != "Type(200)" || DefKind(9).String() != "DefKind(9)" || DefStruct.String() != "struct" {
		t.Errorf("names of unknown values")
	}
}

// minimal wraps attribute sets and operations into a spec.
func minimal(sets, ops string) string {
	if ops == "" {
		ops = "  list: []\n"
	}
	return "name: f\nattribute-sets:\n" + sets + "operations:\n" + ops
}

const oneSet = "  - name: s\n    attributes:\n      - name: a\n        type: u32\n"

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		err       error
		msg       string // substring, with the position
	}{
		{"empty", "", ErrInvalid, "empty spec"},
		{"not a mapping", "- a\n", ErrInvalid, "1:1: the spec must be a mapping"},
		{"syntax", "name: f\n  bad: [\n", ErrSyntax, "ynl:"},
		{"no name", "attribute-sets: []\noperations: {list: []}\n", ErrInvalid, "no name"},
		{"no sets", "name: f\noperations: {list: []}\n", ErrInvalid, "no attribute-sets"},
		{"no operations", "name: f\nattribute-sets: []\n", ErrInvalid, "no operations"},
		{"unknown protocol", "name: f\nprotocol: genetlink-new\n", ErrInvalid, `2:11: unknown protocol "genetlink-new"`},
		{"raw without protonum", "name: f\nprotocol: netlink-raw\nattribute-sets: []\noperations: {list: []}\n", ErrInvalid, "needs protonum"},
		{"unknown attribute type", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u24\n", ""), ErrInvalid, `6:15: unknown attribute type "u24"`},
		{"unknown sub-type", minimal("  - name: s\n    attributes:\n      - name: a\n        type: indexed-array\n        sub-type: u24\n", ""), ErrInvalid, `7:19: unknown sub-type "u24"`},
		{"no type", minimal("  - name: s\n    attributes:\n      - name: a\n", ""), ErrInvalid, `5:9: attribute "a" has no type`},
		{"attribute without name", minimal("  - name: s\n    attributes:\n      - type: u8\n", ""), ErrInvalid, "5:9: an attribute has no name"},
		{"bad value", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u8\n        value: ten\n", ""), ErrInvalid, `7:16: an attribute's value must be an integer, not "ten"`},
		{"negative value", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u8\n        value: -1\n", ""), ErrInvalid, "7:16: an attribute's value must not be negative"},
		{"huge value", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u8\n        value: 70000\n", ""), ErrInvalid, "below 65536"},
		{"value past int64", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u8\n        value: 18446744073709551615\n", ""), ErrInvalid, "int64 range"},
		{"bad bool", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u8\n        multi-attr: maybe\n", ""), ErrInvalid, `7:21: multi-attr must be true or false, not "maybe"`},
		{"bad byte order", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u16\n        byte-order: middle\n", ""), ErrInvalid, `unknown byte-order "middle"`},
		{"duplicate key", minimal("  - name: s\n    name: t\n    attributes: []\n", ""), ErrInvalid, `4:5: duplicate key "name"`},
		{"duplicate attribute", minimal("  - name: s\n    attributes:\n      - {name: a, type: u8}\n      - {name: a, type: u8}\n", ""), ErrInvalid, `duplicate attribute "a" in "s"`},
		{"duplicate attribute at one value", minimal("  - name: s\n    attributes:\n      - {name: a, type: u8, value: 1}\n      - {name: a, type: u8, value: 1}\n", ""), ErrInvalid, `duplicate attribute "a" in "s"`},
		{"duplicate set", minimal(oneSet+oneSet, ""), ErrInvalid, `duplicate attribute set "s"`},
		{"merge key", "base: &b {name: f}\n<<: *b\n", ErrInvalid, "2:1: merge keys"},
		{"undefined nest", minimal("  - name: s\n    attributes:\n      - name: a\n        type: nest\n        nested-attributes: nope\n", ""), ErrUndefined, `7:28: attribute set "nope" is not defined`},
		{"undefined struct", minimal("  - name: s\n    attributes:\n      - name: a\n        type: binary\n        struct: nope\n", ""), ErrUndefined, `7:17: struct "nope" is not defined`},
		{"undefined enum", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u32\n        enum: nope\n", ""), ErrUndefined, `7:15: enum "nope" is not defined`},
		{"undefined sub-message", minimal("  - name: s\n    attributes:\n      - name: a\n        type: sub-message\n        sub-message: nope\n        selector: a\n", ""), ErrUndefined, `7:22: sub-message "nope" is not defined`},
		{"sub-message without selector", "name: f\nsub-messages: [{name: m, formats: [{value: x}]}]\n" + minimal("  - name: s\n    attributes:\n      - name: a\n        type: sub-message\n        sub-message: m\n", "")[8:], ErrInvalid, "needs sub-message and selector"},
		{"indexed-array without sub-type", minimal("  - name: s\n    attributes:\n      - name: a\n        type: indexed-array\n", ""), ErrInvalid, "needs a sub-type"},
		{"undefined limit", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u32\n        checks:\n          max: nope\n", ""), ErrUndefined, `8:16: max: constant "nope" is not defined`},
		{"undefined len", minimal("  - name: s\n    attributes:\n      - name: a\n        type: binary\n        checks:\n          min-len: nope - 1\n", ""), ErrUndefined, `8:20: min-len: constant "nope" is not defined`},
		{"undefined flags-mask", minimal("  - name: s\n    attributes:\n      - name: a\n        type: u32\n        checks:\n          flags-mask: nope\n", ""), ErrUndefined, `enum "nope" is not defined`},
		{"limit names a string constant", "name: f\ndefinitions: [{name: c, type: const, value: abc}]\n" + minimal("  - name: s\n    attributes:\n      - name: a\n        type: u32\n        checks:\n          max: c\n", "")[8:], ErrInvalid, "not an integer constant"},
		{"undefined superset", minimal("  - name: s\n    subset-of: nope\n    attributes: []\n", ""), ErrUndefined, `4:16: attribute set "nope" is not defined`},
		{"attribute not in superset", minimal(oneSet+"  - name: t\n    subset-of: s\n    attributes:\n      - name: b\n", ""), ErrUndefined, `10:9: attribute "b" is not in attribute set "s"`},
		{"subset cycle", minimal("  - name: s\n    subset-of: t\n    attributes: []\n  - name: t\n    subset-of: s\n    attributes: []\n", ""), ErrInvalid, "its own superset"},
		{"subset with name-prefix", minimal(oneSet+"  - name: t\n    subset-of: s\n    name-prefix: x-\n    attributes: []\n", ""), ErrInvalid, "must not have a name-prefix"},
		{"unknown definition type", withDefs("[{name: d, type: union}]"), ErrInvalid, `2:31: unknown definition type "union"`},
		{"flag bit too big", withDefs("[{name: d, type: flags, entries: [{name: a, value: 64}]}]"), ErrInvalid, "not 0 to 63"},
		{"duplicate entry", withDefs("[{name: d, type: enum, entries: [a, a]}]"), ErrInvalid, `duplicate entry "a"`},
		{"enum without entries", withDefs("[{name: d, type: enum}]"), ErrInvalid, "has no entries"},
		{"const without value", withDefs("[{name: d, type: const}]"), ErrInvalid, "has no value"},
		{"duplicate definition", withDefs("[{name: d, type: const, value: 1}, {name: d, type: const, value: 2}]"), ErrInvalid, `duplicate definition "d"`},
		{"unknown member type", withDefs("[{name: d, type: struct, members: [{name: m, type: nest}]}]"), ErrInvalid, `unknown struct member type "nest"`},
		{"pad without len", withDefs("[{name: d, type: struct, members: [{name: m, type: pad}]}]"), ErrInvalid, "needs a len"},
		{"member enum undefined", withDefs("[{name: d, type: struct, members: [{name: m, type: u8, enum: e}]}]"), ErrUndefined, `enum "e" is not defined`},
		{"unknown enum model", minimal(oneSet, "  enum-model: sideways\n  list: []\n"), ErrInvalid, `unknown enum-model "sideways"`},
		{"op set undefined", minimal(oneSet, "  list:\n    - name: get\n      attribute-set: nope\n      do: {}\n"), ErrUndefined, `attribute set "nope" is not defined`},
		{"op without set", minimal(oneSet, "  list:\n    - name: get\n      do: {}\n"), ErrInvalid, `operation "get" has no attribute-set`},
		{"notify undefined", minimal(oneSet, "  list:\n    - name: ntf\n      notify: nope\n"), ErrUndefined, `operation "nope" is not defined`},
		{"mcgrp undefined", minimal(oneSet, "  list:\n    - name: ntf\n      attribute-set: s\n      event: {attributes: [a]}\n      mcgrp: nope\n"), ErrUndefined, `multicast group "nope" is not defined`},
		{"fixed header undefined", minimal(oneSet, "  fixed-header: nope\n  list: []\n"), ErrUndefined, `struct "nope" is not defined`},
		{"duplicate operation", minimal(oneSet, "  list:\n    - {name: a, attribute-set: s, do: {}}\n    - {name: a, attribute-set: s, do: {}}\n"), ErrInvalid, `duplicate operation "a"`},
		{"directional reserved", minimal(oneSet, "  enum-model: directional\n  list:\n    - name: a\n"), ErrInvalid, "no value under the directional enum model"},
		{"attributes without set", minimal(oneSet, "  list:\n    - name: a\n      event: {attributes: [a]}\n"), ErrInvalid, "has no attribute-set"},
		{"list of a scalar", minimal("  - name: s\n    attributes: 3\n", ""), ErrInvalid, "attributes must be a list, not a scalar"},
		{"name a mapping", "name: {a: b}\n", ErrInvalid, "1:7: name must be a scalar, not a mapping"},
		{"empty name", "name: ''\n", ErrInvalid, "name must not be empty"},
		{"mcast without list", minimal(oneSet, "") + "mcast-groups: {}\n", ErrInvalid, "mcast-groups have no list"},
		{"version", "name: f\nversion: 0\n", ErrInvalid, "version must be 1 to 255"},
		{"too large", "name: f\n" + strings.Repeat(" ", MaxSize), ErrLimit, "larger than"},
		{"too many tokens", "[" + strings.Repeat("a,", MaxTokens) + "]", ErrLimit, "tokens"},
		{"billion laughs", laughs(3000), ErrLimit, "aliases expand past the limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.src))
			if err == nil {
				t.Fatalf("no error")
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("error %q is not %v", err, tc.err)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not an *Error", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
		})
	}
}

// laughs returns a spec whose aliases expand quadratically: n
// operations that are one aliased operation, whose event lists n
// attributes.
func laughs(n int) string {
	var b strings.Builder
	b.WriteString("name: f\nnames: &l [" + strings.Repeat("a, ", n-1) + "a]\n")
	b.WriteString("attribute-sets: [{name: s, attributes: [{name: a, type: u8}]}]\n")
	b.WriteString("operations:\n  list:\n    - &op {name: x, attribute-set: s, event: {attributes: *l}}\n")
	b.WriteString(strings.Repeat("    - *op\n", n-1))
	return b.String()
}

// withDefs wraps definitions into a spec.
func withDefs(defs string) string {
	return "name: f\ndefinitions: " + defs + "\nattribute-sets: []\noperations: {list: []}\n"
}

func TestErrorFile(t *testing.T) {
	e := &Error{File: "x.yaml", Pos: Pos{Line: 3, Column: 4}, Msg: "bad", Err: ErrInvalid}
	if e.Error() != "x.yaml:3:4: bad" {
		t.Errorf("%q", e.Error())
	}
	e = &Error{Pos: Pos{Line: 3}, Msg: "bad", Err: ErrSyntax}
	if e.Error() != "ynl:3: bad" {
		t.Errorf("%q", e.Error())
	}
	if _, err := ParseFile("testdata/does-not-exist.yaml"); err == nil {
		t.Errorf("ParseFile of a missing file: no error")
	}
}

// TestAliasesWithinBudget: aliases used as the kernel's specs use them
// (shared attribute lists) cost what they expand to.
func TestAliasesWithinBudget(t *testing.T) {
	src := "name: f\nattribute-sets: [{name: s, attributes: [{name: a, type: u8}, {name: b, type: u8}]}]\n" +
		"operations:\n  list:\n" +
		"    - {name: x, attribute-set: s, do: {request: &r {attributes: [a, b]}, reply: *r}, dump: {request: *r, reply: *r}}\n" +
		"    - {name: y, attribute-set: s, do: {request: *r, reply: *r}}\n"
	s := mustParse(t, src)
	if r := s.Operation("y").Do.Reply; len(r.Attrs) != 2 || r.Attrs[1].Name != "b" {
		t.Errorf("y reply: %+v", r)
	}
}

// TestQuote: names from the input are quoted and shortened in errors.
func TestQuote(t *testing.T) {
	_, err := Parse(strings.NewReader("name: f\nprotocol: \"\\x01" + strings.Repeat("x", 100) + "\"\n"))
	if err == nil || !strings.Contains(err.Error(), `"\x01xxx`) || !strings.Contains(err.Error(), `..."`[:3]) || len(err.Error()) > 120 {
		t.Errorf("%v", err)
	}
}

// TestConstByCName: a length may name a constant by its C name, as
// wireguard's "exact-len: wg-key-len" names key-len with name-prefix wg-.
func TestConstByCName(t *testing.T) {
	s := mustParse(t, `name: wireguard
definitions:
  - {name-prefix: wg-, name: key-len, type: const, value: 32}
attribute-sets:
  - name: peer
    attributes:
      - {name: key, type: binary, display-hint: ipv4-or-v6, checks: {exact-len: wg-key-len}}
operations: {list: [{name: get-device, value: 0, attribute-set: peer, dump: {}}]}
`)
	if c := s.Definition("key-len"); c.CName != "WG_KEY_LEN" {
		t.Errorf("C name %q", c.CName)
	}
	a := s.AttrSet("peer").Attr("key")
	if a.Checks.ExactLen != (Length{Set: true, Expr: "wg-key-len", Value: 32}) || a.DisplayHint != HintIPv4OrV6 {
		t.Errorf("key: %+v", a)
	}
	if op := s.Operation("get-device"); op.Value != 0 || op.CName != "WIREGUARD_CMD_GET_DEVICE" {
		t.Errorf("get-device: %+v", op)
	}
}

// TestDuplicateUnused parses a set that lists an unused attribute twice
// at one value, as the newer ethtool spec's "strings" does: one
// attribute, and the count goes on from it.
func TestDuplicateUnused(t *testing.T) {
	src := minimal("  - name: s\n    attributes:\n      - {name: unspec, type: unused, value: 0}\n"+
		"      - {name: unspec, type: unused, value: 0}\n      - {name: b, type: u8}\n", "")
	s, err := Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range s.AttrSet("s").Attributes {
		got = append(got, a.Name+"="+strconv.FormatInt(a.Value, 10))
	}
	if diff := cmp.Diff([]string{"unspec=0", "b=1"}, got); diff != "" {
		t.Errorf("attributes (-want +got):\n%s", diff)
	}
}
