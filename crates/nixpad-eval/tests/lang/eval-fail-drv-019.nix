# Name is not a string
derivation { name = 1; builder = "b"; system = "c"; }
