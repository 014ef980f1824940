# Reading a derivation output (import from derivation) with readFile.
builtins.readFile "${derivation { name = "x"; builder = "/bin/sh"; system = "x86_64-linux"; }}/share/data"
