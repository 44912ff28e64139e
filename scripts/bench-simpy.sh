#!/usr/bin/env bash
# batchsim against the SimPy reference model (scripts/simpy-reference/model.py), side by side on
# this machine in one run (issue 15: ">= 100x the SimPy reference model on
# Benchmarks/Scenarios/large.yaml"). Both simulate the scenario and its baseline and write the
# same summary metrics; the script prints each wall time, the ratio, and whether every metric
# agrees (the list of those that differ, if any).
#
# Usage: scripts/bench-simpy.sh [scenario.yaml]     (default: Benchmarks/Scenarios/large.yaml)
#   BATCHSIM=/path/to/batchsim  use that binary instead of building the release one
#   BATCHSIM_ARGS="--no-share"  extra arguments for batchsim run (e.g. to simulate the baseline
#                               apart from t = 0, as the SimPy model always does)
#   BATCHSIM_RUNS=5             batchsim runs to take the median wall time of
#   PYTHON=python3              the interpreter for the SimPy model
# Exit status: 0 when the metrics agree, 1 when some differ, 2 on other errors.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Benchmarks/Scenarios/large.yaml}
python=${PYTHON:-python3}
model=scripts/simpy-reference/model.py

if ! "$python" -c 'import simpy' 2>/dev/null; then
    echo "installing simpy with pip" >&2
    "$python" -m pip install --quiet simpy
fi

if [[ -n "${BATCHSIM:-}" ]]; then
    batchsim=$BATCHSIM
else
    swift build -c release --product batchsim >&2
    batchsim=.build/release/batchsim
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command, its output to a log, and prints its wall seconds and peak RSS (KiB).
timed() {
    local log=$1
    shift
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 2; }
        cat "$work/time"
    else
        local TIMEFORMAT=%R
        { time "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 2; }; } 2>"$work/time"
        echo "$(tail -n 1 "$work/time") ?"
    fi
}

# batchsim's run is short and its wall time varies from run to run more than SimPy's minute
# does: take the median of several runs (BATCHSIM_RUNS, default 5), and the largest peak RSS.
runs=${BATCHSIM_RUNS:-5}
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "BATCHSIM_RUNS: expected a positive whole number, found '$runs'" >&2; exit 2; }
walls=()
batchsim_rss=0
for ((run = 0; run < runs; run++)); do
    # `timed` runs in a subshell: its exit 2 shows here as a read of nothing.
    read -r wall rss < <(timed "$work/batchsim.log" \
        "$batchsim" run "$scenario" --no-events --no-report --quiet ${BATCHSIM_ARGS:-} --out "$work/batchsim") ||
        { echo "batchsim run failed" >&2; exit 2; }
    walls+=("$wall")
    if [[ "$rss" == "?" || "$rss" -gt "$batchsim_rss" ]]; then batchsim_rss=$rss; fi
done
batchsim_wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }')
read -r simpy_wall simpy_rss < <(timed "$work/simpy.log" \
    "$python" "$model" run "$scenario" --out "$work/simpy-summary.json") ||
    { echo "the SimPy model failed" >&2; exit 2; }

set +e
"$python" "$model" compare "$work/simpy-summary.json" "$work/batchsim/summary.json" >"$work/compare.txt"
differ=$?
set -e

simpy_version=$("$python" -c 'import simpy; print(simpy.__version__)')
py_version=$("$python" -c 'import platform; print(platform.python_implementation(), platform.python_version())')
awk -v scenario="$scenario" -v bw="$batchsim_wall" -v brss="$batchsim_rss" -v sw="$simpy_wall" \
    -v srss="$simpy_rss" -v versions="simpy $simpy_version, $py_version" 'BEGIN {
    printf "%s (scenario + baseline each)\n", scenario
    printf "batchsim                %8.2f s wall  %6s MiB peak RSS  (median of '"$runs"' runs)\n", bw, (brss == "?" ? "?" : sprintf("%.0f", brss / 1024))
    printf "SimPy reference model   %8.2f s wall  %6s MiB peak RSS  (%s)\n", sw, (srss == "?" ? "?" : sprintf("%.0f", srss / 1024)), versions
    if (bw > 0) printf "ratio SimPy / batchsim  %8.1fx  (issue 15 target >= 100x)\n", sw / bw
}'
if [[ $differ -eq 0 ]]; then
    echo "metrics agree: yes ($(tail -n 1 "$work/compare.txt"))"
else
    echo "metrics agree: NO"
    cat "$work/compare.txt"
    exit 1
fi
