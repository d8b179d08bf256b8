#!/bin/bash
# Regenerates default.pgo, the CPU profile that go build and go install
# optimize nldump by (profile-guided optimization): nldump decoding the
# 10 MB route dump capture that BenchmarkDecode10MB writes (the capture
# bench/run.sh times against tshark), to text and to JSON, each run
# decoding it ROUNDS times over (default 10), RUNS runs of each (default 8).
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-10}
RUNS=${RUNS:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -pgo=off -o "$work/nldump" .
NLDUMP_BENCH_FILE="$work/10mb.pcap" go test -run '^$' -bench '^BenchmarkDecode10MB$' -benchtime 1x . >/dev/null
files=()
for _ in $(seq "$ROUNDS"); do files+=("$work/10mb.pcap"); done
for i in $(seq "$RUNS"); do
	"$work/nldump" -cpuprofile "$work/text$i.prof" "${files[@]}" >/dev/null
	"$work/nldump" -json -cpuprofile "$work/json$i.prof" "${files[@]}" >/dev/null
done
go tool pprof -proto "$work"/*.prof >default.pgo 2>/dev/null
echo "default.pgo: $(wc -c <default.pgo) bytes, from $((2 * RUNS)) runs" >&2
