# Each function as its own recursion over the list, by position.
let
  foldr = op: nul: list:
    let
      n = builtins.length list;
      from = i: if i == n then nul else op (builtins.elemAt list i) (from (i + 1));
    in
    from 0;

  mapList = f: list:
    if list == [ ] then [ ] else [ (f (builtins.head list)) ] ++ mapList f (builtins.tail list);

  filterList = pred: list:
    if list == [ ] then [ ]
    else
      let x = builtins.head list; rest = filterList pred (builtins.tail list);
      in if pred x then [ x ] ++ rest else rest;
in
{
  inherit foldr mapList filterList;
  values = set: builtins.genList (i: set.${builtins.elemAt (builtins.attrNames set) i}) (builtins.length (builtins.attrNames set));
}
