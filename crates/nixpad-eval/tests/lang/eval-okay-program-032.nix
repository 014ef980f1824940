# Module-style option merging
let
  modules = [ { a = [ 1 ]; b = "x"; } { a = [ 2 ]; } { c = true; a = [ 3 ]; } ];
  merged = builtins.zipAttrsWith (n: vs: if builtins.all builtins.isList vs then builtins.concatLists vs else builtins.head vs) modules;
in merged
