# toJSON of a set with outPath or __toString
[ (builtins.toJSON { outPath = "/p"; a = 1; }) (builtins.toJSON { __toString = s: "q"; a = 1; }) ]
