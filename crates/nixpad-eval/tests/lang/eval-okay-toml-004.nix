# Infinity and NaN
builtins.fromTOML "e = +inf\nf = nan\ng = -inf"
