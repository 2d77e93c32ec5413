#!/usr/bin/env bash
# CI beyond the README's test command (run by .ci/run before it):
#   1. every target built with -fsanitize=address,undefined (CONVT_SANITIZE, GCC) and the full
#      test suite run that way, with the benchmarks compiled (not timed: sanitizers skew them);
#   2. the libFuzzer target (clang-14) run for 60 s from the seed corpus (.ci/fuzz.sh).
# Any test failure, sanitizer report, leak or fuzzer finding fails CI.
set -euo pipefail
cd "$(dirname "$0")/.."

# What these steps need beyond scripts/setup.sh, installed only when missing.
extra_tools="clang-14 libclang-rt-14-dev libbenchmark-dev"
extra_missing=$(for p in $extra_tools; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
done)
if [ -n "$extra_missing" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $extra_missing
fi
sh scripts/setup.sh

asan_build=${ASAN_BUILD_DIR:-build-asan}
fuzz_build=${FUZZ_BUILD_DIR:-build-fuzz}

# 1. Sanitizers. -O1 -g1 compiles in half the time of -O2 -g and keeps line numbers in reports;
# halt_on_error/abort_on_error: a report fails the test that triggered it.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cmake -S . -B "$asan_build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DCONVT_SANITIZE=ON -DCONVT_BUILD_BENCH=ON -DCONVT_WERROR=ON
cmake --build "$asan_build" -j2
# web.page is left out here: it builds the page with emscripten (WebAssembly, not the sanitized
# code) and runs in the README's test command below; its native engine tests run here.
ctest --test-dir "$asan_build" --output-on-failure -j2 -E '^web\.page$'

# 2. Fuzzing.
FUZZ_SECONDS=60 .ci/fuzz.sh "$fuzz_build"
