# pathExists of a string
builtins.pathExists "/definitely/not/here"
