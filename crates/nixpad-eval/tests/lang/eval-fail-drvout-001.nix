# drvPath is not a valid output name
derivationStrict { name = "foo"; builder = 1; system = 1; outputs = [ "drvPath" ]; }
