#!/usr/bin/env bash
# Release-build benchmark of the event log: the large bench scenario (scenario + baseline)
# with the full SQLite log, against the raw SQLite C API writing the same rows into the same
# schema with the same indexes (Benchmarks/c/sqlite_reference.c).
#
# Usage: scripts/bench-log.sh [scenario.yaml]   (default: Benchmarks/Scenarios/large.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Benchmarks/Scenarios/large.yaml}

swift build -c release --product batchsim >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/sqlite_reference" Benchmarks/c/sqlite_reference.c -lsqlite3

/usr/bin/time -v .build/release/batchsim run "$scenario" --out "$work/out" --quiet --stats 2>"$work/run.err" >/dev/null
wall=$(grep 'Elapsed (wall clock)' "$work/run.err" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
rss=$(grep 'Maximum resident set size' "$work/run.err" | awk '{print $NF}')
db="$work/out/events.sqlite"
rows=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM tasks) + (SELECT count(*) FROM nodes)")
size=$(stat -c %s "$db")

reference=$("$work/sqlite_reference" "$db" "$work/reference.sqlite")
reference_total=$(cut -f3 <<<"$reference")
reference_insert=$(cut -f4 <<<"$reference")
reference_index=$(cut -f5 <<<"$reference")

awk -v wall="$wall" -v rows="$rows" -v size="$size" -v rss="$rss" -v ref="$reference_total" \
    -v ins="$reference_insert" -v idx="$reference_index" 'BEGIN {
    printf "batchsim run (simulation + log)   %8.2f s  %10d rows  %9.0f rows/s  %6.0f MiB file  %5.0f MiB peak RSS\n",
        wall, rows, rows / wall, size / 1048576, rss / 1024
    printf "raw C API, same rows and indexes  %8.2f s  (inserts %.2f s, indexes %.2f s)  %9.0f rows/s\n",
        ref, ins, idx, rows / ref
    printf "ratio                             %8.2f  (target <= 1.25)\n", wall / ref
}'
