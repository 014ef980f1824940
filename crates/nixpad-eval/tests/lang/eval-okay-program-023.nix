# concatMapStrings and intersperse
let
  concatMapStrings = f: l: builtins.concatStringsSep "" (map f l);
  intersperse = sep: l: if l == [ ] then [ ] else builtins.tail (builtins.concatMap (x: [ sep x ]) l);
in [ (concatMapStrings (x: "<${x}>") [ "a" "b" ]) (intersperse 0 [ 1 2 3 ]) (intersperse 0 [ ]) ]
