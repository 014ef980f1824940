# placeholder of an empty name
builtins.placeholder ""
