# drvPath is checked before duplicates
derivationStrict { name = "foo"; builder = 1; system = 1; outputs = [ "out" "drvPath" "drvPath" ]; }
