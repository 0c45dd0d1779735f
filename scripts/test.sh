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

exec dotnet test Dashboard.sln "$@"
