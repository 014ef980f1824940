# String padding helpers
let
  repeat = n: s: builtins.concatStringsSep "" (builtins.genList (_: s) n);
  padLeft = w: s: repeat (w - builtins.stringLength s) " " + s;
in map (padLeft 5) [ "a" "abc" "abcde" ]
