# Escaping
builtins.toXML "x<>&\"'\n\t\r"
