{ files, sources, ... }:
let
  m = files."main.nix";
  src = sources."main.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
in
[
  { name = "config is the three lines of text"; expected = "[server]\nport = 8080\nuser = \"ada\"\n";
    actual = m.config or null; hint = 2; }
  { name = "config is an indented string"; ok = hasInfix "''" src; hint = 1; }
  { name = "the port comes from the port variable"; ok = hasInfix "toString port" src; hint = 2; }
]
