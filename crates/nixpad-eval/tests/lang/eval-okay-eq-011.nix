# Derivation-typed sets compare by outPath only
{ type = "derivation"; outPath = "/p"; a = 1; } == { type = "derivation"; outPath = "/p"; b = throw "never"; }
