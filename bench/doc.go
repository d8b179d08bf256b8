// Package bench measures nlwire against the peer Go netlink libraries,
// github.com/mdlayher/netlink and github.com/vishvananda/netlink, on the
// same input bytes. It lives in a module of its own so that the root
// module never depends on them.
//
// The fixtures and the implementations of each workload are in the
// package proper, collected by Workloads for cmd/interleave, the runner
// that writes the READMEs' figures (./run.sh); the Benchmark functions,
// the agreement tests and the fuzz targets are in the tests:
//
//	./run.sh
//	go test -run '^$' -bench .
//
// The workloads, the targets they are held to (DESIGN.md, "Performance
// targets") and the latest numbers are in README.md.
package bench
