# __curPos on a later line and column
let
    p =    __curPos;
in [ p.line p.column (builtins.attrNames p) ]
