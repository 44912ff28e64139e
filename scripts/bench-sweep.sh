#!/usr/bin/env bash
# Release-build benchmark of sweeps: 200 replications of the medium bench scenario with
# --jobs 1 and --jobs 2; prints both wall times and the speed-up (target >= 1.8x on 2 cores),
# and checks that both give identical statistics.
#
# Usage: scripts/bench-sweep.sh [replications]
set -euo pipefail
cd "$(dirname "$0")/.."
replications=${1:-200}
swift build -c release --product batchsim >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for jobs in 1 2; do
    /usr/bin/time -f "%e" -o "$work/time$jobs" .build/release/batchsim sweep Benchmarks/Scenarios/medium.yaml \
        --replications "$replications" --jobs "$jobs" --out "$work/out$jobs" --quiet
done
cmp -s "$work/out1/sweep.csv" "$work/out2/sweep.csv" || { echo "results differ between --jobs 1 and 2" >&2; exit 1; }
awk -v one="$(cat "$work/time1")" -v two="$(cat "$work/time2")" -v n="$replications" 'BEGIN {
    printf "%d runs of medium.yaml (scenario + baseline each)\n", n
    printf "--jobs 1  %7.2f s\n--jobs 2  %7.2f s\nspeed-up  %7.2fx  (target >= 1.8x)\n", one, two, one / two
}'
