# An invalid regular expression
builtins.match "[" "a"
