# substring of length zero
builtins.substring 1 0 "abc"
