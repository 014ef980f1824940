# storePath context
builtins.getContext (builtins.storePath "/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-a/sub/file")
