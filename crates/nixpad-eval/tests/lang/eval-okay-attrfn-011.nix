# Empty-set edge cases
[ (builtins.attrNames { }) (builtins.attrValues { }) (builtins.listToAttrs [ ]) (builtins.intersectAttrs { } { a = 1; }) (builtins.catAttrs "a" [ ]) ]
