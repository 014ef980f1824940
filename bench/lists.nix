# List builtins at 10^5 scale: genList, map, filter, foldl', sort, concatStringsSep.
let
  big = builtins.genList (i: i * 7919 - (i / 3) * 13) 200000;
  mapped = map (x: x * 2 + 1) big;
  kept = builtins.filter (x: x / 3 * 3 == x) mapped;
  total = builtins.foldl' (a: b: a + b) 0 kept;
  unsorted = builtins.genList (i: (i * 7919) - (i * i / 50000) * 50000) 50000;
  sorted = builtins.sort (a: b: a < b) unsorted;
  joined = builtins.concatStringsSep "," (map toString (builtins.genList (i: i) 20000));
in [ total (builtins.length kept) (builtins.head sorted) (builtins.elemAt sorted 49999) (builtins.stringLength joined) ]
