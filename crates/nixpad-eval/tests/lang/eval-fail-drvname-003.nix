# the invalid store path names the whole computed base, slash included
builtins.toFile "a/b" "x"
