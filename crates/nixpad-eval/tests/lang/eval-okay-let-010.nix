# let-bound lists referencing themselves lazily
let xs = [ 1 (builtins.head xs + 1) ]; in xs
