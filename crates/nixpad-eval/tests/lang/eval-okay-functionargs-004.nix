# functionArgs of an @-pattern
builtins.functionArgs (args@{ x, y ? 2 }: x)
