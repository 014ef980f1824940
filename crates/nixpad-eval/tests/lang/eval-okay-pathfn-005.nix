# builtins.baseNameOf and builtins.dirOf are the global ones
[ (builtins.baseNameOf "/x/y") (builtins.dirOf "/x/y") ]
