#!/bin/sh
# Regenerates every golden output listed in cases.txt (next to this script).
# Usage: sh tests/golden/formats/update.sh path/to/convt
# Review the result with `git diff tests/golden/formats` before committing;
# tests/formats_test.cpp checks the grids of every format against PyTorch's numbers.
set -eu
set -f  # arguments are split on spaces, never globbed

if [ "$#" -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: sh $0 path/to/convt" >&2
  exit 2
fi
convt=$1
dir=$(cd "$(dirname "$0")" && pwd)

count=0
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    '' | '#'*) continue ;;
  esac
  # shellcheck disable=SC2086  # word splitting of the arguments is intended
  set -- $line
  file=$1
  shift
  mkdir -p "$(dirname "$dir/$file")"
  # The environment must not change the output; unset what could.
  if ! env -u NO_COLOR -u CLICOLOR_FORCE -u COLUMNS LC_ALL=C "$convt" "$@" >"$dir/$file.tmp"; then
    rm -f "$dir/$file.tmp"
    echo "$0: '$convt $*' failed" >&2
    exit 1
  fi
  mv "$dir/$file.tmp" "$dir/$file"
  count=$((count + 1))
done <"$dir/cases.txt"
echo "regenerated $count golden file(s) in $dir"
