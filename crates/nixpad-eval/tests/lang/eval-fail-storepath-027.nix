# storePath with a bad hash character
builtins.storePath "/nix/store/eaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a"
