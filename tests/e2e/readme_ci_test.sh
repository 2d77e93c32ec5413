#!/bin/sh
# The README's quick-start test command and the last line of .ci/run must be the same line, and
# the README's first quick-start command must build and run the article's 3x3 case.
set -eu
root=$1
ci_line=$(grep -v '^[[:space:]]*$' "$root/.ci/run" | tail -n 1)
grep -qxF "$ci_line" "$root/README.md" || {
  echo "README.md does not contain the last line of .ci/run: $ci_line" >&2
  exit 1
}
case $ci_line in
  *"ctest --test-dir build"*) ;;
  *) echo ".ci/run does not end with the ctest command: $ci_line" >&2; exit 1 ;;
esac
grep -qxF 'sh scripts/setup.sh && cmake -S . -B build && cmake --build build -j2 --target convt && ./build/convt explain --k 3 --s 1 --p 1 --n 3' "$root/README.md" || {
  echo "README.md lost its first quick-start command" >&2
  exit 1
}
echo "README and .ci/run agree"
