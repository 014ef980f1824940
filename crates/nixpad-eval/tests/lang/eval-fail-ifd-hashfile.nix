# hashFile realises the context of its path.
builtins.hashFile "sha256" "${derivation { name = "x"; builder = "/bin/sh"; system = "x86_64-linux"; }}"
