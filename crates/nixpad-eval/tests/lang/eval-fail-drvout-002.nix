# drvPath is not a valid output name, as a string either
derivationStrict { name = "foo"; builder = 1; system = 1; outputs = "drvPath"; }
