#!/bin/sh
# run.sh measures the bench module's workloads with cmd/interleave: every
# implementation of a workload in one process, 10 ms slots in an order
# alternating between rounds, ratios taken within each round, medians and
# 10th-90th percentiles over ROUNDS rounds (default 100); and nldump
# against tshark as whole processes, alternating, on the same 10 MB
# capture (cmd/nldump's BenchmarkDecode10MB writes it), PROCRUNS runs
# each (default 10). It prints a markdown table; arguments go to
# cmd/interleave:
#
#	./run.sh                                   # print the table
#	ROUNDS=60 ./run.sh -readme ../README.md,README.md  # and put it in the READMEs
#	NOPROCS=1 ./run.sh -run 'AttrDecode|Messages'      # in-process workloads only
#
# LinkDump (through a real socket) needs root and ip, and is left out,
# saying so, without them. go test -bench still times each benchmark on
# its own; the READMEs' figures come from this script only.
set -eu
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-100}
PROCRUNS=${PROCRUNS:-10}
TSHARK=${TSHARK:-tshark}
WORK=$(mktemp -d -t nlwire-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

go build -o "$WORK/interleave" ./cmd/interleave
if [ -z "${NOPROCS:-}" ]; then
	if command -v "$TSHARK" >/dev/null; then
		echo "building nldump and the 10 MB capture" >&2
		(cd .. && go build -o "$WORK/nldump" ./cmd/nldump &&
			NLDUMP_BENCH_FILE="$WORK/10mb.pcap" go test -run '^$' -bench '^BenchmarkDecode10MB$' -benchtime 1x ./cmd/nldump >/dev/null)
		set -- -capture "$WORK/10mb.pcap" -nldump "$WORK/nldump" -tshark "$(command -v "$TSHARK")" -procruns "$PROCRUNS" "$@"
	else
		echo "no $TSHARK: nldump against tshark is not measured" >&2
	fi
fi
"$WORK/interleave" -rounds "$ROUNDS" "$@"
