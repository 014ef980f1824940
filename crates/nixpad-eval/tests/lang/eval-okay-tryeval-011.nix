# tryEval catches a throw from a function with a message built at runtime
builtins.tryEval (let f = n: throw "n is ${toString n}"; in f 3)
