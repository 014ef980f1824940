# Nested traces
builtins.trace "outer" (builtins.trace "inner" "result")
