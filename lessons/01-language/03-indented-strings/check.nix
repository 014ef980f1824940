{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
in
[
  { name = "config is the three lines of text"; expected = "[server]\nport = 8080\nuser = \"ada\"\n";
    actual = m.config or null; hint = 2; }
  (check.syntaxCheck { name = "config is an indented string"; ok = check.uses s "indentedString"; hint = 1; })
  (check.syntaxCheck { name = "the port comes from the port variable, converted"; ok = check.interpolates s "port" && check.usesBuiltin s "toString"; hint = 3; })
  (check.syntaxCheck { name = "the user comes from the user variable"; ok = check.interpolates s "user"; hint = 3; })
]
