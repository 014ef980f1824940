# hashFile sha256
builtins.hashFile "sha256" ./lib/store/hello.txt
