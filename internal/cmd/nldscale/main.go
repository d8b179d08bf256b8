// Command nldscale measures what nldump costs on hostile inputs of
// growing size: for every shape of internal/hostile and a pcap of bad
// record headers, at 64 KiB, 1 MiB and 16 MiB, it runs the nldump binary
// as a process under GNU time (text, then JSON; the median of three runs)
// and reports
// wall time per input byte, peak resident memory and output per input
// byte. With -readme it rewrites the table between the markers
// "<!-- nldscale begin -->" and "<!-- nldscale end -->" in that file.
//
//	go run ./internal/cmd/nldscale -readme README.md
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/nlwire/nlwire/internal/hostile"
	"github.com/nlwire/nlwire/internal/proc"
)

type input struct {
	name string
	make func(size int) []byte
}

func main() {
	readme := flag.String("readme", "", "rewrite the table in this file")
	runs := flag.Int("runs", 3, "runs per measurement (the median is reported)")
	flag.Parse()
	dir, err := os.MkdirTemp("", "nldscale")
	check(err)
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "nldump")
	build := exec.Command("go", "build", "-o", bin, "./cmd/nldump")
	build.Stderr = os.Stderr
	check(build.Run())

	var inputs []input
	for _, s := range hostile.Shapes() {
		inputs = append(inputs, input{s.String(), func(size int) []byte { return pcapOf(s, size) }})
	}
	inputs = append(inputs, input{"bad records", hostile.BadRecords})

	var t strings.Builder
	fmt.Fprintf(&t, "Measured by `go run ./internal/cmd/nldscale -readme README.md` on %s/%s, %s, %s: nldump run as a process on each file, median of %d runs; time is wall time per input byte, RSS the peak resident memory, output the bytes printed per input byte.\n\n",
		runtime.GOOS, runtime.GOARCH, runtime.Version(), time.Now().UTC().Format("2006-01-02"), *runs)
	t.WriteString("| input | size | text ns/byte | text peak RSS | text output/byte | JSON ns/byte | JSON peak RSS | JSON output/byte | exit |\n")
	t.WriteString("|---|---|---|---|---|---|---|---|---|\n")
	var (
		minRSS, maxRSS int64   = math.MaxInt64, 0
		growth         float64 // the largest text time per byte at 16 MiB over that at 1 MiB
		perByte1M      float64
	)
	for _, in := range inputs {
		for _, size := range []int{64 << 10, 1 << 20, 16 << 20} {
			data := in.make(size)
			file := filepath.Join(dir, "in.pcap")
			check(os.WriteFile(file, data, 0o644))
			text := measure(bin, file, *runs)
			js := measure(bin, file, *runs, "-json")
			minRSS = min(minRSS, text.rss, js.rss)
			maxRSS = max(maxRSS, text.rss, js.rss)
			perByte := float64(text.wall.Nanoseconds()) / float64(len(data))
			switch size {
			case 1 << 20:
				perByte1M = perByte
			case 16 << 20:
				growth = max(growth, perByte/perByte1M)
			}
			fmt.Fprintf(&t, "| %s | %s | %.1f | %.1f MiB | %.1f | %.1f | %.1f MiB | %.1f | %d |\n",
				in.name, sizeName(size),
				float64(text.wall.Nanoseconds())/float64(len(data)), float64(text.rss)/(1<<20), float64(text.out)/float64(len(data)),
				float64(js.wall.Nanoseconds())/float64(len(data)), float64(js.rss)/(1<<20), float64(js.out)/float64(len(data)),
				text.status)
		}
	}
	fmt.Fprintf(&t, "\nPeak RSS: %.1f to %.1f MiB over every input and size. Text time per byte at 16 MiB is at most %.2f times that at 1 MiB (at 64 KiB the process's start dominates it).\n",
		float64(minRSS)/(1<<20), float64(maxRSS)/(1<<20), growth)
	fmt.Print(t.String())
	if *readme != "" {
		b, err := os.ReadFile(*readme)
		check(err)
		const begin, end = "<!-- nldscale begin -->\n", "<!-- nldscale end -->"
		i, j := bytes.Index(b, []byte(begin)), bytes.Index(b, []byte(end))
		if i < 0 || j < i {
			check(fmt.Errorf("%s has no %q ... %q markers", *readme, strings.TrimSpace(begin), end))
		}
		out := slices.Concat(b[:i+len(begin)], []byte(t.String()), b[j:])
		check(os.WriteFile(*readme, out, 0o644))
	}
}

type result struct {
	wall   time.Duration
	rss    int64
	out    int64
	status int
}

// measure runs nldump on file n times and returns the median wall time,
// the largest peak RSS and the output's size (internal/proc: under GNU
// time, which reports the child's own peak).
func measure(bin, file string, n int, args ...string) result {
	var walls []time.Duration
	var r result
	for range n {
		var out countWriter
		pr, err := proc.Run(append([]string{bin}, append(args, file)...), &out, nil)
		check(err)
		walls = append(walls, pr.Wall)
		r.status = pr.Status
		r.rss = max(r.rss, pr.PeakRSS)
		r.out = out.n
	}
	slices.Sort(walls)
	r.wall = walls[len(walls)/2]
	return r
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func pcapOf(s hostile.Shape, size int) []byte {
	b, err := s.Pcap(size)
	check(err)
	return b
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "nldscale:", err)
		os.Exit(1)
	}
}
