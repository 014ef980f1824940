# A misspelled builtin
builtins.lenght [ ]
