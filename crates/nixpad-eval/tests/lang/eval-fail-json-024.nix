# The first invalid string in output order
builtins.toJSON [ (builtins.substring 1 1 "é") (builtins.substring 0 1 "é") ]
