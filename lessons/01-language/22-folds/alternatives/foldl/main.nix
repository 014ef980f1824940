# map, filter and attrValues with the strict left fold, appending at the end.
let
  foldr = op: nul: list:
    if list == [ ] then nul
    else op (builtins.head list) (foldr op nul (builtins.tail list));
in
{
  inherit foldr;
  mapList = f: builtins.foldl' (acc: x: acc ++ [ (f x) ]) [ ];
  filterList = pred: builtins.foldl' (acc: x: if pred x then acc ++ [ x ] else acc) [ ];
  values = set: builtins.foldl' (acc: name: acc ++ [ set.${name} ]) [ ] (builtins.attrNames set);
}
