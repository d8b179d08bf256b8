// Command ratios reads `go test -bench` output of the bench module and
// prints, per workload, how nlwire compares with each peer and with the
// hand-written walk, against the targets of DESIGN.md.
//
// Ratios are taken within a round (the k-th result of each benchmark),
// so that libraries are compared on measurements taken close together,
// then summarized by the median over rounds, with the range.
//
//	go test -run '^$' -bench . -count 6 | go run ./cmd/ratios
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// result is one benchmark line.
type result struct {
	ns, allocs float64
}

var line = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

func parse(r io.Reader) (map[string][]result, error) {
	res := map[string][]result{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		var x result
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				x.ns = v
			case "allocs/op":
				x.allocs = v
			}
		}
		res[m[1]] = append(res[m[1]], x)
	}
	return res, sc.Err()
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// ratios returns num[k]/den[k] for every round k both have.
func ratios(num, den []result) []float64 {
	var r []float64
	for k := range min(len(num), len(den)) {
		if den[k].ns > 0 {
			r = append(r, num[k].ns/den[k].ns)
		}
	}
	return r
}

func ns(rs []result) []float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = r.ns
	}
	return v
}

func allocs(rs []result) []float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = r.allocs
	}
	return v
}

// comparison is one line of the report: num/den, held to a target.
type comparison struct {
	workload, num, den string
	// atLeast: num/den must be >= target (peer slower by that factor);
	// otherwise num/den must be <= target.
	atLeast bool
	target  float64
}

var comparisons = []comparison{
	{"AttrDecode", "mdlayher", "nlwire", true, 15},
	{"AttrDecode", "vishvananda", "nlwire", false, 0},
	{"AttrDecode", "nlwire", "handwritten", false, 1.25},
	{"AttrDecode", "mdlayher", "handwritten", false, 0},
	{"AttrEncode", "mdlayher", "nlwire", true, 20},
	{"AttrEncode", "vishvananda", "nlwire", false, 0},
	{"Messages", "mdlayher", "nlwire", true, 15},
	{"Messages", "vishvananda", "nlwire", false, 0},
	{"Messages", "nlwire", "handwritten", false, 0},
	{"Messages", "mdlayher", "handwritten", false, 0},
	{"Validate", "nlwire", "AttrDecode/nlwire", false, 2},
}

func name(workload, lib string) string {
	if lib == "" {
		return "Benchmark" + workload
	}
	if strings.Contains(lib, "/") {
		return "Benchmark" + lib
	}
	return "Benchmark" + workload + "/" + lib
}

func main() {
	res, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "workload\tratio\tmedian\tmin-max\trounds\ttarget\t")
	for _, c := range comparisons {
		num, den := res[name(c.workload, c.num)], res[name(c.workload, c.den)]
		r := ratios(num, den)
		if len(r) == 0 {
			continue
		}
		target, verdict := "-", ""
		if c.target > 0 {
			ok := median(r) <= c.target
			op := "<="
			if c.atLeast {
				ok, op = median(r) >= c.target, ">="
			}
			target = fmt.Sprintf("%s %gx", op, c.target)
			verdict = " met"
			if !ok {
				verdict = " MISSED"
			}
		}
		label := c.num + "/" + c.den
		if c.workload == "Validate" {
			label = "validate/decode"
		}
		fmt.Fprintf(w, "%s\t%s\t%.2fx\t%.2f-%.2f\t%d\t%s%s\t\n", c.workload, label,
			median(r), slices.Min(r), slices.Max(r), len(r), target, verdict)
	}
	w.Flush()

	fmt.Println()
	w = tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "benchmark\tmedian ns/op\tallocs/op\t")
	names := make([]string, 0, len(res))
	for n := range res {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(w, "%s\t%.0f\t%.0f\t\n", strings.TrimPrefix(n, "Benchmark"), median(ns(res[n])), median(allocs(res[n])))
	}
	w.Flush()
}
