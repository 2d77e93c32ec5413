# zsh_complete.zsh DIR OUT LINE...
# Types each LINE followed by a TAB into one interactive zsh on a pseudo-terminal, with compinit
# and the completion functions of DIR first on $fpath. Writes to OUT, for each LINE in order,
# the matches the completion system offers, one a line, then a line "<done>". Exits 1 when a
# completion does not finish within 10 s.
zmodload zsh/zpty || exit 1
dir=$1 out=$2
shift 2
: >| $out
zpty shell zsh -f -i
zpty -w shell "__out=${(q)out}; fpath=(${(q)dir} \$fpath); autoload -U compinit; compinit -u -D"
# Never list the matches: a long list would stop at "do you wish to see all N possibilities?".
zpty -w shell 'unsetopt auto_list auto_menu list_ambiguous'
# compadd records what each call adds (the calls with -O/-A/-D only compute: they add nothing).
zpty -w shell 'compadd() {
  if [[ ${@[1,(i)(-|--)]} != *-(O|A|D)\ * ]]; then
    local -a __hits; builtin compadd -A __hits "$@"; (( $#__hits )) && print -rl -- $__hits >> $__out
  fi
  builtin compadd "$@"
}'
# TAB: complete, empty the line, then record the end. The next line is typed only after that,
# so no completion ever sees typeahead (zsh cuts work short when input is pending).
zpty -w shell '__complete() { zle complete-word; BUFFER=; CURSOR=0; print -r -- "<done>" >> $__out }'
zpty -w shell 'zle -N __complete; bindkey "^I" __complete'
integer n=0 ok
for line in "$@"; do
  (( n++ ))
  zpty -w -n shell "$line"$'\t'
  ok=0
  for i in {1..200}; do
    (( $(grep -cx '<done>' $out) >= n )) && { ok=1; break }
    sleep 0.05
    zpty -r -t shell __ignored 2>/dev/null  # drain the terminal
  done
  (( ok )) || { zpty -d shell; exit 1 }
done
zpty -d shell
