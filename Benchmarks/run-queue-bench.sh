#!/usr/bin/env bash
# Builds and runs the event-queue benchmarks and prints one table.
#
# Usage: Benchmarks/run-queue-bench.sh [size] [operations] [repetitions]
#        (defaults: 40000 events in the queue, 10000000 hold operations, best of 5)
set -euo pipefail
cd "$(dirname "$0")"

size=${1:-40000}
operations=${2:-10000000}
repetitions=${3:-5}

echo "Building (swift build -c release, g++ -O2)…" >&2
swift build -c release --product QueueBench >&2
mkdir -p .build/cpp
g++ -O2 -std=c++17 -o .build/cpp/queue_bench cpp/queue_bench.cpp

echo "Hold model: ${size} pending events, ${operations} × (pop-min + insert), best and median of ${repetitions}" >&2
results=$(
    .build/release/QueueBench "$size" "$operations" "$repetitions"
    .build/cpp/queue_bench "$size" "$operations" "$repetitions"
)

# Every queue must pop the same events in the same order.
checksums=$(grep RESULT <<<"$results" | grep -v baseline | cut -f5 | sort -u | wc -l)

printf '\n%-40s %12s %12s\n' "implementation" "best ns/op" "median ns/op"
printf '%-40s %12s %12s\n' "----------------------------------------" "----------" "------------"
grep RESULT <<<"$results" | while IFS=$'\t' read -r _ name best median _; do
    printf '%-40s %12.1f %12.1f\n' "$name" "$best" "$median"
done
echo
if [ "$checksums" -ne 1 ]; then
    echo "ERROR: the queues popped different event sequences (checksums differ)" >&2
    grep RESULT <<<"$results" >&2
    exit 1
fi
echo "All queues popped the same event sequence (checksum $(grep RESULT <<<"$results" | grep -v baseline | head -1 | cut -f5))."
