# findFile in an explicit search path
builtins.pathExists (builtins.findFile [ { prefix = "lib"; path = ./lib; } ] "lib/store/hello.txt")
