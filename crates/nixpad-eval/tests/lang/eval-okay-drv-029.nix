# Every attribute type
builtins.derivationStrict { name = "s"; builder = "/bin/sh"; system = "x86_64-linux"; i = 1; f = 1.5; t = true; n = null; l = [ 1 [ ] "x" [ 2 3 ] ]; s = "s"; p = ./lib/store/hello.txt; o = { outPath = "/x"; }; ts = { __toString = s: "ts"; }; }
