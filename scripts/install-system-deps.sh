#!/usr/bin/env bash
# Installs the Debian packages the host tests need, only when missing:
#   chromium     headless browser that drives the code-server workbench (playwright-core)
#   libkrb5-dev  gssapi headers for code-server's `kerberos` native addon
#   ripgrep      stands in for @vscode/ripgrep's GitHub download (see install-code-server.sh)
# Idempotent: with everything present it does nothing and never touches apt.
# Recommends are kept on purpose: that is the verified setup (it brings fonts-liberation,
# which the screenshots need).
set -euo pipefail

packages=(chromium libkrb5-dev ripgrep)
missing=()
for p in "${packages[@]}"; do
  # dpkg -s also lists removed-but-configured packages; require "install ok installed".
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: already installed: ${packages[*]}"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

start=$SECONDS
echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# apt's and dpkg's progress (about 1,000 lines: -qq does not quiet dpkg) goes to a log file;
# only a failure prints it (its last 60 lines).
log="$(mktemp -t install-system-deps.XXXXXX.log)"
if ! { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
  && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null; } >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "install-system-deps: apt-get failed; the whole log: $log" >&2
  exit 1
fi
echo "install-system-deps: done in $((SECONDS - start)) s ($(wc -l <"$log") lines of apt output in $log)"
