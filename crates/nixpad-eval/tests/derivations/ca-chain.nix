# experimental-features: ca-derivations
# A content-addressed derivation with two outputs, a dependant of one of them (whose
# outputs are deferred), and a fixed-output derivation after which paths are known again.
let
  d = args: derivation ({ builder = "/bin/sh"; system = "x86_64-linux"; } // args);
  lib = d { name = "lib"; __contentAddressed = true; outputs = [ "out" "dev" ]; };
  app = d { name = "app"; inc = lib.dev; lib = lib; };
  fetched = d { name = "fetched"; dep = app; outputHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
in
d { name = "top"; deps = [ app fetched ]; }
