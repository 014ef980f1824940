# toPath of a relative string
builtins.toPath "a"
