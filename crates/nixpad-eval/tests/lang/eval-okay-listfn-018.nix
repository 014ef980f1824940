# all and any short-circuit
[ (builtins.any (x: x) [ true (throw "never") ]) (builtins.all (x: x) [ false (throw "never") ]) ]
