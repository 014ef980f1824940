# toFile referring to a derivation output
builtins.toFile "r" "${derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }}"
