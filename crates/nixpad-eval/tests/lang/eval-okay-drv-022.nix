# Name starting with a dot
derivation { name = ".hidden"; builder = "b"; system = "c"; }
