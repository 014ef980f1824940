# experimental-features: ca-derivations dynamic-derivations
# Text-hashed outputs: a floating one (a derivation that writes a .drv) and a fixed one.
let
  d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args);
  writer = d { name = "writer"; __contentAddressed = true; outputHashMode = "text"; };
  fixed = d { name = "fixed"; outputHashMode = "text"; outputHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
in
d { name = "both"; deps = [ writer fixed ]; }
