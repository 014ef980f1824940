# Dotted keys under a table
builtins.fromTOML "[x.y.z]\n[x]\na=1"
