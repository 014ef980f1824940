# hashFile equals hashString of the contents
builtins.hashFile "sha1" ./lib/store/hello.txt == builtins.hashString "sha1" (builtins.readFile ./lib/store/hello.txt)
