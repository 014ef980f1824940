{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
in
[
  { name = "packages are git, curl and jq"; expected = [ "git-2.47" "curl-8.11" "jq-1.7" ]; actual = m.packages or null; hint = 1; }
  (check.syntaxCheck { name = "uses with"; ok = check.uses s "with"; hint = 2; })
  (check.syntaxCheck { name = "names git, curl and jq plainly"; ok = check.refers s "git" && check.refers s "curl" && check.refers s "jq"; hint = 2; })
  (check.syntaxCheck { name = "does not write pkgs.git"; ok = s.uses.select == 0; hint = 3;
    message = "Inside `with pkgs;` write `git`, not `pkgs.git`."; })
]
