# hashString unknown algorithm
builtins.hashString "sha3" "abc"
