# an output name with a slash makes an invalid store path
derivationStrict { name = "foo"; builder = 1; system = 1; outputs = [ "a/b" ]; }
