#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (which never downloads a browser).
# Install it when missing; needs root (CI and the dev machines run as root) or sudo.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
echo "tqa: installing Debian's chromium for the browser tests..." >&2
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null
