package testenv

import "time"

// TimePerByte measures the time per byte of run over an input of n
// bytes for a small and a large input, as linearity tests compare them:
// each the best of three runs, small and large taken in turn, over up
// to five rounds, keeping each one's best. It stops at the first round
// after which ok holds of the two, so that a busy machine (other test
// binaries, a build) delays the answer rather than failing it: a cost
// that really grows with the size fails every round.
func TimePerByte(small func(), ns int, large func(), nl int, ok func(ts, tl float64) bool) (ts, tl float64) {
	best := func(run func(), n int) float64 {
		b := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			run()
			b = min(b, time.Since(start))
		}
		return float64(b) / float64(n)
	}
	ts, tl = best(small, ns), best(large, nl)
	for range 4 {
		if ok(ts, tl) {
			break
		}
		ts, tl = min(ts, best(small, ns)), min(tl, best(large, nl))
	}
	return ts, tl
}
