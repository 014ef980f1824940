# builtins.toString is the same primop as global toString
builtins.toString [ "a" "b" ]
