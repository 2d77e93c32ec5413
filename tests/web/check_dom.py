#!/usr/bin/env python3
"""Checks the page of web/ as headless Chromium left it (chromium --dump-dom).

  check_dom.py derivation DOM CLI_TEXT CLI_JSON CLI_SVG_DIR [ROWS]
      The engine ran (body data-ready), every control of the page is there with its name and id,
      the derivation as text equals CLI_TEXT (convt explain's output for the same case), each
      stage's figure equals the CLI's file of the same name in CLI_SVG_DIR (--format svg), and the
      output figure's cell values equal the output values of CLI_JSON (--format json). ROWS, when
      given, are worked values the output must show: "26 56 54/84 165 144/134 236 186".
  check_dom.py error DOM CONTROL MESSAGE
      The engine's MESSAGE stands beside CONTROL (CONTROL-error), the control is marked invalid,
      and no stage of a derivation is left on the page.
Exits 1 with a line per failure.
"""
import base64
import html
import json
import re
import sys

CONTROLS = ["dims", "n", "k", "s", "p", "d", "op", "in-channels", "out-channels", "groups",
            "kernel", "input", "bias", "lang"]
failures = []


def fail(text):
    failures.append(text)


def element_with_id(dom, ident):
    """The start tag of the element with id IDENT, or None."""
    match = re.search(r'<[a-z]+\b[^>]*\bid="%s"[^>]*>' % re.escape(ident), dom)
    return match.group(0) if match else None


def check_controls(dom):
    for name in CONTROLS:
        tag = element_with_id(dom, name)
        if tag is None or ('name="%s"' % name) not in tag:
            fail("control %s: no element with id and name %s" % (name, name))
        if not re.search(r'<label for="%s"[^>]*>[^<]+</label>' % re.escape(name), dom):
            fail("control %s: no label with text" % name)
    if element_with_id(dom, "stages") is None or 'name="stages"' not in dom:
        fail("control stages: no fieldset id=stages with tick boxes named stages")


def output_values(svg):
    """The output grid's cell values of output.svg, as rows of text."""
    start = svg.find('data-stage="output" data-grid="grid"')
    if start < 0:
        return None
    block = svg[start:svg.find("</g>", start)]
    cells = {}
    for r, c, v in re.findall(r'class="v" data-r="(\d+)" data-c="(\d+)">([^<]*)<', block):
        cells[(int(r), int(c))] = html.unescape(v)
    rows = max(r for r, _ in cells) + 1
    cols = max(c for _, c in cells) + 1
    return [[cells.get((r, c), "?") for c in range(cols)] for r in range(rows)]


def number_text(value):
    return str(int(value)) if float(value).is_integer() else repr(value)


def check_derivation(dom, cli_text, cli_json, svg_dir, worked):
    if '<body data-ready="true"' not in dom:
        fail("the engine did not start (body has no data-ready)")
    check_controls(dom)
    text = re.search(r'<details class="as-text">.*?<pre>(.*?)</pre>', dom, re.S)
    if text is None:
        fail("no derivation as text")
    elif html.unescape(text.group(1)) != open(cli_text, encoding="utf-8").read():
        fail("the derivation as text differs from convt explain's output")
    figures = re.findall(r'<div class="stage" id="([a-z_]+)">.*?'
                         r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', dom, re.S)
    if len(figures) < 15:
        fail("only %d stage figures on the page" % len(figures))
    page_svgs = {}
    for stage, data in figures:
        svg = base64.b64decode(data).decode("utf-8")
        page_svgs[stage] = svg
        if svg != open("%s/%s.svg" % (svg_dir, stage), encoding="utf-8").read():
            fail("figure %s differs from convt explain --format svg's %s.svg" % (stage, stage))
    if "output" not in page_svgs:
        fail("no output figure")
        return
    shown = output_values(page_svgs["output"])
    stages = json.load(open(cli_json, encoding="utf-8"))["stages"]
    expected = [[number_text(v) for v in row]
                for row in next(s for s in stages if s["id"] == "output")["values"]]
    if shown != expected:
        fail("output values %s, convt explain --format json: %s" % (shown, expected))
    if worked is not None:
        rows = [row.split() for row in worked.split("/")]
        if shown != rows:
            fail("output values %s, worked values %s" % (shown, rows))
    print("output: " + " / ".join(" ".join(row) for row in shown))


def check_error(dom, control, message):
    beside = re.search(r'<span class="error" id="%s-error"[^>]*>([^<]*)</span>' % re.escape(control), dom)
    if beside is None or html.unescape(beside.group(1)) != message:
        fail("beside %s: %r, expected %r" % (control, beside and beside.group(1), message))
    tag = element_with_id(dom, control)
    if tag is None or 'aria-invalid="true"' not in tag:
        fail("control %s is not marked aria-invalid" % control)
    if 'class="stage"' in dom or "<img" in dom:
        fail("a stale derivation is left on the page")
    if '<p class="failure">%s</p>' % html.escape(message, quote=False) not in dom:
        fail("the derivation's place does not show the message")


def main():
    mode, dom_file = sys.argv[1], sys.argv[2]
    dom = open(dom_file, encoding="utf-8").read()
    if mode == "derivation":
        check_derivation(dom, sys.argv[3], sys.argv[4], sys.argv[5],
                         sys.argv[6] if len(sys.argv) > 6 else None)
    elif mode == "error":
        check_error(dom, sys.argv[3], sys.argv[4])
    else:
        fail("unknown mode " + mode)
    for line in failures:
        print("FAIL: " + line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
