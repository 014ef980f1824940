# A set that only looks like a derivation
builtins.toXML { a.type = "derivation"; }
