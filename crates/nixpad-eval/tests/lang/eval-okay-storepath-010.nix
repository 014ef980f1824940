# builtins.path context
builtins.getContext (builtins.path { path = ./lib/store/hello.txt; })
