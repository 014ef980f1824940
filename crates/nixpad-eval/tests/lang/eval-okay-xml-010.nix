# A derivation-like set with a drvPath
builtins.toXML { type = "derivation"; drvPath = "x"; }
