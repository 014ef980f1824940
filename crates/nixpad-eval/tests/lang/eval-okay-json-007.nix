# toJSON of infinity is null
builtins.toJSON (1.0e300 * 1.0e300)
