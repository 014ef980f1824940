{ files, syntax, check, ... }:
let
  s = syntax."main.nix";
  lib = check.attr files."main.nix" "lib";
  flags = check.attr lib "configureFlags";
  wantFlags = [ "--prefix=${builtins.placeholder "out"}" "--includedir=${builtins.placeholder "dev"}/include" ];
  want = derivation {
    name = "lib";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "out" "dev" ];
    configureFlags = wantFlags;
    args = [ "-c" "echo $configureFlags > $out; mkdir -p $dev" ];
  };
in
[
  { name = "the prefix is out's placeholder"; expected = builtins.head wantFlags;
    actual = if builtins.isList flags && flags != [ ] then builtins.head flags else flags; hint = 1; }
  { name = "configureFlags are the two flags with placeholders"; expected = wantFlags; actual = flags; hint = 3; }
  (check.syntaxCheck { name = "the flags are made with builtins.placeholder"; ok = (s.builtins.placeholder or 0) >= 2 && (s.interpolated.builtins or 0) >= 2; hint = 2; })
  { name = "lib is the derivation real Nix computes"; ok = check.drvDiff want lib == ""; hint = 3;
    reveal = false; why = check.drvDiff want lib; }
]
