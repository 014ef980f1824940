# Dates are not supported
builtins.fromTOML "a = 1979-05-27T07:32:00Z"
