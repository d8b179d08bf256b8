package main

import (
	"encoding/hex"
	"github.com/nlwire/nlwire/dissect"
	"os"
	"strings"
	"testing"

	"github.com/nlwire/nlwire/family/registry"
)

// TestGenlCaptureNamed: in the live capture of netdev and ethtool, every
// message has its command's name and every attribute its spec's name.
func TestGenlCaptureNamed(t *testing.T) {
	out, errs, status := runNldump(t, "testdata/genl-ynl.pcap")
	if status != 0 || strings.TrimSpace(dropNotes(errs)) != "" {
		t.Fatalf("status %d, stderr:\n%s", status, errs)
	}
	for _, want := range []string{
		"netdev NETDEV_CMD_DEV_GET", "ethtool ETHTOOL_MSG_LINKINFO_GET", "ethtool ETHTOOL_MSG_CHANNELS_GET",
		"NETDEV_A_DEV_XDP_FEATURES", "ETHTOOL_A_HEADER_DEV_NAME \"v0\"", "(ETHTOOL_FLAG_COMPACT_BITSETS)",
		"ETHTOOL_A_BITSET_VALUE", "(NETDEV_XDP_ACT_BASIC|",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], "#") {
			t.Errorf("line %d: attribute by number: %s", i+1, line)
		}
	}
}

// TestGenlFamilyLookup: a family named by -genl or learned from the
// capture gets its generated tables; an unknown one is printed by number;
// the name given wins over a number's guess.
func TestGenlFamilyLookup(t *testing.T) {
	g := dissect.NewGenlNames()
	g.Add(0x30, "netdev")
	g.Add(0x31, "no-such-family")
	if n, _ := g.Lookup(0x30); n.Tables == nil || n.Tables.Name != "netdev" {
		t.Errorf("netdev: %+v", n)
	}
	if n, _ := g.Lookup(0x31); n.Tables != nil {
		t.Errorf("unknown family has tables: %+v", n)
	}
	// NETDEV_CMD_DEV_GET dump reply: ifindex 1, xdp-features 3, and an
	// attribute the spec does not know (type 60).
	msg := "3c000000" + "2a00" + "0200" + "01000000" + "00000000" + "01010000" +
		"0800" + "0100" + "01000000" +
		"0c00" + "0300" + "0300000000000000" +
		"0800" + "3c00" + "05000000" +
		"0c00" + "0600" + "0f00000000000000" // NETDEV_A_DEV_XSK_FEATURES: three known flags and bit 3, which no spec names
	dir := t.TempDir()
	file := dir + "/m.hex"
	if err := os.WriteFile(file, []byte(msg+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := hex.DecodeString(msg); err != nil {
		t.Fatal(err)
	}
	out, errs, _ := runNldump(t, "-family", "generic", "-order", "little", "-genl", "0x2a=netdev", file)
	for _, want := range []string{
		"netdev NETDEV_CMD_DEV_GET", "NETDEV_A_DEV_IFINDEX 1",
		"NETDEV_A_DEV_XDP_FEATURES 3 (NETDEV_XDP_ACT_BASIC|NETDEV_XDP_ACT_REDIRECT)",
		"#60 05000000", "NETDEV_A_DEV_XSK_FEATURES 15 (NETDEV_XSK_FLAGS_TX_TIMESTAMP|NETDEV_XSK_FLAGS_TX_CHECKSUM|NETDEV_XSK_FLAGS_TX_LAUNCH_TIME_FIFO|0x8)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s%s", want, out, errs)
		}
	}
	js, _, _ := runNldump(t, "-json", "-family", "generic", "-order", "little", "-genl", "0x2a=netdev", file)
	if !strings.Contains(js, `"value":3,"value_name":"NETDEV_XDP_ACT_BASIC|NETDEV_XDP_ACT_REDIRECT"`) || !strings.Contains(js, `"type":"netdev NETDEV_CMD_DEV_GET"`) {
		t.Errorf("JSON:\n%s", js)
	}
	// Unknown command: named by the header's number, attributes by theirs.
	out, _, _ = runNldump(t, "-family", "generic", "-order", "little", "-genl", "0x2a=netdev", writeHex(t, dir, strings.Replace(msg, "01010000", "63010000", 1)))
	if strings.Contains(out, "NETDEV_A_DEV_IFINDEX") || !strings.Contains(out, "cmd=99") {
		t.Errorf("unknown command:\n%s", out)
	}
}

func writeHex(t *testing.T, dir, msg string) string {
	file := dir + "/u.hex"
	if err := os.WriteFile(file, []byte(msg+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestYNLTableNames: the names nldump prints from the generated tables
// (attributes, commands, enum values) are plain, as it prints them
// without escaping.
func TestYNLTableNames(t *testing.T) {
	plain := func(n string) {
		if n != "" && (!safeName(n) || jsonPlainLen(n) != len(n)) {
			t.Errorf("name %q is not plain", n)
		}
	}
	for _, f := range registry.GenericFamilies() {
		plain(f.Name)
		for _, o := range f.Ops {
			plain(o.Name)
		}
		for _, s := range f.Sets {
			for i := range s.Attrs {
				a := &s.Attrs[i]
				plain(a.Name)
				if a.Enum != nil {
					for _, e := range a.Enum.Entries {
						plain(e.Name)
						if len(e.Name)+1 > dissect.MaxNames {
							t.Errorf("%s: longer than dissect.MaxNames", e.Name)
						}
					}
				}
			}
		}
		for _, e := range f.Enums {
			for _, en := range e.Entries {
				plain(en.Name)
			}
		}
	}
}
