#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the last line that runs on node 20) into the git-ignored
# cache .vscode-test/code-server, plus the system packages it and the test driver need (see TESTING.md).
# Reused when already present. Prints the path of the code-server launcher on its last line.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=4.100.3
PREFIX="$PWD/.vscode-test/code-server"
BIN="$PREFIX/node_modules/.bin/code-server"

if [ -x "$BIN" ] && [ -f "$PREFIX/.installed-$VERSION" ] && command -v rg >/dev/null && [ -x /usr/bin/chromium ]; then
  echo "$BIN"
  exit 0
fi

need=()
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# @vscode/ripgrep's install step downloads rg from GitHub; give it Debian's rg from its cache instead.
RG_CACHE=/tmp/vscode-ripgrep-cache-1.15.11
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

mkdir -p "$PREFIX"
start=$(date +%s)
npm_config_yes=true npm_config_unsafe_perm=true npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "code-server@$VERSION" >&2
touch "$PREFIX/.installed-$VERSION"
echo "code-server $VERSION installed in $(( $(date +%s) - start )) s" >&2
echo "$BIN"
