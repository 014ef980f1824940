# storePath too short
builtins.storePath "/nix/store/aaa"
