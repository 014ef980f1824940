# Every builtin is also reachable as __name
builtins.all (n: builtins.typeOf (builtins.getAttr n builtins) != "") [ "ceil" "floor" "toXML" "fromTOML" ]
