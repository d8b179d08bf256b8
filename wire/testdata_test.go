package wire

import (
	"bufio"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recording is a real kernel exchange from testdata: the request sent and
// the datagrams received, in the recording machine's (little-endian) order.
type recording struct {
	request   []byte
	datagrams [][]byte
}

// loadRecording reads testdata/name: '#' comment lines, one of which may be
// followed by "# <hex>" giving the request, and one datagram in hex a line.
func loadRecording(tb testing.TB, name string) recording {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var rec recording
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	wantRequest := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "# request"):
			wantRequest = true
		case strings.HasPrefix(line, "#") && wantRequest:
			wantRequest = false
			rec.request = mustHex(tb, strings.TrimSpace(strings.TrimPrefix(line, "#")))
		case strings.HasPrefix(line, "#"), line == "":
		default:
			rec.datagrams = append(rec.datagrams, mustHex(tb, line))
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(rec.datagrams) == 0 {
		tb.Fatalf("%s: no datagrams", name)
	}
	return rec
}

func mustHex(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
