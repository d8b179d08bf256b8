// Package bench measures nlwire against the peer Go netlink libraries,
// github.com/mdlayher/netlink and github.com/vishvananda/netlink, on the
// same input bytes. It lives in a module of its own so that the root
// module never depends on them.
//
// Everything is in the tests: run ./run.sh, or
//
//	go test -run '^$' -bench . -count 6
//
// The workloads, the targets they are held to (DESIGN.md, "Performance
// targets") and the latest numbers are in README.md.
package bench
