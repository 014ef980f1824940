# Attribute set literal; names print sorted
{ b = 2; a = 1; c = 3; }
