let
  factorial = n: if n == 0 then 1 else n * factorial (n - 1);
  range = from: to: if from >= to then [ ] else [ from ] ++ range (from + 1) to;
in
{
  inherit factorial range;
}
