# Builtins print as PRIMOP, partial applications as PRIMOP-APP
[ builtins.map builtins.add (builtins.add 1) (builtins.foldl' (a: b: a)) import ]
