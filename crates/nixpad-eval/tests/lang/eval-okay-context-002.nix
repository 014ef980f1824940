# getContext of everything
let d = derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }; in builtins.getContext "${d}${d.dev}${d.drvPath}${builtins.toFile "f" "contents"}"
