# Sorting attribute names by their values
let s = { apple = 3; banana = 1; cherry = 2; }; in builtins.sort (a: b: s.${a} < s.${b}) (builtins.attrNames s)
