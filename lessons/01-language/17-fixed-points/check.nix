{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
in
[
  { name = "final.fullName is \"hello-2.12.1\""; expected = "hello-2.12.1"; actual = m.final.fullName or null; hint = 1; }
  { name = "bumped.version is \"3.0\""; expected = "3.0"; actual = m.bumped.version or null; hint = 3; }
  { name = "bumped.fullName follows the new version"; expected = "hello-3.0"; actual = m.bumped.fullName or null; hint = 2;
    message = "fullName must read the version through `self`, so that a later change is seen."; }
  (check.syntaxCheck { name = "fullName reads self"; ok = check.interpolates s "self"; hint = 2; })
  (check.syntaxCheck { name = "both results go through fix"; ok = (s.variables.fix or 0) >= 2 && check.uses s "update"; hint = 3; })
]
