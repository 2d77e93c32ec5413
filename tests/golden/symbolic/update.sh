#!/bin/sh
# Regenerates every symbolic golden output listed in cases.txt (next to this script).
# Usage: sh tests/golden/symbolic/update.sh path/to/convt
# Review the result with `git diff tests/golden/symbolic` before committing: a golden is a
# reference. tests/symbolic_test.cpp checks every sum against a brute-force enumeration and
# against the numbers; the numbers are those of the English goldens (checked against PyTorch).
# The work is tests/golden/update.sh's, run on this folder.
set -eu
if [ "$#" -ne 1 ]; then
  echo "usage: sh $0 path/to/convt" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
exec sh "$here/../update.sh" "$1" "$here"
