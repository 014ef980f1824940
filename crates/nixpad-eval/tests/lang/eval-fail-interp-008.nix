# Built-in functions cannot be interpolated
"${builtins.add}"
