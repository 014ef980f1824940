# Partially applied builtin prints as PRIMOP-APP
builtins.add 1
