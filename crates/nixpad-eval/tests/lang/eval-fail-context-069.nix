# throw accepts context
throw (builtins.toFile "f" "contents")
