# a TOML float too large for a double is an error
builtins.fromTOML "x = [ 1e400 ]"
