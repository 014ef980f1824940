# elemAt with valid indices
let l = [ "a" "b" "c" ]; in [ (builtins.elemAt l 0) (builtins.elemAt l 2) ]
