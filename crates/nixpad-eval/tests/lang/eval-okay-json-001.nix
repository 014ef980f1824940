# toJSON of scalars
[ (builtins.toJSON 1) (builtins.toJSON "s") (builtins.toJSON null) (builtins.toJSON true) (builtins.toJSON false) (builtins.toJSON (-3)) ]
