# Sets with the same outPath are not equal unless they are derivations
[ ({ outPath = "a"; } == { outPath = "a"; x = 1; }) ({ type = "derivation"; outPath = "a"; x = 1; } == { type = "derivation"; outPath = "a"; y = 2; }) ]
