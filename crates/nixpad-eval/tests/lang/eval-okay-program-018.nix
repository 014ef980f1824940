# Transposing a matrix
let
  m = [ [ 1 2 3 ] [ 4 5 6 ] ];
  transpose = m: builtins.genList (j: map (row: builtins.elemAt row j) m) (builtins.length (builtins.head m));
in transpose m
