# builtins.path flat
builtins.path { path = ./lib/store/hello.txt; recursive = false; }
