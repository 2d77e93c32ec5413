#!/bin/sh
# Regenerates every format golden output listed in cases.txt (next to this script).
# Usage: sh tests/golden/formats/update.sh path/to/convt
# Review the result with `git diff tests/golden/formats` before committing;
# tests/formats_test.cpp checks the grids of every format against PyTorch's numbers.
# The work is tests/golden/update.sh's, run on this folder.
set -eu
if [ "$#" -ne 1 ]; then
  echo "usage: sh $0 path/to/convt" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
exec sh "$here/../update.sh" "$1" "$here"
