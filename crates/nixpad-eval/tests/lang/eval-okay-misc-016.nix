# nixPath is a list
builtins.typeOf builtins.nixPath
