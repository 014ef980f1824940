# Binary search in a sorted list
let
  l = builtins.genList (i: i * 3) 1000;
  search = x: lo: hi:
    if lo > hi then -1
    else let mid = (lo + hi) / 2; v = builtins.elemAt l mid; in
      if v == x then mid else if v < x then search x (mid + 1) hi else search x lo (mid - 1);
in [ (search 2997 0 999) (search 300 0 999) (search 301 0 999) ]
