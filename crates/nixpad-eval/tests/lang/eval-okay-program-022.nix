# A small library defined as a rec set
let
  lib = rec {
    id = x: x;
    const = x: _: x;
    compose = f: g: x: f (g x);
    pipe = x: fs: builtins.foldl' (acc: f: f acc) x fs;
    inc = x: x + 1;
    double = compose (x: x * 2) id;
  };
in [ (lib.pipe 3 [ lib.inc lib.double lib.inc ]) (lib.const 1 2) ]
