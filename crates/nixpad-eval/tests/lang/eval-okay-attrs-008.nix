# Names that do not need quoting when printed
{ a' = 1; a-b = 2; _x = 3; a1 = 4; "true" = 5; "null" = 6; "or" = 7; A = 8; }
