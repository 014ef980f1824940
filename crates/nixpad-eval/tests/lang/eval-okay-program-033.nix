# Topological closure of a dependency graph
let
  deps = { a = [ "b" "c" ]; b = [ "d" ]; c = [ "d" ]; d = [ ]; e = [ "a" ]; };
  closure = builtins.genericClosure { startSet = [ { key = "e"; } ]; operator = x: map (d: { key = d; }) deps.${x.key}; };
in builtins.sort builtins.lessThan (map (x: x.key) closure)
