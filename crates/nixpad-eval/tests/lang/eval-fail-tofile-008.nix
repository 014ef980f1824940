# toFile with an empty name
builtins.toFile "" "x"
