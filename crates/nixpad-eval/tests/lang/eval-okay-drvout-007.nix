# an output name with a space, in a list, is two outputs
builtins.attrNames (derivationStrict { name = "foo"; builder = 1; system = 1; outputs = [ "a b" ]; })
