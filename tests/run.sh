#!/usr/bin/env bash
# Runs every BotTriage test from a fresh clone: restores, builds with warnings as errors, runs the suite,
# and installs what the tests need on the way. Prints one closing line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$PWD/TestResults"
rm -rf "$results"

bash tests/setup/chromium.sh
dotnet restore BotTriage.sln
dotnet build BotTriage.sln --no-restore -c Release -warnaserror
source tests/setup/postgres.sh
set +e
dotnet test BotTriage.sln --no-build -c Release --results-directory "$results" --logger "trx" --logger "console;verbosity=normal" -- RunConfiguration.TreatNoTestsAsError=false
status=$?
set -e

passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
