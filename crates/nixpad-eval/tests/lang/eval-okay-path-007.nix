# Relative path plus a string
[ (baseNameOf (./a + "/b")) (baseNameOf (./a + "b")) (builtins.typeOf (./a + "/b")) ]
