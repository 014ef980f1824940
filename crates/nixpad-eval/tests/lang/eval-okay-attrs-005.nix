# Two explicit set literals for the same name are merged
{ a = { b = 1; }; a = { c = 2; }; }
