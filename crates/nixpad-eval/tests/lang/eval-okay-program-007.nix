# Turning an attribute set into a list of name-value strings
let s = { b = 2; a = 1; c = 3; }; in map (n: "${n}=${toString s.${n}}") (builtins.attrNames s)
