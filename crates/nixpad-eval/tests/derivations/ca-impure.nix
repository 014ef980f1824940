# experimental-features: ca-derivations impure-derivations
# An impure derivation (flat SHA-512) and a dependant.
let
  d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args);
  now = d { name = "now"; __impure = true; outputHashMode = "flat"; outputHashAlgo = "sha512"; };
in
d { name = "stamped"; when = now; }
