# Attribute names with interpolation in nested paths combine with static names
let k = "b"; in { a.${k}.x = 1; a.c = 2; }
