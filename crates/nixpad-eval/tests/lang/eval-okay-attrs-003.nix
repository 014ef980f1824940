# A nested path merges with an explicit set for the same name
{ a = { b = 1; }; a.c = 2; }
