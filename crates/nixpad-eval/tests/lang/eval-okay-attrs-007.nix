# Names that need quoting when printed
{ "if" = 1; "then" = 2; "let" = 3; "rec" = 4; "in" = 5; "with" = 6; "inherit" = 7; "assert" = 8; "else" = 9; }
