# readDir
builtins.readDir ./lib/store/tree
