# sub overflow via the builtin
builtins.sub (-9223372036854775807) 2
