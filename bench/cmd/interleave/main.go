// Command interleave measures the bench module's workloads the way the
// figures in README.md are meant to hold on a busy machine: every
// implementation of a workload runs in this one process, in slots of
// about -slot (10 ms) each, in an order that alternates from round to
// round; the ratio of two implementations is taken within each round,
// and the report gives its median and its 10th-90th percentile spread
// over -rounds rounds. Before anything is timed, every implementation's
// result is checked against the expected one.
//
// Whole programs are timed as processes: with -capture, nldump (text,
// then -json) against tshark -V (then -T json) on the same file, the
// runs of the two alternating, wall time per run, output to /dev/null;
// the report gives the median and range of the per-pair ratios and the
// median peak RSS.
//
//	go run ./cmd/interleave -rounds 60
//	go run ./cmd/interleave -capture 10mb.pcap -nldump ./nldump -readme ../README.md,README.md
//
// With -readme, the table replaces what lies between the lines
// "<!-- interleave begin -->" and "<!-- interleave end -->" of each
// file. run.sh builds nldump and the capture and calls it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/nlwire/nlwire/bench"
	"github.com/nlwire/nlwire/internal/proc"
)

var (
	rounds   = flag.Int("rounds", 100, "rounds of the in-process workloads")
	slot     = flag.Duration("slot", 10*time.Millisecond, "time of one implementation's slot in a round")
	split    = flag.Int("split", 5, "parts each slot is cut into, the parts of a round's implementations taking turns")
	only     = flag.String("run", "", "measure only the workloads whose name matches this regexp")
	socket   = flag.Bool("socket", true, "include LinkDump (needs root and ip; skipped when not possible)")
	capture  = flag.String("capture", "", "a capture for nldump against tshark (cmd/nldump's BenchmarkDecode10MB writes one to $NLDUMP_BENCH_FILE)")
	nldump   = flag.String("nldump", "", "the nldump binary (with -capture)")
	tshark   = flag.String("tshark", "tshark", "the tshark binary (with -capture)")
	procRuns = flag.Int("procruns", 10, "runs of each program per mode")
	readmes  = flag.String("readme", "", "comma-separated files whose interleave markers get the table")
)

const (
	beginMark = "<!-- interleave begin -->"
	endMark   = "<!-- interleave end -->"
)

func main() {
	flag.Parse()
	var filter *regexp.Regexp
	if *only != "" {
		filter = regexp.MustCompile(*only)
	}
	load0 := loadavg()
	var out strings.Builder

	ws, err := bench.Workloads(*socket && (filter == nil || filter.MatchString("LinkDump")))
	var skipped []string
	if err != nil {
		skipped = append(skipped, "LinkDump: "+err.Error())
		fmt.Fprintln(os.Stderr, "interleave: LinkDump skipped:", err)
	}
	defer func() {
		for _, w := range ws {
			if w.Close != nil {
				w.Close()
			}
		}
	}()
	ws = slices.DeleteFunc(ws, func(w bench.Workload) bool { return filter != nil && !filter.MatchString(w.Name) })
	for _, w := range ws {
		if err := w.Check(); err != nil {
			fatalf("%s: implementations disagree before timing: %v", w.Name, err)
		}
	}
	res := measure(ws)

	var procs []procResult
	if *capture != "" {
		procs, err = measureProcs()
		if err != nil {
			fatalf("%v", err)
		}
	}

	writeReport(&out, ws, res, procs, skipped, load0, loadavg())
	fmt.Print(out.String())
	if *readmes != "" {
		for _, f := range strings.Split(*readmes, ",") {
			if err := rewrite(f, out.String()); err != nil {
				fatalf("%v", err)
			}
		}
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "interleave: "+format+"\n", args...)
	os.Exit(1)
}

// implResult is what the rounds measured of one implementation.
type implResult struct {
	nsop   []float64 // one per round
	allocs float64
}

type workloadResult struct {
	impls  map[string]*implResult
	ratios [][]float64 // per Ratio, one per round
}

// timeRun runs impl n times after a collection, so that garbage left by
// the previous slot is not collected in this one, and returns ns/op.
func timeRun(impl bench.Impl, n int) float64 {
	runtime.GC()
	t := time.Now()
	if err := impl.Run(n); err != nil {
		fatalf("%s: %v", impl.Name, err)
	}
	return float64(time.Since(t).Nanoseconds()) / float64(n)
}

// calibrate returns the iterations that fill a slot.
func calibrate(impl bench.Impl) int {
	n := 1
	for {
		ns := timeRun(impl, n)
		if float64(n)*ns >= float64(*slot)/10 || n >= 1<<30 {
			return max(1, int(float64(*slot)/ns))
		}
		n *= 2
	}
}

func measure(ws []bench.Workload) []workloadResult {
	res := make([]workloadResult, len(ws))
	iters := make([][]int, len(ws))
	for i, w := range ws {
		res[i] = workloadResult{impls: map[string]*implResult{}, ratios: make([][]float64, len(w.Ratios))}
		iters[i] = make([]int, len(w.Impls))
		for j, impl := range w.Impls {
			n := calibrate(impl)
			iters[i][j] = n
			// Allocations per operation over a whole slot, so that what a
			// Run allocates once (its result, escaping through the
			// indirect call) is not counted as per operation.
			var m0, m1 runtime.MemStats
			runtime.ReadMemStats(&m0)
			if err := impl.Run(n); err != nil {
				fatalf("%s/%s: %v", w.Name, impl.Name, err)
			}
			runtime.ReadMemStats(&m1)
			res[i].impls[impl.Name] = &implResult{allocs: float64(m1.Mallocs-m0.Mallocs) / float64(n)}
		}
	}
	for r := range *rounds {
		if r%10 == 0 {
			fmt.Fprintf(os.Stderr, "round %d/%d\n", r+1, *rounds)
		}
		for i, w := range ws {
			// A round's slots are cut into parts that take turns, in an
			// order alternating from part to part and round to round, so
			// that a change of the machine's speed during the round falls
			// on every implementation alike.
			parts := max(1, *split)
			spent := make([]float64, len(w.Impls))
			for k := range parts {
				for q := range w.Impls {
					j := q
					if (r+k)%2 == 1 {
						j = len(w.Impls) - 1 - q
					}
					n := max(1, iters[i][j]/parts)
					spent[j] += timeRun(w.Impls[j], n) * float64(n)
				}
			}
			round := map[string]float64{}
			for j, impl := range w.Impls {
				n := max(1, iters[i][j]/parts) * parts
				ns := spent[j] / float64(n)
				round[impl.Name] = ns
				res[i].impls[impl.Name].nsop = append(res[i].impls[impl.Name].nsop, ns)
				// Aim the next slot at the target length; a slot stretched
				// by preemption moves the count by at most a factor of 2.
				want := int(float64(*slot) / ns)
				iters[i][j] = max(1, min(max(want, iters[i][j]/2), iters[i][j]*2))
			}
			for q, ra := range w.Ratios {
				res[i].ratios[q] = append(res[i].ratios[q], round[ra.Num]/round[ra.Den])
			}
		}
	}
	return res
}

// quantile returns the q-quantile of xs by linear interpolation.
func quantile(xs []float64, q float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN()
	}
	pos := q * float64(len(s)-1)
	lo := int(pos)
	if lo+1 >= len(s) {
		return s[lo]
	}
	return s[lo] + (pos-float64(lo))*(s[lo+1]-s[lo])
}

// verdict judges the median against a target such as ">= 20" or
// "<= 1.10": "met" or "missed", with "(median; spread crosses it)" when
// lo and hi do not both fall on the median's side of the target. A
// target it cannot read, or with an operator other than >= and <=,
// gets "".
func verdict(target string, med, lo, hi float64) string {
	if target == "" {
		return ""
	}
	op, num, _ := strings.Cut(target, " ")
	t, err := strconv.ParseFloat(num, 64)
	if err != nil || (op != ">=" && op != "<=") {
		return ""
	}
	meets := func(x float64) bool {
		if op == ">=" {
			return x >= t
		}
		return x <= t
	}
	switch {
	case meets(med) && meets(lo) && meets(hi):
		return "met"
	case meets(med):
		return "met (median; spread crosses it)"
	case meets(lo) || meets(hi):
		return "missed (median; spread crosses it)"
	}
	return "missed"
}

type procRun struct {
	wall   time.Duration
	maxRSS int64 // KiB
}

type procResult struct {
	mode, other  string
	nl, ts       []procRun
	ratios       []float64 // tshark/nldump per pair
	nlOut, tsOut int64
	target       string
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// runProc runs argv with its output to w (or /dev/null) and returns
// its wall time and its own peak RSS (internal/proc: under GNU time; a
// child started from this process would report this process's peak).
func runProc(argv []string, w io.Writer) (procRun, error) {
	var stderr strings.Builder
	r, err := proc.Run(argv, w, &stderr)
	if err != nil {
		return procRun{}, err
	}
	if r.Status != 0 {
		return procRun{}, fmt.Errorf("%s: exit status %d: %s", strings.Join(argv, " "), r.Status, stderr.String())
	}
	return procRun{r.Wall, r.PeakRSS >> 10}, nil
}

func measureProcs() ([]procResult, error) {
	if *nldump == "" {
		return nil, errors.New("-capture needs -nldump")
	}
	modes := []struct {
		mode, other    string
		nlArgs, tsArgs []string
		target         string
	}{
		{"text", "tshark -V", []string{*nldump, *capture}, []string{*tshark, "-r", *capture, "-V"}, ">= 50"},
		{"JSON", "tshark -T json", []string{*nldump, "-json", *capture}, []string{*tshark, "-r", *capture, "-T", "json"}, ">= 100"},
	}
	var res []procResult
	for _, m := range modes {
		p := procResult{mode: m.mode, other: m.other, target: m.target}
		// A first run of each, not timed, warms the page cache and checks
		// that both print the capture.
		var nc, tc countWriter
		if _, err := runProc(m.nlArgs, &nc); err != nil {
			return nil, err
		}
		if _, err := runProc(m.tsArgs, &tc); err != nil {
			return nil, err
		}
		if nc.n == 0 || tc.n == 0 {
			return nil, fmt.Errorf("%s: nldump printed %d bytes, %s %d", m.mode, nc.n, m.other, tc.n)
		}
		p.nlOut, p.tsOut = nc.n, tc.n
		for i := range *procRuns {
			fmt.Fprintf(os.Stderr, "%s: run %d/%d\n", m.mode, i+1, *procRuns)
			argvs := [2][]string{m.nlArgs, m.tsArgs}
			var got [2]procRun
			for k := range 2 {
				j := k
				if i%2 == 1 {
					j = 1 - k
				}
				r, err := runProc(argvs[j], nil)
				if err != nil {
					return nil, err
				}
				got[j] = r
			}
			p.nl = append(p.nl, got[0])
			p.ts = append(p.ts, got[1])
			p.ratios = append(p.ratios, got[1].wall.Seconds()/got[0].wall.Seconds())
		}
		res = append(res, p)
	}
	return res, nil
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func kernel() string {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return "?"
	}
	return unix.ByteSliceToString(u.Release[:])
}

func fmtRatio(x float64) string {
	switch {
	case x >= 10:
		return fmt.Sprintf("%.1fx", x)
	default:
		return fmt.Sprintf("%.2fx", x)
	}
}

func fmtNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e4:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	case ns >= 1e3:
		return fmt.Sprintf("%.2f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func median(xs []float64) float64 { return quantile(xs, 0.5) }

func writeReport(w *strings.Builder, ws []bench.Workload, res []workloadResult, procs []procResult, skipped []string, load0, load1 string) {
	fmt.Fprintf(w, "Measured by `bench/cmd/interleave` (`bench/run.sh`), %s: %s, %s/%s, %d CPUs (%s), Linux %s, load average %s at the start and %s at the end. ",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel(), kernel(), load0, load1)
	fmt.Fprintf(w, "In-process workloads: all implementations of a workload in one process, %d rounds, one slot of about %v per implementation per round cut into %d parts that take turns, order alternating between parts and rounds, a collection before each part; each ratio is taken within a round; median and 10th–90th percentile over the rounds. Results are checked against the expected values before timing.", *rounds, *slot, max(1, *split))
	if len(procs) > 0 {
		fmt.Fprintf(w, " Programs: nldump and tshark as whole processes on the same %s capture, runs alternating, wall time, output to /dev/null, %d runs each; median and range of the per-pair ratios.", fileSize(*capture), *procRuns)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| workload | ratio | median | p10–p90 | target (DESIGN.md) |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for i, wl := range ws {
		for q, ra := range wl.Ratios {
			xs := res[i].ratios[q]
			med, lo, hi := median(xs), quantile(xs, 0.1), quantile(xs, 0.9)
			tgt := ""
			if ra.Target != "" {
				tgt = ra.Target + "x: " + verdict(ra.Target, med, lo, hi)
			}
			fmt.Fprintf(w, "| %s | %s / %s | %s | %s–%s | %s |\n", wl.What, ra.Num, ra.Den, fmtRatio(med), fmtRatio(lo), fmtRatio(hi), tgt)
		}
	}
	for _, p := range procs {
		med, lo, hi := median(p.ratios), slices.Min(p.ratios), slices.Max(p.ratios)
		fmt.Fprintf(w, "| nldump %s against `%s`, whole processes | %s / nldump | %s | %s–%s (range) | %sx: %s |\n",
			p.mode, p.other, strings.Fields(p.other)[0], fmtRatio(med), fmtRatio(lo), fmtRatio(hi), p.target, verdict(p.target, med, lo, hi))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| implementation | median time/op | p10–p90 | allocs/op |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for i, wl := range ws {
		for _, impl := range wl.Impls {
			r := res[i].impls[impl.Name]
			fmt.Fprintf(w, "| %s/%s | %s | %s–%s | %.0f |\n", wl.Name, impl.Name, fmtNs(median(r.nsop)), fmtNs(quantile(r.nsop, 0.1)), fmtNs(quantile(r.nsop, 0.9)), r.allocs)
		}
	}
	for _, p := range procs {
		for _, x := range []struct {
			name string
			runs []procRun
			out  int64
		}{{"nldump " + p.mode, p.nl, p.nlOut}, {p.other, p.ts, p.tsOut}} {
			var walls, rss []float64
			for _, r := range x.runs {
				walls = append(walls, float64(r.wall.Nanoseconds()))
				rss = append(rss, float64(r.maxRSS))
			}
			fmt.Fprintf(w, "| `%s`, whole process (%s out) | %s | %s–%s (range) | peak RSS %.0f MiB |\n",
				x.name, byteSize(x.out), fmtNs(median(walls)), fmtNs(slices.Min(walls)), fmtNs(slices.Max(walls)), median(rss)/1024)
		}
	}
	for _, s := range skipped {
		fmt.Fprintf(w, "\nNot measured in this run: %s.\n", s)
	}
	if len(procs) == 0 {
		fmt.Fprintln(w, "\nNot measured in this run: nldump against tshark (no -capture).")
	}
}

func fileSize(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "?"
	}
	return byteSize(fi.Size())
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// rewrite puts table between the markers of file.
func rewrite(file, table string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	s, ok := splice(string(b), table)
	if !ok {
		return fmt.Errorf("%s: no %q ... %q lines", file, beginMark, endMark)
	}
	return os.WriteFile(file, []byte(s), 0o644)
}

// splice returns s with table in place of what lies between the end of
// its begin marker and its end marker, or false when s lacks either
// marker or has the end one first.
func splice(s, table string) (string, bool) {
	i := strings.Index(s, beginMark)
	j := strings.Index(s, endMark)
	if i < 0 || j < i {
		return "", false
	}
	return s[:i+len(beginMark)] + "\n" + table + s[j:], true
}
