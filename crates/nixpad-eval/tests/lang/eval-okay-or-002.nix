# or for a missing intermediate attribute
{ a = { }; }.a.b.c or "dflt"
