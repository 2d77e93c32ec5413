#!/bin/sh
# Regenerates every Chinese golden output listed in cases.txt (next to this script).
# Usage: sh tests/golden/zh/update.sh path/to/convt
# Review the result with `git diff tests/golden/zh` before committing: a golden is a reference, and
# every number in it must match PyTorch (tests/fixtures/pytorch_cases.json).
# The work is tests/golden/update.sh's, run on this folder.
set -eu
if [ "$#" -ne 1 ]; then
  echo "usage: sh $0 path/to/convt" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
exec sh "$here/../update.sh" "$1" "$here"
