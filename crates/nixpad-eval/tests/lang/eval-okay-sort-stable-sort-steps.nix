# builtins.sort makes libstdc++'s std::stable_sort's comparisons, in its order (runs of
# 7 sorted by insertion, merges through a buffer, a last merge of the halves), so a
# comparator that is no ordering gives Nix's result too.
let
  xs = n: builtins.genList (i: builtins.bitAnd (i * 2654435761) 63) n;
in
[
  (builtins.sort (a: b: a != b) [ 1 4 4 1 2 ])
  (builtins.sort (a: b: builtins.bitAnd (a + b) 1 == 1) [ 0 1 2 ])
  (builtins.sort (a: b: builtins.bitAnd (a * 7 + b * 3) 3 == 0) (xs 50))
  (builtins.sort (a: b: a - b < 5) (xs 127))
  (builtins.sort (a: b: true) (xs 16))
  (builtins.sort (a: b: a <= b) (xs 33))
  (builtins.sort (a: b: a < b) (xs 200))
]
