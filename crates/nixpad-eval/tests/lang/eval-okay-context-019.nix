# appendContext round trip
builtins.getContext (builtins.appendContext "x" { "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a.drv" = { outputs = [ "out" "bin" ]; allOutputs = true; path = true; }; })
