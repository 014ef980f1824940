# appendContext: outputs of a non-derivation
builtins.appendContext "x" { "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a" = { outputs = [ "out" ]; }; }
