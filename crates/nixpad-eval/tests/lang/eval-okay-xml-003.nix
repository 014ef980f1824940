# Attribute sets
builtins.toXML { b = 1; a = { c = [ ]; }; d = { }; }
