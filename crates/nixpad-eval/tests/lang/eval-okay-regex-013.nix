# split on an empty-matching regex
builtins.split "" "abc"
