#!/bin/sh
# Regenerates every golden output and every documentation example from one convt executable:
#   tests/golden/ and its folders zh/, symbolic/, formats/   (tests/golden/update.sh)
#   tests/golden/svg/, the golden figures                    (tests/golden/svg/update.sh)
#   the examples in README.md and docs/*.md                  (tests/cli/update_docs.sh)
# Usage: sh tests/update_goldens.sh path/to/convt
# Every test that compares with a golden or a doc example names this script when it fails.
# Review the result with `git diff` before committing: a golden is a reference, and every number
# in it must match PyTorch (tests/fixtures/pytorch_cases.json); look at changed figures (render
# them with rsvg-convert). On a clean tree with a correct convt it changes nothing.
set -eu

if [ "$#" -ne 1 ]; then
  echo "usage: sh $0 path/to/convt" >&2
  exit 2
fi
convt=$1
if [ ! -x "$convt" ]; then
  echo "$0: '$convt' is not an executable" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)

for folder in . zh symbolic formats; do
  sh "$here/golden/update.sh" "$convt" "$here/golden/$folder"
done
sh "$here/golden/svg/update.sh" "$convt"
sh "$here/cli/update_docs.sh" "$convt" "$here/.."
