# toString of a set with outPath
[ (toString { outPath = "op"; }) (toString { outPath = 1; }) ]
