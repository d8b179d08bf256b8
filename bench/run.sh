#!/bin/sh
# run.sh runs the benchmarks of the bench module COUNT times (default 6)
# and prints a benchstat table and the nlwire/peer ratios per workload.
#
#	./run.sh               # 6 rounds
#	COUNT=10 ./run.sh      # 10 rounds
#	BENCH=AttrDecode ./run.sh
#
# The test binary is built once and run COUNT times with -count 1, so
# that every library is measured in every round and ratios compare
# numbers taken close together (the machine may be busy: trust ratios
# more than absolute times). The raw output is kept in $OUT.
set -eu
cd "$(dirname "$0")"
COUNT=${COUNT:-6}
BENCH=${BENCH:-.}
BENCHTIME=${BENCHTIME:-1s}
OUT=${OUT:-$(mktemp -t nlwire-bench.XXXXXX)}
BIN=$(mktemp -t nlwire-bench-bin.XXXXXX)
trap 'rm -f "$BIN"' EXIT

go test -c -o "$BIN" .
: >"$OUT"
i=1
while [ "$i" -le "$COUNT" ]; do
	echo "round $i/$COUNT" >&2
	"$BIN" -test.run '^$' -test.bench "$BENCH" -test.benchtime "$BENCHTIME" -test.count 1 >>"$OUT"
	i=$((i + 1))
done

# benchstat compares columns by a key=value part of the name: present the
# library as /lib=NAME to it, nlwire first (the base of "vs base").
sed -E 's#^(Benchmark[A-Za-z]+)/([a-z]+)(-[0-9]+)?([[:space:]])#\1/lib=\2\3\4#' "$OUT" |
	go tool benchstat -col '/lib@(nlwire mdlayher vishvananda handwritten)' \
		-filter '.unit:(ns/op OR allocs/op OR ns/attr OR ns/msg)' -
echo
go run ./cmd/ratios <"$OUT"
echo
echo "raw results: $OUT" >&2
