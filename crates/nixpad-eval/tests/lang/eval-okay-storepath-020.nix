# filterSource filter receives types
builtins.filterSource (p: t: t == "regular") ./lib/store/tree
