# A file
builtins.fromTOML (builtins.readFile ./lib/store/data.toml)
