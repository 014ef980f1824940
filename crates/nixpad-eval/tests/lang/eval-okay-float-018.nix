# Float sum of many small numbers
builtins.foldl' (a: b: a + b) 0.0 (builtins.genList (x: 0.1) 10)
