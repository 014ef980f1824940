# toFile with binary contents
builtins.toFile "bin" "\t\n\r é"
