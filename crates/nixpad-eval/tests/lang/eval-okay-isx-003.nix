# isInt and isFloat
[ (builtins.isInt 1) (builtins.isInt 1.0) (builtins.isFloat 1.0) (builtins.isFloat 1) (builtins.isInt (2 / 1)) (builtins.isFloat (2 / 1.0)) ]
