# inherit (e) evaluates e once: both names come from one evaluation
let
  counter = builtins.toFile "c" "x";
  inherit (builtins.trace "used" { a = { x = 1; }; b = { y = 2; }; }) a b;
  s = { inherit (builtins.trace "once" { p = { z = 1; }; }) p; q = s.p; };
in [ a b a s ]
