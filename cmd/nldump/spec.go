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
// its requests are validated with the spec's policies under -validate).
// A netlink-raw spec is refused: the raw protocols' tables (rtnetlink,
// netfilter) are built in. The error is the loader's, naming the file
// and the position (file:line:col).
func loadSpecs(files []string, dis *dissect.Dissector) error {
	for _, name := range files {
		s, err := ynl.ParseFile(name)
		if err != nil {
			return err
		}
		if !s.Protocol.IsGenetlink() {
			return fmt.Errorf("%s: %s is a %s spec: -spec takes generic netlink families", name, s.Name, s.Protocol)
		}
		t, err := tables.Build(s)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		dis.Genl.Spec(t.Family, t.OpPolicy)
	}
	return nil
}
