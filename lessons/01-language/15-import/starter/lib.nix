# A small library: a set of functions.
{
  double = x: x * 2;
  square = x: x * x;
  join = builtins.concatStringsSep ", ";
}
