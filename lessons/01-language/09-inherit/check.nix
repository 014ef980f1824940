{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
in
[
  { name = "the set has name, version, license and homepage";
    expected = {
      name = "hello"; version = "2.12.1"; license = "GPL-3.0-or-later";
      homepage = "https://www.gnu.org/software/hello/";
    };
    actual = m; hint = 3; }
  (check.syntaxCheck { name = "uses inherit"; ok = s.uses."inherit" > s.uses.inheritFrom; hint = 1;
    message = "Copy `name` and `version` with `inherit name version;`."; })
  (check.syntaxCheck { name = "uses inherit (meta)"; ok = check.uses s "inheritFrom" && check.refers s "meta"; hint = 2; })
]
