# functionArgs reports formals and whether they have defaults
builtins.functionArgs ({ a, b ? 1, ... }: a)
