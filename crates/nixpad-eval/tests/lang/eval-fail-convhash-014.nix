# Needs a set
builtins.convertHash 1
