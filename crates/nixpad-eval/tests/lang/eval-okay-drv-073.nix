# A derivation inside structured attributes
(derivation { name = "b"; builder = "/bin/sh"; system = "x86_64-linux"; __structuredAttrs = true; dep = derivation { name = "m"; builder = "/bin/sh"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; }; }).drvPath
