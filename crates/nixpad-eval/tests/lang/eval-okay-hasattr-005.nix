# ? does not evaluate the attribute value
{ a = throw "never"; } ? a
