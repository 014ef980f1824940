# Attribute values that are functions and builtins
{ a = x: x; b = builtins.map; c = builtins.map (x: x); }
