# isPath and isString of store paths
[ (builtins.isPath ./x) (builtins.isString (builtins.toFile "f" "contents")) (builtins.isString "${./lib/store/hello.txt}") ]
