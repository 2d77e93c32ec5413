#!/bin/sh
# Regenerates every golden folder listed in cases.txt (next to this script).
# tests/update_goldens.sh runs it with the other updates: run that one.
# Usage: sh tests/golden/svg/update.sh path/to/convt
# Then look at the figures before committing: the numbers come from the engine (checked against
# PyTorch by the other tests), the pictures need eyes. For example:
#   for f in tests/golden/svg/*/*.svg; do rsvg-convert "$f" -o "${f%.svg}.png"; done
# (and delete the PNGs afterwards: they are not part of the goldens).
set -eu
set -f  # arguments are split on spaces, never globbed

if [ "$#" -ne 1 ]; then
  echo "usage: sh $0 path/to/convt" >&2
  exit 2
fi
convt=$1
if [ ! -x "$convt" ]; then
  echo "$0: '$convt' is not an executable" >&2
  exit 2
fi
dir=$(cd "$(dirname "$0")" && pwd)

count=0
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    '' | '#'*) continue ;;
  esac
  # shellcheck disable=SC2086  # word splitting of the arguments is intended
  set -- $line
  folder=$1
  shift
  rm -rf "$dir/$folder.tmp"
  if ! env -u NO_COLOR -u CLICOLOR_FORCE -u COLUMNS LC_ALL=C "$convt" "$@" --out "$dir/$folder.tmp" >/dev/null; then
    rm -rf "$dir/$folder.tmp"
    echo "$0: '$convt $* --out ...' failed" >&2
    exit 1
  fi
  rm -f "$dir/$folder.tmp/index.html"  # not a golden: it repeats the catalogue's explanations
  rm -rf "$dir/$folder"
  mv "$dir/$folder.tmp" "$dir/$folder"
  count=$((count + 1))
done <"$dir/cases.txt"
echo "regenerated $count golden folder(s) in $dir"
