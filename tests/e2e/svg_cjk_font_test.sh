#!/usr/bin/env bash
# A --lang zh figure draws its Chinese title with a CJK font, not as empty boxes: rsvg-convert
# renders formula.svg of `convt explain --lang zh --format svg`, and the title (at x = 28,
# baseline y = 56, 28 px bold) must have ink and be drawn exactly as the same SVG whose text
# stack is only 'Noto Sans CJK SC' (so the stack reaches the CJK font; fonts-noto-cjk). The
# same SVG with every CJK family removed from its stacks (what the stacks were before) is
# rendered too and reported: with fontconfig's own fallback it may or may not differ.
# Usage: svg_cjk_font_test.sh path/to/convt work-folder
# Exits 77 (ctest: skipped) when rsvg-convert, fc-list, python3 or the font Noto Sans CJK SC
# is missing (Debian: librsvg2-bin, fontconfig, fonts-noto-cjk); with CI=true a missing one
# fails (.ci/run installs them).
set -euo pipefail
convt=$1
work=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

missing() {
  [[ ${CI:-} == true ]] && { echo "FAIL: $1 (CI=true)"; exit 1; }
  echo "SKIP: $1"
  exit 77
}
for tool in rsvg-convert fc-list python3; do
  command -v "$tool" >/dev/null 2>&1 || missing "$tool is not installed"
done
[[ -n $(fc-list ':family=Noto Sans CJK SC') ]] ||
  missing "the font Noto Sans CJK SC is not installed (apt-get install fonts-noto-cjk)"

rm -rf "$work"
mkdir -p "$work"
"$convt" explain --k 2 --s 1 --p 0 --n 2 --lang zh --format svg --stages formula \
  --out "$work/zh" >/dev/null
svg=$work/zh/formula.svg
grep -q '<text x="28" y="56" class="title">&#x8F93;' "$svg" ||
  { echo "FAIL: $svg has no Chinese title at (28, 56): the test needs updating"; exit 1; }
# Every CJK family named in the stacks, removed (both the CSS and the attribute spelling).
sed -E "s/'?(Noto Sans Mono CJK SC|Noto Sans CJK SC|Source Han Sans SC|WenQuanYi Micro Hei|Microsoft YaHei|PingFang SC)'?, ?//g" \
  "$svg" >"$work/stripped.svg"
sed "s/text{font-family:[^}]*}/text{font-family:'Noto Sans CJK SC'}/" "$svg" >"$work/noto.svg"
if grep -q "CJK" "$work/stripped.svg" || ! grep -q "text{font-family:'Noto Sans CJK SC'}" "$work/noto.svg"; then
  echo "FAIL: the font stacks of $svg are not as this test expects"
  exit 1
fi
for name in as_is stripped noto; do
  source_svg=$svg
  [[ $name == as_is ]] || source_svg=$work/$name.svg
  rsvg-convert "$source_svg" -o "$work/$name.png"
done

# The title's box: from x = 28 to the end of four 28 px characters and more, from above the
# ascenders (y = 28) to below the baseline (y = 64).
ink() { python3 "$here/png_ink.py" "$work/$1.png" 28 28 220 64; }
as_is=$(ink as_is)
noto=$(ink noto)
stripped=$(ink stripped)
echo "dark pixels in the title: as is $as_is, Noto Sans CJK SC only $noto, without CJK names $stripped"
failures=0
# Four bold 28 px ideographs are well over 300 dark pixels; an empty title has none.
((as_is >= 300)) || { echo "FAIL: the title has $as_is dark pixels, want >= 300"; failures=1; }
((as_is == noto)) ||
  { echo "FAIL: the title is not drawn in Noto Sans CJK SC ($as_is vs $noto dark pixels)"; failures=1; }
cmp -s "$work/as_is.png" "$work/stripped.png" &&
  echo "note: without the CJK names, fontconfig's fallback draws the same picture"
exit "$failures"
