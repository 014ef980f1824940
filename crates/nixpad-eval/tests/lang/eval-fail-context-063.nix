# fromTOML rejects context
builtins.fromTOML (builtins.toFile "f" "contents")
