# pathExists realises the context too.
builtins.pathExists "${derivation { name = "x"; builder = "/bin/sh"; system = "x86_64-linux"; }}"
