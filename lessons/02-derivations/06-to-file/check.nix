{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  script = check.attr m "script";
  greeting = check.attr m "greeting";
  wantScript = builtins.toFile "greet.sh" "echo \"Hello from a script\" > $out\n";
  want = derivation {
    name = "greeting";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ wantScript ];
  };
in
[
  { name = "script is the file real Nix writes"; hint = 1;
    ok = builtins.isString script && script == wantScript && builtins.getContext script == builtins.getContext wantScript;
    reveal = false; why = "script must be what builtins.toFile returns for a file greet.sh holding the one-line command and a final newline."; }
  (check.syntaxCheck { name = "script is written with builtins.toFile"; ok = check.usesBuiltin s "toFile"; hint = 1; })
  { name = "greeting runs the script"; ok = (check.attr greeting "args") == [ wantScript ]; hint = 3;
    reveal = false; why = "greeting's only argument must be the script."; }
  { name = "greeting is the derivation real Nix computes"; ok = check.drvDiff want greeting == ""; hint = 3;
    reveal = false; why = check.drvDiff want greeting; }
]
