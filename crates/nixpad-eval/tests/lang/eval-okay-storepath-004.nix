# builtins.path of a file
builtins.path { path = ./lib/store/hello.txt; }
