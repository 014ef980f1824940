# Keywords other than or cannot follow a dot unquoted
{ "if" = 1; }.if
