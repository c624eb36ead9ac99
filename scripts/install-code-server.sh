#!/usr/bin/env bash
# Installs code-server (VS Code OSS server + web workbench) from npm into the git-ignored
# .vscode-test/, for running the extension host offline (see
# /work/shared/docs/vscode-host-testing.md). Idempotent: skips in well under a second when
# this version is already installed and verified.
#
#   bash scripts/install-code-server.sh [VERSION]
#
# VERSION defaults to 4.100.3 (VS Code 1.100.3, the newest line that runs on Node 20), installed
# into .vscode-test/code-server; any other version goes to .vscode-test/code-server-VERSION.
# CI also installs 4.93.1 (VS Code 1.93.1, the engines.vscode floor; 4.96.x fetches a git
# dependency and does not install offline).
#
# Why the extra steps:
#  - npm_config_yes=true: node-pty's postinstall runs `npx node-gyp`, which aborts without a TTY.
#  - --unsafe-perm: code-server's postinstall refuses to run as root without it.
#  - @vscode/ripgrep's postinstall downloads from GitHub unless it finds a cached tarball in
#    $TMPDIR; we put Debian's /usr/bin/rg there under the exact name it looks for. Its version
#    and release tag are read from the packages themselves (npm pack), not hard-coded.
# Needs: Node 20, npm, ripgrep and libkrb5-dev (scripts/install-system-deps.sh).
# Env: CODE_SERVER_DIR overrides the install folder of the default version.
set -euo pipefail

NEWEST=4.100.3
VERSION="${1:-$NEWEST}"
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "install-code-server: VERSION must look like 4.93.1 (got '$VERSION')" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$VERSION" = "$NEWEST" ]; then DEST="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"; else DEST="$ROOT/.vscode-test/code-server-$VERSION"; fi
PKG="$DEST/node_modules/code-server"
STAMP="$DEST/.installed-$VERSION"
start=$SECONDS

log() { echo "install-code-server: $*"; }
die() { echo "install-code-server: ERROR: $*" >&2; exit 1; }

installed_version() { node -p "require(process.argv[1]).version" "$PKG/package.json" 2>/dev/null || true; }

if [ -f "$STAMP" ] && [ -f "$PKG/out/node/entry.js" ] && [ "$(installed_version)" = "$VERSION" ]; then
  log "code-server $VERSION already installed in $DEST (skipped)"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = "20" ] || die "code-server $VERSION needs Node 20 (found $(node -v))."
RG="$(command -v rg || true)"
[ -n "$RG" ] || die "ripgrep (rg) is missing: run 'bash scripts/install-system-deps.sh' first."
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' ||
  die "libkrb5-dev is missing: run 'bash scripts/install-system-deps.sh' first."

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# 1. Which @vscode/ripgrep does this code-server's VS Code pin, and which ripgrep release tag
#    does that package download? (npm pack also warms the npm cache for the install below.)
log "reading ripgrep pins from code-server@$VERSION"
(cd "$WORK" && npm pack "code-server@$VERSION" --silent >/dev/null)
tar -xzf "$WORK/code-server-$VERSION.tgz" -C "$WORK" package/lib/vscode/npm-shrinkwrap.json
RG_PKG_VERSION="$(node -p 'require(process.argv[1]).packages["node_modules/@vscode/ripgrep"].version' \
  "$WORK/package/lib/vscode/npm-shrinkwrap.json")"
(cd "$WORK" && npm pack "@vscode/ripgrep@$RG_PKG_VERSION" --silent >/dev/null)
mkdir -p "$WORK/rgpkg"
tar -xzf "$WORK/vscode-ripgrep-$RG_PKG_VERSION.tgz" -C "$WORK/rgpkg" package/lib/postinstall.js
RG_TAG="$(sed -n "s/^const VERSION = '\([^']*\)'.*/\1/p" "$WORK/rgpkg/package/lib/postinstall.js")"
[ -n "$RG_TAG" ] || die "could not read VERSION from @vscode/ripgrep@$RG_PKG_VERSION lib/postinstall.js"
case "$(node -p 'process.arch')" in
  x64) RG_TARGET=x86_64-unknown-linux-musl ;;
  arm64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(node -p 'process.arch') for the ripgrep cache trick" ;;
esac
log "@vscode/ripgrep $RG_PKG_VERSION wants ripgrep $RG_TAG ($RG_TARGET); using $RG"

# 2. Fake the download cache with Debian's rg (the tarball must hold a file named `rg`).
export TMPDIR="$WORK/tmp"
CACHE="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$CACHE" "$WORK/rgbin"
cp "$RG" "$WORK/rgbin/rg"
tar -czf "$CACHE/ripgrep-$RG_TAG-$RG_TARGET.tar.gz" -C "$WORK/rgbin" rg

# 3. Install into a clean private folder.
log "installing code-server@$VERSION into $DEST (about a minute)"
rm -rf "$DEST"
mkdir -p "$DEST"
echo '{ "name": "code-server-host", "private": true }' >"$DEST/package.json"
npm_config_yes=true npm install --prefix "$DEST" --unsafe-perm --no-audit --no-fund \
  --loglevel=error "code-server@$VERSION" </dev/null
[ -f "$PKG/out/node/entry.js" ] || die "install finished but $PKG/out/node/entry.js is missing"
[ -x "$PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] ||
  die "@vscode/ripgrep's bin/rg is missing (did its postinstall try to download?)"

# 4. Verify it starts: bind a free loopback port, wait for /healthz, stop the process group.
log "verifying that code-server starts"
node - "$PKG/out/node/entry.js" "$WORK/verify" <<'JS'
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const [entry, dir] = process.argv.slice(2);
(async () => {
  const port = await new Promise((res, rej) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
    s.on('error', rej);
  });
  fs.mkdirSync(path.join(dir, 'ws'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  const child = spawn(process.execPath, [entry, '--config', path.join(dir, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', path.join(dir, 'ud'),
    '--extensions-dir', path.join(dir, 'ext'), '--disable-telemetry', '--disable-update-check',
    path.join(dir, 'ws')], { detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const deadline = Date.now() + 30000;
  let ok = false;
  while (!ok && Date.now() < deadline && child.exitCode === null) {
    ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (!ok) await new Promise((r) => setTimeout(r, 250));
  }
  try { process.kill(-child.pid, 'SIGTERM'); } catch {}
  if (!ok) { console.error(out); console.error('code-server did not answer /healthz within 30 s'); process.exit(1); }
  console.log(`install-code-server: /healthz answered on port ${port}`);
})();
JS

touch "$STAMP"
log "code-server $VERSION installed in $((SECONDS - start)) s"
