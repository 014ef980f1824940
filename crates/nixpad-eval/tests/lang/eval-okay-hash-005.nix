# hashString of the empty string
builtins.hashString "sha256" ""
