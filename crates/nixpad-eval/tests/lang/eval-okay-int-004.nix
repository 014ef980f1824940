# The smallest int is reachable through subtraction
-9223372036854775807 - 1
