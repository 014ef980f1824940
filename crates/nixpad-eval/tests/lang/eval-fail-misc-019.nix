# getEnv needs a string
builtins.getEnv 1
