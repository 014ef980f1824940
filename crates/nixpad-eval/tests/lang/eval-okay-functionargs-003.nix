# functionArgs of a builtin is empty
builtins.functionArgs builtins.add
