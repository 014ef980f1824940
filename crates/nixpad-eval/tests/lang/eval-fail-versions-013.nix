# parseDrvName needs a string
builtins.parseDrvName 1
