#!/usr/bin/env bash
# The figures of --format svg through the standard tools: every SVG must be well-formed XML for
# xmllint and render to a non-empty PNG with rsvg-convert (librsvg), without a warning, for the
# article's four cases and a few odd ones (1-D, dilation, output_padding, per-axis sizes,
# fractional values, a large elided grid, the frames of the sliding kernel).
# Usage: svg_tools_test.sh path/to/convt work-folder
# Exits 77 (ctest: skipped) when xmllint or rsvg-convert is missing (Debian: libxml2-utils,
# librsvg2-bin); .ci/run installs both, so CI never skips.
set -euo pipefail
convt=$1
work=$2
for tool in xmllint rsvg-convert; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (apt-get install libxml2-utils librsvg2-bin)"
    exit 77
  fi
done

rm -rf "$work"
mkdir -p "$work"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# name, then the arguments after "convt explain"
cases=(
  "k2_s1_p0_n2|--k 2 --s 1 --p 0 --n 2"
  "k2_s1_p1_n4|--k 2 --s 1 --p 1 --n 4"
  "k3_s1_p1_n3|--k 3 --s 1 --p 1 --n 3"
  "k2_s2_p1_n2|--k 2 --s 2 --p 1 --n 2"
  "dims1|--dims 1 --k 3 --s 2 --n 4 --kernel 1,0,-1"
  "dilation|--k 3 --s 1 --d 2 --n 3"
  "output_padding|--k 3 --s 2 --p 1 --op 1 --n 2"
  "per_axis|--k 2x3 --s 1x2 --n 2x3 --p 0x1"
  "fractions|--k 2 --s 2 --n 2 --kernel 0.5,-1.25,1e-5,3 --input 0.1,2,-3,4"
  "elided|--k 4 --s 2 --p 1 --n 30 --stages conv_matrix,padded_input,direct_output,output"
  "frames|--k 2 --s 2 --p 1 --n 2 --frames --stages direct_output"
  "symbolic|--k 2 --s 2 --p 1 --n 2 --symbolic"
  "symbolic_lists|--k 3 --s 1 --p 1 --n 3 --symbolic"
)
figures=0
for entry in "${cases[@]}"; do
  name=${entry%%|*}
  read -r -a args <<<"${entry#*|}"
  out="$work/$name"
  if ! "$convt" explain "${args[@]}" --format svg --out "$out" >/dev/null; then
    fail "$name: convt explain ${args[*]} --format svg failed"
    continue
  fi
  for svg in "$out"/*.svg; do
    figures=$((figures + 1))
    if ! xmllint --noout "$svg"; then
      fail "$svg is not well-formed XML"
      continue
    fi
    png="${svg%.svg}.png"
    if ! warnings=$(rsvg-convert "$svg" -o "$png" 2>&1); then
      fail "rsvg-convert could not render $svg: $warnings"
    elif [ -n "$warnings" ]; then
      fail "rsvg-convert warned about $svg: $warnings"
    elif [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
      fail "rsvg-convert wrote no PNG for $svg"
    fi
  done
  if ! xmllint --html --noout "$out/index.html" 2>"$work/$name.html.log" || [ -s "$work/$name.html.log" ]; then
    fail "$out/index.html does not parse as HTML: $(cat "$work/$name.html.log")"
  fi
done
echo "checked $figures figures in ${#cases[@]} cases under $work"
if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
