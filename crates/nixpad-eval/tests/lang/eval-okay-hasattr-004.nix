# ? with a quoted name
{ "a b" = 1; } ? "a b"
