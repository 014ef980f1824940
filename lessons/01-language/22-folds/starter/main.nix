let
  # foldr op nul [ x1 x2 x3 ]   is   op x1 (op x2 (op x3 nul))
  foldr = op: nul: list: nul;
in
{
  inherit foldr;

  # mapList (x: x * 2) [ 1 2 3 ]   gives [ 2 4 6 ]        (like map)
  mapList = f: list: list;

  # filterList (x: x > 1) [ 1 2 3 ]   gives [ 2 3 ]       (like builtins.filter)
  filterList = pred: list: list;

  # values { b = 2; a = 1; }   gives [ 1 2 ]              (like builtins.attrValues)
  values = set: [ ];
}
