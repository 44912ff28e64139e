#!/usr/bin/env bash
# Release-build benchmark of the simulation core: the medium, large, large-spot and
# large-autoscale bench scenarios, scenario + baseline, summary only (no event log). Prints wall and CPU time
# (the two runs overlap on two cores), simulated events, events/s and peak RSS.
#
# Usage: scripts/bench.sh [scenario.yaml ...]
#        (default: Benchmarks/Scenarios/{medium,large,large-spot,large-autoscale}.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product batchsim >&2
binary=.build/release/batchsim
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(
    Benchmarks/Scenarios/medium.yaml Benchmarks/Scenarios/large.yaml Benchmarks/Scenarios/large-spot.yaml
    Benchmarks/Scenarios/large-autoscale.yaml
)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

printf '%-34s %9s %8s %12s %12s %14s %10s\n' scenario "wall (s)" "CPU (s)" "queue events" "model events" \
    "queue events/s" "peak RSS"
for scenario in "${scenarios[@]}"; do
    name=$(basename "$scenario" .yaml)
    /usr/bin/time -v "$binary" run "$scenario" --out "$out/$name" --quiet --stats --no-events --no-report \
        2>"$out/$name.err" >/dev/null
    wall=$(grep 'Elapsed (wall clock)' "$out/$name.err" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep 'Maximum resident set size' "$out/$name.err" | awk '{print $NF}')
    user=$(grep 'User time (seconds)' "$out/$name.err" | awk '{print $NF}')
    system=$(grep 'System time (seconds)' "$out/$name.err" | awk '{print $NF}')
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    stats=$(grep '^simulated:' "$out/$name.err")
    queue=$(sed -E 's/^simulated: ([0-9]+) queue events.*/\1/' <<<"$stats")
    model=$(sed -E 's/.* ([0-9]+) model events.*/\1/' <<<"$stats")
    rate=$(awk -v q="$queue" -v w="$wall" 'BEGIN { if (w > 0) printf "%d", q / w; else print "-" }')
    printf '%-34s %9s %8s %12s %12s %14s %7d MiB\n' "$name" "$wall" "$cpu" "$queue" "$model" "$rate" $((rss / 1024))
done
