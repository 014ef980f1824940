# builtins.path with an unknown argument
builtins.path { path = ./lib/store/hello.txt; x = 1; }
