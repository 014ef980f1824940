# Fixed output, md5
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; outputHash = builtins.hashString "md5" "x"; outputHashAlgo = "md5"; }
