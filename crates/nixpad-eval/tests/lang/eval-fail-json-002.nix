# fromJSON of malformed input
builtins.fromJSON "[1"
