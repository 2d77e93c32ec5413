#!/bin/sh
# Refreshes the examples of the documentation: in README.md and docs/*.md, every ```text fence
# whose first line is "$ convt ..." gets as the rest of its body what that command prints
# (stdout, then stderr), which is what tests/cli/docs_test.cpp checks. Other fences and text are
# copied unchanged; a file is rewritten only when one of its examples changed.
# Usage: sh tests/cli/update_docs.sh path/to/convt [ROOT]
#   ROOT: the folder holding README.md and docs/ (default: this repository).
# tests/update_goldens.sh runs it with the goldens; review the result with `git diff`.
set -eu

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "usage: sh $0 path/to/convt [root]" >&2
  exit 2
fi
convt=$1
if [ ! -x "$convt" ]; then
  echo "$0: '$convt' is not an executable" >&2
  exit 2
fi
root=$(cd "${2:-$(dirname "$0")/../..}" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/convt-update-docs.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# What the example command $1 ("convt ...") prints, stdout then stderr, ending in a newline.
# Double quotes group words, as docs_test's split_command does; other shell syntax is refused.
run_example() {
  case $1 in
    *[\'\`\\\$\;\&\|\<\>\(\)]*)
      echo "$0: $file: shell syntax is not supported in doc examples: $1" >&2
      exit 1
      ;;
  esac
  set -f
  eval "set -- $1"
  set +f
  shift  # convt
  # NO_COLOR, COLUMNS and the locale must not change the output; unset them to be sure.
  env -u NO_COLOR -u CLICOLOR_FORCE -u COLUMNS -u LANGUAGE LC_ALL=C "$convt" "$@" \
    </dev/null >"$scratch/out" 2>"$scratch/err" || true
  cat "$scratch/out" "$scratch/err"
  if [ -s "$scratch/err" ] || [ -s "$scratch/out" ]; then
    [ -z "$(cat "$scratch/out" "$scratch/err" | tail -c 1)" ] || echo
  fi
}

# Writes $line, with its newline unless it was the file's unterminated last line.
emit() {
  if [ "$newline" = 1 ]; then printf '%s\n' "$line"; else printf '%s' "$line"; fi
}

# Reads the next line into $line; returns 1 at the end of the file.
next_line() {
  newline=1
  IFS= read -r line && return 0
  newline=0
  [ -n "$line" ]
}

refreshed=0
for file in "$root/README.md" "$root"/docs/*.md; do
  [ -f "$file" ] || continue
  in_fence=0
  replacing=0
  while next_line; do
    if [ "$in_fence" = 0 ]; then
      case $line in
        '```'*)
          in_fence=1
          emit
          if [ "$line" = '```text' ] && next_line; then
            emit
            case $line in
              '```'*) in_fence=0 ;;
              '$ convt' | '$ convt '*)
                replacing=1
                run_example "${line#\$ }"
                ;;
            esac
          fi
          continue
          ;;
      esac
    else
      case $line in
        '```'*)
          in_fence=0
          replacing=0
          emit
          continue
          ;;
      esac
    fi
    [ "$replacing" = 1 ] || emit
  done <"$file" >"$scratch/doc"
  if ! cmp -s "$scratch/doc" "$file"; then
    cat "$scratch/doc" >"$file"
    refreshed=$((refreshed + 1))
  fi
done
echo "refreshed the examples of $refreshed file(s) under $root"
