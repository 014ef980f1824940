let
  # foldr op nul [ x1 x2 x3 ]   is   op x1 (op x2 (op x3 nul))
  foldr = op: nul: list:
    if list == [ ] then nul
    else op (builtins.head list) (foldr op nul (builtins.tail list));

  mapList = f: list: foldr (x: rest: [ (f x) ] ++ rest) [ ] list;
in
{
  inherit foldr mapList;

  filterList = pred: list: foldr (x: rest: if pred x then [ x ] ++ rest else rest) [ ] list;

  values = set: mapList (name: set.${name}) (builtins.attrNames set);
}
