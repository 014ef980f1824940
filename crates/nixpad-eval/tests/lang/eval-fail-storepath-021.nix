# filterSource needs a function
builtins.filterSource 1 ./lib/store/tree
