# toJSON of a structure nested 100,000 deep overflows Nix's stack
builtins.toJSON (builtins.foldl' (acc: i: { next = acc; }) { } (builtins.genList (x: x) 100000))
