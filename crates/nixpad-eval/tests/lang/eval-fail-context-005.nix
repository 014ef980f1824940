# hasContext needs a string
builtins.hasContext 1
