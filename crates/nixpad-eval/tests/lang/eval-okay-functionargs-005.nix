# functionArgs of an imported function
builtins.functionArgs (import ./lib/fnargs.nix)
