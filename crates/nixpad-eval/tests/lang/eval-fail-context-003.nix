# getContext needs a string
builtins.getContext 1
