# builtins.path with a malformed hash
builtins.path { path = ./lib/store/hello.txt; sha256 = "abc"; }
