# getAttr missing
builtins.getAttr "x" { }
