# appendContext ignores unknown keys
builtins.getContext (builtins.appendContext "x" { "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a.drv" = { foo = 1; path = true; }; })
