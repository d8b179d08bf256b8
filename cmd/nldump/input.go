package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/capture"
)

// record is one datagram to decode, wherever it came from.
type record struct {
	file      string
	index     int
	time      time.Time
	family    uint16
	direction capture.Direction
	data      []byte
	truncated bool
	order     nlwire.Order
}

// file decodes every datagram of one input file.
func (d *dumper) file(name string, stdin io.Reader, rawFamily uint16, order nlwire.Order, forced bool) error {
	var r io.Reader = stdin
	d.size = 0
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
		if st, err := f.Stat(); err == nil {
			d.size = st.Size()
		}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(4)
	if isCapture(magic) {
		return d.capture(name, br, order, forced)
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return err
	}
	dgrams, err := rawDatagrams(data)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for i, dg := range dgrams {
		rec := record{file: name, index: i, family: rawFamily, data: dg, order: order}
		if !forced {
			rec.order = capture.GuessOrder(dg, nlwire.Host())
		}
		d.datagram(&rec)
	}
	return nil
}

func isCapture(magic []byte) bool {
	if len(magic) < 4 {
		return false
	}
	switch string(magic) {
	case "\x0a\x0d\x0d\x0a", // pcapng section header
		"\xd4\xc3\xb2\xa1", "\xa1\xb2\xc3\xd4", // pcap, microseconds
		"\x4d\x3c\xb2\xa1", "\xa1\xb2\x3c\x4d": // pcap, nanoseconds
		return true
	}
	return false
}

// rawDatagrams splits a raw input: hex text with one datagram a line
// ('#' lines are comments), or else one binary datagram.
func rawDatagrams(data []byte) ([][]byte, error) {
	if !looksHex(data) {
		return [][]byte{data}, nil
	}
	var out [][]byte
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		line = strings.Join(strings.Fields(line), "")
		b, err := hex.DecodeString(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		out = append(out, b)
	}
	return out, nil
}

// looksHex reports whether data is text made of hex digits, white space
// and '#' comment lines.
func looksHex(data []byte) bool {
	if len(data) == 0 {
		return false
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		for _, c := range line {
			isHex := c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
			if !isHex && c != ' ' && c != '\t' {
				return false
			}
		}
	}
	return true
}

func (d *dumper) capture(name string, r io.Reader, order nlwire.Order, forced bool) error {
	cr, err := capture.NewReader(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if forced {
		cr.ForceOrder(order)
	}
	for cr.Next() {
		c := cr.Record()
		if err := cr.RecordErr(); err != nil {
			d.malformedf("%s: %v", name, err)
			continue
		}
		rec := record{file: name, index: c.Index, time: c.Time, family: c.Protocol,
			direction: c.Direction, data: c.Data, truncated: c.Truncated(), order: cr.Order(c.Data)}
		d.datagram(&rec)
	}
	if err := cr.Err(); err != nil {
		var re *capture.RecordError
		if errors.As(err, &re) {
			d.malformedf("%s: %v", name, err)
			return nil
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
