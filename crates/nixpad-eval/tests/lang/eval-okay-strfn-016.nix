# substring of a string built with interpolation
builtins.substring 1 3 "x${"yz"}w"
