# Attribute names sort by bytes
builtins.attrNames { b = 1; B = 2; _ = 3; "1" = 4; a = 5; "a b" = 6; aa = 7; "" = 8; }
