# elem uses deep equality
[ (builtins.elem 2 [ 1 2 ]) (builtins.elem 3 [ 1 2 ]) (builtins.elem [ 1 ] [ [ 1 ] ]) (builtins.elem 1.0 [ 1 ]) (builtins.elem { } [ ]) ]
