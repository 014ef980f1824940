# appendContext with false flags adds nothing
builtins.hasContext (builtins.appendContext "x" { "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a.drv" = { path = false; allOutputs = false; outputs = [ ]; }; })
