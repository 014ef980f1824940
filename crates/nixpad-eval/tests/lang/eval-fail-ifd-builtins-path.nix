# builtins.path adds the path: its context must be valid.
builtins.path { path = "${derivation { name = "x"; builder = "/bin/sh"; system = "x86_64-linux"; }}"; }
