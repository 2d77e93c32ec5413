#!/usr/bin/env bash
# convt in the browser (web/): builds the page with scripts/build-web.sh, opens it in headless
# Chromium for a few addresses, and checks the DOM it leaves (tests/web/check_dom.py): the four
# classic cases show the same text, figures and output values as the command line, every control
# is there with its label, name and id, k=0 shows the engine's message beside k, --lang zh and a
# stage selection come through the address, and typing into the controls redraws the page and
# writes the address back (tests/web/drive.html). Writes one screenshot per classic case
# (WORK/web-k3-s1-p1-n3.png, ...) for a person to look at, and the printed page as a PDF.
# Usage: web_page_test.sh path/to/convt WORK
# Without emscripten or chromium it exits 77 (ctest: skipped), but fails under CI=true: .ci/run
# installs both.
set -euo pipefail
convt=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

browser=""
for name in chromium chromium-browser; do
  command -v "$name" >/dev/null 2>&1 && browser=$name && break
done
for tool in em++ "${browser:-chromium}" python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then
      echo "FAIL: $tool is not installed, and CI must not skip (apt-get install emscripten chromium)"
      exit 1
    fi
    echo "SKIP: $tool is not installed (apt-get install emscripten chromium)"
    exit 77
  fi
done

mkdir -p "$work"
site="$work/site"
rm -rf "$site"
start=$(date +%s)
"$root/scripts/build-web.sh" "$site" "$work/build"
echo "web build: $(($(date +%s) - start)) s"

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
# Chromium as root needs --no-sandbox; the engine is compiled while the page loads
# (web/CMakeLists.txt), so the budget only covers the first draw.
browse() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --virtual-time-budget=5000 "$@" 2>/dev/null
}
page="file://$site/index.html"

# name | address query | convt explain arguments | worked output values (independent of convt)
cases=(
  "k2-s1-p0-n2|k=2&s=1&p=0&n=2|--k 2 --s 1 --p 0 --n 2|"
  "k2-s1-p1-n4|k=2&s=1&p=1&n=4|--k 2 --s 1 --p 1 --n 4|"
  "k3-s1-p1-n3|k=3&s=1&p=1&n=3|--k 3 --s 1 --p 1 --n 3|26 56 54/84 165 144/134 236 186"
  "k2-s2-p1-n2|k=2&s=2&p=1&n=2|--k 2 --s 2 --p 1 --n 2|4 6/6 4"
)
for entry in "${cases[@]}"; do
  IFS='|' read -r name query args worked <<<"$entry"
  dir="$work/$name"
  rm -rf "$dir"
  mkdir -p "$dir"
  # shellcheck disable=SC2086  # the arguments are words
  "$convt" explain $args >"$dir/cli.txt"
  # shellcheck disable=SC2086
  "$convt" explain $args --format json >"$dir/cli.json"
  # shellcheck disable=SC2086
  "$convt" explain $args --format svg --out "$dir/svg" >/dev/null
  browse --dump-dom "$page?$query" >"$dir/dom.html" || fail "$name: chromium failed"
  echo "$name:"
  python3 "$here/check_dom.py" derivation "$dir/dom.html" "$dir/cli.txt" "$dir/cli.json" \
    "$dir/svg" ${worked:+"$worked"} || fail "$name: the page differs from convt explain"
  browse --window-size=1280,1000 --screenshot="$work/web-$name.png" "$page?$query" >/dev/null ||
    fail "$name: no screenshot"
  [ -s "$work/web-$name.png" ] || fail "$name: the screenshot is empty"
done

# Bad parameters: the engine's own message beside the control, no stale derivation.
errors=(
  "k|k=0&n=3|--k 0 --n 3"
  "p|k=2&n=2&p=5|--k 2 --n 2 --p 5"
  "kernel|k=2&n=2&kernel=1,x|--k 2 --n 2 --kernel 1,x"
  "groups|k=2&n=2&in-channels=2&groups=3|--k 2 --n 2 --in-channels 2 --groups 3"
)
for entry in "${errors[@]}"; do
  IFS='|' read -r control query args <<<"$entry"
  # shellcheck disable=SC2086
  message=$("$convt" explain $args 2>&1 >/dev/null || true)
  message=${message#convt: }
  [ -n "$message" ] || fail "convt explain $args: no message"
  browse --dump-dom "$page?$query" >"$work/error-$control.html" || fail "$control: chromium failed"
  python3 "$here/check_dom.py" error "$work/error-$control.html" "$control" "$message" ||
    fail "$query: the message is not beside $control"
done

# The address carries the language and the stage selection.
browse --dump-dom "$page?k=3&s=1&p=1&n=3&lang=zh&stages=formula,output" >"$work/zh.html"
"$convt" explain --k 3 --s 1 --p 1 --n 3 --lang zh --stages formula,output >"$work/zh.txt"
python3 - "$work/zh.html" "$work/zh.txt" <<'PY' || fail "lang=zh&stages=formula,output"
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
text = re.search(r'<details class="as-text">.*?<pre>(.*?)</pre>', dom, re.S)
assert '<html lang="zh-Hans">' in dom, "the page is not in Chinese"
assert text and html.unescape(text.group(1)) == open(sys.argv[2], encoding="utf-8").read(), \
    "the text differs from convt explain --lang zh --stages formula,output"
assert re.findall(r'<div class="stage" id="([a-z_]+)">', dom) == ["formula", "output"], \
    "other stages than formula and output are shown"
ticked = sorted(re.findall(r'<input type="checkbox" name="stages" value="([a-z_]+)"[^>]*checked', dom))
assert ticked == ["formula", "output"], "ticked stages: %s" % ticked
PY

# The controls at work: tests/web/drive.html types into them in a frame and logs what the page
# did (the redrawn heading, the address written back, the message beside k, the stage ticked, the
# language). A copy of the page keeps the published folder free of it.
rm -rf "$work/drive"
cp -r "$site" "$work/drive"
cp "$here/drive.html" "$work/drive/"
browse --allow-file-access-from-files --virtual-time-budget=10000 \
  --dump-dom "file://$work/drive/drive.html" >"$work/drive.html"
python3 - "$work/drive.html" <<'PY' || fail "the controls do not work (see $work/drive.html)"
import html, re, sys
log = re.search(r'<pre id="log">(.*?)</pre>', open(sys.argv[1], encoding="utf-8").read(), re.S)
lines = html.unescape(log.group(1)).split("\n") if log else []
expected = [
    "start | address ?dims=2&n=3&k=3&s=1&p=1&d=1&op=0&lang=en | stages 16 | k-error  | heading "
    "Transposed convolution (ConvTranspose2d): n=3, k=3, s=1, p=1, d=1, output_padding=0 -> 3 x 3",
    "k=2 s=2 | address ?dims=2&n=3&k=2&s=2&p=1&d=1&op=0&lang=en | stages 16 | k-error  | heading "
    "Transposed convolution (ConvTranspose2d): n=3, k=2, s=2, p=1, d=1, output_padding=0 -> 4 x 4",
    "k=0 | address ?dims=2&n=3&k=0&s=2&p=1&d=1&op=0&lang=en | stages 0 | k-error --k: kernel size "
    "must be a whole number >= 1, got '0' | heading -",
    "k=3 output | address ?dims=2&n=3&k=3&s=2&p=1&d=1&op=0&lang=en&stages=output | stages 1 | "
    "k-error  | heading Transposed convolution (ConvTranspose2d): n=3, k=3, s=2, p=1, d=1, "
    "output_padding=0 -> 5 x 5",
    "zh | address ?dims=2&n=3&k=3&s=2&p=1&d=1&op=0&lang=zh&stages=output | stages 1 | k-error  | "
    "heading 转置卷积（ConvTranspose2d）：n=3, k=3, s=2, p=1, d=1, output_padding=0 -> 5 x 5",
]
for got, want in zip(lines + [""] * len(expected), expected):
    if got != want:
        print("FAIL: page after typing:\n  got  %r\n  want %r" % (got, want))
        sys.exit(1)
PY

# The print stylesheet: the derivation without the controls (a person looks at the PDF).
browse --print-to-pdf="$work/web-print.pdf" "$page?k=2&s=2&p=1&n=2" >/dev/null ||
  fail "print to PDF"
[ -s "$work/web-print.pdf" ] || fail "the printed page is empty"

size=$(du -sk "$site" | cut -f1)
[ "$size" -lt 4096 ] || fail "the page folder holds $size KB, over 4 MB"
echo "page folder: $size KB; screenshots: $work/web-*.png; printed: $work/web-print.pdf"
if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "PASS"
