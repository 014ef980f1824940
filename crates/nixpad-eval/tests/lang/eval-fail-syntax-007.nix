# A dot without an attribute name
{ a = 1; }.
