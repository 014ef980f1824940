{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
in
[
  { name = "names are broken, hello and jq"; expected = [ "broken" "hello" "jq" ]; actual = m.names; hint = 1; }
  { name = "count is 3"; expected = 3; actual = m.count; hint = 2; }
  { name = "working is hello and jq"; expected = { hello = "hello-2.12"; jq = "jq-1.7"; }; actual = m.working; hint = 3; }
  (check.syntaxCheck { name = "the answers are computed from packages and builds"; hint = 2;
    ok = (s.variables.packages or 0) >= 4 && (s.variables.builds or 0) >= 1
      && check.usesBuiltin s "attrNames" && check.usesBuiltin s "length" && check.usesBuiltin s "removeAttrs";
    message = "Ask `packages` and `builds` with builtins instead of writing the answers out."; })
]
