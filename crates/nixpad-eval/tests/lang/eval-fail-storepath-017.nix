# builtins.path recursive must be a Boolean
builtins.path { path = ./lib/store/hello.txt; recursive = 1; }
