package main

import (
	"fmt"

	"github.com/nlwire/nlwire/dissect"
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
// built-in attribute tables (dissect.RawSpecs). The error is the
// loader's, naming the file and the position (file:line:col).
func loadSpecs(files []string, dis *dissect.Dissector) error {
	for _, name := range files {
		s, err := ynl.ParseFile(name)
		if err != nil {
			return err
		}
		t, err := tables.Build(s)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !s.Protocol.IsGenetlink() {
			if dis.Raw == nil {
				dis.Raw = &dissect.RawSpecs{}
			}
			dis.Raw.Add(t.Family)
			continue
		}
		dis.Genl.Spec(t.Family, t.OpPolicy)
	}
	return nil
}
