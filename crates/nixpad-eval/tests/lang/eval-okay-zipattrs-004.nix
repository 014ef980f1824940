# zipAttrsWith to merge sets by summing
builtins.zipAttrsWith (n: vs: builtins.foldl' builtins.add 0 vs) [ { a = 1; b = 2; } { a = 10; } { b = 20; c = 30; } ]
