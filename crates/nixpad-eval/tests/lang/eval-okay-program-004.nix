# Quicksort with partition
let
  qsort = l:
    if l == [ ] then [ ]
    else let
      pivot = builtins.head l;
      parts = builtins.partition (x: x < pivot) (builtins.tail l);
    in qsort parts.right ++ [ pivot ] ++ qsort parts.wrong;
in qsort [ 5 3 8 1 9 2 7 3 ]
