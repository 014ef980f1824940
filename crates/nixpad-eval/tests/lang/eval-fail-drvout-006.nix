# duplicate outputs
derivationStrict { name = "foo"; builder = 1; system = 1; outputs = [ "bin" "bin" ]; }
