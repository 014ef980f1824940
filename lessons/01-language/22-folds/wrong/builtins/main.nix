let
  foldr = op: nul: list:
    if list == [ ] then nul
    else op (builtins.head list) (foldr op nul (builtins.tail list));
in
{
  inherit foldr;
  mapList = f: list: map f list;
  filterList = pred: list: builtins.filter pred list;
  values = set: builtins.attrValues set;
}
