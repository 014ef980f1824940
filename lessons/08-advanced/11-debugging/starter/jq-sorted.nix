# jq, sorting object keys unless told otherwise: a script that runs the jq it is given
# (read-only).
{ writeShellScriptBin, jq }:
writeShellScriptBin "jq" ''
  exec ${jq}/bin/jq --sort-keys "$@"
''
