# isX predicates on thunks force them
builtins.isInt (1 + 1)
