# placeholder needs a string
builtins.placeholder 1
