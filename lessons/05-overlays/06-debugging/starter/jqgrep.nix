# jqgrep: searches JSON with jq (read-only).
{ writeShellScriptBin, jq }:
writeShellScriptBin "jqgrep" ''
  exec ${jq}/bin/jq -c "paths(type == \"string\" and test(\"$1\")) as $p | [$p, getpath($p)]"
''
