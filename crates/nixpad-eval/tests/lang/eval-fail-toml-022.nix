# Needs a string
builtins.fromTOML 1
