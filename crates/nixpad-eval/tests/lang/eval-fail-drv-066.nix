# Errors from attributes show up when drvPath is forced
derivation { name = "a"; builder = "b"; system = "c"; x = throw "boom"; }
