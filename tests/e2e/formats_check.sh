#!/bin/sh
# The markdown and latex formats, checked by the real tools that read them.
#
#   check.sh MODE CONVT
#   markdown       cmark-gfm renders every grid as an HTML table, the $$ formulas and the
#                  inline math ($C^T$, $F = (n-1)s + k$) reach the HTML untouched, headings stay
#                  headings; with pandoc installed, pandoc renders the same tables and every
#                  formula as MathML. No character that pandoc's PDF route cannot set (⋯, ∘).
#   markdown_pdf   pandoc converts the article's four cases and a --symbolic case to PDF with
#                  its default engine, pdflatex (as a teacher runs `pandoc notes.md -o notes.pdf`).
#   latex_article  the article's four cases: --standalone compiles with pdflatex
#                  -halt-on-error and fits the page (no overfull box); the fragment compiles
#                  inside a minimal document with amsmath and color.
#   latex_large    larger cases (elided matrices, --full with many columns, dilation and
#                  output_padding, 1-D, decimals) compile with pdflatex -halt-on-error.
#   latex_symbolic the --symbolic cases (sums in matrices and in lists) compile likewise.
#   latex_zh       --lang zh --standalone compiles with xelatex (ctex), as its first line says.
#   quiz           convt quiz's sheets: --format latex compiles with pdflatex -halt-on-error
#                  (two pages or more, the key on the last: \newpage), --lang zh with xelatex;
#                  --format markdown renders with pandoc (one <strong> label per question) and
#                  pandoc's PDF route (pdflatex).
# The markdown mode covers the --symbolic cases too.
#
# Exits 0 on success, 1 on a failure, 77 when the tool is missing (ctest SKIP_RETURN_CODE).
# .ci/run installs cmark-gfm, pandoc and TeX Live (with xetex and the Chinese fonts); with
# CI=true a missing tool is a failure.
set -u

mode=$1
convt=$2
failures=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/convt-formats.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then
      echo "FAIL: $1 is not installed (CI=true)" >&2
      exit 1
    fi
    echo "SKIP: $1 is not installed" >&2
    exit 77
  fi
}

# count PATTERN FILE: lines of FILE matching the basic regular expression PATTERN.
count() { grep -c -e "$1" "$2"; }

# Every case is one line of arguments after `convt explain` (split on spaces).
article_cases='--k 2 --s 1 --p 0 --n 2
--k 2 --s 1 --p 1 --n 4
--k 3 --s 1 --p 1 --n 3
--k 2 --s 2 --p 1 --n 2'
large_cases='--k 3 --s 2 --p 1 --n 10
--k 3 --s 1 --p 1 --n 3 --stages conv_matrix,transposed_matrix --full
--k 3 --s 3 --p 1 --d 2 --op 2 --n 4x3
--dims 1 --k 3 --s 2 --n 4 --kernel 1,0,-1
--k 3 --s 2 --p 1 --op 1 --n 2 --kernel 0.5,-1.25,3,1e-5,2,2,2,2,2
--k 5 --s 4 --n 30 --stages output --full'
symbolic_cases='--k 2 --s 2 --p 1 --n 2 --symbolic
--k 3 --s 1 --p 1 --n 3 --symbolic
--dims 1 --k 3 --s 2 --n 4 --symbolic
--k 3 --s 2 --p 1 --op 1 --n 2 --symbolic --stages kernel,output,check'

check_markdown() {
  need cmark-gfm
  printf '%s\n%s\n%s\n' "$article_cases" "$large_cases" "$symbolic_cases" | while IFS= read -r args; do
    # shellcheck disable=SC2086  # word splitting of the arguments is intended
    "$convt" explain $args --format markdown >"$scratch/doc.md" || { fail "convt $args"; continue; }
    cmark-gfm --extension table --extension strikethrough "$scratch/doc.md" >"$scratch/doc.html"
    tables=$(count '^| -' "$scratch/doc.md")
    [ "$tables" -gt 0 ] || fail "$args: no table in the markdown"
    [ "$(count '^<table>' "$scratch/doc.html")" -eq "$tables" ] ||
      fail "$args: $tables tables in the markdown, $(count '^<table>' "$scratch/doc.html") in cmark-gfm's HTML"
    [ "$(count '^## ' "$scratch/doc.md")" -eq "$(count '^<h2>' "$scratch/doc.html")" ] ||
      fail "$args: a stage heading did not render as <h2>"
    formulas=$(count '^\$\$.*\$\$$' "$scratch/doc.md")
    [ "$(count '^<p>\$\$.*\$\$</p>$' "$scratch/doc.html")" -eq "$formulas" ] ||
      fail "$args: a \$\$ formula did not reach the HTML as its own paragraph"
    # Each line's math spans, paired from the left ($$ formulas are whole lines).
    if grep -o -e '\$[^$]*\$' "$scratch/doc.html" | grep -q -e '<\(em\|strong\|del\|code\)>'; then
      fail "$args: markup inside math in cmark-gfm's HTML"
    fi
    if grep -q -e '⋯' -e '∘' -e '⋮' -e '⋱' -e '⁺' "$scratch/doc.md"; then
      fail "$args: a character pdflatex cannot set (pandoc's PDF route)"
    fi
    # The lists are the check items ("- **") and the sums of --symbolic ("- $"); a wrapped line
    # never starts one: one <li> per item.
    [ "$(count '^<li>' "$scratch/doc.html")" -eq "$(count '^- \(\*\*\|\$\)' "$scratch/doc.md")" ] ||
      fail "$args: list items differ between markdown and HTML"
    if command -v pandoc >/dev/null 2>&1; then
      pandoc -f markdown -t html --mathml "$scratch/doc.md" -o "$scratch/pandoc.html" ||
        fail "$args: pandoc failed"
      [ "$(count '<table' "$scratch/pandoc.html")" -eq "$tables" ] ||
        fail "$args: pandoc rendered $(count '<table' "$scratch/pandoc.html") of $tables tables"
      # Inline math ($C^T$, the sums of --symbolic): half the $ outside the $$ formulas.
      inline=$(($(sed 's/\$\$[^$]*\$\$//g' "$scratch/doc.md" | grep -o '\$' | wc -l) / 2))
      math=$((inline + formulas))
      [ "$(grep -o '<math' "$scratch/pandoc.html" | wc -l)" -eq "$math" ] ||
        fail "$args: pandoc rendered $(grep -o '<math' "$scratch/pandoc.html" | wc -l) of $math formulas as MathML"
    fi
    # A subshell cannot raise the outer count: report through a file.
    [ "$failures" -eq 0 ] || echo "$args" >>"$scratch/failed"
  done
  [ ! -s "$scratch/failed" ] || failures=1
}

# The four cases of the article and a symbolic one through pandoc to PDF (pdflatex).
check_markdown_pdf() {
  need pandoc
  need pdflatex
  printf '%s\n%s\n' "$article_cases" '--k 2 --n 2 --symbolic' | while IFS= read -r args; do
    # shellcheck disable=SC2086
    "$convt" explain $args --format markdown >"$scratch/notes.md" || { fail "convt $args"; continue; }
    if ! (cd "$scratch" && pandoc notes.md -o notes.pdf 2>pandoc.err) || [ ! -s "$scratch/notes.pdf" ]; then
      fail "$args: pandoc notes.md -o notes.pdf failed:"
      cat "$scratch/pandoc.err" >&2
    fi
    [ "$failures" -eq 0 ] || echo "$args" >>"$scratch/failed"
    rm -f "$scratch/notes.pdf"
  done
  [ ! -s "$scratch/failed" ] || failures=1
}

# --lang zh --standalone with xelatex, the engine its first comment names.
check_latex_zh() {
  need xelatex
  printf '%s\n%s\n' "$article_cases" '--k 2 --s 2 --p 1 --n 2 --symbolic' | while IFS= read -r args; do
    # shellcheck disable=SC2086
    "$convt" explain $args --format latex --standalone --lang zh --paper a4 >"$scratch/zh.tex" ||
      { fail "convt $args"; continue; }
    head -n 1 "$scratch/zh.tex" | grep -q '^%.*xelatex' || fail "$args: the first line does not name xelatex"
    if ! (cd "$scratch" && xelatex -halt-on-error -interaction=nonstopmode zh.tex >/dev/null 2>&1) ||
      [ ! -s "$scratch/zh.pdf" ]; then
      fail "$args: xelatex -halt-on-error failed on --lang zh --standalone:"
      grep -A3 '^!' "$scratch/zh.log" >&2
    fi
    [ "$failures" -eq 0 ] || echo "$args" >>"$scratch/failed"
    rm -f "$scratch"/zh.pdf "$scratch"/zh.aux "$scratch"/zh.log
  done
  [ ! -s "$scratch/failed" ] || failures=1
}

# compile NAME: pdflatex NAME.tex in $scratch; fails on an error.
compile() {
  (cd "$scratch" && pdflatex -halt-on-error -interaction=nonstopmode "$1.tex" >/dev/null 2>&1)
}

check_latex() {
  need pdflatex
  cases=$1
  strict=$2  # "yes": the document must fit the page
  printf '%s\n' "$cases" | while IFS= read -r args; do
    # shellcheck disable=SC2086
    "$convt" explain $args --format latex --standalone >"$scratch/doc.tex" ||
      { fail "convt $args"; continue; }
    if ! compile doc || [ ! -s "$scratch/doc.pdf" ]; then
      fail "$args: pdflatex -halt-on-error failed on --standalone:"
      grep -A3 '^!' "$scratch/doc.log" >&2
    elif [ "$strict" = yes ] && grep -q 'Overfull \\hbox' "$scratch/doc.log"; then
      fail "$args: the document does not fit the page:"
      grep -A2 'Overfull' "$scratch/doc.log" >&2
    fi
    # The fragment, as a teacher includes it: \input into a document with the packages its
    # first comment names (amsmath, graphicx, color).
    # shellcheck disable=SC2086
    "$convt" explain $args --format latex >"$scratch/fragment.tex"
    printf '%s\n' '\documentclass{article}' '\usepackage{amsmath}' '\usepackage{graphicx}' \
      '\usepackage{color}' \
      '\begin{document}' '\input{fragment}' '\end{document}' >"$scratch/notes.tex"
    if ! compile notes; then
      fail "$args: the fragment does not compile inside a document:"
      grep -A3 '^!' "$scratch/notes.log" >&2
    fi
    [ "$failures" -eq 0 ] || echo "$args" >>"$scratch/failed"
    rm -f "$scratch"/*.pdf "$scratch"/*.aux "$scratch"/*.log
  done
  [ ! -s "$scratch/failed" ] || failures=1
}

# convt quiz's sheets: LaTeX with pdflatex (and xelatex for --lang zh), Markdown with pandoc.
check_quiz() {
  need pdflatex
  need xelatex
  need pandoc
  for args in '--seed 1' '--seed 7 --count 20' '--seed 42 --count 6 --kinds crop,output_grid'; do
    # shellcheck disable=SC2086
    "$convt" quiz $args --format latex >"$scratch/quiz.tex" || { fail "convt quiz $args"; continue; }
    if ! compile quiz || [ ! -s "$scratch/quiz.pdf" ]; then
      fail "quiz $args: pdflatex -halt-on-error failed:"
      grep -A3 '^!' "$scratch/quiz.log" >&2
    fi
    grep -q '^\\newpage$' "$scratch/quiz.tex" || fail "quiz $args: no page break before the key"
    # shellcheck disable=SC2086
    "$convt" quiz $args --format latex --lang zh >"$scratch/quizzh.tex" || fail "convt quiz $args --lang zh"
    head -n 1 "$scratch/quizzh.tex" | grep -q '^%.*xelatex' || fail "quiz $args: the first line does not name xelatex"
    if ! (cd "$scratch" && xelatex -halt-on-error -interaction=nonstopmode quizzh.tex >/dev/null 2>&1) ||
      [ ! -s "$scratch/quizzh.pdf" ]; then
      fail "quiz $args: xelatex -halt-on-error failed on --lang zh:"
      grep -A3 '^!' "$scratch/quizzh.log" >&2
    fi
    # shellcheck disable=SC2086
    "$convt" quiz $args --format markdown >"$scratch/quiz.md" || fail "convt quiz $args --format markdown"
    questions=$(count '^\*\*Q[0-9]*\.\*\* ' "$scratch/quiz.md")
    [ "$questions" -gt 0 ] || fail "quiz $args: no question label in the markdown"
    pandoc -f markdown -t html "$scratch/quiz.md" -o "$scratch/quiz.html" || fail "quiz $args: pandoc failed"
    [ "$(grep -o '<strong>Q[0-9]*\.</strong>' "$scratch/quiz.html" | wc -l)" -eq "$questions" ] ||
      fail "quiz $args: pandoc did not render the $questions question labels"
    [ "$(count '^<h1' "$scratch/quiz.html")" -eq 1 ] || fail "quiz $args: the title is not one <h1>"
    if ! (cd "$scratch" && pandoc quiz.md -o quizmd.pdf 2>pandoc.err) || [ ! -s "$scratch/quizmd.pdf" ]; then
      fail "quiz $args: pandoc quiz.md -o quiz.pdf failed:"
      cat "$scratch/pandoc.err" >&2
    fi
    rm -f "$scratch"/*.pdf "$scratch"/*.aux "$scratch"/*.log
  done
}

case $mode in
  markdown) check_markdown ;;
  markdown_pdf) check_markdown_pdf ;;
  latex_zh) check_latex_zh ;;
  latex_article) check_latex "$article_cases" yes ;;
  latex_large) check_latex "$large_cases" no ;;
  latex_symbolic) check_latex "$symbolic_cases" no ;;
  quiz) check_quiz ;;
  *)
    echo "usage: check.sh markdown|markdown_pdf|latex_article|latex_large|latex_symbolic|latex_zh|quiz CONVT" >&2
    exit 2
    ;;
esac
[ "$failures" -eq 0 ] && echo "ok: $mode"
exit $((failures > 0))
