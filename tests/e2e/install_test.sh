#!/usr/bin/env bash
# Tests of convt as an installed tool: --help/--version/usage, the generated man page and shell
# completions, `cmake --install`, and the Debian package from `cpack -G DEB`.
#
#   install_test.sh MODE BUILD_DIR VERSION CONVT
#   MODE: help | man | bash | zsh | install | deb; BUILD_DIR: the top build directory (man/,
#   completions/, CPackConfig.cmake); CONVT: the built executable.
#
# Exits 0 on success, 1 on a failure (with a message), 77 when a tool the mode needs is missing
# (registered with SKIP_RETURN_CODE 77). CI installs the tools (.ci/run); with CI=true a missing
# tool is a failure.
set -uo pipefail

mode=$1
build=$(cd "$2" && pwd)
source=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)  # LICENSE, packaging/copyright
version=$3
convt=$4
failures=0
scratch=$(mktemp -d "${TMPDIR:-/tmp}/convt-install-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

skip_without() {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      # CI installs every tool (.ci/run): there a missing one is a failure, not a skip.
      [[ ${CI:-} == true ]] && { echo "FAIL: $tool is not installed (CI=true)" >&2; exit 1; }
      echo "SKIP: $tool is not installed" >&2
      exit 77
    fi
  done
}

# The visible subcommands, from the "Subcommands:" section of `convt --help`.
subcommands() {
  "$convt" --help | awk '/^Subcommands:/ { on = 1; next } /^[^ ]/ { on = 0 } on && NF { print $1 }'
}

# The long option names a --help text lists in its "Options:" section ("--format", ...).
help_options() {
  awk '/^Options:/ { on = 1; next } /^[^ ]/ { on = 0 } on' |
    grep -oE '(^|[ ,])--[a-z][a-z0-9-]*' | sed 's/^[ ,]//' | sort -u
}

# ---- help: --version, usage without arguments, every --help ends with runnable examples -------
test_help() {
  local out err status
  out=$("$convt" --version)
  [[ $out == "convt $version"$'\n'"License: MIT" ]] ||
    fail "--version printed '$out', want 'convt $version' and 'License: MIT'"

  # convt alone and `convt help` print the overview (--help) and exit 0; `convt help COMMAND`
  # is `convt COMMAND --help`. Usage lines say "convt" whatever path started it.
  local overview
  overview=$("$convt" --help)
  out=$("$convt" 2>"$scratch/err")
  status=$?
  err=$(<"$scratch/err")
  [[ $status == 0 ]] || fail "convt without arguments exited $status, want 0"
  [[ -z $err ]] || fail "convt without arguments wrote to stderr: $err"
  [[ $out == "$overview" ]] || fail "convt without arguments is not the overview of --help: $out"
  [[ $out == *"Usage: convt [OPTIONS] SUBCOMMAND"* && $out == *Examples:* ]] ||
    fail "convt without arguments: no usage with examples: $out"
  out=$("$convt" help) || fail "convt help exited $?"
  [[ $out == "$overview" ]] || fail "convt help is not the overview of --help: $out"
  [[ $("$convt" help solve) == "$("$convt" solve --help)" ]] ||
    fail "convt help solve is not convt solve --help"
  ln -s "$convt" "$scratch/other-name"
  out=$(cd "$scratch" && ./other-name explain --help)
  [[ $out == *"Usage: convt explain [OPTIONS]"* ]] ||
    fail "started as ./other-name, the usage line does not say convt: $out"

  local subs
  subs=$(subcommands)
  [[ -n $subs ]] || fail "convt --help lists no subcommands"
  for command in "" $subs; do
    # shellcheck disable=SC2086  # $command is one word or none
    "$convt" $command --help >"$scratch/help" || fail "convt $command --help exited $?"
    # The last section must be "Examples:", followed only by example lines.
    local last_title tail
    last_title=$(grep -E '^[^ ].*:$' "$scratch/help" | tail -n 1)
    [[ $last_title == "Examples:" ]] ||
      fail "convt $command --help: last section is '$last_title', want 'Examples:'"
    tail=$(awk '/^Examples:$/ { body = ""; on = 1; next } on && NF { body = body $0 "\n" }
                END { printf "%s", body }' "$scratch/help")
    [[ -n $tail ]] || fail "convt $command --help: no example after 'Examples:'"
    while IFS= read -r line; do
      [[ $line == "  convt "* ]] || fail "convt $command --help: not an example line: '$line'"
      # Every example runs: the command is what precedes the two-space gap before its note.
      local example=${line#  convt }
      example=${example%%  *}
      read -r -a words <<<"$example"
      mkdir -p "$scratch/run"  # examples that write files write them here
      (cd "$scratch/run" && "$convt" "${words[@]}" </dev/null >/dev/null 2>"$scratch/err") ||
        fail "example 'convt $example' exited $?: $(<"$scratch/err")"
    done <<<"$tail"
  done
}

# ---- man: generated, renders without warnings, documents every option ------------------------
test_man() {
  skip_without groff
  local page=$build/man/convt.1
  [[ -f $page ]] || { fail "$page was not generated"; return; }
  "$convt" --man | cmp -s - "$page" || fail "$page is stale: it differs from 'convt --man'"

  local warnings
  warnings=$(groff -ww -man -Tutf8 "$page" 2>&1 >/dev/null)
  [[ -z $warnings ]] || fail "groff -ww -man reports: $warnings"

  for section in NAME SYNOPSIS DESCRIPTION OPTIONS '"EXIT STATUS"' EXAMPLES; do
    grep -qx ".SH $section" "$page" || fail "man page has no section $section"
  done
  # The article's four cases, as examples.
  for case in "2 --s 1 --p 0 --n 2" "2 --s 1 --p 1 --n 4" "3 --s 1 --p 1 --n 3" \
    "2 --s 2 --p 1 --n 2"; do
    local escaped="convt explain --k $case"
    grep -qF "${escaped//-/\\-}" "$page" || fail "man page lacks the example 'convt explain --k $case'"
  done
  # Every option of every subcommand's --help, as roff writes it (\-\-name).
  for command in "" $(subcommands); do
    # shellcheck disable=SC2086
    for option in $("$convt" $command --help | help_options); do
      grep -qF "\\fB${option//-/\\-}\\fR" "$page" ||
        fail "man page does not document 'convt $command $option'"
    done
    [[ -z $command ]] || grep -qF ".SS \"convt $command\"" "$page" ||
      fail "man page has no option list for 'convt $command'"
  done

  if command -v man >/dev/null 2>&1; then
    local rendered
    rendered=$(MANPAGER=cat MANWIDTH=80 man -l "$page" 2>"$scratch/err")
    [[ $? == 0 ]] || fail "man -l exited non-zero: $(<"$scratch/err")"
    [[ $rendered == *"EXIT STATUS"* && $rendered == *"convt explain --k 3 --s 1 --p 1 --n 3"* ]] ||
      fail "man -l output lacks EXIT STATUS or the examples"
  else
    echo "note: man is not installed; man -l not tried" >&2
  fi
}

# ---- bash: source the completion and ask it, as bash would --------------------------------
test_bash() {
  local script=$build/completions/convt
  [[ -f $script ]] || { fail "$script was not generated"; return; }
  "$convt" --completion bash | cmp -s - "$script" || fail "$script is stale"
  # Runs in a child bash: COMP_WORDS as bash would split the line (it splits at '=').
  complete_line() {
    bash -c 'source "$1" || exit 1
             shift
             COMP_WORDS=("$@")
             COMP_CWORD=$(($# - 1))
             _convt
             printf "%s\n" "${COMPREPLY[@]}"' complete "$script" convt "$@"
  }
  expect() {  # expect WANT WORD... : WANT is among the completions of the line WORD...
    local want=$1
    shift
    local got
    got=$(complete_line "$@")
    grep -qxF -- "$want" <<<"$got" ||
      fail "bash: 'convt $*<TAB>' does not offer '$want' (offers: $(xargs <<<"$got"))"
  }
  expect_none() {
    local got
    got=$(complete_line "$@")
    [[ -z $got ]] || fail "bash: 'convt $*<TAB>' offers '$(xargs <<<"$got")', want nothing"
  }
  [[ $(bash -c 'source "$1" && complete -p convt' check "$script") == *"-F _convt convt"* ]] ||
    fail "bash: sourcing the completion does not register _convt for convt"

  [[ $(complete_line ex) == explain ]] || fail "bash: 'convt ex<TAB>' gives '$(complete_line ex)'"
  expect --format explain --for
  expect text explain --format ""
  expect json explain --format ""
  expect json explain --format = j   # --format=j, split at '=' by bash
  expect conv_matrix explain --stages ""
  expect output,check explain --stages output,ch
  expect --version --
  expect_none explain --k ""      # a number follows: nothing to offer
  expect_none explain --format x
  # Drift: every subcommand completes, and so does each of its --help options.
  for command in $(subcommands); do
    expect "$command" ""
    for option in $("$convt" "$command" --help | help_options); do
      expect "$option" "$command" "${option:0:3}"
    done
  done
}

# ---- zsh: a real interactive zsh (on a pty, see zsh_complete.zsh) completes with _convt ------
test_zsh() {
  skip_without zsh
  local script=$build/completions/_convt
  [[ -f $script ]] || { fail "$script was not generated"; return; }
  "$convt" --completion zsh | cmp -s - "$script" || fail "$script is stale"
  [[ $(head -n 1 "$script") == "#compdef convt" ]] || fail "zsh: first line is not '#compdef convt'"
  zsh -n "$script" || fail "zsh -n: the script does not parse"
  # Every line to complete, in one zsh session; then the answers, line by line.
  local lines=("convt ex" "convt explain --for" "convt explain --format " "convt explain --k "
    "convt explain --stages " "convt explain --stages output,c" "convt --" "convt ")
  local subs
  subs=$(subcommands)
  for command in $subs; do lines+=("convt $command --"); done
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  zsh -f "$here/zsh_complete.zsh" "$build/completions" "$scratch/zsh.out" "${lines[@]}" ||
    { fail "zsh: a completion did not finish"; return; }
  declare -A offers
  local index=0 current=""
  while IFS= read -r match; do
    if [[ $match == "<done>" ]]; then
      offers[${lines[index]}]=$current
      index=$((index + 1))
      current=""
    else
      current+="$match"$'\n'
    fi
  done <"$scratch/zsh.out"
  expect_zsh() {  # expect_zsh WANT LINE
    grep -qxF -- "$1" <<<"${offers[$2]}" ||
      fail "zsh: '$2<TAB>' does not offer '$1' (offers: $(xargs <<<"${offers[$2]}"))"
  }
  [[ ${offers["convt ex"]} == $'explain\n' ]] || fail "zsh: 'convt ex<TAB>' is not only 'explain'"
  expect_zsh --format "convt explain --for"
  expect_zsh text "convt explain --format "
  expect_zsh json "convt explain --format "
  expect_zsh conv_matrix "convt explain --stages "
  expect_zsh check "convt explain --stages output,c"
  expect_zsh --version "convt --"
  [[ -z ${offers["convt explain --k "]} ]] || fail "zsh: 'convt explain --k <TAB>' offers values"
  # Drift: every subcommand completes, and so does each of its --help options.
  for command in $subs; do
    expect_zsh "$command" "convt "
    for option in $("$convt" "$command" --help | help_options); do
      expect_zsh "$option" "convt $command --"
    done
  done
}

# ---- install: cmake --install into a scratch prefix ----------------------------------------
test_install() {
  skip_without cmake
  local prefix=$scratch/prefix
  cmake --install "$build" --prefix "$prefix" >"$scratch/log" 2>&1 ||
    { fail "cmake --install failed: $(<"$scratch/log")"; return; }
  for file in bin/convt share/man/man1/convt.1 share/bash-completion/completions/convt \
    share/zsh/site-functions/_convt share/doc/convt/LICENSE share/doc/convt/copyright; do
    [[ -f $prefix/$file ]] || fail "cmake --install did not install $file"
  done
  [[ -x $prefix/bin/convt ]] || fail "bin/convt is not executable"
  [[ $("$prefix/bin/convt" --version | head -n 1) == "convt $version" ]] ||
    fail "installed convt --version"
  cmp -s "$prefix/share/doc/convt/LICENSE" "$source/LICENSE" || fail "LICENSE is not installed"
  cmp -s "$prefix/share/doc/convt/copyright" "$source/packaging/copyright" ||
    fail "share/doc/convt/copyright is not installed"
  cmp -s "$prefix/share/man/man1/convt.1" "$build/man/convt.1" || fail "installed man page differs"
}

# ---- deb: cpack -G DEB, inspect, unpack into a scratch root and run ------------------------
test_deb() {
  skip_without cpack dpkg-deb dpkg-shlibdeps dpkg file ldd zcat
  local out=$scratch/pkg
  (cd "$build" && cpack -G DEB -B "$out") >"$scratch/log" 2>&1 ||
    { fail "cpack -G DEB failed: $(<"$scratch/log")"; return; }
  local debs=("$out"/convt_*.deb)
  [[ -f ${debs[0]} ]] || { fail "cpack wrote no convt_*.deb: $(ls "$out")"; return; }
  local deb=${debs[0]}
  [[ $(dpkg-deb -f "$deb" Package) == convt ]] || fail "Package is not convt"
  [[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "Version is not $version"
  [[ $(dpkg-deb -f "$deb" Section) == utils ]] || fail "Section is not utils"
  [[ $(dpkg-deb -f "$deb" Recommends) == *fonts-noto-cjk* ]] ||
    fail "Recommends lacks fonts-noto-cjk (the CJK font of --lang zh figures)"
  local maintainer
  maintainer=$(dpkg-deb -f "$deb" Maintainer)
  [[ $maintainer == *convt* && $maintainer != *example* ]] ||
    fail "Maintainer '$maintainer' does not name the project, or is a placeholder"
  local depends
  depends=$(dpkg-deb -f "$deb" Depends)
  [[ $depends == *libfmt* ]] || fail "Depends does not mention libfmt: '$depends'"
  local contents
  contents=$(dpkg-deb -c "$deb")
  # Debian's layout: gzipped man page, zsh completion where Debian's zsh looks (vendor-completions).
  for file in ./usr/bin/convt ./usr/share/man/man1/convt.1.gz \
    ./usr/share/bash-completion/completions/convt ./usr/share/zsh/vendor-completions/_convt \
    ./usr/share/doc/convt/copyright ./usr/share/doc/convt/LICENSE; do
    grep -q " $file$" <<<"$contents" || fail "the package lacks $file"
  done

  local root=$scratch/root
  dpkg -x "$deb" "$root" || { fail "dpkg -x failed"; return; }
  local installed=$root/usr/bin/convt
  [[ $("$installed" --version) == "convt $version"$'\n'"License: MIT" ]] ||
    fail "packaged convt --version"
  cmp -s "$root/usr/share/doc/convt/copyright" "$source/packaging/copyright" ||
    fail "/usr/share/doc/convt/copyright differs from packaging/copyright"
  # Machine-readable copyright format 1.0: the header names it; convt's own files are MIT, and
  # every license a paragraph names has its text.
  local copyright=$root/usr/share/doc/convt/copyright
  [[ $(head -n 1 "$copyright") == "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" ]] ||
    fail "copyright: the first line is not the format 1.0 header"
  for license in MIT BSD-3-Clause; do
    grep -qx "License: $license" "$copyright" || fail "copyright lacks the $license paragraph"
  done
  for part in CLI11 fmt nlohmann-json GoogleTest; do
    grep -q "$part" "$copyright" || fail "copyright does not name $part"
  done
  local args=(explain --k 3 --s 1 --p 1 --n 3 --format json)
  "$installed" "${args[@]}" >"$scratch/packaged.json" || fail "packaged convt explain exited $?"
  "$convt" "${args[@]}" | cmp -s - "$scratch/packaged.json" ||
    fail "packaged convt explain differs from the built one"
  zcat "$root/usr/share/man/man1/convt.1.gz" | cmp -s - "$build/man/convt.1" ||
    fail "the packaged man page differs from the built one"
  if command -v zsh >/dev/null 2>&1; then
    zsh -fc 'for d in $fpath; do [[ $d == /usr/share/zsh/vendor-completions ]] && exit 0; done; exit 1' ||
      fail "zsh's fpath lacks /usr/share/zsh/vendor-completions, where the package puts _convt"
  fi

  # Right dependencies: each shared library the binary loads comes from a package in Depends.
  local names
  names=" $(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*//; s/ //g' | xargs) "
  while read -r lib; do
    local package
    package=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n 1 | cut -d: -f1)
    [[ -n $package ]] || package=$(dpkg -S "$lib" 2>/dev/null | head -n 1 | cut -d: -f1)
    [[ -n $package ]] || { fail "no package owns $lib"; continue; }
    [[ $names == *" $package "* ]] || fail "$lib comes from $package, which Depends lacks: $depends"
  done < <(ldd "$installed" | awk '$3 ~ /^\// { print $3 }')
}

case $mode in
  help | man | bash | zsh | install | deb) "test_$mode" ;;
  *)
    echo "unknown mode '$mode'" >&2
    exit 2
    ;;
esac
if ((failures > 0)); then
  echo "$mode: $failures failure(s)" >&2
  exit 1
fi
echo "$mode: ok"
