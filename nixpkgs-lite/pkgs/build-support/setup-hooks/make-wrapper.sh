# makeWrapper / wrapProgram: make a program run with a changed environment.
#   makeWrapper ORIGINAL WRAPPER [--set VAR VALUE] [--prefix VAR SEP VALUE] [--add-flags FLAGS]
#   wrapProgram PROGRAM [same options]    (moves PROGRAM to .PROGRAM-wrapped)
makeWrapper() {
  local original="$1" wrapper="$2"; shift 2
  {
    echo "#!$SHELL -e"
    local flags=""
    while [ $# -gt 0 ]; do
      case $1 in
        --set) echo "export $2=$(printf %q "$3")"; shift 3 ;;
        --prefix) echo "export $2=$(printf %q "$4")\${$2:+$3}\${$2:-}"; shift 4 ;;
        --suffix) echo "export $2=\${$2:-}\${$2:+$3}$(printf %q "$4")"; shift 4 ;;
        --add-flags) flags="$flags $2"; shift 2 ;;
        *) echo "makeWrapper: unknown option $1" >&2; return 1 ;;
      esac
    done
    echo "exec $(printf %q "$original")$flags \"\$@\""
  } > "$wrapper"
  chmod +x "$wrapper"
}
wrapProgram() {
  local prog="$1"; shift
  local hidden="$(dirname "$prog")/.$(basename "$prog")-wrapped"
  mv "$prog" "$hidden"
  makeWrapper "$hidden" "$prog" "$@"
}
