{ files, sources, ... }:
let
  m = files."main.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
  try = p: builtins.tryEval (if builtins.isFunction (m.checkPort or null) then m.checkPort p else throw "no checkPort");
in
[
  { name = "checkPort 8080 is 8080"; expected = { success = true; value = 8080; }; actual = try 8080; hint = 2; }
  { name = "checkPort 0 fails"; expected = false; actual = (try 0).success; hint = 1; }
  { name = "checkPort 65536 fails"; expected = false; actual = (try 65536).success; hint = 1; }
  { name = "checkPort \"80\" fails"; expected = false; actual = (try "80").success; hint = 1; }
  { name = "checkPort uses assert and throw"; ok = hasInfix "assert" sources."main.nix" && hasInfix "throw" sources."main.nix"; hint = 2; }
  { name = "results are [ true false true false false ]"; expected = [ true false true false false ]; actual = m.results or null; hint = 2; }
]
