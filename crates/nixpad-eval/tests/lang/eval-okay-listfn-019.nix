# tail of a one-element list
builtins.tail [ 1 ]
