#!/bin/sh
# Installs the Debian packages convt needs to build and test, only those that are missing.
# Run as root (or with sudo available). Safe to run again: it does nothing when all are present.
set -eu
packages="cmake make g++ libcli11-dev libfmt-dev libgtest-dev nlohmann-json3-dev"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
