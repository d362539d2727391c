#!/usr/bin/env bash
# Installs what the browser tests and the chat page's build need on a Debian machine, only when missing:
# Debian's chromium at /usr/bin/chromium (the browser tests drive it; no browser is ever downloaded by Playwright)
# and node/npm, which the web project's build uses to install Web Chat from the npm registry.
# With --node-only (the web project's build calls it so) only node/npm.
set -euo pipefail

missing=()
if [ "${1:-}" != "--node-only" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing from Debian: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
