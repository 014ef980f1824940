# Attribute values are lazy
{ a = 1; b = throw "never"; }.a
