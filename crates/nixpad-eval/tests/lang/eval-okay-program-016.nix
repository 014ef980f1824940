# Reversing a string with substring
let
  rev = s: let n = builtins.stringLength s; in builtins.concatStringsSep "" (builtins.genList (i: builtins.substring (n - i - 1) 1 s) n);
in rev "hello, world"
