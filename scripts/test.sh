#!/usr/bin/env bash
# Runs every test of the solution (unit, component, and E2E in real Chromium).
# The E2E tests drive Debian's chromium through Microsoft.Playwright (no `playwright install`);
# it is installed with apt when missing. Extra arguments go to `dotnet test`, e.g.
#   scripts/test.sh --filter "FullyQualifiedName~LiveCalendar"
# Screenshots and server logs of the E2E run land in tests/E2E/TestResults/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "Chromium not found at $chromium: installing Debian's chromium package." >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium
fi

# dotnet-ef comes from the local tool manifest (.config/dotnet-tools.json); the migration tests
# and anyone adding a migration use that exact version.
dotnet tool restore

# Run, keep the output, and close with one plain "N passed, N failed" line summed over the
# test projects (dotnet test prints one summary per project). The exit code is dotnet test's.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test Dashboard.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
        gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1) }
     } END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"
