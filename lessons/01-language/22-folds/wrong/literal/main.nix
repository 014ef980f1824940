{
  foldr = op: nul: list: "(a (b (c z)))";
  mapList = f: list: [ 2 4 6 ];
  filterList = pred: list: [ 2 3 ];
  values = set: [ 1 2 ];
}
# foldr = op: nul: list:
#   if list == [ ] then nul
#   else op (builtins.head list) (foldr op nul (builtins.tail list));
# mapList = f: list: foldr (x: rest: [ (f x) ] ++ rest) [ ] list;
# filterList = pred: list: foldr (x: rest: if pred x then [ x ] ++ rest else rest) [ ] list;
# values = set: mapList (name: set.${name}) (builtins.attrNames set);
