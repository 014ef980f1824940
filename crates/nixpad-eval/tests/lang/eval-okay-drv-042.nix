# Fixed output, empty hash
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputHash = ""; outputHashAlgo = "sha256"; }
