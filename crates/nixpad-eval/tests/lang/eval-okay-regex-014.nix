# split on a regex that can match empty
builtins.split "x*" "abc"
