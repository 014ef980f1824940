# Attribute sets referencing each other lazily
let a = { x = 1; y = b.x + 1; }; b = { x = a.x + 10; }; in a.y
