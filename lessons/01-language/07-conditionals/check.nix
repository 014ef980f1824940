{ files, syntax, importWith, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  # The same code on inputs it has never seen.
  with' = input: importWith { "input.nix" = input; } "main.nix";
  small = with' "{ n = 3; defaults = { port = 1; }; overrides = { }; }";
  large = with' "{ n = 100; defaults = { port = 80; }; overrides = { port = 70000; tls = true; }; }";
in
[
  { name = "size of 42 is \"medium\""; expected = "medium"; actual = m.size or null; hint = 2; }
  (check.syntaxCheck { name = "size is decided with if on n"; ok = s.uses."if" >= 2 && check.refers s "n"; hint = 2;
    message = "Compare `n` with 10 and 100 in an `if … then … else if …`."; })
  { name = "settings are the defaults with the overrides"; expected = { port = 8080; host = "localhost"; debug = true; };
    actual = m.settings or null; hint = 3; }
  (check.syntaxCheck { name = "settings merge the two sets with //"; ok = check.uses s "update" && check.refers s "defaults" && check.refers s "overrides"; hint = 3; })
  { name = "it works for other inputs too"; hint = 2; reveal = false;
    expected = [ "small" { port = 1; } true "large" { port = 70000; tls = true; } false ];
    actual = [ (small.size or null) (small.settings or null) (small.isValid or null) (large.size or null) (large.settings or null) (large.isValid or null) ];
    why = "With other inputs, size, settings and isValid must follow: compute them from n, defaults and overrides."; }
  { name = "isValid is true"; expected = true; actual = m.isValid or null; hint = 1; }
  (check.syntaxCheck { name = "isValid compares the port"; ok = (s.operators."&&" or 0) + (s.operators."||" or 0) >= 1; hint = 1;
    message = "Combine two comparisons of the port with `&&`."; })
]
