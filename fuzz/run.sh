#!/usr/bin/env bash
# Runs every fuzz target of the module (and of bench/) for FUZZTIME each
# (default 30m), one after another, and prints each run's last lines.
#
#	fuzz/run.sh                 # 30 minutes per target
#	FUZZTIME=5m fuzz/run.sh     # shorter
#	fuzz/run.sh ./attr          # only the targets of some packages
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-30m}
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || mapfile -t pkgs < <(go list ./...)
for pkg in "${pkgs[@]}"; do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "=== $pkg $target ($fuzztime, $(date -u +%H:%M))"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg" 2>&1 | tail -n 3
  done
done
if [ $# -eq 0 ] && [ -f bench/go.mod ]; then
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' bench/*_test.go | sed 's/^func //' | sort -u); do
    echo "=== bench $target ($fuzztime)"
    (cd bench && go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" . 2>&1 | tail -n 3)
  done
fi
