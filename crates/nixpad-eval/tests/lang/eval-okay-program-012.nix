# Looking up a nested attribute by a path with a default
let
  attrByPath = path: default: set:
    if path == [ ] then set
    else let h = builtins.head path; in
      if builtins.isAttrs set && set ? ${h} then attrByPath (builtins.tail path) default set.${h} else default;
  s = { a.b.c = "found"; };
in [ (attrByPath [ "a" "b" "c" ] null s) (attrByPath [ "a" "x" ] "missing" s) (attrByPath [ ] 0 1) ]
