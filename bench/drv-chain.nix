# 5,000 derivations, each depending on the previous one: derivationStrict, string
# contexts, ATerm serialisation and hashing (each input's hash modulo is reused).
let
  step = prev: i: derivation {
    name = "step-${toString i}";
    builder = "/bin/sh";
    system = "x86_64-linux";
    args = [ "-c" "echo ${prev} > $out" ];
    index = i;
  };
  last = builtins.foldl' step "/dev/null" (builtins.genList (i: i + 1) 5000);
in last.drvPath
