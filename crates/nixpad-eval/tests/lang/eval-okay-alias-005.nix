# The builtins set does not contain __ names
[ (builtins ? __add) (builtins ? add) ]
