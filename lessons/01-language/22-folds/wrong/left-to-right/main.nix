let
  foldr = op: nul: list: builtins.foldl' (acc: x: op x acc) nul list;

  mapList = f: list: foldr (x: rest: [ (f x) ] ++ rest) [ ] list;
in
{
  inherit foldr mapList;

  filterList = pred: list: foldr (x: rest: if pred x then [ x ] ++ rest else rest) [ ] list;

  values = set: mapList (name: set.${name}) (builtins.attrNames set);
}
