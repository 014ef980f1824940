# hashFile unknown algorithm
builtins.hashFile "sha3" ./lib/store/hello.txt
