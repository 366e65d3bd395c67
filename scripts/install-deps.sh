#!/bin/sh
# Installs what wijkteam needs to build, run and test, from Debian's packages
# and the npm registry. Does nothing that is already there, so `make run` and
# `make check` can call it every time.
set -eu

DEBS="build-essential pkg-config bc curl libmicrohttpd-dev libjansson-dev libsodium-dev libsqlite3-dev \
libpq-dev libigraph-dev libcairo2-dev libcriterion-dev sqlite3 postgresql chromium \
fonts-dejavu-core wrk gettext cppcheck clang libclang-rt-14-dev nettle-dev libqrencode-dev poppler-utils"

missing=""
for p in $DEBS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js and npm may come from another source than Debian (NodeSource ships
# npm inside its nodejs package, and Debian's npm then conflicts with it):
# install Debian's only when the commands are missing.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  echo "installing Debian packages:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

if [ ! -d node_modules/@utrecht/component-library-css ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
