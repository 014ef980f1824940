# Depending on a copied path
(derivation { name = "b"; builder = "/bin/sh"; system = "x86_64-linux"; s = ./lib/store/hello.txt; }).drvPath
