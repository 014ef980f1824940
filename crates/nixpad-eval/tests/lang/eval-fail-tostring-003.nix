# toString of a built-in function
toString builtins.map
