# pathExists of a relative string
builtins.pathExists "relative"
