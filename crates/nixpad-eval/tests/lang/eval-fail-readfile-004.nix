# readFile needs a path
builtins.readFile 1
