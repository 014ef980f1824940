{ files, check, ... }:
let
  m = files."main.nix";
  attrs = {
    name = "hello";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo hello > $out" ];
  };
  same = name: want: hint: let got = check.attr m name; in {
    name = "${name} is the derivation real Nix computes";
    ok = check.drvDiff want got == "";
    reveal = false;
    why = check.drvDiff want got;
    inherit hint;
  };
  base = check.attr m "base";
  reordered = check.attr m "reordered";
in
[
  (same "base" (derivation attrs) 1)
  (same "renamed" (derivation (attrs // { name = "hi"; })) 2)
  (same "otherArgs" (derivation (attrs // { args = [ "-c" "echo bye > $out" ]; })) 2)
  (same "withEnv" (derivation (attrs // { GREETING = "hi"; })) 2)
  { name = "reordered is a derivation with the same drvPath as base"; hint = 3;
    ok = check.isRealDerivation reordered && check.isRealDerivation base && reordered.drvPath == base.drvPath;
    message = "An attribute set has no order: written in any order, it is the same value, so `derivation` sees the same description."; }
]
