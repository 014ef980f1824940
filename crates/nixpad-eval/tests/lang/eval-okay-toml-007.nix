# Inline tables and arrays
builtins.fromTOML "e = { x = 1, y.z = [1, 2,] }\nf = [ [1], [\"a\"] ]\ng = []"
