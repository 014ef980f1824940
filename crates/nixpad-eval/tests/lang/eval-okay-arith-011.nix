# Slash without spaces forms a path, not a division
let x = 6; y = 3; in [ (builtins.typeOf 6/3) (6 / 3) (baseNameOf 6/3) (x / y) (baseNameOf x/y) (8/ 2) (builtins.typeOf 1.0/3) ]
