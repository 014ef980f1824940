# A nested path first, then an explicit set
{ a.b = 1; a = { c = 2; }; }
