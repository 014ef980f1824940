# ceil of a string
builtins.ceil "a"
