# Lists and the builtins that work on them.
let
  numbers = builtins.genList (i: i + 1) 10;
  isEven = n: builtins.bitAnd n 1 == 0;
in
with builtins;
{
  inherit numbers;
  evens = filter isEven numbers;
  squares = map (n: n * n) numbers;
  total = foldl' (acc: n: acc + n) 0 numbers;
  sorted = sort (a: b: a > b) [ 3 1 4 1 5 9 2 6 ];
  pairs = concatMap (n: [ n (n * 100) ]) [ 1 2 3 ];
  third = elemAt numbers 2;
  hasSeven = elem 7 numbers;
  grouped = groupBy (n: if isEven n then "even" else "odd") numbers;
  attrsFromList = listToAttrs (map (n: { name = "n${toString n}"; value = n; }) [ 1 2 3 ]);
}
