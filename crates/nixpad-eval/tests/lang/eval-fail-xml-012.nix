# Errors propagate
builtins.toXML { a = throw "inside"; }
