# A deep structure built and queried
let
  tree = d: if d == 0 then { leaf = true; } else { left = tree (d - 1); right = tree (d - 1); };
  count = t: if t ? leaf then 1 else count t.left + count t.right;
in count (tree 10)
