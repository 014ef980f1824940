builtins.readFile ./lib/nul-byte.bin
