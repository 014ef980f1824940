# isFunction of lambdas, builtins and partial applications
[ (builtins.isFunction (x: x)) (builtins.isFunction builtins.add) (builtins.isFunction (builtins.add 1)) (builtins.isFunction { }) ]
