# Zipping two lists
let
  zip = a: b: builtins.genList (i: { fst = builtins.elemAt a i; snd = builtins.elemAt b i; }) (if builtins.length a < builtins.length b then builtins.length a else builtins.length b);
in zip [ 1 2 3 ] [ "a" "b" ]
