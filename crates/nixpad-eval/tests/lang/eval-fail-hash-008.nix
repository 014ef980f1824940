# hashString needs strings
builtins.hashString "sha256" 1
