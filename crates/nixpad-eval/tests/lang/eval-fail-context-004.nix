# hasContext
[ (builtins.hasContext "x") (builtins.hasContext (derivation { name = "a"; builder = "/bin/sh"; system = "x86_64-linux"; }).drvPath) (builtins.hasContext builtins.toFile "f" "contents") ]
