# appendContext: short hash
builtins.appendContext "x" { "/nix/store/aaaa-a.drv" = { path = true; }; }
