# foldl' over 100,000 elements does not recurse deeply
builtins.foldl' (a: b: a + b) 0 (builtins.genList (x: x) 100000)
