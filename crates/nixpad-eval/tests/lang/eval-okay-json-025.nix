# fromJSON of a file
builtins.fromJSON (builtins.readFile ./lib/store/data.json)
