# builtins.path flat with the right hash
builtins.path { path = ./lib/store/hello.txt; recursive = false; sha256 = builtins.hashFile "sha256" ./lib/store/hello.txt; }
