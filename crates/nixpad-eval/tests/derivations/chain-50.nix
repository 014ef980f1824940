# A chain of 50 derivations, each depending on the previous one.
let
  step = prev: i: derivation {
    name = "step-${toString i}";
    builder = "/bin/sh";
    system = "x86_64-linux";
    args = [ "-c" "echo ${prev} > $out" ];
  };
in builtins.foldl' step "/dev/null" (builtins.genList (i: i + 1) 50)
