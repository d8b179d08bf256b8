// Package capturetest reads the netlink captures shipped in testdata,
// for the tests and fuzz seeds of the packages that replay them.
package capturetest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/nlwire/nlwire/capture"
)

// Datagram is one record of a capture: a netlink datagram and the
// netlink family (protocol) it was sent on.
type Datagram struct {
	Data     []byte
	Protocol uint16
}

// Datagrams returns every datagram of the capture files matching glob,
// in file and record order. It fails the test if no file matches or one
// cannot be read.
func Datagrams(tb testing.TB, glob string) []Datagram {
	tb.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		tb.Fatalf("no captures match %s (%v)", glob, err)
	}
	var out []Datagram
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			tb.Fatal(err)
		}
		r, err := capture.NewReader(f)
		if err != nil {
			f.Close()
			tb.Fatalf("%s: %v", file, err)
		}
		for r.Next() {
			out = append(out, Datagram{bytes.Clone(r.Record().Data), r.Record().Protocol})
		}
		f.Close()
	}
	return out
}
