# true, false and null
[ true false null builtins.true builtins.false builtins.null ]
