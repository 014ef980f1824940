# toJSON of a structure nested 99,000 deep still works
builtins.stringLength (builtins.toJSON (builtins.foldl' (acc: i: [ acc ]) [ ] (builtins.genList (x: x) 99000)))
