# toJSON of lists and sets; keys are sorted
builtins.toJSON { b = [ 1 "x" null true ]; a = { }; c = [ ]; }
