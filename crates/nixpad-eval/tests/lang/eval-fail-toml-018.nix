# Duplicate tables
builtins.fromTOML "[a]\n[a]"
