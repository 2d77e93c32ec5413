#!/usr/bin/env bash
# Whole-process timings of convt against the issue's targets:
#   1. classroom sizes (n, k <= 8): `convt explain` within 2x the wall time of convt_trivial, a
#      program that does nothing but is linked like convt (process start-up is the floor);
#   2. `explain --n 64 --k 4 --s 2 --p 1 --format json`: under 0.5 s and 100 MB peak RSS;
#   3. `explain --n 256 --k 4 --s 2 --p 1 --stages output,check --format json`: under 1 s;
#   4. the decoder layer `explain --n 16 --k 4 --s 2 --p 1 --in-channels 16 --out-channels 16
#      --stages output,check --format json`: under 1 s and 300 MB peak RSS;
# a size sweep of the engine through the whole process (time ~ the non-zeros 16 n^2), and a
# channel sweep of the decoder layer (time ~ the non-zeros in * (out/groups) * 16 * 16^2).
# Uses hyperfine when installed (apt-get install hyperfine), else a plain loop of runs; peak RSS
# from GNU time (/usr/bin/time, package `time`). Exits 1 when a target is missed.
#
# Usage: bench/run_whole_process.sh [build-dir]     (default: build-bench; a Release build with
#        -DCONVT_BUILD_BENCH=ON, so that bench/convt_trivial exists)
set -euo pipefail
build=${1:-build-bench}
convt="$build/convt"
trivial="$build/bench/convt_trivial"
for exe in "$convt" "$trivial"; do
  [ -x "$exe" ] || { echo "missing $exe: build with -DCONVT_BUILD_BENCH=ON" >&2; exit 2; }
done
failed=0

# Mean wall seconds of a command (arguments as given, no shell).
mean_seconds() {
  if command -v hyperfine >/dev/null; then
    local json
    json=$(mktemp)
    hyperfine -N --warmup 3 --min-runs 20 --export-json "$json" --style none -- "$*" >/dev/null 2>&1
    sed -n 's/^ *"mean": *\([0-9.e+-]*\),*$/\1/p' "$json" | head -1
    rm -f "$json"
  else
    local runs=20 start end
    "$@" >/dev/null
    start=$(date +%s%N)
    for _ in $(seq $runs); do "$@" >/dev/null; done
    end=$(date +%s%N)
    awk -v ns=$((end - start)) -v r=$runs 'BEGIN { printf "%.6f\n", ns / r / 1e9 }'
  fi
}

# Peak resident set size of one run, in MB.
peak_mb() {
  /usr/bin/time -f "%M" -o /dev/stderr "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.1f\n", $1 / 1024 }'
}

check() {  # check NAME VALUE LIMIT UNIT
  local verdict=ok
  awk -v v="$2" -v l="$3" 'BEGIN { exit !(v < l) }' || { verdict=MISSED; failed=1; }
  printf '  %-58s %10s %s  (target < %s %s)  %s\n' "$1" "$(awk -v v="$2" 'BEGIN { printf "%.4g", v }')" \
    "$4" "$3" "$4" "$verdict"
}

echo "== 1. classroom sizes against a trivial program linked the same way"
floor=$(mean_seconds "$trivial")
printf '  %-58s %10.4f s\n' "convt_trivial" "$floor"
classroom=(
  "explain --k 3 --s 1 --p 1 --n 3"
  "explain --k 2 --s 2 --p 1 --n 2"
  "explain --k 4 --s 2 --p 1 --n 8"
  "explain --k 8 --s 2 --p 3 --n 8 --format json"
  "explain --n 8x5 --k 3x2 --s 2x1 --p 1x0 --d 1x2 --op 1x1"
  "explain --dims 1 --k 3 --s 2 --n 4 --kernel 1,0,-1"
)
for args in "${classroom[@]}"; do
  # shellcheck disable=SC2086
  t=$(mean_seconds "$convt" $args)
  ratio=$(awk -v t="$t" -v f="$floor" 'BEGIN { printf "%.2f\n", t / f }')
  check "$args" "$ratio" 2 "x trivial"
done

echo "== 2./3. the issue's large cases"
n64=(explain --n 64 --k 4 --s 2 --p 1 --format json)
n256=(explain --n 256 --k 4 --s 2 --p 1 --stages output,check --format json)
check "${n64[*]}" "$(mean_seconds "$convt" "${n64[@]}")" 0.5 s
check "${n64[*]} (peak RSS)" "$(peak_mb "$convt" "${n64[@]}")" 100 MB
check "${n256[*]}" "$(mean_seconds "$convt" "${n256[@]}")" 1 s
check "${n256[*]} (peak RSS)" "$(peak_mb "$convt" "${n256[@]}")" 1000 MB

echo "== 4. the whole layer: a real decoder layer"
decoder=(explain --n 16 --k 4 --s 2 --p 1 --in-channels 16 --out-channels 16 --stages output,check
  --format json)
check "${decoder[*]}" "$(mean_seconds "$convt" "${decoder[@]}")" 1 s
check "${decoder[*]} (peak RSS)" "$(peak_mb "$convt" "${decoder[@]}")" 300 MB

# ns/nonzero divides the whole wall time; "above floor" first subtracts the start-up of
# convt_trivial, which dominates the small sizes. n = 700 is the largest the default limits accept.
echo "== size sweep: explain --k 4 --s 2 --p 1 --n N --stages check --format json"
printf '  %6s %10s %10s %12s %12s %10s\n' n nonzeros seconds ns/nonzero "above floor" peak-MB
for n in 16 32 64 128 256 512 700; do
  args=(explain --k 4 --s 2 --p 1 --n "$n" --stages check --format json)
  t=$(mean_seconds "$convt" "${args[@]}")
  nz=$((16 * n * n))
  printf '  %6d %10d %10.4f %12.2f %12.2f %10s\n' "$n" "$nz" "$t" \
    "$(awk -v t="$t" -v nz=$nz 'BEGIN { print t / nz * 1e9 }')" \
    "$(awk -v t="$t" -v f="$floor" -v nz=$nz 'BEGIN { print (t - f) / nz * 1e9 }')" \
    "$(peak_mb "$convt" "${args[@]}")"
done

# The decoder layer with C channels in and out, one group (non-zeros 4096 C^2) and depthwise
# (groups = C: non-zeros 4096 C).
echo "== channel sweep: explain --n 16 --k 4 --s 2 --p 1 --in-channels C --out-channels C [--groups C] --stages check --format json"
printf '  %6s %7s %10s %10s %12s %12s %10s\n' C groups nonzeros seconds ns/nonzero "above floor" peak-MB
for spec in 1:1 2:1 4:1 8:1 16:1 32:1 16:16 64:64 256:256; do
  c=${spec%%:*} g=${spec##*:}
  args=(explain --n 16 --k 4 --s 2 --p 1 --in-channels "$c" --out-channels "$c" --groups "$g"
    --stages check --format json)
  t=$(mean_seconds "$convt" "${args[@]}")
  nz=$((4096 * c * c / g))
  printf '  %6d %7d %10d %10.4f %12.2f %12.2f %10s\n' "$c" "$g" "$nz" "$t" \
    "$(awk -v t="$t" -v nz=$nz 'BEGIN { print t / nz * 1e9 }')" \
    "$(awk -v t="$t" -v f="$floor" -v nz=$nz 'BEGIN { print (t - f) / nz * 1e9 }')" \
    "$(peak_mb "$convt" "${args[@]}")"
done

exit $failed
