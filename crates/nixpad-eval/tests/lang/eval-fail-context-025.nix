# appendContext: allOutputs of a non-derivation
builtins.appendContext "x" { "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a" = { allOutputs = true; }; }
