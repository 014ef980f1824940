# toJSON of half a character fails after building the document
builtins.toJSON [ 1 (builtins.substring 0 2 "€") ]
