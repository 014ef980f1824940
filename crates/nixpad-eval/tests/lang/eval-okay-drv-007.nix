# all lists every output
map (o: o.outputName) (derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }).all
