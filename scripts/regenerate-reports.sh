#!/usr/bin/env bash
# Rebuilds the committed reports of the flagship scenarios in Reports/<name>/ (summary.json,
# report.md, report.html). Event logs are written too but stay out of git (.gitignore).
# CommittedReportsTests fails until this has been run after a change to the model or reports.
set -euo pipefail
cd "$(dirname "$0")/.."

flagships=(key-disabled-45m rotation-done-wrong purge-without-protection)

swift build -c release --product batchsim
for name in "${flagships[@]}"; do
    .build/release/batchsim run "Scenarios/$name.yaml" --out "Reports/$name" --quiet
    echo "wrote Reports/$name/{summary.json,report.md,report.html}"
done
