package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nlwire/nlwire/capture"
	"github.com/nlwire/nlwire/family/route"
)

// toolKinds returns the message types whose traffic tools-route.pcap
// holds (recorded from ip, bridge and tc by TestRecordToolTraffic):
// rules, next hops and buckets, namespace IDs, netconf, statistics,
// neighbour tables, bridge MDB and actions.
func toolKinds() map[string]bool {
	kinds := map[string]bool{}
	for _, k := range []string{"RULE", "NEXTHOP", "NEXTHOPBUCKET", "NSID", "NETCONF", "STATS", "NEIGHTBL", "MDB", "ACTION"} {
		for _, op := range []string{"NEW", "DEL", "GET", "SET"} {
			if _, ok := route.Messages.Lookup("RTM_" + op + k); ok {
				kinds["RTM_"+op+k] = true
			}
		}
	}
	return kinds
}

type toolAttr struct {
	Type  int             `json:"type"`
	Name  string          `json:"name"`
	Value json.RawMessage `json:"value"`
}

type toolMsg struct {
	Type   string            `json:"type"`
	Header map[string]any    `json:"header"`
	Attrs  []json.RawMessage `json:"attrs"`
	Error  *struct {
		Request *toolMsg `json:"request"`
	} `json:"error"`
}

// TestToolCaptures: nldump -json reads what ip, bridge and tc exchanged
// with the kernel without a problem (iproute2's zero padding after a
// request is a note), decodes each of these kinds' family header as its
// struct, and names every top-level attribute.
func TestToolCaptures(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/tools-*.pcap")
	if len(files) == 0 {
		t.Fatal("no tools-*.pcap in ../../testdata")
	}
	for _, f := range files {
		out, errs, status := runNldump(t, "-json", f)
		if status != 0 {
			t.Errorf("%s: status %d:\n%s", f, status, errs)
		}
		for _, line := range strings.Split(strings.TrimSpace(errs), "\n") {
			if line != "" && !strings.HasPrefix(line, notePrefix) {
				t.Errorf("%s: not a note: %s", f, line)
			}
		}
		kinds, seen := toolKinds(), map[string]int{}
		check := func(m *toolMsg, where string) {
			if !kinds[m.Type] {
				return
			}
			seen[m.Type]++
			if s, _ := m.Header["struct"].(string); s == "" || m.Header["bytes"] != nil {
				t.Errorf("%s: %s %s: header %v not decoded", f, where, m.Type, m.Header)
			}
			for _, raw := range m.Attrs {
				var a toolAttr
				if err := json.Unmarshal(raw, &a); err != nil {
					t.Fatal(err)
				}
				if a.Name == "" {
					t.Errorf("%s: %s %s: attribute type %d not named", f, where, m.Type, a.Type)
				}
				if bytes.Contains(a.Value, []byte(`"bad_length"`)) {
					t.Errorf("%s: %s %s: %s has an unexpected length: %s", f, where, m.Type, a.Name, a.Value)
				}
			}
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var m toolMsg
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatalf("%s: %v: %s", f, err, line)
			}
			check(&m, "message")
			if m.Error != nil && m.Error.Request != nil {
				check(m.Error.Request, "request echoed in an error")
			}
		}
		for _, want := range []string{"RTM_NEWRULE", "RTM_NEWNEXTHOP", "RTM_NEWNEXTHOPBUCKET", "RTM_NEWNSID", "RTM_NEWNETCONF", "RTM_NEWSTATS", "RTM_NEWNEIGHTBL", "RTM_GETMDB", "RTM_NEWMDB", "RTM_GETACTION"} {
			if seen[want] == 0 {
				t.Errorf("%s: no %s", f, want)
			}
		}
	}
}

// TestTrailingBytes: bytes after a datagram's last message that the
// kernel ignores (fewer than a header, or zeros) are a note, not a
// problem; other bytes that do not make a message still are one.
func TestTrailingBytes(t *testing.T) {
	good := []byte{0x14, 0, 0, 0, 0x12, 0, 0x01, 0x03, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	cat := func(a, b []byte) []byte { return append(append([]byte{}, a...), b...) }
	tests := []struct {
		name   string
		dg     []byte
		status int
		want   string
	}{
		{"short", cat(good, []byte{1, 2, 3, 4}), 0, "note: " + "x: record 0: offset 20: 4 trailing bytes after the last message, shorter than a message header"},
		{"zeros", cat(good, make([]byte, 128)), 0, "note: x: record 0: offset 20: 128 zero bytes of padding"},
		{"garbage", cat(good, cat([]byte{0x30}, make([]byte, 19))), 1, "x: record 0: wire: message truncated at offset 20"},
		{"only zeros", make([]byte, 32), 1, "x: record 0: wire:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, _ := capture.NewWriter(&buf, capture.PCAP)
			w.WriteDatagram(time.Unix(0, 0), 0, true, tt.dg)
			w.Flush()
			f := filepath.Join(t.TempDir(), "x")
			if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, js := range []string{"-json=false", "-json"} {
				out, errs, status := runNldump(t, js, f)
				errs = strings.ReplaceAll(errs, f, "x")
				if status != tt.status || !strings.Contains(errs, tt.want) {
					t.Errorf("%s: status %d, stderr %q; want %d and %q", js, status, errs, tt.status, tt.want)
				}
				if !strings.Contains(out, "RTM_GETLINK") && tt.name != "only zeros" {
					t.Errorf("%s: the message is not shown:\n%s", js, out)
				}
			}
		})
	}
}
