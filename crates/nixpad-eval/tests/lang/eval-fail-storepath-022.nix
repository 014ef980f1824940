# filterSource of a relative string
builtins.filterSource (p: t: true) "tree"
