# Dot matches a newline
builtins.match ".*" "a\nb"
