# elem on a list of derivations
let d = derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }; in builtins.elem d [ 1 d ]
