# appendContext merges with existing context
builtins.getContext (builtins.appendContext (builtins.toFile "f" "contents") { "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a" = { path = true; }; })
