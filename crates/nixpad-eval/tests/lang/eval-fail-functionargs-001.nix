# functionArgs of a non-function
builtins.functionArgs 1
