#!/usr/bin/env bash
# Where the time goes in a release run (issue 15 item 3): samples the large bench (summary only,
# scenario and baseline apart, --no-share) with `perf record` and prints the share of CPU time of
# each part of the engine (inclusive: a part's callees count in it), then counts calls to malloc
# with a uprobe (allocations per run). Needs `perf` and root (or perf_event_paranoid <= 1).
#
# Usage: scripts/profile.sh [scenario.yaml]   (default: Benchmarks/Scenarios/large.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Benchmarks/Scenarios/large.yaml}
command -v perf >/dev/null || { echo "profile.sh needs perf (linux-tools)" >&2; exit 1; }
swift build -c release --product batchsim >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run=(.build/release/batchsim run "$scenario" --no-events --no-report --no-share --quiet --out "$work/out")
perf record -q -F 4000 -g -o "$work/perf.data" "${run[@]}" >/dev/null 2>&1
perf report -i "$work/perf.data" --children --sort symbol --stdio 2>/dev/null |
    awk '/^ +[0-9.]+%/ { print $1, $4 }' >"$work/symbols"
part() { # name, pattern of the symbols that make it up (the first match's inclusive share)
    share=$(grep -E "$2" "$work/symbols" | head -1 | cut -d' ' -f1 || true)
    printf "%-44s %7s\n" "$1" "${share:-0%}"
}
total() { # name, pattern: the sum of the inclusive shares of the matching symbols (anchor the
    # pattern to whole functions: a closure inside one of them would be counted twice)
    share=$(grep -E "$2" "$work/symbols" | awk '{ sub("%", "", $1); sum += $1 } END { printf "%.2f%%", sum }')
    printf "%-44s %7s\n" "$1" "$share"
}
echo "inclusive share of CPU samples, $scenario (scenario + baseline, not shared):"
part "event loop (advance, all handlers)" 'SimulationV7advance'
part "  dispatch passes (scheduler)" 'SimulationV18dispatchDirtyPools'
part "    task starts (incl. duration draws)" 'SimulationV5start_2on'
part "  arrivals and client submissions" 'SimulationV15deliverArrivals'
part "  client retries after rejections" 'SimulationV14deliverRetries'
part "  attempt completions" 'SimulationV15completeAttempt'
part "    freeing slots (release)" 'SimulationV7release'
part "  event queue inserts" 'BinaryMinHeapV6insert.*ScheduledEvent'
total "  slot index (placements, slot changes)" 'SlotTreeV(3setyySi_s5Int32VtF|9firstNode11withAtLeastSiSgs5Int32V_tF)$'
part "set-up (task table, initial nodes)" 'SimulationV5setUp'
part "metrics at the end (finish)" 'SimulationV6finish'
part "page faults (first touch of memory)" 'asm_exc_page_fault'
if perf probe -q -x /lib/x86_64-linux-gnu/libc.so.6 malloc >/dev/null 2>&1 ||
    perf probe -l 2>/dev/null | grep -q 'probe_libc:malloc'; then
    calls=$(perf stat -x, -e probe_libc:malloc "${run[@]}" 2>&1 >/dev/null | awk -F, '/malloc/ { print $1 }')
    echo "malloc calls in the whole process: $calls"
else
    echo "malloc calls: no uprobe on libc's malloc here (needs root)"
fi
