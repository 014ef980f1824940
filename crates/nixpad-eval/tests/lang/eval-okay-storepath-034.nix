# builtins.storePath keeps the context of its argument and adds the store path it names.
let
  d = derivation { name = "a"; builder = "/bin/sh"; system = "x"; };
in
builtins.getContext (builtins.storePath d.outPath)
