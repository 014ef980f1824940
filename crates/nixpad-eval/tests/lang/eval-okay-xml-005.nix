# Builtins are unevaluated
builtins.toXML [ builtins.add (builtins.add 1) ]
