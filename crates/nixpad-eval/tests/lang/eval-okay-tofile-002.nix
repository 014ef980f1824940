# toFile has its own path as context
builtins.getContext (builtins.toFile "f" "contents")
