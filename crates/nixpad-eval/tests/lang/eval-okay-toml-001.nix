# Scalars
builtins.fromTOML "a = 1\nb = \"s\"\nc = true\nd = 1.5"
