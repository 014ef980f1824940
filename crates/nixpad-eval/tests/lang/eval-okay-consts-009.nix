# Constants are ordinary values in lists and comparisons
[ (true == !false) (null == builtins.null) ]
