# substring with a negative start
builtins.substring (-1) 1 "abc"
