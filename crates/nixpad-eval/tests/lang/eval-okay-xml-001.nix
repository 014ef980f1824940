# Scalars
builtins.toXML [ 1 "s" true false null 1.5 /foo ]
