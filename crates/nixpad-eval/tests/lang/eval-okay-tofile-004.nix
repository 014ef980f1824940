# toFile referring to a source
builtins.toFile "r" "${./lib/store/hello.txt}"
