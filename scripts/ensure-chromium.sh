#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests exists at ${CHROMIUM_PATH:-/usr/bin/chromium}.
# Idempotent: does nothing when it is there; otherwise installs Debian's chromium package with apt
# (needs root, as on the CI machine). Exits non-zero with a clear message when it cannot.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

report_version() {
  # Debian's wrapper script prints a harmless warning on some systems; keep only the version line.
  "$chromium_path" --version 2>/dev/null | head -n 1 || true
}

if [ -x "$chromium_path" ]; then
  echo "ensure-chromium: found $chromium_path ($(report_version)); nothing to do."
  exit 0
fi

if [ "$chromium_path" != "/usr/bin/chromium" ]; then
  echo "ensure-chromium: CHROMIUM_PATH=$chromium_path does not exist, and apt installs only /usr/bin/chromium." >&2
  echo "ensure-chromium: unset CHROMIUM_PATH to install Debian's chromium, or point it at an existing browser." >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $chromium_path is missing and apt-get is not available; install Chromium by hand and set CHROMIUM_PATH." >&2
  exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $chromium_path is missing; installing it needs root (run: sudo $0)." >&2
  exit 1
fi

echo "ensure-chromium: $chromium_path is missing; installing Debian's chromium package with apt-get."
if ! apt-get update; then
  echo "ensure-chromium: apt-get update failed; check the network and the apt sources." >&2
  exit 1
fi
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; then
  echo "ensure-chromium: apt-get install chromium failed." >&2
  exit 1
fi

if [ ! -x "$chromium_path" ]; then
  echo "ensure-chromium: the chromium package installed, but $chromium_path is still missing." >&2
  exit 1
fi
echo "ensure-chromium: installed $chromium_path ($(report_version))."
