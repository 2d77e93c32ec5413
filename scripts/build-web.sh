#!/bin/sh
# Builds convt in the browser: scripts/build-web.sh OUT_DIR [BUILD_DIR]
# Compiles the engine and the renderers (not the command line) to WebAssembly with Debian's
# emscripten, in a build directory of its own (BUILD_DIR, default build-web), and writes the
# static page into OUT_DIR: index.html, page.js, style.css and convt-web.js (the engine, with its
# WebAssembly inside, so that the page also works opened from disk). Copy OUT_DIR to any static
# web host, or open OUT_DIR/index.html in a browser. Installs what is missing with apt-get (as
# root, or with sudo). Needs about two minutes on two cores the first time.
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/build-web.sh OUT_DIR [BUILD_DIR]" >&2
  exit 2
fi
out=$1
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build-web}

packages="emscripten cmake make libfmt-dev nlohmann-json3-dev"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "build-web: installing$missing" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

# emscripten's tools run on node and look for their modules in Debian's folder; a node that is
# not Debian's does not search there by itself.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

# ccache, when there, makes a second build take seconds.
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
mkdir -p "$build"
log="$build/build-web.log"
# Warnings are errors here as in CI's native build: the libraries must compile cleanly for both.
emcmake cmake -S "$root/web" -B "$build" -DCMAKE_BUILD_TYPE=MinSizeRel -DCONVT_WERROR=ON \
  $launcher >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
cmake --build "$build" -j2 >>"$log" 2>&1 || { tail -n 60 "$log" >&2; exit 1; }

mkdir -p "$out"
cp "$root/web/index.html" "$root/web/page.js" "$root/web/style.css" "$build/convt-web.js" "$out/"
# The whole folder stays small enough for any course website (the issue's limit: 4 MB).
size=$(du -sk "$out" | cut -f1)
if [ "$size" -ge 4096 ]; then
  echo "build-web: $out holds $size KB, over the limit of 4096 KB" >&2
  exit 1
fi
echo "build-web: wrote $out/index.html ($size KB in all); open it in a browser or copy $out to a web server"
