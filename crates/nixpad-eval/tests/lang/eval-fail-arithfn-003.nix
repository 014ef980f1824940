# lessThan on sets
builtins.lessThan { } { }
