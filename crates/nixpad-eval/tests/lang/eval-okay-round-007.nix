# ceil of a large float
builtins.ceil 9.2233720368547e18
