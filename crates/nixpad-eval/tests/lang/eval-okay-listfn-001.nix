# length, head, tail
let l = [ 1 2 3 ]; in [ (builtins.length l) (builtins.head l) (builtins.tail l) ]
