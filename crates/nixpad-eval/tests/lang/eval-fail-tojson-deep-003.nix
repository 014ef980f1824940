# toJSON of a list nested 100,000 deep overflows Nix's stack
builtins.toJSON (builtins.foldl' (acc: i: [ acc ]) [ ] (builtins.genList (x: x) 100000))
