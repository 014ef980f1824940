# stringLength of an int
builtins.stringLength 12
