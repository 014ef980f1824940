# concatStringsSep of derivations
let d = derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }; in builtins.concatStringsSep ":" [ d d.dev ]
