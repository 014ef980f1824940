# Using functionArgs to call a function with only the arguments it takes
let
  callWith = f: avail: f (builtins.intersectAttrs (builtins.functionArgs f) avail);
  pkgs = { a = 1; b = 2; c = 3; };
in [ (callWith ({ a, c }: a + c) pkgs) (callWith ({ b, z ? 100 }: b + z) pkgs) ]
