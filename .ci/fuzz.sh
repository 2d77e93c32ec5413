#!/usr/bin/env bash
# CI: build the libFuzzer target with clang-14 (AddressSanitizer + UndefinedBehaviorSanitizer)
# and fuzz convt's command line for FUZZ_SECONDS (default 60) from the committed seed corpus
# fuzz/corpus. Any crash, leak, sanitizer report, timeout or out-of-memory fails (libFuzzer
# exits non-zero and leaves the input as crash-*/leak-*/timeout-*/oom-* in the build dir).
# Usage: .ci/fuzz.sh [build-dir]    (default build-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}

CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DCONVT_BUILD_TESTS=OFF -DCONVT_SANITIZE=ON -DCONVT_BUILD_FUZZ=ON >/dev/null
cmake --build "$build" -j2 --target convt_fuzz_cli

# New inputs go to a scratch corpus so the committed seeds stay small and reviewed.
work="$build/fuzz-corpus"
mkdir -p "$work"
cd "$build"
# -timeout: the slowest accepted command line takes about a second natively, a few under ASan.
# -rss_limit_mb: the worst case at the default --max-cells is ~0.4 GB natively (docs/limits.md).
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ./fuzz/convt_fuzz_cli -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -max_len=512 \
  -print_final_stats=1 "fuzz-corpus" ../fuzz/corpus
