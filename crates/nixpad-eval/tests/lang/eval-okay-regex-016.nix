# split on whitespace runs
builtins.filter builtins.isString (builtins.split "[[:space:]]+" "a  b\tc")
