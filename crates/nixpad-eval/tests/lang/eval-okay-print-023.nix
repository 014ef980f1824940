# A list that contains itself via a let binding
let x = [ 1 x ]; in builtins.elemAt (builtins.elemAt x 1) 0
