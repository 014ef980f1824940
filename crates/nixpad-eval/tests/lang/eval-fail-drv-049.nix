# Fixed output with several outputs
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputHash = builtins.hashString "sha256" "x"; outputHashAlgo = "sha256"; outputs = [ "out" "dev" ]; }
