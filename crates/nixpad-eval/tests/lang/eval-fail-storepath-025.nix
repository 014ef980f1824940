# storePath outside the store
builtins.storePath /tmp
