#!/usr/bin/env bash
# Release-build benchmark of sweeps: 200 replications of the medium bench scenario with
# --jobs 1 and --jobs 2; prints both wall times and the speed-up (target >= 1.8x on 2 cores),
# and checks that both give identical statistics. Then a what-if sweep of the large bench over
# outage length with and without sharing (wall and CPU time, identical outputs).
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


# What-if sweep: the large bench over the first outage's length (5 points x 4 replications,
# --jobs 2), with sharing (the default: one baseline per replication, the first 6 h and each
# point's common stretch simulated once) and without (--no-share). Target: >= 2.5x less CPU.
what_if=(Benchmarks/Scenarios/large-outage-sweep.yaml --set outage=15m,30m,45m,1h,2h --replications 4 --jobs 2 --quiet)
for mode in share no-share; do
    flag=()
    [ "$mode" = no-share ] && flag=(--no-share)
    /usr/bin/time -f "%e %U %S" -o "$work/time-$mode" .build/release/batchsim sweep "${what_if[@]}" \
        "${flag[@]}" --out "$work/what-if-$mode"
done
for file in sweep.csv sweep.json; do
    cmp -s "$work/what-if-share/$file" "$work/what-if-no-share/$file" ||
        { echo "what-if sweep: $file differs with and without sharing" >&2; exit 1; }
done
awk -v shared="$(cat "$work/time-share")" -v unshared="$(cat "$work/time-no-share")" 'BEGIN {
    split(shared, a, " "); split(unshared, b, " ")
    printf "\nwhat-if sweep: large-outage-sweep.yaml, outage 15m..2h x 4 replications, --jobs 2\n"
    printf "shared     %7.2f s wall %7.2f s CPU\n", a[1], a[2] + a[3]
    printf "--no-share %7.2f s wall %7.2f s CPU\n", b[1], b[2] + b[3]
    printf "CPU ratio  %7.2fx  (target >= 2.5x), identical sweep.csv and sweep.json\n", (b[2] + b[3]) / (a[2] + a[3])
}'
