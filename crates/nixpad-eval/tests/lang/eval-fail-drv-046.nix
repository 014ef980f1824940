# Fixed output, bad mode
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputHash = builtins.hashString "sha256" "x"; outputHashAlgo = "sha256"; outputHashMode = "foo"; }
