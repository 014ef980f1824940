# fromJSON: 1.0 becomes a float that prints as 1
[ (builtins.fromJSON "1.0") (builtins.typeOf (builtins.fromJSON "1.0")) (builtins.typeOf (builtins.fromJSON "1")) ]
