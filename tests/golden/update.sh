#!/bin/sh
# Regenerates every golden output listed in the cases.txt of a golden folder: this one, or the
# folder given. tests/update_goldens.sh runs it for this folder, zh/, symbolic/ and formats/ (and
# the other updates): run that one.
# Usage: sh tests/golden/update.sh path/to/convt [folder]
# Review the result with `git diff tests/golden` before committing: a golden is a reference, and
# every number in it must match PyTorch (tests/fixtures/pytorch_cases.json).
set -eu
set -f  # arguments are split on spaces, never globbed

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "usage: sh $0 path/to/convt [folder]" >&2
  exit 2
fi
convt=$1
if [ ! -x "$convt" ]; then
  echo "$0: '$convt' is not an executable" >&2
  exit 2
fi
dir=$(cd "${2:-$(dirname "$0")}" && pwd)

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
