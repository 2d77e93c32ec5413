#!/bin/sh
# Regenerates every symbolic golden output listed in cases.txt (next to this script).
# Usage: sh tests/golden/symbolic/update.sh path/to/convt
# Review the result with `git diff tests/golden/symbolic` before committing: a golden is a
# reference. tests/symbolic_test.cpp checks every sum against a brute-force enumeration and
# against the numbers; the numbers are those of the English goldens (checked against PyTorch).
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
  file=$1
  shift
  # NO_COLOR, COLUMNS and the locale must not change the output; unset them to be sure.
  if ! env -u NO_COLOR -u CLICOLOR_FORCE -u COLUMNS LC_ALL=C "$convt" "$@" >"$dir/$file.tmp"; then
    rm -f "$dir/$file.tmp"
    echo "$0: '$convt $*' failed" >&2
    exit 1
  fi
  mv "$dir/$file.tmp" "$dir/$file"
  count=$((count + 1))
done <"$dir/cases.txt"
echo "regenerated $count golden file(s) in $dir"
