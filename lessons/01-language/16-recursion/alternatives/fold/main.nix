let
  factorial = n: builtins.foldl' (acc: i: acc * i) 1 (builtins.genList (i: i + 1) n);
  range = from: to: if from > to then [ ] else builtins.genList (i: from + i) (to - from + 1);
in
{
  inherit factorial range;
}
