# break returns its argument
builtins.break 5
