let
  factorial = n: n * factorial (n - 1);
  range = from: to: if from > to then [ ] else [ from ] ++ range (from + 1) to;
in
{
  inherit factorial range;
}
