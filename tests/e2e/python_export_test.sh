#!/usr/bin/env bash
# The scripts of `convt explain --format python` pass under PyTorch and fail when convt's
# numbers are wrong: for each case below the exported script runs under Debian's
# /usr/bin/python3 with python3-torch and must exit 0 with the last line
# "all stages match PyTorch" (the Chinese line with --lang zh); then copies with one embedded
# number changed (in the kernel, C, C^T x, the output, ...) must exit 1 and name the mismatch.
# All scripts run in one Python process (runpy), so torch is imported once.
# Usage: python_export_test.sh path/to/convt work-folder
# Exits 77 (ctest: skipped) when /usr/bin/python3 cannot import torch (Debian: python3-torch);
# with CI=true that fails (.ci/run installs python3-torch).
set -euo pipefail
convt=$1
work=$2
python=/usr/bin/python3

missing() {
  [[ ${CI:-} == true ]] && { echo "FAIL: $1 (CI=true)"; exit 1; }
  echo "SKIP: $1"
  exit 77
}
[[ -x $python ]] || missing "$python is not installed"
"$python" -c "import torch" 2>/dev/null ||
  missing "$python cannot import torch (apt-get install python3-torch)"

rm -rf "$work"
mkdir -p "$work"
count=0
# export_case ARGS...: writes case<N>.py from `convt explain ARGS --format python`.
export_case() {
  count=$((count + 1))
  "$convt" explain "$@" --format python >"$work/case$count.py"
  printf '%s\n' "$*" >"$work/case$count.args"
}
# The four classic one-channel cases.
export_case --k 2 --s 1 --p 0 --n 3
export_case --k 2 --s 1 --p 1 --n 4
export_case --k 3 --s 1 --p 1 --n 3
export_case --k 2 --s 2 --p 1 --n 4
# 1-D with output_padding; 2-D non-square with dilation, and output_padding past the padding.
export_case --dims 1 --k 3 --s 2 --p 1 --op 1 --n 4 --kernel 1,0,-1
export_case --n 3x2 --k 2x3 --s 2x1 --p 1x0 --d 1x2 --op 1x1
# Decimal values (float64 sums of 0.1 are not exact: the tolerance is exercised).
export_case --k 2 --s 2 --n 2 --kernel 0.1,-0.25,1.5,2 --input 0.3,0.7,-1.1,0.01
# Whole layers: channels, groups and bias in 2-D; 3-D; 1-D with dilation and decimals.
export_case --k 2 --s 2 --p 1 --n 2 --in-channels 2 --out-channels 4 --groups 2 --bias 0.5,0,0,-1
export_case --dims 3 --k 2 --s 2x1x1 --p 1x0x0 --op 1x0x0 --n 2x2x3 --in-channels 2 \
  --out-channels 3 --bias 1,2,3
export_case --dims 1 --k 2 --d 2 --s 2 --n 3 --in-channels 2 --out-channels 2 --groups 2 \
  --kernel 0.5,-1,1.5,0.25 --input 1,2,3,-0.1,0.2,0.3
# Chinese comments and printed lines, the same code.
export_case --k 2 --s 2 --p 1 --n 2 --lang zh

"$python" - "$work" "$count" <<'EOF'
import contextlib
import io
import re
import runpy
import sys

work, count = sys.argv[1], int(sys.argv[2])
EN_DONE = "all stages match PyTorch"
ZH_DONE = "所有阶段都与 PyTorch 一致"
failures = []


def run(path):
    """Runs one script in this process: (exit status, printed lines)."""
    out = io.StringIO()
    status = 0
    with contextlib.redirect_stdout(out):
        try:
            runpy.run_path(path, run_name="__main__")
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else 1
    return status, out.getvalue().splitlines()


def tampered(text, name):
    """The script with the first number of the literal `name = [...]` changed by +1."""
    pattern = re.compile(r"(^" + re.escape(name) + r" = [\[\s]*)(-?[0-9][0-9.e+-]*)", re.M)
    match = pattern.search(text)
    if match is None:
        return None
    number = match.group(2)
    changed = str(int(number) + 1) if re.fullmatch(r"-?[0-9]+", number) else repr(float(number) + 1)
    return text[: match.start(2)] + changed + text[match.end(2) :]


for case in range(1, count + 1):
    path = f"{work}/case{case}.py"
    args = open(f"{work}/case{case}.args").read().strip()
    text = open(path).read()
    done = ZH_DONE if "--lang zh" in args else EN_DONE
    status, lines = run(path)
    if status != 0 or not lines or lines[-1] != done:
        failures.append(f"{args}: exit {status}, last line {lines[-1:] if lines else 'none'}")
        continue
    print(f"pass ({len(lines)} lines): convt explain {args} --format python")
    for name in ("w", "x", "convt_conv_matrix", "convt_matrix_output", "convt_direct_output",
                 "convt_output", "convt_overlap"):
        changed = tampered(text, name)
        if changed is None:
            failures.append(f"{args}: no literal {name} to change")
            continue
        copy = f"{work}/case{case}_{name}.py"
        open(copy, "w").write(changed)
        status, lines = run(copy)
        if status != 1 or not lines or done in lines:
            failures.append(f"{args}: changing {name} gave exit {status}, lines {lines[-2:]}")
    print(f"  every changed number fails: w, x, C, C^T x, direct, output, overlap")

for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
EOF
