# args elements are coerced
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; args = [ 1 true null 2.5 [ "a" "b" ] ]; }
