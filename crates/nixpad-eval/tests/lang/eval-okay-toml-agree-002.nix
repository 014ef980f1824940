# a TOML float too small for a double is zero
builtins.fromTOML "x = 1e-400"
