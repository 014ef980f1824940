# Printing a tryEval value that contains a throw
builtins.tryEval [ (throw "inside the list") ]
