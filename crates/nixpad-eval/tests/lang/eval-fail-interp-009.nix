# Partially applied built-ins cannot be interpolated
"${builtins.add 1}"
