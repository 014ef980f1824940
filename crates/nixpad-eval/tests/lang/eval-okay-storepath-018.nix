# filterSource
builtins.filterSource (p: t: baseNameOf p != "a.txt") ./lib/store/tree
