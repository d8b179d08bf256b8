// Command nldump decodes netlink traffic offline: pcap and pcapng
// captures of an nlmon interface (link type 253), or raw datagrams in
// binary or hex, printed as text or JSON.
//
// Usage:
//
//	nldump [flags] FILE...
//
// A FILE is a pcap or pcapng capture, a binary datagram, or hex text with
// one datagram per line ('#' starts a comment line); "-" reads standard
// input. Each message is printed with its header, flag names, message type
// name, family header and attribute tree, with typed values; error and
// done messages show the extended ACK, with the offending attribute's path
// in the echoed request and the violated policy.
//
// Flags:
//
//	-json             one JSON object per message (fields documented in README.md)
//	-validate         check requests against the family's policy, as the kernel would;
//	                  a request that cannot be checked says why ("validate: not
//	                  checked (no policy: ...)")
//	-filter EXPR      keep messages matching all of family=route|generic|N,
//	                  type=NAME|N, seq=N (comma-separated)
//	-genl ID=NAME     name a generic netlink family id (repeatable)
//	-spec FILE.yaml   decode a family by its YNL spec, read at start
//	                  (repeatable): a generic netlink family by its name
//	                  (and with -validate, check its requests by the spec's
//	                  policies), a netlink-raw family (rt-link, nftables)
//	                  by the message types of its protocol its operations
//	                  name; it replaces the built-in tables for them (for
//	                  a message type the built-in tables describe, the
//	                  attributes the spec does not name are then shown by
//	                  number, which a note says). A generic spec whose
//	                  policies cannot be made still decodes its family,
//	                  whose requests are then not validated (a note says)
//	-family F         the family of raw datagrams: route (default), generic, or a number
//	-order O          the messages' byte order: auto (default), little, big, native
//	-cpuprofile FILE  write a CPU profile of the run to FILE (pgo.sh makes
//	                  default.pgo, the profile go build optimizes nldump by,
//	                  from such runs)
//
// Malformed or truncated records are reported on standard error with
// their record number and byte offset, and decoding goes on; the exit
// status is 1 if anything was malformed, 2 on a usage or file error.
// Bytes after a datagram's last message that the kernel ignores (fewer
// than a message header, or zeros, as iproute2 pads its requests with)
// are reported as a note ("nldump: note: ...") and do not change the exit
// status.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/nlwire/nlwire"
	"github.com/nlwire/nlwire/dissect"
)

type genlFlag map[uint16]string

func (g genlFlag) String() string { return "" }

func (g genlFlag) Set(s string) error {
	id, name, ok := strings.Cut(s, "=")
	n, err := strconv.ParseUint(id, 0, 16)
	if !ok || err != nil || name == "" {
		return fmt.Errorf("want ID=NAME, got %q", s)
	}
	g[uint16(n)] = name
	return nil
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nldump", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		jsonOut  = fs.Bool("json", false, "print one JSON object per message")
		validate = fs.Bool("validate", false, "check requests against the family's policy")
		filter   = fs.String("filter", "", "keep messages matching family=..,type=..,seq=..")
		famFlag  = fs.String("family", "route", "family of raw datagrams: route, generic, netfilter or a number")
		orderStr = fs.String("order", "auto", "byte order: auto, little, big or native")
		genl     = genlFlag{}
		specs    specFlag
		profile  = fs.String("cpuprofile", "", "write a CPU profile of the run to `FILE` (see default.pgo)")
	)
	fs.Var(genl, "genl", "name a generic netlink family: ID=NAME (repeatable)")
	fs.Var(&specs, "spec", "decode a family by its YNL spec FILE.yaml (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: nldump [flags] FILE...")
		fs.PrintDefaults()
	}
	// Flags may come after file names too: nldump f.pcap -json.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			files = append(files, rest...) // after "--", only names
			break
		}
		files, args = append(files, rest[0]), rest[1:]
	}
	if len(files) == 0 {
		fs.Usage()
		return 2
	}
	rawFamily, err := parseFamily(*famFlag)
	if err != nil {
		fmt.Fprintln(stderr, "nldump:", err)
		return 2
	}
	f, err := parseFilter(*filter)
	if err != nil {
		fmt.Fprintln(stderr, "nldump:", err)
		return 2
	}
	var order nlwire.Order
	forced := true
	switch *orderStr {
	case "auto":
		forced = false
	case "little":
		order = nlwire.LittleEndian
	case "big":
		order = nlwire.BigEndian
	case "native":
		order = nlwire.Host()
	default:
		fmt.Fprintf(stderr, "nldump: unknown byte order %q\n", *orderStr)
		return 2
	}

	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(stderr, "nldump:", err)
			return 2
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}

	size := 256 << 10
	if workers() > 1 {
		size = chunkBytes // the batches' output comes in longer chunks (pipeline.go)
	}
	w := bufio.NewWriterSize(stdout, size)
	d := newDumper(w, stderr)
	d.json = *jsonOut
	d.validate = *validate
	d.filter = f
	if err := loadSpecs(specs, d.dis, stderr); err != nil {
		fmt.Fprintln(stderr, "nldump:", err)
		return 2
	}
	for id, name := range genl {
		d.dis.Genl.Add(id, name)
	}
	d.progress = isTerminal(stderr)
	status := 0
	for _, name := range files {
		err := d.file(name, stdin, rawFamily, order, forced)
		d.endFile(name)
		if err != nil {
			d.errw.Flush()
			fmt.Fprintln(stderr, "nldump:", err)
			status = 2
		}
	}
	if d.progress && !d.lastShow.IsZero() {
		fmt.Fprint(d.errw, "\r\033[K") // clear the progress line
	}
	if err := d.flush(); err != nil {
		fmt.Fprintln(stderr, "nldump:", err)
		return 2
	}
	if status == 0 && d.malformed > 0 {
		status = 1
	}
	return status
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func parseFamily(s string) (uint16, error) {
	switch s {
	case "route":
		return familyRoute, nil
	case "generic", "genl":
		return familyGeneric, nil
	case "netfilter":
		return dissect.ProtoNetfilter, nil
	}
	n, err := strconv.ParseUint(strings.TrimPrefix(s, "netlink-"), 0, 16)
	if err != nil {
		return 0, fmt.Errorf("unknown family %q (want route, generic, netfilter, a number or netlink-N)", s)
	}
	return uint16(n), nil
}
