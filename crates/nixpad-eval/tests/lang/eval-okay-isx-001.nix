# isNull
[ (builtins.isNull null) (builtins.isNull 0) (isNull null) (isNull "") ]
