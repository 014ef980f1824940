# optional and optionals helpers
let
  optional = cond: x: if cond then [ x ] else [ ];
  optionals = cond: l: if cond then l else [ ];
in [ "base" ] ++ optional true "yes" ++ optional false "no" ++ optionals true [ "x" "y" ] ++ optionals false (throw "never")
