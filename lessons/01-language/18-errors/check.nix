{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  port = p: check.call (check.attr m "checkPort") [ p ];
in
[
  { name = "checkPort 8080 is 8080"; expected = 8080; actual = port 8080; hint = 2; }
  { name = "checkPort 0 fails: out of range"; actual = port 0; throws = "port 0 is out of range"; hint = 2; }
  { name = "checkPort 65536 fails: out of range"; actual = port 65536; throws = "port 65536 is out of range"; hint = 2; }
  { name = "checkPort \"80\" fails its assertion"; actual = port "80"; throws = "assertion .* failed"; hint = 1; }
  { name = "checkPort accepts every valid port"; expected = [ 1 443 65535 ]; actual = map port [ 1 443 65535 ]; hint = 2;
    reveal = false; why = "Ports from 1 to 65535 are valid and come back unchanged."; }
  { name = "results are [ true false true false false ]"; expected = [ true false true false false ]; actual = m.results or null; hint = 3; }
  (check.syntaxCheck { name = "results are computed with tryEval"; ok = check.usesBuiltin s "tryEval" && check.refers s "candidates"; hint = 3; })
]
