# getContext of a plain string
builtins.getContext "x"
