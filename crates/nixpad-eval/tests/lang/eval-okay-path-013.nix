# dirOf and baseNameOf on absolute paths return paths and strings
[ (dirOf /a/b/c) (baseNameOf /a/b/c) (builtins.typeOf (dirOf /a/b)) (builtins.typeOf (baseNameOf /a/b)) ]
