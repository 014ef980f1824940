# tryEval catches a throw from deep inside a call
builtins.tryEval (builtins.map (x: if x > 1 then throw "big" else x) [ 1 2 ] == [ ])
