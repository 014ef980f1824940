# compareVersions rejects context
builtins.compareVersions (builtins.toFile "f" "contents") "1"
