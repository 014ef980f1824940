# A self-referential list element evaluated lazily
let xs = [ 1 2 (builtins.elemAt xs 0 + builtins.elemAt xs 1) ]; in xs
