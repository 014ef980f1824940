# A range function and its sum and product
let
  range = from: to: if from > to then [ ] else builtins.genList (i: from + i) (to - from + 1);
  sum = builtins.foldl' builtins.add 0;
  product = builtins.foldl' builtins.mul 1;
in [ (range 1 5) (sum (range 1 100)) (product (range 1 10)) (range 3 2) ]
