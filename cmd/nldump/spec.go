package main

import (
	"fmt"
	"io"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
	"github.com/nlwire/nlwire/family"
	"github.com/nlwire/nlwire/wire"
	"github.com/nlwire/nlwire/ynl"
	"github.com/nlwire/nlwire/ynl/tables"
)

// specFlag collects the -spec files, in order.
type specFlag []string

func (s *specFlag) String() string { return "" }

func (s *specFlag) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// loadSpecs loads the -spec files and gives their tables to dis: a
// generic netlink family's replace family/registry's for its name (and
// its requests are validated with the spec's policies under -validate);
// a netlink-raw family's (rt-link, nftables, ...) decode the message
// types its operations name in its protocol (protonum), in place of the
// built-in attribute tables (dissect.RawSpecs): the built-in names of
// attributes the spec does not have are lost for those types, which a
// note on stderr says. A generic family whose spec's policies cannot be
// made (a sub-message in a request) is decoded by the spec's tables and
// not validated, which a note says. The error is the loader's, naming
// the file and the position (file:line:col).
func loadSpecs(files []string, dis *dissect.Dissector, stderr io.Writer) error {
	for _, name := range files {
		s, err := ynl.ParseFile(name)
		if err != nil {
			return err
		}
		t, err := tables.Build(s)
		if err != nil && s.Protocol.IsGenetlink() {
			if t, ok := withoutPolicies(name); ok {
				fmt.Fprintf(stderr, "nldump: note: %s: %v: %s is decoded by the spec's tables, its requests are not validated\n",
					name, err, t.Family.Name)
				dis.Genl.Spec(t.Family, nil)
				continue
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !s.Protocol.IsGenetlink() {
			if dis.Raw == nil {
				dis.Raw = &dissect.RawSpecs{}
			}
			if n := replaced(t.Family); n > 0 {
				fmt.Fprintf(stderr, "nldump: note: %s replaces the built-in tables of %d %s message types: "+
					"the attributes it does not name are shown by number\n",
					name, n, dissect.FamilyName(uint16(t.Family.Protocol)))
			}
			dis.Raw.Add(t.Family)
			continue
		}
		dis.Genl.Spec(t.Family, t.OpPolicy)
	}
	return nil
}

// withoutPolicies builds the tables of the generic family spec file
// name without its policies, after tables.Build could not make them;
// false if the tables cannot be made either.
func withoutPolicies(name string) (*tables.Tables, bool) {
	s, err := ynl.ParseFile(name) // afresh: Build rewrote the names
	if err != nil {
		return nil, false
	}
	ver, proto := s.Version, s.Protonum
	kp, err := tables.KernelPolicy(s)
	if err != nil {
		return nil, false
	}
	s.Protocol = ynl.NetlinkRaw // Build makes policies of generic families only
	t, err := tables.Build(s)
	if err != nil {
		return nil, false
	}
	t.Family.Version, t.Family.Protocol, t.Family.KernelPolicy = ver, proto, kp
	return t, true
}

// replaced counts the message types the operations of f, a netlink-raw
// family, name that the built-in tables describe with attributes.
func replaced(f *family.Family) int {
	builtin := dissect.New()
	seen := map[int32]bool{}
	n := 0
	var k dissect.Kind
	for _, op := range f.Ops {
		for _, typ := range []int32{op.Request, op.Reply} {
			if typ < int32(wire.MinType) || typ > 0xffff || seen[typ] {
				continue
			}
			seen[typ] = true
			builtin.Classify(&k, uint16(f.Protocol), nlwire.Host(), wire.Header{Type: uint16(typ)}, nil)
			if k.Known && k.Attrs != nil {
				n++
			}
		}
	}
	return n
}
