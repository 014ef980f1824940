# Depending on toFile
(derivation { name = "b"; builder = "/bin/sh"; system = "x86_64-linux"; s = builtins.toFile "f" "contents"; }).drvPath
