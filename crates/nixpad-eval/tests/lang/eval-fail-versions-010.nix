# splitVersion needs a string
builtins.splitVersion 1
