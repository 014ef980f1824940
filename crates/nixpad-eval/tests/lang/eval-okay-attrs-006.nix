# Quoted attribute names
{ "a b" = 1; "" = 2; "1x" = 3; "x.y" = 4; }
