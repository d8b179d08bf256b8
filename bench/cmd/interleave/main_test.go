package main

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/nlwire/nlwire/bench"
)

func TestQuantile(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		q    float64
		want float64
	}{
		{"single p0", []float64{7}, 0, 7},
		{"single p10", []float64{7}, 0.1, 7},
		{"single p50", []float64{7}, 0.5, 7},
		{"single p90", []float64{7}, 0.9, 7},
		{"single p100", []float64{7}, 1, 7},
		{"two p10", []float64{3, 1}, 0.1, 1.2},
		{"two p50", []float64{3, 1}, 0.5, 2},
		{"two p90", []float64{3, 1}, 0.9, 2.8},
		{"odd median", []float64{3, 1, 2}, 0.5, 2},
		{"even median", []float64{4, 1, 3, 2}, 0.5, 2.5},
		{"unsorted p0 is the minimum", []float64{5, 9, 1, 7}, 0, 1},
		{"unsorted p100 is the maximum", []float64{5, 9, 1, 7}, 1, 9},
		{"unsorted p10", []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.1, 1.9},
		{"unsorted p90", []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.9, 9.1},
		{"eleven p10 falls on a value", []float64{0, 10, 1, 9, 2, 8, 3, 7, 4, 6, 5}, 0.1, 1},
		{"eleven p90 falls on a value", []float64{0, 10, 1, 9, 2, 8, 3, 7, 4, 6, 5}, 0.9, 9},
		{"ties all equal", []float64{2, 2, 2, 2}, 0.9, 2},
		{"ties median", []float64{2, 5, 2, 2}, 0.5, 2},
		{"ties p10", []float64{2, 9, 2, 1, 2}, 0.1, 1.4},
		{"ties p90", []float64{2, 9, 2, 1, 2}, 0.9, 6.2},
		{"negative values", []float64{-1, -3, -2}, 0.5, -2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.xs)
			got := quantile(in, tt.q)
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("quantile(%v, %v) = %v, want %v", tt.xs, tt.q, got, tt.want)
			}
			if diff := cmp.Diff(tt.xs, in); diff != "" {
				t.Errorf("quantile sorted its argument (-before +after):\n%s", diff)
			}
		})
	}
}

func TestQuantileEmpty(t *testing.T) {
	for _, q := range []float64{0, 0.1, 0.5, 0.9, 1} {
		if got := quantile(nil, q); !math.IsNaN(got) {
			t.Errorf("quantile(nil, %v) = %v, want NaN", q, got)
		}
	}
	if got := median([]float64{}); !math.IsNaN(got) {
		t.Errorf("median([]) = %v, want NaN", got)
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		want float64
	}{
		{"single", []float64{42}, 42},
		{"odd sorted", []float64{1, 2, 3, 4, 5}, 3},
		{"odd unsorted", []float64{5, 1, 4, 2, 3}, 3},
		{"even sorted", []float64{1, 2, 3, 4}, 2.5},
		{"even unsorted", []float64{4, 1, 3, 2}, 2.5},
		{"even, middle pair tied", []float64{1, 3, 3, 8}, 3},
		{"odd, ties around the middle", []float64{7, 7, 1, 7, 9}, 7},
		{"outlier does not move it", []float64{1, 2, 3, 4, 1e9}, 3},
		{"ratios", []float64{1.35, 0.98, 1.91}, 1.35},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(tt.xs); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("median(%v) = %v, want %v", tt.xs, got, tt.want)
			}
		})
	}
}

func TestVerdict(t *testing.T) {
	const (
		met         = "met"
		metCrosses  = "met (median; spread crosses it)"
		missed      = "missed"
		missCrosses = "missed (median; spread crosses it)"
	)
	tests := []struct {
		name        string
		target      string
		med, lo, hi float64
		want        string
	}{
		{"no target", "", 1, 1, 1, ""},

		{">= all above", ">= 20", 25, 21, 30, met},
		{">= all on the target", ">= 20", 20, 20, 20, met},
		{">= median above, p10 below", ">= 20", 23.1, 15.4, 32.9, metCrosses},
		{">= median on the target, p10 below", ">= 20", 20, 19, 21, metCrosses},
		{">= median below, p90 above", ">= 20", 18, 15, 25, missCrosses},
		{">= median below, p90 on the target", ">= 50", 40, 30, 50, missCrosses},
		{">= all below", ">= 50", 24.8, 15.6, 29.7, missed},
		{">= large target", ">= 100", 38.1, 31.3, 67.6, missed},

		{"<= all below", "<= 1.10", 1.0, 0.9, 1.05, met},
		{"<= all on the target", "<= 1.10", 1.10, 1.10, 1.10, met},
		{"<= median below, p90 above", "<= 1.10", 1.05, 0.9, 1.3, metCrosses},
		{"<= p90 on the target", "<= 1.50", 1.2, 1.0, 1.5, met},
		{"<= median above, p10 below", "<= 1.10", 1.35, 0.98, 1.91, missCrosses},
		{"<= median above, p10 on the target", "<= 1.20", 1.54, 1.20, 2.64, missCrosses},
		{"<= all above", "<= 1.50", 2.11, 1.6, 3.12, missed},

		{"no rounds: NaN is missed", ">= 20", math.NaN(), math.NaN(), math.NaN(), missed},

		{"unreadable number", ">= x", 25, 21, 30, ""},
		{"no space", ">=20", 25, 21, 30, ""},
		{"number only", "20", 25, 21, 30, ""},
		// An operator other than >= and <= was judged as <=, turning
		// "> 20" met by 30 into "missed".
		{"operator >", "> 20", 30, 25, 35, ""},
		{"operator <", "< 20", 30, 25, 35, ""},
		{"operator ==", "== 1", 1, 1, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := verdict(tt.target, tt.med, tt.lo, tt.hi); got != tt.want {
				t.Errorf("verdict(%q, %v, %v, %v) = %q, want %q", tt.target, tt.med, tt.lo, tt.hi, got, tt.want)
			}
		})
	}
}

// TestWorkloadRatios checks what the runner takes from the bench
// package on trust: every ratio names two of its workload's
// implementations (else round[name] is 0 and the ratio Inf or NaN), and
// every target is one verdict can read.
func TestWorkloadRatios(t *testing.T) {
	ws, err := bench.Workloads(false)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		var names []string
		for _, impl := range w.Impls {
			names = append(names, impl.Name)
		}
		for _, ra := range w.Ratios {
			if !slices.Contains(names, ra.Num) || !slices.Contains(names, ra.Den) {
				t.Errorf("%s: ratio %s / %s names an implementation not in %v", w.Name, ra.Num, ra.Den, names)
			}
			if ra.Target != "" && verdict(ra.Target, 1, 1, 1) == "" {
				t.Errorf("%s: ratio %s / %s: unreadable target %q", w.Name, ra.Num, ra.Den, ra.Target)
			}
		}
		if w.Close != nil {
			w.Close()
		}
	}
}

func TestFmtRatio(t *testing.T) {
	tests := []struct {
		x    float64
		want string
	}{
		{0, "0.00x"},
		{0.98, "0.98x"},
		{1, "1.00x"},
		{1.354, "1.35x"},
		{9.99, "9.99x"},
		{10, "10.0x"},
		{12.24, "12.2x"},
		{23.1, "23.1x"},
		{152.37, "152.4x"},
	}
	for _, tt := range tests {
		if got := fmtRatio(tt.x); got != tt.want {
			t.Errorf("fmtRatio(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

func TestFmtNs(t *testing.T) {
	tests := []struct {
		ns   float64
		want string
	}{
		{0, "0 ns"},
		{1, "1 ns"},
		{309, "309 ns"},
		{309.4, "309 ns"},
		{999, "999 ns"},
		{1000, "1.00 µs"},
		{2710, "2.71 µs"},
		{9990, "9.99 µs"},
		{10000, "10.0 µs"},
		{26500, "26.5 µs"},
		{199500, "199.5 µs"},
		{999000, "999.0 µs"},
		{1e6, "1.00 ms"},
		{1.54e6, "1.54 ms"},
		{68.32e6, "68.32 ms"},
		{float64(1714450 * time.Microsecond), "1714.45 ms"},
	}
	for _, tt := range tests {
		if got := fmtNs(tt.ns); got != tt.want {
			t.Errorf("fmtNs(%v) = %q, want %q", tt.ns, got, tt.want)
		}
	}
}

func TestByteSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 B"},
		{1, "1 B"},
		{1023, "1023 B"},
		{1024, "1 KiB"},
		{32 << 10, "32 KiB"},
		{416 << 10, "416 KiB"},
		{1 << 20, "1.0 MiB"},
		{10 << 20, "10.0 MiB"},
		{27<<20 + 512<<10, "27.5 MiB"},
		{3 << 30, "3072.0 MiB"},
	}
	for _, tt := range tests {
		if got := byteSize(tt.n); got != tt.want {
			t.Errorf("byteSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

const (
	table0 = "old line 1\nold line 2\n"
	table1 = "| a | b |\n|---|---|\n| 1 | 2 |\n"
)

func TestSplice(t *testing.T) {
	const (
		before = "# Title\n\nSome text.\n\n"
		after  = "\n\nMore text.\n"
	)
	tests := []struct {
		name   string
		in     string
		table  string
		want   string
		wantOK bool
	}{
		{
			name:   "replaced, outside untouched",
			in:     before + beginMark + "\n" + table0 + endMark + after,
			table:  table1,
			want:   before + beginMark + "\n" + table1 + endMark + after,
			wantOK: true,
		},
		{
			name:   "empty between the markers",
			in:     before + beginMark + "\n" + endMark + after,
			table:  table1,
			want:   before + beginMark + "\n" + table1 + endMark + after,
			wantOK: true,
		},
		{
			name:   "markers on one line",
			in:     before + beginMark + endMark + after,
			table:  table1,
			want:   before + beginMark + "\n" + table1 + endMark + after,
			wantOK: true,
		},
		{
			name:   "markers at the very start and end",
			in:     beginMark + "\n" + table0 + endMark,
			table:  table1,
			want:   beginMark + "\n" + table1 + endMark,
			wantOK: true,
		},
		{
			name:   "empty table",
			in:     before + beginMark + "\n" + table0 + endMark + after,
			table:  "",
			want:   before + beginMark + "\n" + endMark + after,
			wantOK: true,
		},
		{
			name:   "only the first pair is replaced",
			in:     beginMark + "\n" + table0 + endMark + "\n" + beginMark + "\n" + table0 + endMark + "\n",
			table:  table1,
			want:   beginMark + "\n" + table1 + endMark + "\n" + beginMark + "\n" + table0 + endMark + "\n",
			wantOK: true,
		},
		{name: "no markers", in: before + table0 + after, table: table1},
		{name: "empty file", in: "", table: table1},
		{name: "begin only", in: before + beginMark + "\n" + table0 + after, table: table1},
		{name: "end only", in: before + table0 + endMark + after, table: table1},
		{name: "reversed", in: before + endMark + "\n" + table0 + beginMark + after, table: table1},
		{name: "misspelt begin", in: "<!-- interleave begin-->\n" + table0 + endMark + "\n", table: table1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := splice(tt.in, tt.table)
			if ok != tt.wantOK {
				t.Fatalf("splice ok = %v, want %v", ok, tt.wantOK)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("splice (-want +got):\n%s", diff)
			}
			if !ok {
				return
			}
			again, ok := splice(got, tt.table)
			if !ok {
				t.Fatalf("second splice failed on %q", got)
			}
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("second splice is not idempotent (-first +second):\n%s", diff)
			}
		})
	}
}

// TestSpliceReadmes splices the tables the runner last wrote back into
// the READMEs that hold them: the result must be the file as it is.
func TestSpliceReadmes(t *testing.T) {
	for _, f := range []string{"../../README.md", "../../../README.md"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		_, rest, ok := strings.Cut(s, beginMark+"\n")
		if !ok {
			t.Fatalf("%s: no begin marker line", f)
		}
		table, _, ok := strings.Cut(rest, endMark)
		if !ok {
			t.Fatalf("%s: no end marker", f)
		}
		got, ok := splice(s, table)
		if !ok {
			t.Fatalf("%s: splice failed", f)
		}
		if diff := cmp.Diff(s, got); diff != "" {
			t.Errorf("%s: splicing its own table changed it (-file +spliced):\n%s", f, diff)
		}
	}
}

func TestRewrite(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "README.md")
	in := "intro\n" + beginMark + "\n" + table0 + endMark + "\noutro\n"
	if err := os.WriteFile(file, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "intro\n" + beginMark + "\n" + table1 + endMark + "\noutro\n"
	for i := range 2 {
		if err := rewrite(file, table1); err != nil {
			t.Fatalf("rewrite %d: %v", i+1, err)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, string(b)); diff != "" {
			t.Errorf("after rewrite %d (-want +got):\n%s", i+1, diff)
		}
	}

	// A file without the markers is an error and stays as it was.
	bad := filepath.Join(dir, "bad.md")
	badIn := "intro\n" + endMark + "\n" + beginMark + "\n"
	if err := os.WriteFile(bad, []byte(badIn), 0o644); err != nil {
		t.Fatal(err)
	}
	err := rewrite(bad, table1)
	if err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("rewrite of reversed markers: err = %v, want an error naming %s", err, bad)
	}
	if b, _ := os.ReadFile(bad); string(b) != badIn {
		t.Errorf("rewrite changed a file it failed on: %q", b)
	}

	if err := rewrite(filepath.Join(dir, "missing.md"), table1); err == nil {
		t.Error("rewrite of a missing file: no error")
	}
}

func TestWriteReport(t *testing.T) {
	ws := []bench.Workload{{
		Name:  "AttrDecode",
		What:  "attr decode",
		Impls: []bench.Impl{{Name: "nlwire"}, {Name: "handwritten"}},
		Ratios: []bench.Ratio{
			{Num: "nlwire", Den: "handwritten", Target: "<= 1.10"},
			{Num: "handwritten", Den: "nlwire"},
		},
	}}
	res := []workloadResult{{
		impls: map[string]*implResult{
			"nlwire":      {nsop: []float64{300, 100, 200}, allocs: 0},
			"handwritten": {nsop: []float64{250, 200, 150}, allocs: 2.4},
		},
		ratios: [][]float64{{1.2, 1.0, 1.4}, {12, 10, 30}},
	}}
	procs := []procResult{{
		mode:  "text",
		other: "tshark -V",
		nl: []procRun{
			{60 * time.Millisecond, 13 << 10},
			{70 * time.Millisecond, 15 << 10},
		},
		ts: []procRun{
			{1500 * time.Millisecond, 157 << 10},
			{1700 * time.Millisecond, 159 << 10},
		},
		ratios: []float64{26, 24},
		nlOut:  27<<20 + 512<<10,
		tsOut:  132 << 20,
		target: ">= 50",
	}}
	const (
		ratioHead = "| workload | ratio | median | p10–p90 | target (DESIGN.md) |\n" +
			"|---|---|---|---|---|\n" +
			"| attr decode | nlwire / handwritten | 1.20x | 1.04x–1.36x | <= 1.10x: missed (median; spread crosses it) |\n" +
			"| attr decode | handwritten / nlwire | 12.0x | 10.4x–26.4x |  |\n"
		procRatio = "| nldump text against `tshark -V`, whole processes | tshark / nldump | 25.0x | 24.0x–26.0x (range) | >= 50x: missed |\n"
		implHead  = "\n" +
			"| implementation | median time/op | p10–p90 | allocs/op |\n" +
			"|---|---|---|---|\n" +
			"| AttrDecode/nlwire | 200 ns | 120 ns–280 ns | 0 |\n" +
			"| AttrDecode/handwritten | 200 ns | 160 ns–240 ns | 2 |\n"
		procImpl = "| `nldump text`, whole process (27.5 MiB out) | 65.00 ms | 60.00 ms–70.00 ms (range) | peak RSS 14 MiB |\n" +
			"| `tshark -V`, whole process (132.0 MiB out) | 1600.00 ms | 1500.00 ms–1700.00 ms (range) | peak RSS 158 MiB |\n"
	)
	tests := []struct {
		name     string
		procs    []procResult
		skipped  []string
		wantBody string
		programs bool
	}{
		{
			name:     "with programs",
			procs:    procs,
			skipped:  []string{"LinkDump: needs root"},
			wantBody: ratioHead + procRatio + implHead + procImpl + "\nNot measured in this run: LinkDump: needs root.\n",
			programs: true,
		},
		{
			name:     "without programs",
			wantBody: ratioHead + implHead + "\nNot measured in this run: nldump against tshark (no -capture).\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			writeReport(&b, ws, res, tt.procs, tt.skipped, "1.00 2.00 3.00", "4.00 5.00 6.00")
			head, body, ok := strings.Cut(b.String(), "\n\n")
			if !ok {
				t.Fatalf("no blank line after the header:\n%s", b.String())
			}
			if !strings.HasPrefix(head, "Measured by `bench/cmd/interleave`") ||
				!strings.Contains(head, "load average 1.00 2.00 3.00 at the start and 4.00 5.00 6.00 at the end") {
				t.Errorf("header = %q", head)
			}
			if got := strings.Contains(head, "Programs: nldump and tshark"); got != tt.programs {
				t.Errorf("header mentions programs = %v, want %v: %q", got, tt.programs, head)
			}
			if diff := cmp.Diff(tt.wantBody, body); diff != "" {
				t.Errorf("report body (-want +got):\n%s", diff)
			}
			if !strings.HasSuffix(b.String(), "\n") {
				t.Error("report does not end in a newline: the end marker would join its last line")
			}
		})
	}
}
